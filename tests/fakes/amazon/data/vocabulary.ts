/**
 * Word lists for believable product data. Brands, authors and titles are invented. Product names
 * are translated for the big non-English stores; features stay in English everywhere (a
 * simplification: real listings are localised).
 */
export type Category = 'kitchen' | 'outdoor' | 'electronics' | 'home' | 'books';

/** Languages with translated product names; every other language falls back to English. */
export type NameLanguage = 'en' | 'de' | 'fr' | 'it' | 'es' | 'ja';
export type LocalizedName = Record<NameLanguage, string>;

export interface ProductKind {
  key: string;
  category: Category;
  name: LocalizedName;
  browseNodeId: string;
  /** Spec values shown in the title, e.g. 1.7 (L). */
  specs: readonly number[];
  unit: string;
  priceUsd: readonly [number, number];
  variation?: 'color_name' | 'size_name';
  features: readonly string[];
  /** Width / height of the product photo. */
  aspect: number;
}

const name = (en: string, de: string, fr: string, it: string, es: string, ja: string): LocalizedName => ({ en, de, fr, it, es, ja });

export const PRODUCT_KINDS: readonly ProductKind[] = [
  {
    key: 'kettle', category: 'kitchen', browseNodeId: '3760931', specs: [1.0, 1.5, 1.7], unit: 'L', priceUsd: [24, 79], aspect: 1,
    name: name('Electric Kettle', 'Wasserkocher', 'Bouilloire électrique', 'Bollitore elettrico', 'Hervidor de agua eléctrico', '電気ケトル'),
    features: ['Boils a full jug in under four minutes with a 3000 W element', 'Automatic shut-off and boil-dry protection', 'Limescale filter that lifts out for rinsing', 'Cool-touch handle and 360° swivel base', 'BPA-free water window with level markings'],
  },
  {
    key: 'knife', category: 'kitchen', browseNodeId: '3760951', specs: [18, 20, 21], unit: 'cm', priceUsd: [22, 129], aspect: 1.6,
    name: name("Chef's Knife", 'Kochmesser', 'Couteau de chef', 'Coltello da chef', 'Cuchillo de chef', '牛刀'),
    features: ['Forged high-carbon stainless steel, hardened to 58 HRC', 'Full tang with a triple-riveted handle', 'Hand-sharpened 15° edge on each side', 'Balanced at the bolster for precise cuts', 'Comes in a gift box with a blade guard'],
  },
  {
    key: 'pan', category: 'kitchen', browseNodeId: '3760941', specs: [24, 26, 28], unit: 'cm', priceUsd: [19, 89], aspect: 1.3, variation: 'size_name',
    name: name('Non-Stick Frying Pan', 'Antihaft-Bratpfanne', 'Poêle antiadhésive', 'Padella antiaderente', 'Sartén antiadherente', 'フライパン'),
    features: ['Three-layer PFOA-free non-stick coating', 'Works on induction, gas and electric hobs', 'Oven safe up to 220 °C', 'Riveted stay-cool handle', 'Dishwasher safe'],
  },
  {
    key: 'grinder', category: 'kitchen', browseNodeId: '3760931', specs: [150, 200], unit: 'W', priceUsd: [29, 149], aspect: 0.8,
    name: name('Burr Coffee Grinder', 'Kaffeemühle mit Kegelmahlwerk', 'Moulin à café à meules', 'Macinacaffè a macine', 'Molinillo de café de muelas', 'コーヒーグラインダー'),
    features: ['Conical steel burrs for an even grind', '31 settings from espresso to French press', 'Grinds straight into the portafilter or the container', 'Timer dial for one to twelve cups', 'Removable upper burr for easy cleaning'],
  },
  {
    key: 'scale', category: 'kitchen', browseNodeId: '3760961', specs: [5, 10], unit: 'kg', priceUsd: [12, 39], aspect: 1,
    name: name('Digital Kitchen Scale', 'Digitale Küchenwaage', 'Balance de cuisine électronique', 'Bilancia da cucina digitale', 'Báscula de cocina digital', 'デジタルキッチンスケール'),
    features: ['Weighs in 1 g steps', 'Tare button for weighing in the bowl', 'Backlit display, readable from the side', 'Tempered glass platform wipes clean', 'Batteries included'],
  },
  {
    key: 'airfryer', category: 'kitchen', browseNodeId: '3760931', specs: [3.5, 4.2, 5.5], unit: 'L', priceUsd: [59, 189], aspect: 0.9,
    name: name('Air Fryer', 'Heißluftfritteuse', 'Friteuse sans huile', 'Friggitrice ad aria', 'Freidora de aire', 'ノンフライヤー'),
    features: ['Crisps food with up to 90% less fat', 'Eight presets and a shake reminder', 'Basket and tray are dishwasher safe', 'Adjustable from 80 to 200 °C', 'Window to check food without opening'],
  },
  {
    key: 'tent', category: 'outdoor', browseNodeId: '3375321', specs: [1.9, 2.4, 3.1], unit: 'kg', priceUsd: [79, 349], aspect: 1.4,
    name: name('Camping Tent', 'Campingzelt', 'Tente de camping', 'Tenda da campeggio', 'Tienda de campaña', 'キャンプテント'),
    features: ['Pitches in under five minutes with colour-coded poles', '3000 mm hydrostatic head flysheet', 'Two doors and two vestibules', 'Mesh inner for ventilation on warm nights', 'Packs down to a 45 cm stuff sack'],
  },
  {
    key: 'sleepingbag', category: 'outdoor', browseNodeId: '3375331', specs: [-5, 0, 5], unit: '°C', priceUsd: [39, 199], aspect: 0.6,
    name: name('Sleeping Bag', 'Schlafsack', 'Sac de couchage', 'Sacco a pelo', 'Saco de dormir', '寝袋'),
    features: ['Mummy shape with an insulated hood', 'Two-way anti-snag zip', 'Compression sack included', 'Machine washable synthetic fill', 'Comfort rating tested to EN 13537'],
  },
  {
    key: 'backpack', category: 'outdoor', browseNodeId: '3375341', specs: [30, 40, 55], unit: 'L', priceUsd: [45, 179], aspect: 0.7, variation: 'color_name',
    name: name('Hiking Backpack', 'Wanderrucksack', 'Sac à dos de randonnée', 'Zaino da trekking', 'Mochila de senderismo', '登山用リュック'),
    features: ['Adjustable back system with ventilated mesh', 'Integrated rain cover in the base pocket', 'Hydration sleeve for bladders up to 3 L', 'Hip-belt pockets for phone and snacks', 'Trekking-pole attachment loops'],
  },
  {
    key: 'bottle', category: 'outdoor', browseNodeId: '3375341', specs: [500, 750, 1000], unit: 'ml', priceUsd: [15, 45], aspect: 0.35, variation: 'color_name',
    name: name('Insulated Water Bottle', 'Isolierte Trinkflasche', 'Gourde isotherme', 'Borraccia termica', 'Botella térmica', '真空断熱ボトル'),
    features: ['Keeps drinks cold for 24 hours and hot for 12', 'Double-wall 18/8 stainless steel', 'Leak-proof lid with carry loop', 'Powder coat that does not sweat', 'Fits most car cup holders'],
  },
  {
    key: 'headlamp', category: 'outdoor', browseNodeId: '3375351', specs: [300, 450, 800], unit: 'lm', priceUsd: [15, 65], aspect: 1.2,
    name: name('LED Headlamp', 'LED-Stirnlampe', 'Lampe frontale LED', 'Torcia frontale LED', 'Linterna frontal LED', 'LEDヘッドライト'),
    features: ['USB-C rechargeable battery', 'Red light mode keeps night vision', 'IPX4 splash resistant', 'Tilting head, 45° range', 'Weighs only 78 g'],
  },
  {
    key: 'earbuds', category: 'electronics', browseNodeId: '172541', specs: [24, 30, 40], unit: 'h', priceUsd: [25, 199], aspect: 1, variation: 'color_name',
    name: name('Wireless Earbuds', 'Kabellose Ohrhörer', 'Écouteurs sans fil', 'Auricolari wireless', 'Auriculares inalámbricos', 'ワイヤレスイヤホン'),
    features: ['Active noise cancelling with transparency mode', 'Bluetooth 5.3 with multipoint pairing', 'Charging case adds three full charges', 'IPX5 sweat resistant', 'Four microphones for clear calls'],
  },
  {
    key: 'powerbank', category: 'electronics', browseNodeId: '7073956011', specs: [10000, 20000], unit: 'mAh', priceUsd: [19, 69], aspect: 0.6,
    name: name('Power Bank', 'Powerbank', 'Batterie externe', 'Power bank', 'Batería externa', 'モバイルバッテリー'),
    features: ['Charges two devices at once', '20 W USB-C Power Delivery', 'LED display shows the remaining charge', 'Slim enough for a jacket pocket', 'Cable included'],
  },
  {
    key: 'charger', category: 'electronics', browseNodeId: '7073956011', specs: [30, 65, 100], unit: 'W', priceUsd: [15, 59], aspect: 1,
    name: name('USB-C Charger', 'USB-C Ladegerät', 'Chargeur USB-C', 'Caricatore USB-C', 'Cargador USB-C', 'USB-C 充電器'),
    features: ['GaN technology, half the size of a standard charger', 'Fast-charges laptops, tablets and phones', 'Foldable plug', 'Overheat and surge protection', 'Works with PD and PPS devices'],
  },
  {
    key: 'speaker', category: 'electronics', browseNodeId: '172623', specs: [10, 20, 40], unit: 'W', priceUsd: [29, 179], aspect: 1.5, variation: 'color_name',
    name: name('Bluetooth Speaker', 'Bluetooth-Lautsprecher', 'Enceinte Bluetooth', 'Altoparlante Bluetooth', 'Altavoz Bluetooth', 'Bluetoothスピーカー'),
    features: ['360° sound with a passive bass radiator', 'IP67 waterproof and it floats', 'Up to 20 hours of playtime', 'Pair two speakers for stereo', 'Built-in speakerphone'],
  },
  {
    key: 'keyboard', category: 'electronics', browseNodeId: '172456', specs: [84, 104], unit: 'keys', priceUsd: [49, 179], aspect: 2.4,
    name: name('Mechanical Keyboard', 'Mechanische Tastatur', 'Clavier mécanique', 'Tastiera meccanica', 'Teclado mecánico', 'メカニカルキーボード'),
    features: ['Hot-swappable switches', 'Connects by Bluetooth, 2.4 GHz or cable', 'Per-key white backlight', 'Aluminium top plate', 'Mac and Windows layouts'],
  },
  {
    key: 'mouse', category: 'electronics', browseNodeId: '172456', specs: [1600, 4000], unit: 'DPI', priceUsd: [15, 89], aspect: 0.7,
    name: name('Wireless Mouse', 'Kabellose Maus', 'Souris sans fil', 'Mouse wireless', 'Ratón inalámbrico', 'ワイヤレスマウス'),
    features: ['Quiet clicks', 'Runs 18 months on one AA battery', 'Sculpted shape for right hands', 'Works on glass and glossy surfaces', 'Nano receiver stores inside'],
  },
  {
    key: 'pillow', category: 'home', browseNodeId: '3760971', specs: [60, 70], unit: 'cm', priceUsd: [25, 79], aspect: 1.5, variation: 'size_name',
    name: name('Memory Foam Pillow', 'Memory-Foam-Kissen', 'Oreiller à mémoire de forme', 'Cuscino in memory foam', 'Almohada viscoelástica', '低反発枕'),
    features: ['Contoured to support the neck', 'Removable bamboo-viscose cover', 'CertiPUR-US certified foam', 'For back and side sleepers', 'Vacuum packed; expands in 24 hours'],
  },
  {
    key: 'desklamp', category: 'home', browseNodeId: '3761001', specs: [8, 12], unit: 'W', priceUsd: [25, 89], aspect: 0.7,
    name: name('LED Desk Lamp', 'LED-Schreibtischlampe', 'Lampe de bureau LED', 'Lampada da scrivania LED', 'Lámpara de escritorio LED', 'LEDデスクライト'),
    features: ['Five colour temperatures and ten brightness levels', 'Flicker-free light', 'USB port for charging a phone', 'Touch controls with memory', 'Folding arm'],
  },
  {
    key: 'towels', category: 'home', browseNodeId: '3760981', specs: [500, 600], unit: 'g/m²', priceUsd: [25, 69], aspect: 1, variation: 'color_name',
    name: name('Cotton Bath Towel Set', 'Badetuch-Set aus Baumwolle', 'Lot de serviettes de bain en coton', 'Set di asciugamani in cotone', 'Juego de toallas de baño de algodón', '綿バスタオルセット'),
    features: ['100% combed cotton', 'Set of two bath sheets and two hand towels', 'OEKO-TEX Standard 100', 'Absorbent and quick drying', 'Hanging loops'],
  },
  {
    key: 'candle', category: 'home', browseNodeId: '3760991', specs: [200, 400], unit: 'g', priceUsd: [12, 39], aspect: 0.9,
    name: name('Scented Candle', 'Duftkerze', 'Bougie parfumée', 'Candela profumata', 'Vela aromática', 'アロマキャンドル'),
    features: ['Soy wax blend with a cotton wick', 'Burns for up to 50 hours', 'Notes of cedar, fig and amber', 'Reusable glass jar', 'Hand poured in small batches'],
  },
];

export const BRANDS: Record<Exclude<Category, 'books'>, readonly string[]> = {
  kitchen: ['Copperline', 'Hearthwell', 'Kitchora', 'Saltmarsh', 'Vellano'],
  outdoor: ['Ridgefox', 'Trailwright', 'Northpeak Gear', 'Alpenkai', 'Cairnlite'],
  electronics: ['Voltaro', 'Lumiq', 'Soundfern', 'Axiqo', 'Pellix'],
  home: ['Duskwood', 'Linenfold', 'Hyggelo', 'Calmora'],
};

export const COLORS = ['Black', 'White', 'Navy Blue', 'Sage Green', 'Coral', 'Graphite'] as const;

export interface BookGenre {
  key: string;
  browseNodeId: string;
  titles: (random: () => number) => string;
}

const ADJECTIVES = ['Quiet', 'Salt', 'Paper', 'Last', 'Hollow', 'Winter', 'Amber', 'Silent', 'Northern', 'Borrowed', 'Crooked', 'Glass'];
const NOUNS = ['Orchard', 'Harbour', 'Kingdom', 'Lighthouse', 'Garden', 'River', 'Cartographer', 'Summer', 'Inheritance', 'Orchestra', 'Tide', 'Archive'];
const DISHES = ['Weeknight', 'One-Pan', 'Slow Cooker', 'Plant-Based', 'Sourdough', 'Fermentation', 'Mediterranean', 'Air Fryer'];
const PLACES = ['the Scottish Highlands', 'Patagonia', 'the Alps', 'Japan by Rail', 'the Pacific Crest Trail', 'Iceland', 'the Dolomites'];

const at = <T>(items: readonly T[], r: number): T => items[Math.floor(r * items.length)] as T;

export const BOOK_GENRES: readonly BookGenre[] = [
  { key: 'novel', browseNodeId: '17', titles: (r) => `The ${at(ADJECTIVES, r())} ${at(NOUNS, r())}: A Novel` },
  { key: 'cookbook', browseNodeId: '6', titles: (r) => `The ${at(DISHES, r())} Cookbook: ${at([75, 100, 120, 150], r())} Recipes for Every Day` },
  { key: 'travel', browseNodeId: '4', titles: (r) => `Walking ${at(PLACES, r())}: A Field Guide` },
];

export const FIRST_NAMES = ['Amelia', 'Jonas', 'Priya', 'Tomás', 'Hannah', 'Kenji', 'Sofia', 'Elliot', 'Maren', 'Idris', 'Clara', 'Rafael'];
export const LAST_NAMES = ['Hartley', 'Lindqvist', 'Moreau', 'Okafor', 'Brennan', 'Takeda', 'Valdés', 'Whitcombe', 'Ashgrove', 'Novak'];
export const PUBLISHERS = ['Larkspur Press', 'Harbourlight Books', 'Fennick & Rowe', 'Old Quay Publishing'];

export const BINDING: Record<Category, LocalizedName> = {
  kitchen: name('Kitchen', 'Küche', 'Cuisine', 'Cucina', 'Cocina', 'ホーム＆キッチン'),
  home: name('Home', 'Haushaltswaren', 'Maison', 'Casa', 'Hogar', 'ホーム'),
  outdoor: name('Sports', 'Sport', 'Sports', 'Sport', 'Deportes', 'スポーツ'),
  electronics: name('Electronics', 'Elektronik', 'Électronique', 'Elettronica', 'Electrónica', 'エレクトロニクス'),
  books: name('Paperback', 'Taschenbuch', 'Broché', 'Copertina flessibile', 'Tapa blanda', 'ペーパーバック'),
};

/** The PA-API / Creators `searchIndex` each category is found under (besides `All`). */
export const SEARCH_INDEX: Record<Category, string> = {
  kitchen: 'HomeAndKitchen',
  home: 'HomeAndKitchen',
  outdoor: 'SportsAndOutdoors',
  electronics: 'Electronics',
  books: 'Books',
};

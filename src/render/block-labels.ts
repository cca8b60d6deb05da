/**
 * The words blocks print, in the language of the store a link goes to (the marketplace
 * catalogue's `language`). Languages without a row use English.
 */
export interface BlockLabels {
  buy: string;
  view: string;
  search: string;
  asOf: string;
  mayChange: string;
  listPrice: string;
  save: string;
  ratings: string;
  pick: string;
  product: string;
  price: string;
  rating: string;
  features: string;
  availability: string;
  image: string;
}

const EN: BlockLabels = {
  buy: 'Buy on Amazon',
  view: 'View on Amazon',
  search: 'Search on Amazon',
  asOf: 'Price as of',
  mayChange: 'Prices and availability may change.',
  listPrice: 'List price',
  save: 'Save',
  ratings: 'ratings',
  pick: 'Our pick',
  product: 'Product',
  price: 'Price',
  rating: 'Rating',
  features: 'Features',
  availability: 'Availability',
  image: 'Image',
};

const BY_LANGUAGE: Record<string, BlockLabels> = {
  en: EN,
  de: { buy: 'Bei Amazon kaufen', view: 'Bei Amazon ansehen', search: 'Bei Amazon suchen', asOf: 'Preis vom', mayChange: 'Preise und Verfügbarkeit können sich ändern.', listPrice: 'UVP', save: 'Sie sparen', ratings: 'Bewertungen', pick: 'Unsere Wahl', product: 'Produkt', price: 'Preis', rating: 'Bewertung', features: 'Merkmale', availability: 'Verfügbarkeit', image: 'Bild' },
  fr: { buy: 'Acheter sur Amazon', view: 'Voir sur Amazon', search: 'Rechercher sur Amazon', asOf: 'Prix au', mayChange: 'Les prix et la disponibilité peuvent changer.', listPrice: 'Prix conseillé', save: 'Économisez', ratings: 'évaluations', pick: 'Notre choix', product: 'Produit', price: 'Prix', rating: 'Note', features: 'Caractéristiques', availability: 'Disponibilité', image: 'Image' },
  es: { buy: 'Comprar en Amazon', view: 'Ver en Amazon', search: 'Buscar en Amazon', asOf: 'Precio a', mayChange: 'Los precios y la disponibilidad pueden cambiar.', listPrice: 'Precio recomendado', save: 'Ahorra', ratings: 'valoraciones', pick: 'Nuestra elección', product: 'Producto', price: 'Precio', rating: 'Valoración', features: 'Características', availability: 'Disponibilidad', image: 'Imagen' },
  it: { buy: 'Acquista su Amazon', view: 'Vedi su Amazon', search: 'Cerca su Amazon', asOf: 'Prezzo al', mayChange: 'Prezzi e disponibilità possono cambiare.', listPrice: 'Prezzo consigliato', save: 'Risparmi', ratings: 'valutazioni', pick: 'La nostra scelta', product: 'Prodotto', price: 'Prezzo', rating: 'Valutazione', features: 'Caratteristiche', availability: 'Disponibilità', image: 'Immagine' },
};

/** `de_DE` → the German labels; unknown languages → English. */
export function blockLabels(language: string): BlockLabels {
  return BY_LANGUAGE[language.slice(0, 2).toLowerCase()] ?? EN;
}

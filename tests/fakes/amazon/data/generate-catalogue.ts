import { MARKETPLACES, type Marketplace } from '../../../../src/domain/marketplaces/catalogue.js';
import { amazonMerchantName, type StockState } from './localize.js';
import { listPriceAbove, shelfPrice } from './money.js';
import { Random } from './prng.js';
import type { CatalogueProduct, MarketOffer } from './product.js';
import {
  BOOK_GENRES, BRANDS, COLORS, FIRST_NAMES, LAST_NAMES, PRODUCT_KINDS, PUBLISHERS,
  type LocalizedName, type ProductKind,
} from './vocabulary.js';

/** The ten stores most tests use; every product is more likely to be sold there. */
export const MAIN_MARKETPLACES = ['us', 'uk', 'de', 'fr', 'jp', 'ca', 'it', 'es', 'au', 'in'] as const;

/** A valid ASIN that no store sells, for "unknown item" tests. */
export const UNKNOWN_ASIN = 'B0UNKNOWN0';

const BUYABLE_TARGET = 300;
const BOOK_COUNT = 50;
const FAMILY_COUNT = 14;
const ALNUM = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const IMAGE_CHARS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const THIRD_PARTY_SELLERS = ['Brightside Goods', 'Parcel & Pine', 'Northgate Trading', 'Quayside Retail'];

type MutableOffer = MarketOffer;
type Draft = Omit<CatalogueProduct, 'offers'> & { marketplaces: string[] };

/**
 * Builds the whole catalogue from one seed: same input, same products, prices and stock, on
 * every machine and every run. Per-store details draw from a generator seeded by (ASIN, store),
 * so adding a store or a product does not reshuffle the others.
 */
export function generateCatalogue(seed = 20260515): CatalogueProduct[] {
  const random = new Random(seed);
  const asins = new Set<string>([UNKNOWN_ASIN]);
  const drafts: Draft[] = [];

  const newAsin = (isBook: boolean): string => {
    for (;;) {
      const asin = isBook ? isbn10(`${random.int(0, 1)}${random.chars('0123456789', 8)}`) : `B0${random.chars(ALNUM, 8)}`;
      if (!asins.has(asin)) {
        asins.add(asin);
        return asin;
      }
    }
  };
  const pickStores = (englishLeaning: boolean): string[] => {
    const stores = MARKETPLACES.filter((m) => {
      const main = (MAIN_MARKETPLACES as readonly string[]).includes(m.code);
      const english = m.language.startsWith('en');
      const p = englishLeaning ? (english ? 0.75 : 0.3) : main ? 0.55 : 0.25;
      return random.chance(p);
    }).map((m) => m.code);
    return stores.length > 0 ? stores : [random.pick(MAIN_MARKETPLACES)];
  };

  // Variation families first; the first is sold everywhere so every store has one.
  const familyKinds = PRODUCT_KINDS.filter((k) => k.variation);
  for (let f = 0; f < FAMILY_COUNT; f++) {
    const kind = familyKinds[f % familyKinds.length] as ProductKind;
    const stores = f === 0 ? MARKETPLACES.map((m) => m.code) : pickStores(false);
    const base = basics(random, kind);
    const parentAsin = newAsin(false);
    drafts.push({ ...base, asin: parentAsin, isParent: true, marketplaces: stores, spec: undefined });
    const values = kind.variation === 'size_name' ? kind.specs.map((s) => `${s} ${kind.unit}`) : random.sample(COLORS, random.int(3, 4));
    values.forEach((value, i) => {
      const spec = kind.variation === 'size_name' ? { value: kind.specs[i] ?? kind.specs[0] ?? 1, unit: kind.unit } : base.spec;
      drafts.push({
        ...base, asin: newAsin(false), parentAsin, spec, marketplaces: stores,
        variation: { dimension: kind.variation ?? 'color_name', value },
        imageIds: imageIds(random), basePriceUsd: round(base.basePriceUsd * random.between(0.9, 1.25)),
      });
    });
  }

  const buyableSoFar = drafts.filter((d) => !d.isParent).length;
  for (let i = buyableSoFar; i < BUYABLE_TARGET - BOOK_COUNT; i++) {
    drafts.push({ ...basics(random, random.pick(PRODUCT_KINDS)), asin: newAsin(false), marketplaces: pickStores(false) });
  }

  for (let i = 0; i < BOOK_COUNT; i++) {
    const stores = pickStores(true);
    // Book i is also forced into store i, so every store has at least one book.
    const forced = MARKETPLACES[i]?.code;
    if (forced && !stores.includes(forced)) stores.push(forced);
    drafts.push({ ...book(random), asin: newAsin(true), marketplaces: stores });
  }

  for (const marketplace of MARKETPLACES) drafts.push({ ...giftCard(random, marketplace), asin: newAsin(false), marketplaces: [marketplace.code] });

  const products = drafts.map(({ marketplaces, ...draft }): CatalogueProduct => ({
    ...draft,
    ...(draft.isBook ? { isbn: draft.asin, ean: isbn13(draft.asin) } : {}),
    offers: new Map(marketplaces.map((code) => [code, marketOffer(draft, code)])),
  }));
  ensureRoles(products);
  return products;
}

function basics(random: Random, kind: ProductKind): Draft {
  const category = kind.category === 'books' ? 'home' : kind.category;
  const brand = random.pick(BRANDS[category]);
  return {
    asin: '', category: kind.category, kind: kind.key, name: kind.name, isBook: false, isParent: false, brand,
    manufacturer: brand, model: `${kind.key.slice(0, 2).toUpperCase()}-${random.int(1000, 9899)}`,
    spec: { value: random.pick(kind.specs), unit: kind.unit },
    features: random.sample(kind.features, random.int(3, 5)), contributors: [], browseNodeId: kind.browseNodeId,
    imageIds: imageIds(random), aspect: kind.aspect, ean: ean13(`40${random.chars('0123456789', 10)}`),
    releaseDate: releaseDate(random), basePriceUsd: round(random.between(kind.priceUsd[0], kind.priceUsd[1])),
    accessible: true, marketplaces: [],
  };
}

function book(random: Random): Draft {
  const genre = random.pick(BOOK_GENRES);
  const title = genre.titles(() => random.next());
  const author = `${random.pick(FIRST_NAMES)} ${random.pick(LAST_NAMES)}`;
  const publisher = random.pick(PUBLISHERS);
  const contributors: { name: string; role: 'Author' | 'Illustrator' }[] = [{ name: author, role: 'Author' }];
  if (genre.key === 'cookbook' && random.chance(0.4)) contributors.push({ name: `${random.pick(FIRST_NAMES)} ${random.pick(LAST_NAMES)}`, role: 'Illustrator' });
  return {
    asin: '', category: 'books', kind: genre.key, name: same(title), isBook: true, isParent: false, brand: publisher,
    manufacturer: publisher, model: '', features: [], contributors, browseNodeId: genre.browseNodeId, imageIds: imageIds(random).slice(0, 1),
    aspect: 0.66, ean: '', releaseDate: releaseDate(random), pages: random.int(160, 520), basePriceUsd: round(random.between(9, 35)),
    accessible: true, marketplaces: [],
  };
}

function giftCard(random: Random, marketplace: Marketplace): Draft {
  const store = amazonMerchantName(marketplace);
  const name: LocalizedName = {
    en: `${store} Gift Card`, de: `${store} Geschenkgutschein`, fr: `Carte cadeau ${store}`, it: `Buono regalo ${store}`,
    es: `Cheque regalo de ${store}`, ja: `${store} ギフトカード`,
  };
  return {
    asin: '', category: 'giftcard', kind: 'giftcard', name, isBook: false, isParent: false, brand: 'Amazon', manufacturer: 'Amazon',
    model: 'GC', features: ['Never expires', 'Redeemable towards millions of items'], contributors: [], browseNodeId: '2238192011',
    imageIds: imageIds(random).slice(0, 1), aspect: 1.58, ean: ean13(`40${random.chars('0123456789', 10)}`), releaseDate: releaseDate(random),
    basePriceUsd: 25, accessible: false, marketplaces: [],
  };
}

function marketOffer(product: Omit<CatalogueProduct, 'offers'>, code: string): MutableOffer {
  const marketplace = MARKETPLACES.find((m) => m.code === code) as Marketplace;
  const random = new Random(`${product.asin}:${code}`);
  const salesRank = random.int(1, 250_000);
  if (product.isParent) return { price: null, stock: 'IN_STOCK', left: 0, hasOffers: false, salesRank };
  const roll = random.next();
  const stock: StockState = roll < 0.8 ? 'IN_STOCK' : roll < 0.88 ? 'IN_STOCK_SCARCE' : roll < 0.96 ? 'OUT_OF_STOCK' : product.isBook ? 'PREORDER' : 'IN_STOCK';
  const price = stock === 'OUT_OF_STOCK' ? null : shelfPrice(product.basePriceUsd, marketplace.currency, random);
  const offer: MutableOffer = { price, stock, left: random.int(1, 9), hasOffers: random.chance(0.97), salesRank };
  if (price !== null && random.chance(0.3)) {
    offer.listPrice = listPriceAbove(price, marketplace.currency, random);
    if (random.chance(0.15)) offer.deal = { badge: 'Limited time deal', percentClaimed: random.int(5, 95) };
  }
  if (random.chance(0.5)) offer.rating = { value: Math.round(random.between(3.4, 4.9) * 10) / 10, count: Math.floor(Math.exp(random.between(1, 10))) };
  if (price !== null && random.chance(0.2)) {
    const merchant = random.pick(THIRD_PARTY_SELLERS);
    offer.secondOffer = { price: listPriceAbove(price, marketplace.currency, random), merchant, merchantId: `A${random.chars(ALNUM, 13)}` };
  }
  return offer;
}

/**
 * Guarantees that every store has the items tests reach for (see wellKnownAsins): where the dice
 * left a role empty, the last standalone product not holding another role is made to fit.
 */
function ensureRoles(products: CatalogueProduct[]): void {
  for (const marketplace of MARKETPLACES) {
    const candidates = products.filter((p) => isStandalone(p) && p.offers.has(marketplace.code)).reverse();
    const taken = new Set<string>();
    for (const role of ROLES) {
      const holder = products.find((p) => p.offers.has(marketplace.code) && !taken.has(p.asin) && role.holds(p, offerOf(p, marketplace.code)));
      if (holder) {
        taken.add(holder.asin);
        continue;
      }
      const chosen = candidates.find((p) => !taken.has(p.asin));
      if (!chosen) throw new Error(`fake catalogue: no product left to be ${role.name} in ${marketplace.code}`);
      role.make(offerOf(chosen, marketplace.code), marketplace, chosen);
      taken.add(chosen.asin);
    }
  }
}

export function isStandalone(product: CatalogueProduct): boolean {
  return product.accessible && !product.isParent && !product.parentAsin && !product.isBook;
}

function offerOf(product: CatalogueProduct, code: string): MutableOffer {
  return product.offers.get(code) as MutableOffer;
}

interface Role {
  name: string;
  holds(product: CatalogueProduct, offer: MarketOffer): boolean;
  make(offer: MutableOffer, marketplace: Marketplace, product: CatalogueProduct): void;
}

const buyable = (p: CatalogueProduct, o: MarketOffer) => isStandalone(p) && o.hasOffers && o.stock === 'IN_STOCK' && o.price !== null;
const restock = (offer: MutableOffer, marketplace: Marketplace, product: CatalogueProduct) => {
  offer.hasOffers = true;
  offer.stock = 'IN_STOCK';
  offer.price ??= shelfPrice(product.basePriceUsd, marketplace.currency, new Random(`${product.asin}:${marketplace.code}:price`));
};

/** Roles a store must have, in the order they are filled. Exported predicates drive wellKnownAsins. */
export const ROLES: readonly Role[] = [
  {
    name: 'inStock',
    holds: (p, o) => buyable(p, o) && o.rating !== undefined && o.listPrice === undefined,
    make: (o, m, p) => {
      restock(o, m, p);
      delete o.listPrice;
      delete o.deal;
      o.rating ??= { value: 4.4, count: 1287 };
    },
  },
  {
    name: 'onSale',
    holds: (p, o) => buyable(p, o) && o.listPrice !== undefined,
    make: (o, m, p) => {
      restock(o, m, p);
      o.listPrice = listPriceAbove(o.price ?? 0, m.currency, new Random(`${p.asin}:${m.code}:list`));
    },
  },
  {
    name: 'noReviews',
    holds: (p, o) => buyable(p, o) && o.rating === undefined,
    make: (o, m, p) => {
      restock(o, m, p);
      delete o.rating;
    },
  },
  {
    name: 'outOfStock',
    holds: (p, o) => isStandalone(p) && o.hasOffers && o.stock === 'OUT_OF_STOCK',
    make: (o) => {
      o.hasOffers = true;
      o.stock = 'OUT_OF_STOCK';
      o.price = null;
      delete o.listPrice;
      delete o.deal;
      delete o.secondOffer;
    },
  },
];

function imageIds(random: Random): string[] {
  return [0, 1, 2].map(() => `${random.pick(['4', '5', '6', '7', '8'])}1${random.chars(IMAGE_CHARS, 8)}L`);
}

function releaseDate(random: Random): string {
  const day = new Date(Date.UTC(2018, 0, 1) + random.int(0, 8 * 365) * 86_400_000);
  return `${day.toISOString().slice(0, 10)}T00:00:01Z`;
}

function isbn10(nine: string): string {
  const sum = [...nine].reduce((acc, digit, i) => acc + Number(digit) * (10 - i), 0);
  const check = (11 - (sum % 11)) % 11;
  return nine + (check === 10 ? 'X' : String(check));
}

export function isbn13(isbn10Text: string): string {
  return ean13(`978${isbn10Text.slice(0, 9)}`);
}

function ean13(twelve: string): string {
  const sum = [...twelve].reduce((acc, digit, i) => acc + Number(digit) * (i % 2 === 0 ? 1 : 3), 0);
  return twelve + String((10 - (sum % 10)) % 10);
}

function same(text: string): LocalizedName {
  return { en: text, de: text, fr: text, it: text, es: text, ja: text };
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

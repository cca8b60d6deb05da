import { MARKETPLACES, type Marketplace } from '../../../../src/domain/marketplaces/catalogue.js';
import { describeItem, imageUrl, type DescribedItem } from './describe-item.js';
import { generateCatalogue, isStandalone, ROLES, UNKNOWN_ASIN } from './generate-catalogue.js';
import type { StockState } from './localize.js';
import type { Money } from './money.js';
import type { CatalogueProduct, MarketOffer } from './product.js';

const PRODUCTS: readonly CatalogueProduct[] = generateCatalogue();
const BY_ASIN = new Map(PRODUCTS.map((p) => [p.asin, p]));
const BY_CODE = new Map(MARKETPLACES.map((m) => [m.code, m]));

/** ASINs every store is guaranteed to have, by what they are good for in a test. */
export interface WellKnownAsins {
  /** Buyable, rated, no list price. */
  inStock: string;
  /** Buyable with a list price, so `savings` and `savingBasis` are filled. */
  onSale: string;
  /** Buyable, without customer reviews. */
  noReviews: string;
  /** Listed, but OUT_OF_STOCK and without a price. */
  outOfStock: string;
  variationParent: string;
  variationChild: string;
  book: string;
  /** Known to the store but refused as ItemNotAccessible (a gift card). */
  notAccessible: string;
  /** Sold in another store, unknown in this one. */
  absentHere: string;
  /** Sold nowhere. */
  unknown: string;
}

/** A store's view of one item, for tests to compare with what the API returned. */
export interface FakeItem {
  asin: string;
  marketplace: string;
  title: string;
  brand: string;
  parentAsin?: string;
  isParent: boolean;
  accessible: boolean;
  price: Money | null;
  listPrice: Money | null;
  savingsPercent: number | null;
  /** null when the item comes back without any offer. */
  availability: StockState | null;
  rating?: { value: number; count: number };
  imageUrl: string;
}

export function marketplaceByCode(code: string): Marketplace | undefined {
  return BY_CODE.get(code);
}

/** The product and its store offer, when that store sells it. */
export function lookup(code: string, asin: string): DescribedItem | undefined {
  const product = BY_ASIN.get(asin);
  const marketplace = BY_CODE.get(code);
  const offer = product?.offers.get(code);
  return product && marketplace && offer ? describeItem(product, offer, marketplace) : undefined;
}

/** Products a store sells, in catalogue order. */
export function productsIn(code: string): { product: CatalogueProduct; offer: MarketOffer }[] {
  const out: { product: CatalogueProduct; offer: MarketOffer }[] = [];
  for (const product of PRODUCTS) {
    const offer = product.offers.get(code);
    if (offer) out.push({ product, offer });
  }
  return out;
}

function wellKnown(code: string): WellKnownAsins {
  const here = productsIn(code);
  const find = (test: (p: CatalogueProduct, o: MarketOffer) => boolean, what: string): string => {
    const hit = here.find(({ product, offer }) => test(product, offer));
    if (!hit) throw new Error(`fake catalogue: ${code} has no ${what}`);
    return hit.product.asin;
  };
  const roles = Object.fromEntries(ROLES.map((role) => [role.name, find(role.holds, role.name)])) as Record<string, string>;
  const absent = PRODUCTS.find((p) => p.accessible && !p.isParent && !p.offers.has(code));
  return {
    inStock: roles.inStock as string,
    onSale: roles.onSale as string,
    noReviews: roles.noReviews as string,
    outOfStock: roles.outOfStock as string,
    variationParent: find((p) => p.isParent, 'variation parent'),
    variationChild: find((p) => p.parentAsin !== undefined, 'variation child'),
    book: find((p) => p.isBook, 'book'),
    notAccessible: find((p) => !p.accessible, 'inaccessible item'),
    absentHere: absent?.asin ?? UNKNOWN_ASIN,
    unknown: UNKNOWN_ASIN,
  };
}

function item(code: string, asin: string): FakeItem | undefined {
  const described = lookup(code, asin);
  if (!described) return undefined;
  const { product, offer } = described;
  return {
    asin,
    marketplace: code,
    title: described.title,
    brand: product.brand,
    ...(product.parentAsin ? { parentAsin: product.parentAsin } : {}),
    isParent: product.isParent,
    accessible: product.accessible,
    price: described.price,
    listPrice: described.listPrice,
    savingsPercent: described.savings?.percentage ?? null,
    availability: offer.hasOffers ? offer.stock : null,
    ...(offer.rating ? { rating: offer.rating } : {}),
    imageUrl: imageUrl(product.imageIds[0] ?? '', 500),
  };
}

/** Test helpers over the deterministic catalogue the fake serves. */
export const fakeCatalogue = {
  products: PRODUCTS,
  unknownAsin: UNKNOWN_ASIN,
  /** ASINs getItems answers with an item in that store (inaccessible ones excluded). */
  asins: (code: string): string[] => productsIn(code).filter(({ product }) => product.accessible).map(({ product }) => product.asin),
  /** Buyable standalone ASINs of a store, handy for bulk tests. */
  standaloneAsins: (code: string): string[] => productsIn(code).filter(({ product }) => isStandalone(product)).map(({ product }) => product.asin),
  item,
  product: (asin: string): CatalogueProduct | undefined => BY_ASIN.get(asin),
  marketplacesOf: (asin: string): string[] => [...(BY_ASIN.get(asin)?.offers.keys() ?? [])],
  wellKnown,
  /** The well-known ASINs a store really sells, as a list. */
  wellKnownAsins: (code: string): string[] => {
    const w = wellKnown(code);
    return [w.inStock, w.onSale, w.noReviews, w.outOfStock, w.variationParent, w.variationChild, w.book];
  },
};

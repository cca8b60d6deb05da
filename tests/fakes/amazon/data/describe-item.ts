import type { Marketplace } from '../../../../src/domain/marketplaces/catalogue.js';
import { localName } from './localize.js';
import { money, round2, type Money } from './money.js';
import type { CatalogueProduct, MarketOffer } from './product.js';

/** A product as one store shows it: localised title and prices in the store's currency. */
export interface DescribedItem {
  product: CatalogueProduct;
  offer: MarketOffer;
  marketplace: Marketplace;
  title: string;
  price: Money | null;
  listPrice: Money | null;
  savings: { money: Money; percentage: number } | null;
}

export function describeItem(product: CatalogueProduct, offer: MarketOffer, marketplace: Marketplace): DescribedItem {
  const { currency, language } = marketplace;
  const price = offer.price === null ? null : money(offer.price, currency, language);
  const listPrice = offer.price !== null && offer.listPrice !== undefined ? money(offer.listPrice, currency, language) : null;
  const savings =
    offer.price !== null && offer.listPrice !== undefined
      ? { money: money(round2(offer.listPrice - offer.price), currency, language), percentage: Math.round((1 - offer.price / offer.listPrice) * 100) }
      : null;
  return { product, offer, marketplace, title: titleOf(product, marketplace), price, listPrice, savings };
}

/** `Copperline Wasserkocher, 1,7 L` / `Ridgefox Hiking Backpack, 40 L – Sage Green`; books and gift cards carry their own title. */
export function titleOf(product: CatalogueProduct, marketplace: Marketplace): string {
  const name = localName(product.name, marketplace.language);
  if (product.isBook || product.category === 'giftcard') return name;
  const spec = product.spec ? `, ${formatSpec(product.spec, marketplace.language)}` : '';
  const color = product.variation?.dimension === 'color_name' ? ` – ${product.variation.value}` : '';
  return `${product.brand} ${name}${spec}${color}`;
}

function formatSpec(spec: { value: number; unit: string }, language: string): string {
  return `${new Intl.NumberFormat(language.replace('_', '-')).format(spec.value)} ${spec.unit}`;
}

export function imageUrl(imageId: string, size?: number): string {
  return `https://m.media-amazon.com/images/I/${imageId}${size ? `._SL${size}_` : ''}.jpg`;
}

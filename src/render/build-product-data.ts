import type { Marketplace } from '../domain/marketplaces/catalogue.js';
import type { BlockProduct } from '../domain/render/resolve-block-product.js';
import type { BlockLabels } from './block-labels.js';

/** What a template gets for one product: only what may be shown, already formatted. */
export interface ProductData {
  asin: string;
  url: string;
  state: BlockProduct['state'];
  title: string | null;
  /** The title, else the shortcode's own text, else "View on Amazon". */
  linkText: string;
  cta: string;
  image: { url: string; width: number | null; height: number | null } | null;
  features: string[];
  /** Present only with a price that may be shown; always with its time. */
  offer: {
    price: string;
    listPrice: string | null;
    savings: string | null;
    asOf: { iso: string; text: string };
    mayChange: string;
  } | null;
  availability: string | null;
  rating: { stars: string; outOf: string; count: string | null; text: string } | null;
}

export interface FormatContext {
  marketplace: Marketplace;
  labels: BlockLabels;
  timeZone: string;
}

const MAX_FEATURES = 5;

const AVAILABILITY_TEXT: Record<string, string> = {
  IN_STOCK: 'In stock',
  IN_STOCK_SCARCE: 'Only a few left',
  LEADTIME: 'Ships later',
  OUT_OF_STOCK: 'Out of stock',
  PREORDER: 'Pre-order',
  AVAILABLE_DATE: 'Available soon',
  UNAVAILABLE: 'Unavailable',
};

export function buildProductData(resolved: BlockProduct, format: FormatContext, ownText: string | null = null): ProductData {
  const { labels } = format;
  const locale = format.marketplace.language.replace('_', '-');
  const product = resolved.product;
  const shownOffer = resolved.offerShown ? product : null;
  const title = product?.title ?? null;
  const price = shownOffer?.price ?? null;
  return {
    asin: resolved.asin,
    url: resolved.url,
    state: resolved.state,
    title,
    linkText: ownText || title || labels.view,
    cta: resolved.state === 'fresh' ? labels.buy : resolved.state === 'search' || resolved.state === 'not_found' ? labels.search : labels.view,
    image: product?.images.primary ? { url: product.images.primary.url, width: product.images.primary.width, height: product.images.primary.height } : null,
    features: (product?.features ?? []).slice(0, MAX_FEATURES),
    offer:
      shownOffer && price
        ? {
            price: price.display,
            listPrice: shownOffer.listPrice && shownOffer.listPrice.amount > price.amount ? shownOffer.listPrice.display : null,
            savings: shownOffer.savings ? `${labels.save} ${shownOffer.savings.money.display}${shownOffer.savings.percentage ? ` (${shownOffer.savings.percentage}%)` : ''}` : null,
            asOf: { iso: shownOffer.fetchedAt, text: formatTime(shownOffer.fetchedAt, locale, format.timeZone) },
            mayChange: labels.mayChange,
          }
        : null,
    availability: shownOffer?.availability ? (shownOffer.availability.message ?? AVAILABILITY_TEXT[shownOffer.availability.type] ?? null) : null,
    rating: shownOffer?.rating ? rating(shownOffer.rating, locale, labels) : null,
  };
}

function rating({ stars, count }: { stars: number; count: number | null }, locale: string, labels: BlockLabels): ProductData['rating'] {
  const starsText = formatter(`stars|${locale}`, () => new Intl.NumberFormat(locale, { maximumFractionDigits: 1 })).format(stars);
  const countText = count === null ? null : formatter(`count|${locale}`, () => new Intl.NumberFormat(locale)).format(count);
  return { stars: starsText, outOf: '5', count: countText, text: `${starsText}/5${countText ? ` (${countText} ${labels.ratings})` : ''}` };
}

/** The fetch time in the site's time zone, in the store's language: "24 Nov 2025, 14:05 UTC". */
export function formatTime(iso: string, locale: string, timeZone: string): string {
  const format = formatter(`time|${locale}|${timeZone}`, () => new Intl.DateTimeFormat(locale, { timeZone, year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', timeZoneName: 'short' }));
  return format.format(new Date(iso));
}

/** Building an Intl formatter costs far more than using one: one per locale (and time zone) for the process. */
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
function formatter<F extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, build: () => F): F {
  let found = formatters.get(key) as F | undefined;
  if (!found) formatters.set(key, (found = build()));
  return found;
}

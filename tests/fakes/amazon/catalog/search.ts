import type { Marketplace } from '../../../../src/domain/marketplaces/catalogue.js';
import { ancestorsOf } from '../data/browse-tree.js';
import { productsIn } from '../data/fake-catalogue.js';
import { fractionDigits } from '../data/money.js';
import { localName } from '../data/localize.js';
import type { CatalogueProduct, MarketOffer } from '../data/product.js';
import { SEARCH_INDEX } from '../data/vocabulary.js';
import type { SearchItemsRequest } from './validate-request.js';

export interface SearchHit {
  product: CatalogueProduct;
  offer: MarketOffer;
  score: number;
}

/**
 * Deterministic matching over one store's catalogue: every keyword must appear somewhere in the
 * item's text (English and local name, brand, features, authors); the other fields narrow.
 * Relevance = keywords found in the title, then sales rank.
 */
export function searchCatalogue(request: SearchItemsRequest, marketplace: Marketplace): SearchHit[] {
  const tokens = words(request.keywords ?? '');
  const hits: SearchHit[] = [];
  for (const { product, offer } of productsIn(marketplace.code)) {
    if (product.isParent || !product.accessible) continue;
    if (request.availability === 'Available' && (!offer.hasOffers || offer.stock === 'OUT_OF_STOCK')) continue;
    if (request.searchIndex && request.searchIndex !== 'All' && SEARCH_INDEX[product.category as keyof typeof SEARCH_INDEX] !== request.searchIndex) continue;
    if (request.browseNodeId && product.browseNodeId !== request.browseNodeId && !ancestorsOf(product.browseNodeId).some((n) => n.id === request.browseNodeId)) continue;
    const title = `${localName(product.name, marketplace.language)} ${product.name.en} ${product.variation?.value ?? ''}`.toLowerCase();
    const people = product.contributors.map((c) => c.name).join(' ').toLowerCase();
    const haystack = `${title} ${product.brand} ${product.kind} ${product.category} ${product.features.join(' ')} ${people}`.toLowerCase();
    if (!tokens.every((token) => containsWord(haystack, token))) continue;
    if (request.title && !title.includes(request.title.toLowerCase())) continue;
    if (request.brand && !product.brand.toLowerCase().includes(request.brand.toLowerCase())) continue;
    const person = request.author ?? request.actor ?? request.artist;
    if (person && !people.includes(person.toLowerCase())) continue;
    if (!passesOfferFilters(request, offer, marketplace)) continue;
    hits.push({ product, offer, score: tokens.filter((token) => containsWord(title, token)).length });
  }
  return hits.sort(comparator(request.sortBy));
}

function passesOfferFilters(request: SearchItemsRequest, offer: MarketOffer, marketplace: Marketplace): boolean {
  const minor = offer.price === null ? null : Math.round(offer.price * 10 ** fractionDigits(marketplace.currency));
  if (request.minPrice !== undefined && (minor === null || minor < request.minPrice)) return false;
  if (request.maxPrice !== undefined && (minor === null || minor > request.maxPrice)) return false;
  if (request.minReviewsRating !== undefined && (offer.rating?.value ?? 0) < request.minReviewsRating) return false;
  if (request.minSavingPercent !== undefined) {
    const saving = offer.price !== null && offer.listPrice ? Math.round((1 - offer.price / offer.listPrice) * 100) : 0;
    if (saving < request.minSavingPercent) return false;
  }
  return true;
}

function comparator(sortBy: string | undefined): (a: SearchHit, b: SearchHit) => number {
  const price = (hit: SearchHit) => hit.offer.price ?? Number.POSITIVE_INFINITY;
  const byRank = (a: SearchHit, b: SearchHit) => a.offer.salesRank - b.offer.salesRank || a.product.asin.localeCompare(b.product.asin);
  switch (sortBy) {
    case 'Price:LowToHigh':
      return (a, b) => price(a) - price(b) || byRank(a, b);
    case 'Price:HighToLow':
      return (a, b) => (b.offer.price ?? -1) - (a.offer.price ?? -1) || byRank(a, b);
    case 'AvgCustomerReviews':
      return (a, b) => (b.offer.rating?.value ?? 0) - (a.offer.rating?.value ?? 0) || byRank(a, b);
    case 'NewestArrivals':
      return (a, b) => b.product.releaseDate.localeCompare(a.product.releaseDate) || byRank(a, b);
    default:
      return (a, b) => b.score - a.score || byRank(a, b);
  }
}

export function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Substring match, with a plural `s` forgiven (`kettles` finds `kettle`). */
function containsWord(haystack: string, token: string): boolean {
  return haystack.includes(token) || (token.length > 3 && token.endsWith('s') && haystack.includes(token.slice(0, -1)));
}

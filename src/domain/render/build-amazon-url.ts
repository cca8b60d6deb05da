import type { Marketplace } from '../marketplaces/catalogue.js';

/**
 * Links we build ourselves, for when Amazon's own `detailPageUrl` cannot be used (no displayable
 * snapshot, or another store than the one Amazon answered for). Always tagged when a tag exists.
 */
export function buildProductUrl(marketplace: Pick<Marketplace, 'domain'>, asin: string, tag: string | null): string {
  return `https://${marketplace.domain}/dp/${encodeURIComponent(asin)}${tag ? `?tag=${encodeURIComponent(tag)}` : ''}`;
}

/** A search on the store (keywords, or a browse node): for a product not (yet) known there, or a list whose search has no answer yet. */
export function buildSearchUrl(marketplace: Pick<Marketplace, 'domain'>, search: { keywords?: string | null; node?: string | null }, tag: string | null): string {
  const query = new URLSearchParams();
  if (search.keywords) query.set('k', search.keywords);
  if (search.node) query.set('node', search.node);
  if (tag) query.set('tag', tag);
  return `https://${marketplace.domain}/s?${query.toString()}`;
}

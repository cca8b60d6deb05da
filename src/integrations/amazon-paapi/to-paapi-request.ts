import type { Marketplace } from '../../domain/marketplaces/catalogue.js';

/** Our (Creators-style) field names and their PA-API spelling, where that is more than a capital letter. */
const FIELD_NAMES: Record<string, string> = {
  asin: 'ASIN',
};

/**
 * Turns a validated, source-neutral request (marketplace already taken out) into a PA-API body:
 * PascalCase fields, PascalCase resources, the partner type and the marketplace's store host.
 * ASIN lists always say they are ASINs: PA-API would otherwise also accept SKUs and ISBNs.
 */
export function toPaapiRequest(request: Readonly<Record<string, unknown>>, marketplace: Marketplace): Record<string, unknown> {
  const body: Record<string, unknown> = { PartnerType: 'Associates', Marketplace: marketplace.domain };
  for (const [field, value] of Object.entries(request)) {
    if (value === undefined) continue;
    const name = FIELD_NAMES[field] ?? capitalize(field);
    body[name] = field === 'resources' ? (value as readonly string[]).map(toPaapiResource) : value;
  }
  if (request.itemIds !== undefined) body.ItemIdType = 'ASIN';
  return body;
}

/** `offersV2.listings.price` → `OffersV2.Listings.Price`; `parentASIN` → `ParentASIN`. */
export function toPaapiResource(resource: string): string {
  return resource.split('.').map(capitalize).join('.');
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

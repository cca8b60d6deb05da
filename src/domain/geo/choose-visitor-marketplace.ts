import { MARKETPLACES, type Marketplace } from '../marketplaces/catalogue.js';
import type { VisitorMarketplaceRow } from './default-visitor-marketplaces.js';

export type MarketplaceReason = 'mapped' | 'own_store' | 'default_country' | 'store_not_enabled' | 'unknown_country';

export interface VisitorMarketplace {
  marketplace: Pick<Marketplace, 'code' | 'name' | 'domain'>;
  reason: MarketplaceReason;
  reasonText: string;
}

export interface VisitorRouting {
  map: readonly VisitorMarketplaceRow[];
  /** Marketplace codes a visitor may be sent to: enabled rows (which have a tag) and the Default Country. */
  available: ReadonlySet<string>;
  defaultCountry: string;
}

const byCode = new Map(MARKETPLACES.map((m) => [m.code, m]));
const byCountry = new Map(MARKETPLACES.map((m) => [m.country, m]));
const pick = ({ code, name, domain }: Marketplace) => ({ code, name, domain });

/**
 * Which Amazon store a visitor from `countryCode` is sent to: the mapped store, else the store of
 * the visitor's own country, else the Default Country — and only ever a store that has a partner
 * tag, so no visitor lands on an untagged link. Pure: the admin app shows the same answer.
 */
export function chooseVisitorMarketplace(countryCode: string | null, routing: VisitorRouting): VisitorMarketplace {
  const fallback = byCode.get(routing.defaultCountry) ?? (byCode.get('us') as Marketplace);
  const toDefault = (reason: MarketplaceReason, why: string): VisitorMarketplace => ({
    marketplace: pick(fallback),
    reason,
    reasonText: `${why}: sent to the Default Country’s store, ${fallback.domain}.`,
  });
  if (!countryCode) return toDefault('unknown_country', 'The address has no known country');
  const mapped = routing.map.find((row) => row.country === countryCode);
  if (mapped) {
    const store = byCode.get(mapped.marketplace);
    if (store && routing.available.has(store.code)) return { marketplace: pick(store), reason: 'mapped', reasonText: `${countryCode} is mapped to ${store.domain}.` };
    return toDefault('store_not_enabled', `${countryCode} is mapped to ${store?.domain ?? mapped.marketplace}, which is not enabled in Settings → Amazon`);
  }
  const own = byCountry.get(countryCode);
  if (own && routing.available.has(own.code)) return { marketplace: pick(own), reason: 'own_store', reasonText: `${countryCode} has its own store, ${own.domain}.` };
  if (own) return toDefault('store_not_enabled', `${countryCode}’s own store ${own.domain} is not enabled in Settings → Amazon`);
  return toDefault('default_country', `${countryCode} has no store of its own and no row in the map`);
}

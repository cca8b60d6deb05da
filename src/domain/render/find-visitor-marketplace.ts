import type { EngineContext } from '../context.js';
import { chooseVisitorMarketplace } from '../geo/choose-visitor-marketplace.js';
import { locateIp } from '../geo/locate-ip.js';
import { readGeoSettings } from '../geo/read-geo-settings.js';
import { readVisitorRouting } from '../geo/read-visitor-routing.js';
import type { LinkTags } from './read-link-tags.js';

export interface VisitorInput {
  ip?: string | null;
  /** ISO 3166-1 alpha-2, when the caller knows it (a CDN header, a preview); wins over the address. */
  country?: string | null;
}

/**
 * The store a visitor's links should go to, or null to keep each block's own marketplace: when the
 * country is unknown (no address, lookup failed) or the routing would only fall back to the Default
 * Country. The address is taken as given: trusted proxies are resolved by the HTTP layer.
 */
export async function findVisitorMarketplace(ctx: EngineContext, visitor: VisitorInput, tags: Pick<LinkTags, 'qualifying'>): Promise<string | null> {
  let country = visitor.country?.trim().toUpperCase() || null;
  if (!country && !visitor.ip) return null;
  const settings = await readGeoSettings(ctx);
  if (!country && visitor.ip) {
    const located = await locateIp(ctx, settings, visitor.ip);
    if (located.ok) country = located.value.countryCode;
    else ctx.logger.debug({ cause: located.error.cause }, 'visitor country unknown; blocks keep their marketplace');
  }
  if (!country) return null;
  const routing = await readVisitorRouting(ctx, settings.values);
  const chosen = chooseVisitorMarketplace(country, { ...routing, available: new Set(tags.qualifying.keys()) });
  return chosen.reason === 'mapped' || chosen.reason === 'own_store' ? chosen.marketplace.code : null;
}

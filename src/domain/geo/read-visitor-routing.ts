import type { EngineContext } from '../context.js';
import { readSectionValues } from '../settings/read-section-values.js';
import { amazonSection } from '../settings/sections/amazon.js';
import type { VisitorRouting } from './choose-visitor-marketplace.js';
import type { GeoValues } from './read-geo-settings.js';

/** The country map with the stores a visitor may be sent to, from Settings → Amazon. */
export async function readVisitorRouting(ctx: EngineContext, geo: GeoValues): Promise<VisitorRouting> {
  const amazon = await readSectionValues(ctx, amazonSection);
  const available = new Set(amazon.marketplaces.filter((row) => row.enabled).map((row) => row.country));
  available.add(amazon.defaultCountry);
  return { map: geo.visitorMarketplaces, available, defaultCountry: amazon.defaultCountry };
}

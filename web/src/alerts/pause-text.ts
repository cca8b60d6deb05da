import type { RefreshPause } from '../api/pause-types.js';
import { findMarketplace } from '../amazon/marketplace-options.js';

/** "Germany, United Kingdom"; codes the catalogue does not know as they came. */
export const marketplaceNames = (codes: readonly string[]): string => codes.map((code) => findMarketplace(code)?.name ?? code.toUpperCase()).join(', ');

/** "Creators API credential …abcd (Germany, France)". */
export const pausedFor = (pause: RefreshPause): string => (pause.marketplaces.length ? `${pause.label} (${marketplaceNames(pause.marketplaces)})` : pause.label);

/** The fix link's target: only a route inside the admin app, whatever the engine sent. */
export function fixHref(fixPath: string): string {
  const route = fixPath.replace(/^#/, '');
  return route.startsWith('/') && !route.startsWith('//') ? `#${route}` : '#/settings/amazon';
}

/** Where "Check API Connections" lives. */
export const CHECK_ROUTE = '#/settings/amazon';

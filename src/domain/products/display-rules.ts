import type { Product } from './product.js';

/** Amazon's rule: product data (prices above all) may be shown for at most 24 hours after it was fetched. */
export const DISPLAY_LIMIT_MS = 24 * 60 * 60 * 1000;

/**
 * The snapshot as it may be shown at `now`: nothing once it is 24 hours old, whatever a template
 * asks for. Every renderer and API reads product data through this.
 */
export function displayableSnapshot(snapshot: Product | null, now: Date): Product | null {
  if (!snapshot) return null;
  const age = now.getTime() - Date.parse(snapshot.fetchedAt);
  return Number.isFinite(age) && age < DISPLAY_LIMIT_MS ? snapshot : null;
}

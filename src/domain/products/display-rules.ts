import type { Product } from './product.js';
import { readStoredSnapshot } from './read-stored-snapshot.js';

/** Amazon's rule: product data (prices above all) may be shown for at most 24 hours after it was fetched. */
export const DISPLAY_LIMIT_MS = 24 * 60 * 60 * 1000;

/** How far a fetch time may lie ahead of our clock (another server's clock running fast) before it is refused. */
export const CLOCK_SKEW_MS = 5 * 60 * 1000;

/**
 * The snapshot as it may be shown at `now`: nothing once it is 24 hours old, whatever a template
 * asks for, and nothing dated in the future (it would otherwise never expire). Every renderer and
 * API reads product data through this; stored data is read tolerantly (readStoredSnapshot), and
 * `tag` is the partner tag a link rebuilt from the ASIN gets.
 */
export function displayableSnapshot(snapshot: unknown, now: Date, tag: string | null = null): Product | null {
  const product = readStoredSnapshot(snapshot, tag);
  if (!product) return null;
  const age = now.getTime() - Date.parse(product.fetchedAt);
  return age > -CLOCK_SKEW_MS && age < DISPLAY_LIMIT_MS ? product : null;
}

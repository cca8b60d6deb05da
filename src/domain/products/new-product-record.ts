import { newId } from '../../shared/ids.js';
import type { ProductRecord } from './product-record.js';

/** A product not fetched yet: the scheduler (or "Refresh now") gives it its first snapshot. */
export function newProductRecord(input: { asin: string; marketplace: string; addedBy: string; addedAt: Date }): ProductRecord {
  return {
    id: newId('product'),
    asin: input.asin,
    marketplace: input.marketplace,
    addedAt: input.addedAt.toISOString(),
    addedBy: input.addedBy,
    views: 0,
    outcome: 'pending',
    cause: null,
    message: null,
    snapshot: null,
    source: null,
    fetchedAt: null,
    attemptedAt: null,
    failures: 0,
    retryAfter: null,
    claimedBy: null,
    claimedUntil: null,
  };
}

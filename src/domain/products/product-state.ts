import type { ProductRecord } from './product-record.js';

export const PRODUCT_STATES = ['fresh', 'stale', 'refreshing', 'not_found', 'not_accessible', 'error'] as const;
export type ProductState = (typeof PRODUCT_STATES)[number];

/**
 * A product's state at `now`. The store applies the same rule in SQL to filter and count
 * (src/db/queries/product-state-sql.ts): change both together.
 */
export function productStateAt(record: Pick<ProductRecord, 'outcome' | 'fetchedAt' | 'claimedUntil'>, now: string, staleBefore: string): ProductState {
  if (record.claimedUntil && record.claimedUntil > now) return 'refreshing';
  if (record.outcome === 'not_found' || record.outcome === 'not_accessible' || record.outcome === 'error') return record.outcome;
  return record.fetchedAt && record.fetchedAt >= staleBefore ? 'fresh' : 'stale';
}

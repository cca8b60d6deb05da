import { sql, type RawBuilder } from 'kysely';
import type { StateClock } from '../../domain/ports.js';

/**
 * The product state as SQL, for filtering and counting without loading rows: the same rule as
 * `productStateAt` in src/domain/products/product-state.ts (change both together). ISO times
 * compare correctly as text on both dialects.
 */
export function productStateSql({ now, staleBefore }: StateClock): RawBuilder<string> {
  return sql<string>`CASE
    WHEN claimed_until IS NOT NULL AND claimed_until > ${now} THEN 'refreshing'
    WHEN outcome IN ('not_found', 'not_accessible', 'error') THEN outcome
    WHEN fetched_at IS NOT NULL AND fetched_at >= ${staleBefore} THEN 'fresh'
    ELSE 'stale' END`;
}

import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

/** Tables whose rows are leased by a refresh in flight (`claimed_by` / `claimed_until`). */
type LeasedTable = 'products' | 'saved_searches';

/**
 * Takes the lease of these rows for `claimToken` where nobody else holds one; the ids it got.
 * One statement: where two engines race for a row, only one update matches.
 */
export async function claimRows(db: Kysely<Database>, table: LeasedTable, ids: readonly string[], claimToken: string, until: string, now: string): Promise<string[]> {
  if (!ids.length) return [];
  const rows = await db
    .updateTable(table)
    .set({ claimed_by: claimToken, claimed_until: until })
    .where('id', 'in', [...ids])
    .where((eb) => eb.or([eb('claimed_by', 'is', null), eb('claimed_by', '=', claimToken), eb('claimed_until', '<=', now)]))
    .returning('id')
    .execute();
  return rows.map((row) => row.id);
}

/** Gives the lease back, where this claim still holds it. */
export async function releaseRows(db: Kysely<Database>, table: LeasedTable, ids: readonly string[], claimToken: string): Promise<void> {
  if (!ids.length) return;
  await db.updateTable(table).set({ claimed_by: null, claimed_until: null }).where('id', 'in', [...ids]).where('claimed_by', '=', claimToken).execute();
}

/** The columns an attempt writes on a leased row (its outcome and back-off), releasing the lease with them. */
export function attemptColumns(attempt: { outcome: string; cause: string | null; message: string | null; attemptedAt: string; failures: number; retryAfter: string | null }) {
  return {
    outcome: attempt.outcome,
    cause: attempt.cause,
    message: attempt.message,
    attempted_at: attempt.attemptedAt,
    failures: attempt.failures,
    retry_after: attempt.retryAfter,
    claimed_by: null,
    claimed_until: null,
  };
}

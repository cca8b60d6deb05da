import { sql, type Kysely } from 'kysely';
import type { RelayUsageStore } from '../../domain/ports.js';
import type { Database } from '../schema.js';

/** Relay tokens' running counts: one row per token and kind, holding the newest period only. */
export function createRelayUsageStore(db: Kysely<Database>): RelayUsageStore {
  return {
    async count(tokenId, kind, period) {
      // Periods are UTC ISO prefixes, so text order is time order. A request from an engine still
      // in the previous period counts into the newer one rather than resetting it.
      const newer = sql<boolean>`excluded.period > relay_token_usage.period`;
      const row = await db
        .insertInto('relay_token_usage')
        .values({ token_id: tokenId, kind, period, used: 1 })
        .onConflict((oc) =>
          oc.columns(['token_id', 'kind']).doUpdateSet({
            used: sql<number>`CASE WHEN ${newer} THEN 1 ELSE relay_token_usage.used + 1 END`,
            period: sql<string>`CASE WHEN ${newer} THEN excluded.period ELSE relay_token_usage.period END`,
          }),
        )
        .returning('used')
        .executeTakeFirstOrThrow();
      return Number(row.used);
    },
  };
}

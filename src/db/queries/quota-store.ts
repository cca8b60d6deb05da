import { sql, type Kysely } from 'kysely';
import type { QuotaStore } from '../../domain/ports.js';
import type { Database } from '../schema.js';

export function createQuotaStore(db: Kysely<Database>): QuotaStore {
  return {
    async add(key, day, n) {
      // One statement: concurrent engines sharing the database cannot lose an increment. The column is
      // qualified because PostgreSQL finds a bare `used` ambiguous between the row and `excluded`.
      const row = await db
        .insertInto('amazon_quota_usage')
        .values({ credential_key: key, day, used: n })
        .onConflict((oc) => oc.columns(['credential_key', 'day']).doUpdateSet((eb) => ({ used: eb('amazon_quota_usage.used', '+', n) })))
        .returning('used')
        .executeTakeFirstOrThrow();
      return row.used;
    },
    async used(key, day) {
      const row = await db.selectFrom('amazon_quota_usage').select('used').where('credential_key', '=', key).where('day', '=', day).executeTakeFirst();
      return row?.used ?? 0;
    },
    async reserveSlot(key, earliestMs, spacingMs) {
      const earliest = Math.ceil(earliestMs);
      const row = await db
        .insertInto('amazon_rate_slots')
        .values({ credential_key: key, next_at: earliest + spacingMs })
        .onConflict((oc) =>
          oc.column('credential_key').doUpdateSet({
            next_at: sql<number>`CASE WHEN amazon_rate_slots.next_at > ${earliest} THEN amazon_rate_slots.next_at ELSE ${earliest} END + ${spacingMs}`,
          }),
        )
        .returning('next_at')
        .executeTakeFirstOrThrow();
      return Number(row.next_at) - spacingMs;
    },
  };
}

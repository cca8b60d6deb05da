import type { Kysely } from 'kysely';
import type { CauseCode } from '../../domain/connection-checks/cause-codes.js';
import type { RefreshPauseStore } from '../../domain/ports.js';
import type { ProductSourceName } from '../../domain/products/product.js';
import type { Database } from '../schema.js';

export function createRefreshPauseStore(db: Kysely<Database>): RefreshPauseStore {
  return {
    async add(pause) {
      await db
        .insertInto('refresh_pauses')
        .values({
          credential_key: pause.credentialKey,
          source: pause.source,
          label: pause.label,
          marketplaces: JSON.stringify(pause.marketplaces),
          cause: pause.cause,
          message: pause.message,
          vendor_code: pause.vendorCode,
          fix_field: pause.fixField,
          paused_at: pause.pausedAt,
        })
        .onConflict((oc) => oc.column('credential_key').doNothing())
        .execute();
    },
    async list() {
      const rows = await db.selectFrom('refresh_pauses').selectAll().orderBy('paused_at').execute();
      return rows.map((row) => ({
        credentialKey: row.credential_key,
        source: row.source as ProductSourceName,
        label: row.label,
        marketplaces: JSON.parse(row.marketplaces) as string[],
        cause: row.cause as CauseCode,
        message: row.message,
        vendorCode: row.vendor_code,
        fixField: row.fix_field,
        pausedAt: row.paused_at,
      }));
    },
    async remove(credentialKeys) {
      if (!credentialKeys.length) return 0;
      const result = await db.deleteFrom('refresh_pauses').where('credential_key', 'in', [...credentialKeys]).executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}

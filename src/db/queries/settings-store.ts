import type { Kysely } from 'kysely';
import type { SettingsStore } from '../../domain/ports.js';
import type { Database } from '../schema.js';

export function createSettingsStore(db: Kysely<Database>): SettingsStore {
  return {
    async read(section) {
      const rows = await db.selectFrom('settings').selectAll().where('section', '=', section).execute();
      return rows.map((r) => ({
        key: r.key,
        value: JSON.parse(r.value) as unknown,
        isSecret: r.is_secret === 1,
        updatedAt: r.updated_at,
        updatedBy: r.updated_by,
      }));
    },
    async listSecrets() {
      const rows = await db.selectFrom('settings').select(['section', 'key', 'value']).where('is_secret', '=', 1).execute();
      return rows.map((r) => ({ section: r.section, key: r.key, value: JSON.parse(r.value) as string }));
    },
    async write(section, writes, meta, audit) {
      await db.transaction().execute(async (trx) => {
        for (const w of writes) {
          if (w.value === undefined) {
            await trx.deleteFrom('settings').where('section', '=', section).where('key', '=', w.key).execute();
            continue;
          }
          const row = { value: JSON.stringify(w.value), is_secret: w.isSecret ? 1 : 0, updated_at: meta.at, updated_by: meta.actor };
          await trx
            .insertInto('settings')
            .values({ section, key: w.key, ...row })
            .onConflict((oc) => oc.columns(['section', 'key']).doUpdateSet(row))
            .execute();
        }
        if (audit) await trx.insertInto('audit_log').values({ ...audit, keys: JSON.stringify(audit.keys) }).execute();
      });
    },
  };
}

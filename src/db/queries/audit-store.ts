import type { Kysely } from 'kysely';
import type { AuditStore } from '../../domain/ports.js';
import type { Database } from '../schema.js';

export function createAuditStore(db: Kysely<Database>): AuditStore {
  return {
    async recent(limit) {
      const rows = await db.selectFrom('audit_log').select(['id', 'at', 'actor', 'action', 'subject', 'keys', 'ip']).orderBy('seq', 'desc').limit(limit).execute();
      return rows.map((r) => ({ ...r, keys: JSON.parse(r.keys) as string[] }));
    },
  };
}

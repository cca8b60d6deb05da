import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.js';

/**
 * Deletes all but the newest `keep` rows of a history table (of one integration, when given).
 * Fewer rows than `keep` make the subquery NULL, and `seq < NULL` deletes nothing.
 */
export async function pruneHistory(db: Kysely<Database>, table: 'connection_checks' | 'geo_database_updates', keep: number, integration?: string): Promise<void> {
  const scope = integration === undefined ? sql`` : sql`AND integration = ${integration}`;
  await sql`DELETE FROM ${sql.table(table)} WHERE seq < (SELECT seq FROM ${sql.table(table)} WHERE 1 = 1 ${scope} ORDER BY seq DESC LIMIT 1 OFFSET ${keep - 1}) ${scope}`.execute(db);
}

import type { Kysely } from 'kysely';
import type { CheckFinding } from '../../domain/connection-checks/integration-check.js';
import type { DatabaseUpdateView } from '../../domain/geo/update-geo-database.js';
import type { GeoUpdateStore } from '../../domain/ports.js';
import type { Database } from '../schema.js';
import { pruneHistory } from './prune-history.js';

export function createGeoUpdateStore(db: Kysely<Database>): GeoUpdateStore {
  return {
    async insert(update, keep) {
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('geo_database_updates')
          .values({
            id: update.id,
            actor: update.actor,
            edition: update.edition,
            started_at: update.startedAt,
            finished_at: update.finishedAt,
            outcome: update.outcome,
            finding: JSON.stringify(update.finding),
            sha256: update.sha256,
            build_date: update.buildDate,
          })
          .execute();
        await pruneHistory(trx, 'geo_database_updates', keep);
      });
    },
    async recent(limit) {
      const rows = await db.selectFrom('geo_database_updates').selectAll().orderBy('seq', 'desc').limit(limit).execute();
      return rows.map((row) => ({
        id: row.id,
        actor: row.actor,
        edition: row.edition,
        startedAt: row.started_at,
        finishedAt: row.finished_at,
        outcome: row.outcome as DatabaseUpdateView['outcome'],
        finding: JSON.parse(row.finding) as CheckFinding,
        sha256: row.sha256,
        buildDate: row.build_date,
      }));
    },
  };
}

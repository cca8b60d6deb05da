import type { Kysely, Selectable } from 'kysely';
import type { CheckRunRecord } from '../../domain/connection-checks/check-run.js';
import type { CheckRunStore } from '../../domain/ports.js';
import type { ConnectionChecksTable, Database } from '../schema.js';
import { pruneHistory } from './prune-history.js';

function toRecord(row: Selectable<ConnectionChecksTable>): CheckRunRecord {
  const summary = JSON.parse(row.summary) as { counts: CheckRunRecord['summary']; text: string };
  return {
    id: row.id,
    actor: row.actor,
    mode: row.mode,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    summary: summary.counts,
    summaryText: summary.text,
    rows: JSON.parse(row.row_results) as CheckRunRecord['rows'],
    fingerprint: { value: row.fingerprint, parts: JSON.parse(row.fingerprint_parts) as CheckRunRecord['fingerprint']['parts'] },
    newlyFailing: JSON.parse(row.newly_failing) as string[],
  };
}

export function createCheckRunStore(db: Kysely<Database>): CheckRunStore {
  return {
    async insert(integration, run, keep) {
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('connection_checks')
          .values({
            id: run.id,
            integration,
            actor: run.actor,
            mode: run.mode,
            started_at: run.startedAt,
            finished_at: run.finishedAt,
            fingerprint: run.fingerprint.value,
            fingerprint_parts: JSON.stringify(run.fingerprint.parts),
            summary: JSON.stringify({ counts: run.summary, text: run.summaryText }),
            row_results: JSON.stringify(run.rows),
            newly_failing: JSON.stringify(run.newlyFailing),
          })
          .execute();
        await pruneHistory(trx, 'connection_checks', keep, integration);
      });
    },
    async find(integration, id) {
      const row = await db.selectFrom('connection_checks').selectAll().where('integration', '=', integration).where('id', '=', id).executeTakeFirst();
      return row && toRecord(row);
    },
    async recent(integration, limit) {
      const rows = await db.selectFrom('connection_checks').selectAll().where('integration', '=', integration).orderBy('seq', 'desc').limit(limit).execute();
      return rows.map(toRecord);
    },
  };
}

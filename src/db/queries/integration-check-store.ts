import type { Kysely, Selectable } from 'kysely';
import type { CheckDetails, CheckFinding, IntegrationCheckRecord, IntegrationId } from '../../domain/connection-checks/integration-check.js';
import type { IntegrationCheckStore } from '../../domain/ports.js';
import type { ConnectionChecksTable, Database } from '../schema.js';
import { pruneHistory } from './prune-history.js';

/**
 * OpenAI and Geolocation checks share the connection_checks table with Amazon's runs (its
 * `integration` column was made for them): `mode` holds what was checked (model or source), the
 * summary the status, and the one "row" the findings and details.
 */
interface StoredResult {
  findings: CheckFinding[];
  details: CheckDetails;
  latencyMs: number;
}

function toRecord(row: Selectable<ConnectionChecksTable>): IntegrationCheckRecord {
  const summary = JSON.parse(row.summary) as { status: IntegrationCheckRecord['status'] };
  const result = JSON.parse(row.row_results) as StoredResult;
  return {
    id: row.id,
    integration: row.integration as IntegrationId,
    actor: row.actor,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    latencyMs: result.latencyMs,
    status: summary.status,
    findings: result.findings,
    details: result.details,
    fingerprint: row.fingerprint,
  };
}

export function createIntegrationCheckStore(db: Kysely<Database>): IntegrationCheckStore {
  return {
    async insert(record, keep) {
      const stored: StoredResult = { findings: record.findings, details: record.details, latencyMs: record.latencyMs };
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('connection_checks')
          .values({
            id: record.id,
            integration: record.integration,
            actor: record.actor,
            mode: String(record.details.model ?? record.details.source ?? ''),
            started_at: record.startedAt,
            finished_at: record.finishedAt,
            fingerprint: record.fingerprint,
            fingerprint_parts: '{}',
            summary: JSON.stringify({ status: record.status }),
            row_results: JSON.stringify(stored),
            newly_failing: '[]',
          })
          .execute();
        await pruneHistory(trx, 'connection_checks', keep, record.integration);
      });
    },
    async recent(integration, limit) {
      const rows = await db.selectFrom('connection_checks').selectAll().where('integration', '=', integration).orderBy('seq', 'desc').limit(limit).execute();
      return rows.map(toRecord);
    },
  };
}

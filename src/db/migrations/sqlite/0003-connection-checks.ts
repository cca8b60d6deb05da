import { sql, type Kysely } from 'kysely';

// Released migrations are frozen (tests/db/migrations.test.ts): add a new file instead.
export async function up(db: Kysely<unknown>): Promise<void> {
  // One row per finished "Check API Connections" run. `integration` leaves room for the OpenAI and
  // MaxMind checks; the row results and the summary are JSON because they are read whole.
  await sql`CREATE TABLE connection_checks (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    integration TEXT NOT NULL,
    actor TEXT NOT NULL,
    mode TEXT NOT NULL,
    started_at TEXT NOT NULL,
    finished_at TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    fingerprint_parts TEXT NOT NULL,
    summary TEXT NOT NULL,
    row_results TEXT NOT NULL,
    newly_failing TEXT NOT NULL
  )`.execute(db);
  await sql`CREATE INDEX connection_checks_integration_seq ON connection_checks (integration, seq)`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only; restore a backup to go back.');
}

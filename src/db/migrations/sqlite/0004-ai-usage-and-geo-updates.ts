import { sql, type Kysely } from 'kysely';

// Released migrations are frozen (tests/db/migrations.test.ts): add a new file instead.
export async function up(db: Kysely<unknown>): Promise<void> {
  // AI usage per UTC month and model, so the monthly limits survive restarts. Cost in micro-dollars
  // keeps sums exact; calls of a model without a known price are counted apart, so an estimate
  // can say it is incomplete.
  await sql`CREATE TABLE ai_usage (
    month TEXT NOT NULL,
    model TEXT NOT NULL,
    requests INTEGER NOT NULL DEFAULT 0,
    input_tokens INTEGER NOT NULL DEFAULT 0,
    output_tokens INTEGER NOT NULL DEFAULT 0,
    cost_micro_usd INTEGER NOT NULL DEFAULT 0,
    unpriced_requests INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (month, model)
  )`.execute(db);
  // Every attempt to download the MaxMind database (weekly or "Download now"), newest kept.
  await sql`CREATE TABLE geo_database_updates (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    actor TEXT NOT NULL,
    edition TEXT NOT NULL,
    started_at TEXT NOT NULL,
    finished_at TEXT NOT NULL,
    outcome TEXT NOT NULL,
    finding TEXT NOT NULL,
    sha256 TEXT,
    build_date TEXT
  )`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only; restore a backup to go back.');
}

import { sql, type Kysely } from 'kysely';

// Released migrations are frozen (tests/db/migrations.test.ts): add a new file instead.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE amazon_quota_usage (
    credential_key TEXT NOT NULL,
    day TEXT NOT NULL,
    used INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (credential_key, day)
  )`.execute(db);

  await sql`CREATE TABLE relay_tokens (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    last4 TEXT NOT NULL,
    created_at TEXT NOT NULL,
    last_used_at TEXT,
    revoked_at TEXT
  )`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only; restore a backup to go back.');
}

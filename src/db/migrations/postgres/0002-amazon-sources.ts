import { sql, type Kysely } from 'kysely';

// Released migrations are frozen (tests/db/migrations.test.ts): add a new file instead.
// The PostgreSQL twin of sqlite/0002-amazon-sources.ts (conventions in 0001-foundation.ts).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE amazon_quota_usage (
    credential_key TEXT COLLATE "C" NOT NULL,
    day TEXT COLLATE "C" NOT NULL,
    used BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (credential_key, day)
  )`.execute(db);

  await sql`CREATE TABLE relay_tokens (
    id TEXT COLLATE "C" PRIMARY KEY,
    name TEXT COLLATE "C" NOT NULL,
    token_hash TEXT COLLATE "C" NOT NULL UNIQUE,
    last4 TEXT COLLATE "C" NOT NULL,
    created_at TEXT COLLATE "C" NOT NULL,
    last_used_at TEXT COLLATE "C",
    revoked_at TEXT COLLATE "C"
  )`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only; restore a backup to go back.');
}

import { sql, type Kysely } from 'kysely';

// Released migrations are frozen (tests/db/migrations.test.ts): add a new file instead.
// The PostgreSQL twin of sqlite/0012-relay-token-limits.ts (conventions in 0001-foundation.ts).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE relay_tokens ADD COLUMN per_minute INTEGER NOT NULL DEFAULT 60`.execute(db);
  await sql`ALTER TABLE relay_tokens ADD COLUMN daily_share TEXT COLLATE "C" NOT NULL DEFAULT '25%'`.execute(db);
  await sql`CREATE TABLE relay_token_usage (
    token_id TEXT COLLATE "C" NOT NULL,
    kind TEXT COLLATE "C" NOT NULL,
    period TEXT COLLATE "C" NOT NULL,
    used INTEGER NOT NULL,
    PRIMARY KEY (token_id, kind)
  )`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only; restore a backup to go back.');
}

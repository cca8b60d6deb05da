import { sql, type Kysely } from 'kysely';

// Released migrations are frozen (tests/db/migrations.test.ts): add a new file instead.
export async function up(db: Kysely<unknown>): Promise<void> {
  // What one relay token may ask of this engine: requests per minute, and its daily share of the
  // engine's Amazon quota, written `25%` (of the quota) or `500` (requests). Tokens issued before
  // get the defaults.
  await sql`ALTER TABLE relay_tokens ADD COLUMN per_minute INTEGER NOT NULL DEFAULT 60`.execute(db);
  await sql`ALTER TABLE relay_tokens ADD COLUMN daily_share TEXT NOT NULL DEFAULT '25%'`.execute(db);
  // The running counts behind those limits, one row per token and kind (`minute`, `day`): the
  // period it counts (`2026-05-20T10:31`, `2026-05-20`, UTC) and the requests in it. A new period
  // replaces the old one in the same row, so the table never grows beyond two rows per token;
  // engines sharing the database share the counts.
  await sql`CREATE TABLE relay_token_usage (
    token_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    period TEXT NOT NULL,
    used INTEGER NOT NULL,
    PRIMARY KEY (token_id, kind)
  )`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only; restore a backup to go back.');
}

import { sql, type Kysely } from 'kysely';

// Released migrations are frozen (tests/db/migrations.test.ts): add a new file instead.
export async function up(db: Kysely<unknown>): Promise<void> {
  // What a bearer key of `relay_tokens` opens: `relay` (another engine fetches product data; every
  // token issued before this migration) or `render` (a server renders pages through /api/render/v1).
  await sql`ALTER TABLE relay_tokens ADD COLUMN scope TEXT NOT NULL DEFAULT 'relay'`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only; restore a backup to go back.');
}

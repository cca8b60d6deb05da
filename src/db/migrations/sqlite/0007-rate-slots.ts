import { sql, type Kysely } from 'kysely';

// Released migrations are frozen (tests/db/migrations.test.ts): add a new file instead.
export async function up(db: Kysely<unknown>): Promise<void> {
  // Each credential's next free request slot (ms since the epoch), shared by every engine on the
  // database, so that together they stay within the credential's requests per second.
  await sql`CREATE TABLE amazon_rate_slots (
    credential_key TEXT PRIMARY KEY,
    next_at INTEGER NOT NULL
  )`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only; restore a backup to go back.');
}

import { sql, type Kysely } from 'kysely';

// Released migrations are frozen (tests/db/migrations.test.ts): add a new file instead.
// The PostgreSQL twin of sqlite/0007-rate-slots.ts (conventions in 0001-foundation.ts).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE amazon_rate_slots (
    credential_key TEXT COLLATE "C" PRIMARY KEY,
    next_at BIGINT NOT NULL
  )`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only; restore a backup to go back.');
}

import { sql, type Kysely } from 'kysely';

// Released migrations are frozen (tests/db/migrations.test.ts): add a new file instead.
// The PostgreSQL twin of sqlite/0011-login-attempts.ts (conventions in 0001-foundation.ts).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE login_attempts (
    key TEXT COLLATE "C" PRIMARY KEY,
    attempts INTEGER NOT NULL,
    window_ends_at TEXT COLLATE "C" NOT NULL
  )`.execute(db);
  await sql`CREATE INDEX login_attempts_by_window_end ON login_attempts (window_ends_at)`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only; restore a backup to go back.');
}

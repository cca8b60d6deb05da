import { sql, type Kysely } from 'kysely';

// Released migrations are frozen (tests/db/migrations.test.ts): add a new file instead.
export async function up(db: Kysely<unknown>): Promise<void> {
  // Login attempts per limit key (an account + address pair, or an address alone) in a fixed
  // window, shared by every engine on the database and kept across restarts. The key is a hash:
  // people sometimes type their password into the email field, and it must not be kept in clear.
  await sql`CREATE TABLE login_attempts (
    key TEXT PRIMARY KEY,
    attempts INTEGER NOT NULL,
    window_ends_at TEXT NOT NULL
  )`.execute(db);
  await sql`CREATE INDEX login_attempts_by_window_end ON login_attempts (window_ends_at)`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only; restore a backup to go back.');
}

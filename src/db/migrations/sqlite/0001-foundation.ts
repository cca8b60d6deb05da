import { sql, type Kysely } from 'kysely';

// Released migrations are frozen (tests/db/frozen-migrations.test.ts): add a new file instead.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE admins (
    id TEXT PRIMARY KEY,
    email TEXT NOT NULL UNIQUE COLLATE NOCASE,
    password_hash TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  )`.execute(db);

  await sql`CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    admin_id TEXT NOT NULL REFERENCES admins(id) ON DELETE CASCADE,
    csrf_token TEXT NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    last_seen_at TEXT NOT NULL,
    ip TEXT,
    user_agent TEXT
  )`.execute(db);
  await sql`CREATE INDEX sessions_admin ON sessions(admin_id)`.execute(db);
  await sql`CREATE INDEX sessions_expiry ON sessions(expires_at)`.execute(db);

  await sql`CREATE TABLE setup_tokens (
    token_hash TEXT PRIMARY KEY,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    used_at TEXT
  )`.execute(db);

  await sql`CREATE TABLE settings (
    section TEXT NOT NULL,
    key TEXT NOT NULL,
    value TEXT NOT NULL,
    is_secret INTEGER NOT NULL DEFAULT 0,
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    PRIMARY KEY (section, key)
  )`.execute(db);

  await sql`CREATE TABLE audit_log (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    subject TEXT NOT NULL,
    keys TEXT NOT NULL,
    ip TEXT
  )`.execute(db);
  await sql`CREATE INDEX audit_log_at ON audit_log(at)`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only; restore a backup to go back.');
}

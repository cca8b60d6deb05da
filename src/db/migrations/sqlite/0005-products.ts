import { sql, type Kysely } from 'kysely';

// Released migrations are frozen (tests/db/migrations.test.ts): add a new file instead.
export async function up(db: Kysely<unknown>): Promise<void> {
  // One row per product in use: the ASIN in one marketplace, its latest snapshot and its refresh
  // bookkeeping. The snapshot (JSON of the product model: image URLs, never images) is dropped
  // once it is older than Amazon's 24 hours. `claimed_by`/`claimed_until` is the lease of a refresh
  // in flight: a claim that outlives its engine simply expires.
  await sql`CREATE TABLE products (
    id TEXT PRIMARY KEY,
    asin TEXT NOT NULL,
    marketplace TEXT NOT NULL,
    added_at TEXT NOT NULL,
    added_by TEXT NOT NULL,
    views INTEGER NOT NULL DEFAULT 0,
    outcome TEXT NOT NULL DEFAULT 'pending',
    cause TEXT,
    message TEXT,
    snapshot TEXT,
    title TEXT,
    source TEXT,
    fetched_at TEXT,
    attempted_at TEXT,
    failures INTEGER NOT NULL DEFAULT 0,
    retry_after TEXT,
    claimed_by TEXT,
    claimed_until TEXT,
    UNIQUE (asin, marketplace)
  )`.execute(db);
  await sql`CREATE INDEX products_by_fetched_at ON products (fetched_at)`.execute(db);
  // A credential Amazon rejected: its refreshes stay paused until a connection check succeeds.
  await sql`CREATE TABLE refresh_pauses (
    credential_key TEXT PRIMARY KEY,
    source TEXT NOT NULL,
    label TEXT NOT NULL,
    marketplaces TEXT NOT NULL,
    cause TEXT NOT NULL,
    message TEXT NOT NULL,
    vendor_code TEXT,
    fix_field TEXT,
    paused_at TEXT NOT NULL
  )`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only; restore a backup to go back.');
}

import { sql, type Kysely } from 'kysely';

// Released migrations are frozen (tests/db/migrations.test.ts): add a new file instead.
export async function up(db: Kysely<unknown>): Promise<void> {
  // One row per saved search behind "list" blocks: its parameters (normalized; `search_key` is
  // their canonical form, so equal searches share one row), Amazon's last answer (`result_asins`:
  // a JSON array of ASINs in Amazon's order; the products themselves live in `products`) and the
  // refresh bookkeeping of products: outcome, back-off, and the `claimed_by`/`claimed_until` lease.
  await sql`CREATE TABLE saved_searches (
    id TEXT PRIMARY KEY,
    search_key TEXT NOT NULL UNIQUE,
    marketplace TEXT NOT NULL,
    keywords TEXT,
    browse_node TEXT,
    sort TEXT NOT NULL,
    item_count INTEGER NOT NULL,
    result_asins TEXT NOT NULL DEFAULT '[]',
    search_url TEXT,
    fetched_at TEXT,
    attempted_at TEXT,
    outcome TEXT NOT NULL DEFAULT 'pending',
    cause TEXT,
    message TEXT,
    failures INTEGER NOT NULL DEFAULT 0,
    retry_after TEXT,
    claimed_by TEXT,
    claimed_until TEXT,
    views INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL
  )`.execute(db);
  await sql`CREATE INDEX saved_searches_by_fetched_at ON saved_searches (fetched_at)`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only; restore a backup to go back.');
}

import { sql, type Kysely } from 'kysely';

// Released migrations are frozen (tests/db/migrations.test.ts): add a new file instead.
// The PostgreSQL twin of sqlite/0008-saved-searches.ts (conventions in 0001-foundation.ts).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE saved_searches (
    id TEXT COLLATE "C" PRIMARY KEY,
    search_key TEXT COLLATE "C" NOT NULL UNIQUE,
    marketplace TEXT COLLATE "C" NOT NULL,
    keywords TEXT COLLATE "C",
    browse_node TEXT COLLATE "C",
    sort TEXT COLLATE "C" NOT NULL,
    item_count INTEGER NOT NULL,
    result_asins TEXT COLLATE "C" NOT NULL DEFAULT '[]',
    search_url TEXT COLLATE "C",
    fetched_at TEXT COLLATE "C",
    attempted_at TEXT COLLATE "C",
    outcome TEXT COLLATE "C" NOT NULL DEFAULT 'pending',
    cause TEXT COLLATE "C",
    message TEXT COLLATE "C",
    failures INTEGER NOT NULL DEFAULT 0,
    retry_after TEXT COLLATE "C",
    claimed_by TEXT COLLATE "C",
    claimed_until TEXT COLLATE "C",
    views BIGINT NOT NULL DEFAULT 0,
    created_at TEXT COLLATE "C" NOT NULL
  )`.execute(db);
  await sql`CREATE INDEX saved_searches_by_fetched_at ON saved_searches (fetched_at)`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only; restore a backup to go back.');
}

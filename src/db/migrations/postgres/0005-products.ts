import { sql, type Kysely } from 'kysely';

// Released migrations are frozen (tests/db/migrations.test.ts): add a new file instead.
// The PostgreSQL twin of sqlite/0005-products.ts (conventions in 0001-foundation.ts).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE products (
    id TEXT COLLATE "C" PRIMARY KEY,
    asin TEXT COLLATE "C" NOT NULL,
    marketplace TEXT COLLATE "C" NOT NULL,
    added_at TEXT COLLATE "C" NOT NULL,
    added_by TEXT COLLATE "C" NOT NULL,
    views BIGINT NOT NULL DEFAULT 0,
    outcome TEXT COLLATE "C" NOT NULL DEFAULT 'pending',
    cause TEXT COLLATE "C",
    message TEXT COLLATE "C",
    snapshot TEXT COLLATE "C",
    title TEXT COLLATE "C",
    source TEXT COLLATE "C",
    fetched_at TEXT COLLATE "C",
    attempted_at TEXT COLLATE "C",
    failures INTEGER NOT NULL DEFAULT 0,
    retry_after TEXT COLLATE "C",
    claimed_by TEXT COLLATE "C",
    claimed_until TEXT COLLATE "C",
    UNIQUE (asin, marketplace)
  )`.execute(db);
  await sql`CREATE INDEX products_by_fetched_at ON products (fetched_at)`.execute(db);
  await sql`CREATE TABLE refresh_pauses (
    credential_key TEXT COLLATE "C" PRIMARY KEY,
    source TEXT COLLATE "C" NOT NULL,
    label TEXT COLLATE "C" NOT NULL,
    marketplaces TEXT COLLATE "C" NOT NULL,
    cause TEXT COLLATE "C" NOT NULL,
    message TEXT COLLATE "C" NOT NULL,
    vendor_code TEXT COLLATE "C",
    fix_field TEXT COLLATE "C",
    paused_at TEXT COLLATE "C" NOT NULL
  )`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only; restore a backup to go back.');
}

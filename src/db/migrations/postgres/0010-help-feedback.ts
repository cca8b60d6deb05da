import { sql, type Kysely } from 'kysely';

// Released migrations are frozen (tests/db/migrations.test.ts): add a new file instead.
// The PostgreSQL twin of sqlite/0010-help-feedback.ts (conventions in 0001-foundation.ts).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE help_feedback (
    id TEXT COLLATE "C" PRIMARY KEY,
    article_id TEXT COLLATE "C" NOT NULL,
    helpful INTEGER NOT NULL,
    comment TEXT COLLATE "C",
    actor TEXT COLLATE "C" NOT NULL,
    created_at TEXT COLLATE "C" NOT NULL
  )`.execute(db);
  await sql`CREATE INDEX help_feedback_by_article ON help_feedback (article_id, created_at)`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only; restore a backup to go back.');
}

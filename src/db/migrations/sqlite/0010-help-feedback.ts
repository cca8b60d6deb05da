import { sql, type Kysely } from 'kysely';

// Released migrations are frozen (tests/db/migrations.test.ts): add a new file instead.
export async function up(db: Kysely<unknown>): Promise<void> {
  // One row per "Was this article helpful?" answer in the help center: the article's id (its URL
  // slug, from src/domain/help/articles), yes (1) or no (0), an optional comment and who answered.
  await sql`CREATE TABLE help_feedback (
    id TEXT PRIMARY KEY,
    article_id TEXT NOT NULL,
    helpful INTEGER NOT NULL,
    comment TEXT,
    actor TEXT NOT NULL,
    created_at TEXT NOT NULL
  )`.execute(db);
  await sql`CREATE INDEX help_feedback_by_article ON help_feedback (article_id, created_at)`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only; restore a backup to go back.');
}

import { sql, type Kysely } from 'kysely';

// Released migrations are frozen (tests/db/migrations.test.ts): add a new file instead.
// SQLite only: on PostgreSQL the job queue is pg-boss, which keeps its own schema.
export async function up(db: Kysely<unknown>): Promise<void> {
  // The durable job queue (src/jobs/queues/create-sqlite-job-queue.ts). A worker claims a job by
  // setting `lease_token` and `leased_until` in one UPDATE and renews the lease while it runs; a
  // job whose lease ran out (its engine died) is claimed again. `data` is the JSON payload: ids
  // and codes only, never secrets. Times are ISO-8601 UTC strings, so they compare as text.
  await sql`CREATE TABLE jobs (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    data TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('queued', 'running', 'failed', 'dead', 'done')),
    singleton_key TEXT,
    attempts INTEGER NOT NULL DEFAULT 0,
    max_attempts INTEGER NOT NULL,
    run_after TEXT NOT NULL,
    leased_until TEXT,
    lease_token TEXT,
    last_error TEXT,
    created_at TEXT NOT NULL,
    started_at TEXT,
    finished_at TEXT
  )`.execute(db);
  // One live job per name and singleton key: a second insert with the key fails atomically.
  await sql`CREATE UNIQUE INDEX jobs_singleton ON jobs (name, singleton_key)
    WHERE singleton_key IS NOT NULL AND state IN ('queued', 'running', 'failed')`.execute(db);
  // The claim: the next due job of a name.
  await sql`CREATE INDEX jobs_due ON jobs (name, state, run_after)`.execute(db);
  // The Jobs screen (by state, newest first) and the pruning of done jobs.
  await sql`CREATE INDEX jobs_state_seq ON jobs (state, seq)`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only; restore a backup to go back.');
}

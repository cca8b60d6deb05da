import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { JobQueue } from '../../domain/jobs/job-queue.js';
import type { Logger } from '../../shared/logger.js';
import { createPgBossJobQueue, type PgBossJobQueueOptions } from './create-pg-boss-job-queue.js';
import { createSqliteJobQueue, type SqliteJobQueueOptions } from './create-sqlite-job-queue.js';

export type JobQueueTarget =
  /** The engine's SQLite database: the lease table of migration 0006. */
  | ({ dialect: 'sqlite'; db: Kysely<Database> } & Omit<SqliteJobQueueOptions, 'db' | 'logger'>)
  /** The engine's PostgreSQL database (same URL), through pg-boss in its own schema. */
  | ({ dialect: 'postgres'; connectionString: string } & Omit<PgBossJobQueueOptions, 'connectionString' | 'logger'>);

/** The one place that picks the queue adapter from the database dialect. */
export function createJobQueue(target: JobQueueTarget, logger: Logger): JobQueue {
  if (target.dialect === 'postgres') {
    const { dialect: _dialect, ...options } = target;
    return createPgBossJobQueue({ ...options, logger });
  }
  const { dialect: _dialect, ...options } = target;
  return createSqliteJobQueue({ ...options, logger });
}

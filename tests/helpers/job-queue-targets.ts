import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { onTestFinished } from 'vitest';
import { migrateDatabase } from '../../src/db/migrate-database.js';
import { openDatabase } from '../../src/db/open-database.js';
import type { JobQueue, JobView } from '../../src/domain/jobs/job-queue.js';
import { createPgBossJobQueue, type PgBossJobQueueOptions } from '../../src/jobs/queues/create-pg-boss-job-queue.js';
import { createSqliteJobQueue, type SqliteJobQueueOptions } from '../../src/jobs/queues/create-sqlite-job-queue.js';
import { createLogger } from '../../src/shared/logger.js';
import { createPostgresTestDatabase, testPostgresUrl } from './postgres-test-database.js';
import { testDialect } from './start-test-engine.js';

export const quietLogger = createLogger({ level: 'silent', pretty: false });

export type QueueTuning = Partial<Pick<SqliteJobQueueOptions & PgBossJobQueueOptions, 'pollMs' | 'stopTimeoutMs' | 'maintenanceIntervalSeconds'>>;

export interface QueueStore {
  /** Where a child process finds the same store: the SQLite data directory or the PostgreSQL URL. */
  location: string;
  /** A new queue instance over the same store (as a second engine would open); stopped when the test ends. */
  openQueue(tuning?: QueueTuning): JobQueue;
}

export interface QueueTarget {
  kind: 'sqlite' | 'pg-boss';
  /** Why the target does not run here, or undefined when it does. */
  skip: string | undefined;
  /** A fresh, empty store for the current test. */
  open(): Promise<QueueStore>;
}

/** Short polls and maintenance, so that tests notice changes quickly. */
const FAST = { pollMs: 50, stopTimeoutMs: 2000, maintenanceIntervalSeconds: 1 };

export const QUEUE_TARGETS: QueueTarget[] = [
  {
    kind: 'sqlite',
    skip: testDialect() === 'sqlite' ? undefined : 'runs in the sqlite project',
    async open() {
      const dataDir = mkdtempSync(path.join(tmpdir(), 'passivewp-jobs-'));
      const first = openDatabase({ dataDir });
      await migrateDatabase(first.db, 'sqlite');
      const connections = [first.db];
      const queues: JobQueue[] = [];
      onTestFinished(async () => {
        for (const queue of queues) await queue.stop();
        for (const db of connections) await db.destroy();
        rmSync(dataDir, { recursive: true, force: true });
      });
      return {
        location: dataDir,
        openQueue(tuning = {}) {
          // Its own connection to the same file, like another engine's.
          const { db } = queues.length ? openDatabase({ dataDir }) : first;
          if (queues.length) connections.push(db);
          const queue = createSqliteJobQueue({ db, logger: quietLogger, ...FAST, ...tuning });
          queues.push(queue);
          return queue;
        },
      };
    },
  },
  {
    kind: 'pg-boss',
    // The postgres vitest project (PASSIVEWP_TEST_DATABASE_URL set) runs it.
    skip: testDialect() === 'postgres' && testPostgresUrl() ? undefined : 'runs in the postgres project',
    async open() {
      const url = await createPostgresTestDatabase(testPostgresUrl()!);
      const queues: JobQueue[] = [];
      // Registered after the database: runs before it is dropped.
      onTestFinished(async () => {
        for (const queue of queues) await queue.stop();
      });
      return {
        location: url,
        openQueue(tuning = {}) {
          const queue = createPgBossJobQueue({ connectionString: url, logger: quietLogger, ...FAST, ...tuning });
          queues.push(queue);
          return queue;
        },
      };
    },
  },
];

/** Polls `probe` until it returns a value (not undefined/false); fails after `timeoutMs` with `what`. */
export async function waitFor<T>(what: string, probe: () => Promise<T | undefined | false> | T | undefined | false, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Waits until the job is in `state`; its view. */
export function waitForState(queue: JobQueue, id: string, state: JobView['state'], timeoutMs?: number): Promise<JobView> {
  return waitFor(`job ${id} to be ${state}`, async () => {
    const job = await queue.get(id);
    return job?.state === state ? job : undefined;
  }, timeoutMs);
}

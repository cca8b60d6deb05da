import { deleteExpiredSessions } from '../domain/auth/delete-expired-sessions.js';
import { runScheduledCheck } from '../domain/connection-checks/run-scheduled-check.js';
import { runScheduledIntegrationChecks } from '../domain/connection-checks/run-scheduled-integration-checks.js';
import type { EngineContext } from '../domain/context.js';
import { runScheduledGeoUpdate } from '../domain/geo/run-scheduled-geo-update.js';
import type { JobPolicy, JobQueue, RunningJob } from '../domain/jobs/job-queue.js';
import { REFRESH_BATCH_JOB, REFRESH_CYCLE_JOB, REFRESH_CYCLE_MS, type RefreshBatchData } from '../domain/products/refresh-jobs.js';
import { refreshProductBatch } from '../domain/products/refresh-product-batch.js';
import { runRefreshCycle } from '../domain/products/run-refresh-cycle.js';
import { refreshSavedSearch } from '../domain/searches/refresh-saved-search.js';
import { SEARCH_REFRESH_JOB, type SearchRefreshData } from '../domain/searches/saved-search.js';

/**
 * A durable job: its name (declared in the domain, next to its payload type, when the domain sends
 * it), its policy and its handler, a thin adapter over a domain operation. Handlers must be safe
 * to run twice (delivery is at least once) and must not sleep to respect a rate limit. Payloads
 * hold ids, ASINs and marketplace codes only, never secrets: the Jobs screen and the API show them.
 */
export interface JobDefinition<T> {
  name: string;
  policy: JobPolicy;
  handle(ctx: EngineContext, job: RunningJob<T>): Promise<void>;
  /**
   * Scheduled work: every running server asks for this job, as a singleton, at each multiple of
   * this period (src/jobs/start-background-work.ts), and the handler decides from stored data
   * whether anything is due. However many engines share the database, one such job runs at a
   * time, and one that comes after another engine's run finds nothing left to do.
   */
  requestEveryMs?: number;
  /** Also asked for when the server starts, not only at the first multiple of the period. */
  requestAtStart?: boolean;
}

/** Keeps the payload type of a definition checked while the list below holds definitions of any payload. */
export function defineJob<T>(definition: JobDefinition<T>): JobDefinition<unknown> {
  return definition as JobDefinition<unknown>;
}

/** The scheduled jobs (see `requestEveryMs`); their names show on the Jobs screen. */
export const DAILY_CHECKS_JOB = 'daily-connection-checks';
export const GEO_UPDATE_JOB = 'geo-database-update';
export const SESSION_CLEANUP_JOB = 'session-cleanup';

/**
 * THE one list of every durable job the engine knows. Every engine registers all of them (a CLI
 * command may send a job that a running server carries out), so a job name missing here can be
 * neither sent nor run.
 */
export const JOBS: ReadonlyArray<JobDefinition<unknown>> = [
  defineJob<Record<string, never>>({
    name: REFRESH_CYCLE_JOB,
    policy: { concurrency: 1, leaseSeconds: 60, retryLimit: 2, retryDelaySeconds: 10 },
    requestEveryMs: REFRESH_CYCLE_MS,
    requestAtStart: true,
    handle: async (ctx) => {
      await runRefreshCycle(ctx);
    },
  }),
  defineJob<RefreshBatchData>({
    name: REFRESH_BATCH_JOB,
    // The pacer spaces requests per credential; two workers keep two credentials busy at once.
    policy: { concurrency: 2, leaseSeconds: 15, retryLimit: 4, retryDelaySeconds: 10 },
    handle: async (ctx, job) => {
      await refreshProductBatch(ctx, job.data);
    },
  }),
  defineJob<SearchRefreshData>({
    name: SEARCH_REFRESH_JOB,
    // One SearchItems request of a saved search; paced per credential like the batches.
    policy: { concurrency: 2, leaseSeconds: 15, retryLimit: 4, retryDelaySeconds: 10 },
    handle: async (ctx, job) => {
      await refreshSavedSearch(ctx, job.data);
    },
  }),
  defineJob<Record<string, never>>({
    name: DAILY_CHECKS_JOB,
    // Each check is due a day after the last one by anyone (the Amazon check also skips while one runs in this process).
    policy: { concurrency: 1, leaseSeconds: 60, retryLimit: 1, retryDelaySeconds: 60 },
    requestEveryMs: 10 * 60_000,
    handle: async (ctx) => {
      await runScheduledCheck(ctx);
      await runScheduledIntegrationChecks(ctx);
    },
  }),
  defineJob<Record<string, never>>({
    name: GEO_UPDATE_JOB,
    // Due a week after the last download (a day after a failed one), or at once while the file is missing.
    policy: { concurrency: 1, leaseSeconds: 60, retryLimit: 1, retryDelaySeconds: 60 },
    requestEveryMs: 60 * 60_000,
    handle: async (ctx) => {
      await runScheduledGeoUpdate(ctx);
    },
  }),
  defineJob<Record<string, never>>({
    name: SESSION_CLEANUP_JOB,
    policy: { concurrency: 1, leaseSeconds: 30, retryLimit: 1, retryDelaySeconds: 60 },
    requestEveryMs: 60 * 60_000,
    requestAtStart: true,
    handle: async (ctx) => {
      await deleteExpiredSessions(ctx);
    },
  }),
];

export function registerJobs(ctx: EngineContext, queue: JobQueue, jobs: ReadonlyArray<JobDefinition<unknown>> = JOBS): void {
  for (const job of jobs) queue.register(job.name, job.policy, (running) => job.handle(ctx, running));
}

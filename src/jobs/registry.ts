import type { EngineContext } from '../domain/context.js';
import type { JobPolicy, JobQueue, RunningJob } from '../domain/jobs/job-queue.js';
import { REFRESH_BATCH_JOB, REFRESH_CYCLE_JOB, type RefreshBatchData } from '../domain/products/refresh-jobs.js';
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
}

/** Keeps the payload type of a definition checked while the list below holds definitions of any payload. */
export function defineJob<T>(definition: JobDefinition<T>): JobDefinition<unknown> {
  return definition as JobDefinition<unknown>;
}

/**
 * THE one list of every durable job the engine knows. Every engine registers all of them (a CLI
 * command may send a job that a running server carries out), so a job name missing here can be
 * neither sent nor run.
 */
export const JOBS: ReadonlyArray<JobDefinition<unknown>> = [
  defineJob<Record<string, never>>({
    name: REFRESH_CYCLE_JOB,
    policy: { concurrency: 1, leaseSeconds: 60, retryLimit: 2, retryDelaySeconds: 10 },
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
];

export function registerJobs(ctx: EngineContext, queue: JobQueue, jobs: ReadonlyArray<JobDefinition<unknown>> = JOBS): void {
  for (const job of jobs) queue.register(job.name, job.policy, (running) => job.handle(ctx, running));
}

/**
 * Durable background work, as the domain sees it. Two adapters implement it (src/jobs/queues/):
 * a lease table in the SQLite database (the embedded default) and pg-boss on PostgreSQL.
 *
 * A job is delivered at least once: a worker that dies mid-job loses its lease and the job runs
 * again, so every handler must be safe to repeat.
 */

/** queued: waiting (or waiting for its retry time); running: leased by a worker; failed: its last attempt failed and a retry is scheduled; dead: out of retries, kept for the Jobs screen until retried. */
export const JOB_STATES = ['queued', 'running', 'failed', 'dead', 'done'] as const;
export type JobState = (typeof JOB_STATES)[number];

export interface JobPolicy {
  /** Workers of this job name per engine process. */
  concurrency: number;
  /**
   * How long a worker holds a job without renewing its lease. A live worker renews it while its
   * handler runs (every third of this time), so only a worker whose process died (or that was
   * stopped past its deadline) loses the job, which then runs again. Short enough to notice a dead
   * engine soon; long enough to outlast a pause of the event loop or the database.
   */
  leaseSeconds: number;
  /** Attempts after the first one before the job goes dead. */
  retryLimit: number;
  /**
   * Delay before the first retry; doubled for each further one (exponential backoff). pg-boss
   * rounds it up to whole seconds and adds up to 100% jitter.
   */
  retryDelaySeconds: number;
}

export interface SendOptions {
  /** While a job of the same name with this key is queued, running or failed (waiting for its retry), sending another one with it adds nothing. */
  singletonKey?: string;
  /** Not before this time. */
  startAfter?: Date;
}

export interface JobView {
  id: string;
  name: string;
  state: JobState;
  /** The payload as sent. Payloads hold ids, ASINs and marketplace codes only, never secrets: the Jobs screen and the API show them. */
  data: unknown;
  /** Attempts started so far. */
  attempts: number;
  /** Attempts allowed in all (1 + retries). */
  maxAttempts: number;
  lastError: string | null;
  createdAt: string;
  /** When it may run next (its retry time for a failed job). */
  runAfter: string;
  startedAt: string | null;
  finishedAt: string | null;
}

export interface RunningJob<T> {
  id: string;
  data: T;
  /** 1 for the first attempt. */
  attempt: number;
}

export type JobHandler<T> = (job: RunningJob<T>) => Promise<void>;

export interface JobQueue {
  readonly kind: 'sqlite' | 'pg-boss';
  /** Declares a job name with its policy and handler; call before `start` and before sending it. */
  register<T>(name: string, policy: JobPolicy, handler: JobHandler<T>): void;
  /** Starts fetching work for every registered name. */
  start(): Promise<void>;
  /**
   * Stops fetching, waits for running handlers (up to the timeout; a handler still running then
   * loses its lease and its job runs again later), then releases its resources. Safe to call twice,
   * and on a queue that was never started.
   */
  stop(): Promise<void>;
  /**
   * The new job's id, or null when a singleton with the same key is already queued, running or
   * failed. Throws for a name that was never registered (a programmer error).
   */
  send(name: string, data: unknown, options?: SendOptions): Promise<string | null>;
  /** Newest first (by creation time). */
  list(filter: { states?: readonly JobState[]; name?: string; limit: number }): Promise<JobView[]>;
  counts(): Promise<Record<JobState, number>>;
  /** One job, or null when there is no such id (done jobs are pruned after a while). */
  get(id: string): Promise<JobView | null>;
  /**
   * Runs a failed or dead job again now, with a fresh set of attempts; false when it is in no such
   * state, or when another job of its name with its singleton key is already waiting.
   */
  retry(id: string): Promise<boolean>;
}

import type { JobHandler, JobPolicy } from '../../domain/jobs/job-queue.js';
import type { Logger } from '../../shared/logger.js';
import { describeJobError } from './describe-job-error.js';

/** A job a worker holds: `token` proves the lease, so a worker that lost it cannot finish someone else's run. */
export interface ClaimedJob {
  id: string;
  data: unknown;
  /** 1 for the first attempt. */
  attempt: number;
  token: string;
}

/** What an adapter provides: the storage side of claiming, renewing and finishing a job. */
export interface LeaseBackend {
  /** Takes the next due job of `name` atomically, or null. */
  claim(name: string, policy: JobPolicy): Promise<ClaimedJob | null>;
  /** Extends the lease; false when it was lost (expired and taken over, or retried). */
  renew(name: string, job: ClaimedJob, policy: JobPolicy): Promise<boolean>;
  complete(name: string, job: ClaimedJob): Promise<void>;
  fail(name: string, job: ClaimedJob, policy: JobPolicy, message: string): Promise<void>;
  /** Once per poll, before claiming (the SQLite queue buries abandoned jobs that are out of attempts). */
  sweep?(): Promise<void>;
}

export interface WorkerPoolOptions {
  backend: LeaseBackend;
  logger: Logger;
  pollMs: number;
  /** How long `stop` waits for running handlers. */
  stopTimeoutMs: number;
}

export interface WorkerPool {
  register<T>(name: string, policy: JobPolicy, handler: JobHandler<T>): void;
  policyOf(name: string): JobPolicy;
  start(): void;
  /** Polls now (after a local send, or a finished handler) instead of at the next tick. */
  wake(): void;
  /** Stops polling and waits for running handlers; those still running at the deadline stop renewing their lease. */
  stop(): Promise<void>;
}

interface Registration {
  policy: JobPolicy;
  handler: JobHandler<unknown>;
  active: number;
}

/**
 * The in-process side of both queue adapters: polls every `pollMs` (and at once when woken),
 * claims jobs up to each name's concurrency, renews each lease every third of its length while
 * the handler runs, then records the outcome. Timers are unref'd: they never keep a process alive.
 */
export function createWorkerPool({ backend, logger, pollMs, stopTimeoutMs }: WorkerPoolOptions): WorkerPool {
  const registrations = new Map<string, Registration>();
  const running = new Set<Promise<void>>();
  const heartbeats = new Set<NodeJS.Timeout>();
  let state: 'idle' | 'started' | 'stopped' = 'idle';
  let stopped: Promise<void> | undefined;
  let timer: NodeJS.Timeout | undefined;
  let polling: Promise<void> | undefined;
  let pollAgain = false;

  async function poll(): Promise<void> {
    do {
      pollAgain = false;
      await backend.sweep?.();
      for (const [name, registration] of registrations) {
        while (state === 'started' && registration.active < registration.policy.concurrency) {
          const job = await backend.claim(name, registration.policy);
          if (!job) break;
          run(name, registration, job);
        }
      }
    } while (pollAgain && state === 'started');
  }

  function schedulePoll(): void {
    if (state !== 'started') return;
    if (polling) {
      pollAgain = true;
      return;
    }
    polling = poll()
      .catch((error: unknown) => logger.error({ err: error }, 'job queue poll failed'))
      .finally(() => (polling = undefined));
  }

  function run(name: string, registration: Registration, job: ClaimedJob): void {
    registration.active += 1;
    let lost = false;
    const renewEveryMs = Math.max(50, (registration.policy.leaseSeconds * 1000) / 3);
    const heartbeat = setInterval(() => {
      backend.renew(name, job, registration.policy).then(
        (held) => {
          if (held || lost) return;
          lost = true;
          clearInterval(heartbeat);
          logger.warn({ job: job.id, name }, 'job lease lost while its handler ran; the job may run again elsewhere');
        },
        (error: unknown) => logger.warn({ err: error, job: job.id, name }, 'job lease renewal failed'),
      );
    }, renewEveryMs);
    heartbeat.unref();
    heartbeats.add(heartbeat);

    const work = Promise.resolve()
      .then(() => registration.handler({ id: job.id, data: job.data, attempt: job.attempt }))
      .then(
        () => (lost ? undefined : backend.complete(name, job)),
        (error: unknown) => {
          logger.warn({ job: job.id, name, attempt: job.attempt, error: describeJobError(error) }, 'job attempt failed');
          return lost ? undefined : backend.fail(name, job, registration.policy, describeJobError(error));
        },
      )
      .catch((error: unknown) => {
        // After a shutdown that abandoned it, the storage may be closed: the lease decides instead.
        if (state === 'stopped') logger.warn({ job: job.id, name }, 'the outcome of an abandoned job was not recorded');
        else logger.error({ err: error, job: job.id, name }, 'could not record the outcome of a job');
      })
      .finally(() => {
        clearInterval(heartbeat);
        heartbeats.delete(heartbeat);
        registration.active -= 1;
        running.delete(work);
        schedulePoll();
      });
    running.add(work);
  }

  return {
    register(name, policy, handler) {
      if (state !== 'idle') throw new Error(`Job "${name}" registered after the queue started.`);
      if (registrations.has(name)) throw new Error(`Job "${name}" is registered twice.`);
      if (!(policy.concurrency >= 1 && policy.leaseSeconds > 0 && policy.retryLimit >= 0 && policy.retryDelaySeconds >= 0)) {
        throw new Error(`Job "${name}" has an invalid policy.`);
      }
      registrations.set(name, { policy, handler: handler as JobHandler<unknown>, active: 0 });
    },
    policyOf(name) {
      const registration = registrations.get(name);
      if (!registration) throw new Error(`Job "${name}" is not registered (src/jobs/registry.ts).`);
      return registration.policy;
    },
    start() {
      if (state !== 'idle') return;
      state = 'started';
      timer = setInterval(schedulePoll, pollMs);
      timer.unref();
      schedulePoll();
    },
    wake: schedulePoll,
    stop() {
      // Every caller (stopServer, the server's close event, engine.close) waits for the same shutdown.
      stopped ??= shutDown();
      return stopped;
    },
  };

  async function shutDown(): Promise<void> {
    state = 'stopped';
    clearInterval(timer);
    await polling;
    let deadline: NodeJS.Timeout | undefined;
    const timedOut = await Promise.race([
      Promise.all(running).then(() => false),
      new Promise<boolean>((resolve) => {
        deadline = setTimeout(() => resolve(true), stopTimeoutMs);
        deadline.unref();
      }),
    ]);
    clearTimeout(deadline);
    if (timedOut) {
      // Their leases run out and the jobs run again, here after a restart or on another engine.
      for (const heartbeat of heartbeats) clearInterval(heartbeat);
      logger.warn({ running: running.size }, 'job handlers still running at shutdown were abandoned');
    }
  }
}

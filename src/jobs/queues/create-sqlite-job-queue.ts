import { randomUUID } from 'node:crypto';
import { sql, type Kysely, type Selectable } from 'kysely';
import type { Database, JobsTable } from '../../db/schema.js';
import { JOB_STATES, type JobPolicy, type JobQueue, type JobState, type JobView } from '../../domain/jobs/job-queue.js';
import type { Logger } from '../../shared/logger.js';
import { createWorkerPool, type ClaimedJob, type LeaseBackend } from './create-worker-pool.js';

export interface SqliteJobQueueOptions {
  db: Kysely<Database>;
  logger: Logger;
  /** The time every lease and retry is computed from; tests move it. */
  now?: () => Date;
  pollMs?: number;
  stopTimeoutMs?: number;
  /** Done jobs kept for the Jobs screen; older ones are deleted. */
  keepDone?: number;
}

const LEASE_EXPIRED = 'The worker running the previous attempt stopped before finishing it (its lease expired).';

/**
 * The embedded job queue: a lease table (`jobs`, migration 0006) in the engine's SQLite file.
 * A worker claims the next due job with one UPDATE (SQLite runs it under its write lock, so two
 * workers or two engines never claim the same job), renews its lease while the handler runs, and
 * a job whose lease ran out is claimed again. Times are ISO strings from `now`.
 */
export function createSqliteJobQueue({ db, logger, now = () => new Date(), pollMs = 250, stopTimeoutMs = 8000, keepDone = 1000 }: SqliteJobQueueOptions): JobQueue {
  const at = (offsetMs = 0) => new Date(now().getTime() + offsetMs).toISOString();

  const backend: LeaseBackend = {
    async sweep() {
      // Abandoned on its last attempt: nothing may run it again.
      const time = at();
      await db
        .updateTable('jobs')
        .set({ state: 'dead', last_error: LEASE_EXPIRED, finished_at: time, leased_until: null, lease_token: null })
        .where('state', '=', 'running')
        .where('leased_until', '<=', time)
        .whereRef('attempts', '>=', 'max_attempts')
        .execute();
    },
    async claim(name, policy) {
      const time = at();
      const token = randomUUID();
      const due = sql`name = ${name} AND ((state IN ('queued', 'failed') AND run_after <= ${time}) OR (state = 'running' AND leased_until <= ${time} AND attempts < max_attempts))`;
      const { rows } = await sql<Pick<Selectable<JobsTable>, 'id' | 'data' | 'attempts'>>`
        UPDATE jobs SET
          state = 'running',
          attempts = attempts + 1,
          lease_token = ${token},
          leased_until = ${at(policy.leaseSeconds * 1000)},
          started_at = ${time},
          finished_at = NULL,
          last_error = CASE WHEN state = 'running' THEN ${LEASE_EXPIRED} ELSE last_error END
        WHERE seq = (SELECT seq FROM jobs WHERE ${due} ORDER BY run_after, seq LIMIT 1) AND ${due}
        RETURNING id, data, attempts`.execute(db);
      const row = rows[0];
      return row ? { id: row.id, data: JSON.parse(row.data) as unknown, attempt: row.attempts, token } : null;
    },
    async renew(_name, job, policy) {
      const result = await leased(db.updateTable('jobs').set({ leased_until: at(policy.leaseSeconds * 1000) }), job).executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },
    async complete(_name, job) {
      await leased(db.updateTable('jobs').set({ state: 'done', finished_at: at(), leased_until: null, lease_token: null, last_error: null }), job).execute();
      // Keep the newest `keepDone` done jobs. Fewer make the subquery NULL, and `seq < NULL` deletes nothing.
      await sql`DELETE FROM jobs WHERE state = 'done' AND seq < (SELECT seq FROM jobs WHERE state = 'done' ORDER BY seq DESC LIMIT 1 OFFSET ${keepDone - 1})`.execute(db);
    },
    async fail(_name, job, policy, message) {
      const row = await db.selectFrom('jobs').select('max_attempts').where('id', '=', job.id).executeTakeFirst();
      const dead = !row || job.attempt >= row.max_attempts;
      const delayMs = policy.retryDelaySeconds * 1000 * 2 ** (job.attempt - 1);
      await leased(
        db.updateTable('jobs').set({
          state: dead ? 'dead' : 'failed',
          last_error: message,
          run_after: dead ? at() : at(delayMs),
          finished_at: dead ? at() : null,
          leased_until: null,
          lease_token: null,
        }),
        job,
      ).execute();
    },
  };

  const pool = createWorkerPool({ backend, logger, pollMs, stopTimeoutMs });

  return {
    kind: 'sqlite',
    register: pool.register,
    async start() {
      pool.start();
    },
    stop: pool.stop,
    async send(name, data, options = {}) {
      const policy = pool.policyOf(name);
      const time = at();
      const row = await db
        .insertInto('jobs')
        .values({
          id: randomUUID(),
          name,
          data: JSON.stringify(data ?? null),
          state: 'queued',
          singleton_key: options.singletonKey ?? null,
          max_attempts: policy.retryLimit + 1,
          run_after: options.startAfter ? options.startAfter.toISOString() : time,
          created_at: time,
        })
        // The partial unique index on (name, singleton_key) makes a second live singleton a no-op.
        .onConflict((conflict) => conflict.doNothing())
        .returning('id')
        .executeTakeFirst();
      if (row) pool.wake();
      return row?.id ?? null;
    },
    async list({ states, name, limit }) {
      let query = db.selectFrom('jobs').selectAll().orderBy('seq', 'desc').limit(limit);
      if (states?.length) query = query.where('state', 'in', states);
      if (name) query = query.where('name', '=', name);
      return (await query.execute()).map(toView);
    },
    async counts() {
      const rows = await db.selectFrom('jobs').select(['state', (eb) => eb.fn.countAll<number>().as('count')]).groupBy('state').execute();
      const counts = Object.fromEntries(JOB_STATES.map((state) => [state, 0])) as Record<JobState, number>;
      for (const row of rows) counts[row.state] = Number(row.count);
      return counts;
    },
    async get(id) {
      const row = await db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toView(row) : null;
    },
    async retry(id) {
      const row = await db.selectFrom('jobs').select('name').where('id', '=', id).executeTakeFirst();
      if (!row) return false;
      const policy = tryPolicy(row.name);
      try {
        const result = await db
          .updateTable('jobs')
          .set({
            state: 'queued',
            attempts: 0,
            ...(policy ? { max_attempts: policy.retryLimit + 1 } : {}),
            run_after: at(),
            started_at: null,
            finished_at: null,
            leased_until: null,
            lease_token: null,
          })
          .where('id', '=', id)
          .where('state', 'in', ['failed', 'dead'])
          .executeTakeFirst();
        if (result.numUpdatedRows === 0n) return false;
      } catch (error) {
        // Another job of its name with its singleton key is already waiting.
        if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') return false;
        throw error;
      }
      pool.wake();
      return true;
    },
  };

  function tryPolicy(name: string): JobPolicy | undefined {
    try {
      return pool.policyOf(name);
    } catch {
      return undefined;
    }
  }
}

/** Narrows an update to the row the worker still holds. */
function leased<Q extends { where(column: 'id' | 'lease_token', op: '=', value: string): Q }>(query: Q, job: ClaimedJob): Q {
  return query.where('id', '=', job.id).where('lease_token', '=', job.token);
}

function toView(row: Selectable<JobsTable>): JobView {
  return {
    id: row.id,
    name: row.name,
    state: row.state,
    data: JSON.parse(row.data) as unknown,
    attempts: row.attempts,
    maxAttempts: row.max_attempts,
    lastError: row.last_error,
    createdAt: row.created_at,
    runAfter: row.run_after,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
  };
}

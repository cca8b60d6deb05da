import pg from 'pg';
import PgBoss from 'pg-boss';
import { JOB_STATES, type JobPolicy, type JobQueue, type JobState, type JobView } from '../../domain/jobs/job-queue.js';
import type { Logger } from '../../shared/logger.js';
import { createWorkerPool, type ClaimedJob, type LeaseBackend } from './create-worker-pool.js';

export interface PgBossJobQueueOptions {
  /** May hold a password: never logged. */
  connectionString: string;
  logger: Logger;
  /**
   * The engine's clock. pg-boss keeps time with the database's now(), so a `startAfter` is sent
   * as a delay from this clock: a test that moves the engine's clock gets the same delays as on SQLite.
   */
  now?: () => Date;
  /** pg-boss's schema in the database. */
  schema?: string;
  pollMs?: number;
  stopTimeoutMs?: number;
  /** How often pg-boss's maintenance runs; it is what notices a job whose lease expired (a dead engine). */
  maintenanceIntervalSeconds?: number;
  /** How long dead jobs stay on the Jobs screen before pg-boss archives them. */
  keepDeadSeconds?: number;
  maxConnections?: number;
}

/**
 * Our states over pg-boss's: created → queued, active → running, retry → failed (a retry is
 * scheduled), failed → dead (out of retries), completed → done. We never cancel jobs, so cancelled
 * ones (only an operator's SQL makes them) are left out of lists and counts.
 */
const FROM_PG_BOSS = { created: 'queued', active: 'running', retry: 'failed', failed: 'dead', completed: 'done' } as const satisfies Record<string, JobState>;
const TO_PG_BOSS = Object.fromEntries(Object.entries(FROM_PG_BOSS).map(([boss, ours]) => [ours, boss])) as Record<JobState, keyof typeof FROM_PG_BOSS>;
const PG_BOSS_TIMEOUT = 'job failed by timeout in active state';
const LEASE_EXPIRED = 'The worker running the previous attempt stopped before finishing it (its lease expired).';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface JobRow {
  id: string;
  name: string;
  state: keyof typeof FROM_PG_BOSS;
  data: unknown;
  retry_count: number;
  retry_limit: number;
  last_error: string | null;
  created_on: Date;
  start_after: Date;
  started_on: Date | null;
  completed_on: Date | null;
}

/**
 * The job queue on PostgreSQL, over pg-boss v10 (its own schema, migrated by pg-boss). pg-boss
 * stores the jobs, claims them (`fetch`: FOR UPDATE SKIP LOCKED), schedules retries with backoff
 * (`fail`) and fails jobs whose `expire_in` passed (maintenance). Our worker pool runs the
 * handlers, as with SQLite, and renews a running job's lease by moving its `expire_in`; the
 * started time of the attempt is the lease token. pg-boss has no list API, so the Jobs screen
 * reads its job table. One addition to its schema: a partial unique index that makes a singleton
 * key unique among the live jobs of a name (pg-boss's own singleton policies cover other cases).
 */
export function createPgBossJobQueue(options: PgBossJobQueueOptions): JobQueue {
  const { logger, now = () => new Date(), pollMs = 1000, stopTimeoutMs = 8000, maintenanceIntervalSeconds = 30, keepDeadSeconds = 365 * 86_400, maxConnections = 10 } = options;
  const schema = options.schema ?? 'pgboss';
  if (!/^[a-z_][a-z0-9_]{0,49}$/i.test(schema)) throw new Error('The pg-boss schema must be a plain identifier.');
  const jobTable = `${schema}.job`;

  let connection: Promise<{ pool: pg.Pool; boss: PgBoss }> | undefined;
  let createdQueues = new Map<string, Promise<void>>();
  let closing: Promise<void> | undefined;

  function connect(): Promise<{ pool: pg.Pool; boss: PgBoss }> {
    connection ??= (async () => {
      const pool = new pg.Pool({ connectionString: options.connectionString, max: maxConnections, application_name: 'passivewp-jobs', allowExitOnIdle: true });
      pool.on('error', (error) => logger.warn({ error: error.message }, 'job queue: an idle PostgreSQL connection failed'));
      const boss = new PgBoss({
        db: { executeSql: (text, values) => pool.query(text, values) },
        schema,
        schedule: false,
        supervise: true,
        maintenanceIntervalSeconds,
        archiveFailedAfterSeconds: keepDeadSeconds,
      });
      boss.on('error', (error) => logger.warn({ error: error.message }, 'job queue: pg-boss reported an error'));
      try {
        await boss.start();
        await pool.query(`BEGIN;
          SELECT pg_advisory_xact_lock(hashtext('passivewp.job_singleton'));
          CREATE UNIQUE INDEX IF NOT EXISTS passivewp_job_singleton ON ${jobTable} (name, singleton_key) WHERE singleton_key IS NOT NULL AND state < 'completed';
          COMMIT;`);
      } catch (error) {
        await boss.stop({ graceful: false, close: false }).catch(() => undefined);
        await pool.end().catch(() => undefined);
        connection = undefined;
        throw error;
      }
      return { pool, boss };
    })();
    return connection;
  }

  /** Creates (once per connection) pg-boss's queue of a name, with the policy's retries and expiry. */
  function ensureQueue(boss: PgBoss, name: string, policy: JobPolicy): Promise<void> {
    let created = createdQueues.get(name);
    if (!created) {
      const retryDelay = Math.ceil(policy.retryDelaySeconds);
      const queue = { name, policy: 'standard' as const, retryLimit: policy.retryLimit, retryDelay, retryBackoff: retryDelay > 0, expireInSeconds: Math.max(1, Math.ceil(policy.leaseSeconds)) };
      created = (async () => {
        // createQueue leaves an existing queue alone; updateQueue brings its policy up to date for new jobs.
        // Two engines creating the same queue at once may collide (deadlock, duplicate): the second try finds it.
        for (let attempt = 1; ; attempt += 1) {
          try {
            await boss.createQueue(name, queue);
            break;
          } catch (error) {
            if (attempt >= 3 || !['40P01', '23505', '42P07'].includes((error as { code?: string }).code ?? '')) throw error;
          }
        }
        await boss.updateQueue(name, queue);
      })();
      created.catch(() => createdQueues.delete(name));
      createdQueues.set(name, created);
    }
    return created;
  }

  async function query<R extends pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<R[]> {
    const { pool } = await connect();
    return (await pool.query<R>(text, values)).rows;
  }

  /** Runs `work` only while the worker still holds the job, in one transaction with the row locked. */
  async function whileHeld(name: string, job: ClaimedJob, work: (db: PgBoss.Db) => Promise<unknown>): Promise<void> {
    const { pool } = await connect();
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const held = await client.query(`SELECT 1 FROM ${jobTable} WHERE name = $1 AND id = $2 AND state = 'active' AND started_on = $3::timestamptz FOR UPDATE`, [name, job.id, job.token]);
      if (held.rowCount) await work({ executeSql: (text, values) => client.query(text, values) });
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  const backend: LeaseBackend = {
    async claim(name, policy) {
      const { boss } = await connect();
      const [job] = await boss.fetch<unknown>(name, { batchSize: 1, includeMetadata: true });
      if (!job) return null;
      // A fresh lease for this attempt (a retried job inherits the last one's renewed expire_in); its start time is the token.
      const [held] = await query<{ token: string }>(
        `UPDATE ${jobTable} SET expire_in = make_interval(secs => $3) WHERE name = $1 AND id = $2 AND state = 'active' RETURNING started_on::text AS token`,
        [name, job.id, policy.leaseSeconds],
      );
      return held ? { id: job.id, data: job.data, attempt: job.retryCount + 1, token: held.token } : null;
    },
    async renew(name, job, policy) {
      const rows = await query(
        `UPDATE ${jobTable} SET expire_in = (now() - started_on) + make_interval(secs => $4) WHERE name = $1 AND id = $2 AND state = 'active' AND started_on = $3::timestamptz RETURNING 1`,
        [name, job.id, job.token, policy.leaseSeconds],
      );
      return rows.length > 0;
    },
    async complete(name, job) {
      const { boss } = await connect();
      await whileHeld(name, job, (db) => boss.complete(name, job.id, null as unknown as object, { db }));
    },
    async fail(name, job, _policy, message) {
      const { boss } = await connect();
      // pg-boss decides: retry (after retry_delay × 2^n plus jitter) or failed (dead).
      await whileHeld(name, job, (db) => boss.fail(name, job.id, { message }, { db }));
    },
  };

  const workers = createWorkerPool({ backend, logger, pollMs, stopTimeoutMs });
  const registered: Array<[string, JobPolicy]> = [];

  const columns = `id, name, state::text AS state, data, retry_count, retry_limit, created_on, start_after, started_on, completed_on,
    COALESCE(output->>'message', output->'value'->>'message', output->>'value') AS last_error`;
  const live = `state <> 'cancelled' AND name NOT LIKE '\\_\\_pgboss\\_\\_%'`;

  return {
    kind: 'pg-boss',
    register(name, policy, handler) {
      workers.register(name, policy, handler);
      registered.push([name, policy]);
    },
    async start() {
      const { boss } = await connect();
      for (const [name, policy] of registered) await ensureQueue(boss, name, policy);
      workers.start();
    },
    async stop() {
      await workers.stop();
      // Data calls after a stop (a CLI command reading jobs) connect again; the next stop closes that too.
      const opened = connection;
      if (opened) {
        connection = undefined;
        createdQueues = new Map();
        closing = (async () => {
          const { pool: pgPool, boss } = await opened.catch(() => ({ pool: undefined, boss: undefined }));
          await boss?.stop({ graceful: false, close: false }).catch((error: Error) => logger.warn({ error: error.message }, 'job queue: pg-boss did not stop cleanly'));
          await pgPool?.end();
        })();
      }
      await closing;
    },
    async send(name, data, sendOptions = {}) {
      const policy = workers.policyOf(name);
      const { boss } = await connect();
      await ensureQueue(boss, name, policy);
      const delaySeconds = sendOptions.startAfter ? (sendOptions.startAfter.getTime() - now().getTime()) / 1000 : 0;
      // As JSON text, so that any payload (not only objects) reaches the jsonb column as it was.
      const id = await boss.send(name, JSON.stringify(data ?? null) as unknown as object, {
        ...(sendOptions.singletonKey ? { singletonKey: sendOptions.singletonKey } : {}),
        // A number is seconds from the database's now().
        ...(delaySeconds > 0 ? { startAfter: delaySeconds } : {}),
      });
      if (id) workers.wake();
      return id;
    },
    async list({ states, name, limit }) {
      const rows = await query<JobRow>(
        `SELECT ${columns} FROM ${jobTable} WHERE ${live}
           AND ($1::text[] IS NULL OR state::text = ANY($1::text[])) AND ($2::text IS NULL OR name = $2)
         ORDER BY created_on DESC, id DESC LIMIT $3`,
        [states?.length ? states.map((state) => TO_PG_BOSS[state]) : null, name ?? null, limit],
      );
      return rows.map(toView);
    },
    async counts() {
      const rows = await query<{ state: keyof typeof FROM_PG_BOSS; count: string }>(`SELECT state::text AS state, count(*) AS count FROM ${jobTable} WHERE ${live} GROUP BY state`);
      const counts = Object.fromEntries(JOB_STATES.map((state) => [state, 0])) as Record<JobState, number>;
      for (const row of rows) counts[FROM_PG_BOSS[row.state]] = Number(row.count);
      return counts;
    },
    async get(id) {
      if (!UUID.test(id)) return null;
      const [row] = await query<JobRow>(`SELECT ${columns} FROM ${jobTable} WHERE ${live} AND id = $1`, [id]);
      return row ? toView(row) : null;
    },
    async retry(id) {
      if (!UUID.test(id)) return false;
      const [job] = await query<{ name: string }>(`SELECT name FROM ${jobTable} WHERE id = $1`, [id]);
      if (!job) return false;
      const policy = registered.find(([name]) => name === job.name)?.[1];
      try {
        // pg-boss's own retry() adds one attempt to a failed job; ours starts a fresh set, now.
        const rows = await query(
          `UPDATE ${jobTable} SET state = 'created', retry_count = 0, retry_limit = COALESCE($3, retry_limit), start_after = now(), started_on = NULL, completed_on = NULL
           WHERE name = $1 AND id = $2 AND state IN ('retry', 'failed') RETURNING 1`,
          [job.name, id, policy ? policy.retryLimit : null],
        );
        if (!rows.length) return false;
      } catch (error) {
        // Another job of its name with its singleton key is already waiting.
        if ((error as { code?: string }).code === '23505') return false;
        throw error;
      }
      workers.wake();
      return true;
    },
  };
}

function toView(row: JobRow): JobView {
  return {
    id: row.id,
    name: row.name,
    state: FROM_PG_BOSS[row.state],
    data: row.data,
    attempts: row.retry_count + (row.started_on ? 1 : 0),
    maxAttempts: row.retry_limit + 1,
    lastError: row.last_error === PG_BOSS_TIMEOUT ? LEASE_EXPIRED : row.last_error,
    createdAt: row.created_on.toISOString(),
    runAfter: row.start_after.toISOString(),
    startedAt: row.started_on?.toISOString() ?? null,
    finishedAt: row.completed_on?.toISOString() ?? null,
  };
}

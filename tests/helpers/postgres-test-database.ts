import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject, onTestFinished } from 'vitest';

/** What `postgres-global-setup.ts` prepared for this run of the postgres project. */
export interface PostgresTestRun {
  /** Every database of this run starts with it, so the run's teardown finds leftovers (and no other run's). */
  prefix: string;
  /** A database with every migration applied, copied for each test. */
  template: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    postgresTestRun: PostgresTestRun | undefined;
  }
}

/** The PostgreSQL server the PostgreSQL test run uses (`.ci/run` sets it), or undefined when there is none. */
export function testPostgresUrl(): string | undefined {
  return process.env.PASSIVEWP_TEST_DATABASE_URL || undefined;
}

/** Per server: the database the next test will get, copied while the current test runs. */
const spares = new Map<string, Promise<string>>();

/**
 * A new database on the test server, dropped when the current test ends; its URL. Every test gets
 * its own, so tests never see each other's rows or pg-boss schema.
 *
 * In the postgres project it is a copy of the run's migrated template (creating a database costs
 * about half a second on a server that syncs to disk, migrating it as much again), prepared one test
 * ahead and dropped behind; `empty: true` gives a database without any table, for tests of the
 * migrations themselves.
 */
export async function createPostgresTestDatabase(serverUrl: string, options: { keep?: boolean; empty?: boolean } = {}): Promise<string> {
  const run = inject('postgresTestRun');
  let name: string;
  if (!run || options.empty) {
    name = await createDatabase(serverUrl, run?.prefix ?? 'pwp_test', 'template1');
  } else {
    name = await (spares.get(serverUrl) ?? createDatabase(serverUrl, run.prefix, run.template));
    const next = createDatabase(serverUrl, run.prefix, run.template);
    next.catch(() => undefined); // reported by the test that takes it
    spares.set(serverUrl, next);
  }
  if (!options.keep) {
    onTestFinished(async () => {
      if (!run) return dropPostgresTestDatabase(serverUrl, name);
      // A drop waits for the server's checkpoint: it runs behind the next tests, and the run's
      // teardown drops whatever is still there when the worker ends.
      dropping = dropping.then(() => dropPostgresTestDatabase(serverUrl, name)).catch(() => undefined);
    });
  }
  return databaseUrl(serverUrl, name);
}

let dropping: Promise<void> = Promise.resolve();

export async function dropPostgresTestDatabase(serverUrl: string, name: string): Promise<void> {
  // WITH (FORCE) ends connections a test left open (PostgreSQL 13+).
  await withAdminClient(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
}

/** Drops every database whose name starts with `prefix` (a run's leftovers: its template, an unused spare). */
export async function dropPostgresTestDatabases(serverUrl: string, prefix: string): Promise<void> {
  const names = await withAdminClient(serverUrl, async (client) => {
    // A worker that ended may have left a CREATE or DROP running on the server: wait for it first.
    for (let waited = 0; waited < 30_000; waited += 100) {
      const busy = await client.query(`SELECT 1 FROM pg_stat_activity WHERE pid <> pg_backend_pid() AND state = 'active' AND strpos(query, $1) > 0`, [prefix]);
      if (busy.rowCount === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const { rows } = await client.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE starts_with(datname, $1)`, [prefix]);
    return rows.map((r) => r.datname);
  });
  for (const name of names) await dropPostgresTestDatabase(serverUrl, name);
}

export function databaseUrl(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function createDatabase(serverUrl: string, prefix: string, template: string): Promise<string> {
  const name = `${prefix}_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  await withAdminClient(serverUrl, async (client) => {
    await client.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
    // Test data need not survive a crash of the server; not waiting for the disk on each commit saves time.
    await client.query(`ALTER DATABASE ${name} SET synchronous_commit = off`);
  });
  return name;
}

async function withAdminClient<T>(serverUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { onTestFinished } from 'vitest';
import { createAdmin } from '../../src/domain/auth/create-admin.js';
import type { SettingsRegistry } from '../../src/domain/settings/registry.js';
import { createHttpApp, openEngine, startServer, type Engine, type RunningServer } from '../../src/main.js';
import { createPostgresTestDatabase, testPostgresUrl } from './postgres-test-database.js';

export interface TestEngine {
  engine: Engine;
  dataDir: string;
  /** Everything the engine logged so far, as raw JSON lines. */
  logs(): string;
}

export interface TestEngineOptions {
  env?: Record<string, string>;
  dataDir?: string;
  registry?: SettingsRegistry;
}

/**
 * Which storage this test process runs on: the `postgres` vitest project sets
 * PASSIVEWP_TEST_DIALECT=postgres, so the same tests run against PostgreSQL.
 */
export function testDialect(): 'sqlite' | 'postgres' {
  return process.env.PASSIVEWP_TEST_DIALECT === 'postgres' ? 'postgres' : 'sqlite';
}

/** The PostgreSQL database of each data directory in use, so an engine reopened on it finds its data. */
const databaseOfDataDir = new Map<string, string>();

/**
 * The variables that point an engine (or a CLI process) at a data directory's storage: on the
 * PostgreSQL run, PASSIVEWP_DATABASE_URL of the database created for it (a new one, dropped
 * when the test ends, the first time). Nothing on SQLite: the file lives in the data directory.
 */
export async function testStorageEnv(dataDir: string): Promise<Record<string, string>> {
  const base = { PASSIVEWP_DATA_DIR: dataDir };
  if (testDialect() === 'sqlite') return base;
  let url = databaseOfDataDir.get(dataDir);
  if (!url) {
    const server = testPostgresUrl();
    if (!server) throw new Error('PASSIVEWP_TEST_DIALECT=postgres needs PASSIVEWP_TEST_DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/test).');
    url = await createPostgresTestDatabase(server);
    databaseOfDataDir.set(dataDir, url);
    onTestFinished(() => void databaseOfDataDir.delete(dataDir));
  }
  return { ...base, PASSIVEWP_DATABASE_URL: url };
}

/** A fresh data directory, removed when the test ends, and its storage variables (see testStorageEnv). */
export async function newTestStorage(prefix = 'passivewp-test-'): Promise<Record<string, string>> {
  const dataDir = mkdtempSync(path.join(tmpdir(), prefix));
  onTestFinished(() => rmSync(dataDir, { recursive: true, force: true }));
  return testStorageEnv(dataDir);
}

/** A real engine on a fresh data directory (and, on the PostgreSQL run, a fresh database), cleaned up when the test ends. */
export async function openTestEngine(options: TestEngineOptions = {}): Promise<TestEngine> {
  const dataDir = options.dataDir ?? mkdtempSync(path.join(tmpdir(), 'passivewp-test-'));
  // A caller that names its own database keeps it.
  const storage = options.env?.PASSIVEWP_DATABASE_URL ? {} : await testStorageEnv(dataDir);
  const chunks: string[] = [];
  const destination = new Writable({
    write(chunk, _enc, done) {
      chunks.push(String(chunk));
      done();
    },
  });
  const engine = await openEngine({
    // The fakes listen on loopback, which outbound requests may reach only when allowed.
    env: { NODE_ENV: 'test', PASSIVEWP_DATA_DIR: dataDir, ...storage, PASSIVEWP_PORT: '0', PASSIVEWP_LOG_LEVEL: 'debug', PASSIVEWP_ALLOW_PRIVATE_OUTBOUND: 'loopback', ...options.env },
    logDestination: destination,
    ...(options.registry ? { registry: options.registry } : {}),
  });
  onTestFinished(async () => {
    await engine.close().catch(() => undefined);
    if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
  });
  return { engine, dataDir, logs: () => chunks.join('') };
}

/** The HTTP app without a listening socket, for `app.inject` tests. */
export async function openTestApp(options: TestEngineOptions = {}): Promise<TestEngine & { app: FastifyInstance }> {
  const test = await openTestEngine(options);
  const app = await createHttpApp(test.engine);
  onTestFinished(() => app.close());
  return { ...test, app };
}

/** A listening engine on a free loopback port (for browser and process tests). */
export async function startTestServer(options: TestEngineOptions = {}): Promise<TestEngine & { server: RunningServer; printed: string[] }> {
  const test = await openTestEngine(options);
  const printed: string[] = [];
  const server = await startServer(test.engine, (line) => printed.push(line));
  onTestFinished(() => server.app.close());
  return { ...test, server, printed };
}

export const TEST_ADMIN = { email: 'owner@example.com', password: 'correct horse battery' };

export async function seedAdmin(engine: Engine, admin = TEST_ADMIN): Promise<void> {
  await createAdmin(engine.ctx, admin);
}

/** Logs in through the API and returns what later requests need: the cookie and the CSRF token. */
export async function loginByApi(app: FastifyInstance, admin = TEST_ADMIN, basePath = ''): Promise<{ cookie: string; csrf: string }> {
  const response = await app.inject({ method: 'POST', url: `${basePath}/api/auth/login`, payload: admin });
  if (response.statusCode !== 200) throw new Error(`login failed: ${response.statusCode} ${response.body}`);
  const cookie = response.cookies.find((c) => c.name === 'passivewp_session');
  return { cookie: `passivewp_session=${cookie?.value}`, csrf: response.json<{ csrfToken: string }>().csrfToken };
}

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { onTestFinished } from 'vitest';
import { createAdmin } from '../../src/domain/auth/create-admin.js';
import type { SettingsRegistry } from '../../src/domain/settings/registry.js';
import { createHttpApp, openEngine, startServer, type Engine, type RunningServer } from '../../src/main.js';

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

/** A real engine on a fresh data directory (SQLite file), cleaned up when the test ends. */
export async function openTestEngine(options: TestEngineOptions = {}): Promise<TestEngine> {
  const dataDir = options.dataDir ?? mkdtempSync(path.join(tmpdir(), 'passivewp-test-'));
  const chunks: string[] = [];
  const destination = new Writable({
    write(chunk, _enc, done) {
      chunks.push(String(chunk));
      done();
    },
  });
  const engine = await openEngine({
    env: { NODE_ENV: 'test', PASSIVEWP_DATA_DIR: dataDir, PASSIVEWP_PORT: '0', PASSIVEWP_LOG_LEVEL: 'debug', ...options.env },
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

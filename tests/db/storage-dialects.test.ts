import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it, onTestFinished } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/env.js';
import { SQLITE_FILE_NAME } from '../../src/db/open-database.js';
import { postgresMigrations } from '../../src/db/migrations/postgres/index.js';
import { createAdmin } from '../../src/domain/auth/create-admin.js';
import { describeSection } from '../../src/domain/settings/describe-section.js';
import { saveSection } from '../../src/domain/settings/save-section.js';
import { openEngine } from '../../src/main.js';
import { closedPort } from '../helpers/closed-port.js';
import { createPostgresTestDatabase, testPostgresUrl } from '../helpers/postgres-test-database.js';
import { openTestEngine, testDialect } from '../helpers/start-test-engine.js';

const onPostgres = testDialect() === 'postgres' && testPostgresUrl() !== undefined;

function logLines(logs: string): Array<Record<string, unknown>> {
  return logs
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('PASSIVEWP_DATABASE_URL', () => {
  it('accepts postgres:// and postgresql:// URLs; absent or empty means SQLite', () => {
    const load = (env: Record<string, string>) => loadConfig({ env, settingVariables: [], cwd: '/srv' }).databaseUrl;
    expect(load({ PASSIVEWP_DATABASE_URL: 'postgres://pwp:secret@db:5432/passivewp' })).toBe('postgres://pwp:secret@db:5432/passivewp');
    expect(load({ PASSIVEWP_DATABASE_URL: 'postgresql://db/passivewp?sslmode=require' })).toBe('postgresql://db/passivewp?sslmode=require');
    expect(load({ PASSIVEWP_DATABASE_URL: '' })).toBeUndefined();
    expect(load({})).toBeUndefined();
  });

  it.each(['mysql://root:hunter2@db/passivewp', 'hunter2', 'http://db:5432/passivewp'])('refuses %s without opening any storage or repeating the value', async (url) => {
    const dataDir = path.join(mkdtempSync(path.join(tmpdir(), 'pwp-url-')), 'data');
    onTestFinished(() => rmSync(path.dirname(dataDir), { recursive: true, force: true }));
    const opening = openEngine({ env: { NODE_ENV: 'test', PASSIVEWP_DATA_DIR: dataDir, PASSIVEWP_DATABASE_URL: url, PASSIVEWP_LOG_LEVEL: 'silent' } });
    const error = await opening.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toEqual(['PASSIVEWP_DATABASE_URL: must be a PostgreSQL URL like postgres://user:password@host:5432/passivewp']);
    expect((error as Error).message).not.toContain('hunter2');
    expect(existsSync(dataDir)).toBe(false);
  });

  it('without it, the engine keeps the SQLite file in the data directory', async () => {
    const { engine, dataDir, logs } = await openTestEngine({ env: { PASSIVEWP_DATABASE_URL: '' } });
    expect(engine.dialect).toBe('sqlite');
    expect(readdirSync(dataDir)).toContain(SQLITE_FILE_NAME);
    expect(logLines(logs()).find((l) => l.msg === 'engine ready')).toMatchObject({ storage: 'sqlite', database: path.join(dataDir, SQLITE_FILE_NAME), loginLimiter: 'sqlite login_attempts' });
  });
  it('an unreachable server fails start-up with the host in the message, never the password', async () => {
    const port = await closedPort();
    const dataDir = mkdtempSync(path.join(tmpdir(), 'pwp-url-'));
    onTestFinished(() => rmSync(dataDir, { recursive: true, force: true }));
    const opening = openEngine({ env: { NODE_ENV: 'test', PASSIVEWP_DATA_DIR: dataDir, PASSIVEWP_DATABASE_URL: `postgres://pwp:pw-never-shown@127.0.0.1:${port}/passivewp`, PASSIVEWP_LOG_LEVEL: 'silent' } });
    const error = (await opening.then(
      () => undefined,
      (e: unknown) => e,
    )) as Error;
    expect(error.message).toMatch(/ECONNREFUSED/);
    expect(error.message).not.toContain('pw-never-shown');
  });
});

describe.skipIf(!onPostgres)('on PostgreSQL (needs PASSIVEWP_TEST_DATABASE_URL; the postgres project)', () => {
  /** An empty database, reached with a password in the URL (the test server trusts any). */
  async function emptyDatabase(): Promise<string> {
    const url = new URL(await createPostgresTestDatabase(testPostgresUrl()!, { empty: true }));
    url.password = 'pw-never-logged';
    return url.toString();
  }

  it('opens, migrates, and says so without the password; no SQLite file appears', async () => {
    const url = await emptyDatabase();
    const { engine, dataDir, logs } = await openTestEngine({ env: { PASSIVEWP_DATABASE_URL: url } });
    expect(engine.dialect).toBe('postgres');
    const lines = logLines(logs());
    expect(lines.find((l) => l.msg === 'database migrated')?.migrations).toEqual(Object.keys(postgresMigrations));
    const { host, pathname } = new URL(url);
    expect(lines.find((l) => l.msg === 'engine ready')).toMatchObject({ storage: 'postgres', database: `${host}${pathname}`, loginLimiter: 'postgres login_attempts' });
    expect(logs()).not.toContain('pw-never-logged');
    expect(existsSync(path.join(dataDir, SQLITE_FILE_NAME))).toBe(false);
  });

  it('does not apply the migrations twice', async () => {
    const url = await emptyDatabase();
    const first = await openTestEngine({ env: { PASSIVEWP_DATABASE_URL: url } });
    await first.engine.close();
    const second = await openTestEngine({ dataDir: first.dataDir, env: { PASSIVEWP_DATABASE_URL: url } });
    expect(logLines(second.logs()).some((l) => l.msg === 'database migrated')).toBe(false);
    const applied = await sql<{ n: number }>`SELECT count(*) AS n FROM kysely_migration`.execute(second.engine.db);
    expect(applied.rows[0]?.n).toBe(Object.keys(postgresMigrations).length);
  });
});

describe(`storage on ${testDialect()}`, () => {
  it('settings saved by one engine are read back by the next, with their audit entry', async () => {
    const first = await openTestEngine();
    await saveSection(first.engine.ctx, { sectionId: 'general', values: { siteName: 'Round Trip' }, actor: 'test', ip: '203.0.113.9' });
    await first.engine.close();
    const second = await openTestEngine({ dataDir: first.dataDir });
    expect((await describeSection(second.engine.ctx, 'general')).fields.siteName).toMatchObject({ value: 'Round Trip', source: 'stored' });
    const [entry] = await second.engine.ctx.stores.audit.recent(1);
    expect(entry).toMatchObject({ actor: 'test', subject: 'general', keys: ['siteName'], ip: '203.0.113.9' });
  });

  it('counts, sequences and counters come back as JS numbers', async () => {
    const { engine } = await openTestEngine();
    const { stores } = engine.ctx;
    await createAdmin(engine.ctx, { email: 'numbers@example.com', password: 'a long enough password' });
    expect(await stores.admins.count()).toBe(1);
    const counted = await engine.db.selectFrom('admins').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    expect(counted.n).toBe(1);
    await saveSection(engine.ctx, { sectionId: 'general', values: { siteName: 'Numbers' }, actor: 'test', ip: null });
    const { seq } = await engine.db.selectFrom('audit_log').select('seq').executeTakeFirstOrThrow();
    expect(typeof seq).toBe('number');

    // Concurrent increments are one statement each: none is lost.
    await Promise.all(Array.from({ length: 20 }, () => stores.quota.add('cred', '2026-01-01', 1)));
    expect(await stores.quota.add('cred', '2026-01-01', 3_000_000_000)).toBe(3_000_000_020);
    await stores.aiUsage.add({ month: '2026-01', model: 'gpt-test', inputTokens: 10, outputTokens: 5, costMicroUsd: 7 });
    await stores.aiUsage.add({ month: '2026-01', model: 'gpt-test', inputTokens: 1, outputTokens: 1, costMicroUsd: null });
    expect(await stores.aiUsage.month('2026-01')).toEqual([{ model: 'gpt-test', requests: 2, inputTokens: 11, outputTokens: 6, costMicroUsd: 7, unpricedRequests: 1 }]);
  });
});

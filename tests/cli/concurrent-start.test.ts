import { spawn } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { sql } from 'kysely';
import { describe, expect, it, onTestFinished } from 'vitest';
import { postgresMigrations } from '../../src/db/migrations/postgres/index.js';
import { sqliteMigrations } from '../../src/db/migrations/sqlite/index.js';
import { createPostgresTestDatabase, testPostgresUrl } from '../helpers/postgres-test-database.js';
import { REPO_ROOT } from '../helpers/run-cli.js';
import { openTestEngine, testDialect } from '../helpers/start-test-engine.js';

const BIN = path.join(REPO_ROOT, 'bin/passivewp.js');
const MIGRATIONS = testDialect() === 'sqlite' ? sqliteMigrations : postgresMigrations;

/** `passivewp <args>` as a process of its own, not waited for. */
function startCli(args: string[], env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, [BIN, ...args], { cwd: REPO_ROOT, env: { PATH: process.env.PATH ?? '', NODE_ENV: 'test', PASSIVEWP_LOG_FORMAT: 'json', ...env } });
  let output = '';
  child.stdout.on('data', (chunk) => (output += String(chunk)));
  child.stderr.on('data', (chunk) => (output += String(chunk)));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, output })));
}

/** A new, empty data directory and (on PostgreSQL) a new database without a single table. */
async function freshStorage(): Promise<Record<string, string>> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'pwp-cli-race-'));
  onTestFinished(() => rmSync(dataDir, { recursive: true, force: true }));
  if (testDialect() === 'sqlite') return { PASSIVEWP_DATA_DIR: dataDir };
  return { PASSIVEWP_DATA_DIR: dataDir, PASSIVEWP_DATABASE_URL: await createPostgresTestDatabase(testPostgresUrl()!, { empty: true }) };
}

/**
 * On SQLite, lines the two processes up: the test holds the database's write lock while they
 * start, so both find it without tables and reach for the lock at about the same moment. Without a
 * lock around the migrations, one of them fails in about a third of the rounds (`table … already
 * exists`); the assertions do not depend on how long the lock is held.
 */
async function holdingWriteLock<T>(storage: Record<string, string>, work: () => Promise<T>): Promise<T> {
  if (testDialect() !== 'sqlite') return work();
  const sqlite = new BetterSqlite3(path.join(storage.PASSIVEWP_DATA_DIR!, 'passivewp.sqlite'));
  sqlite.pragma('journal_mode = WAL');
  sqlite.exec('BEGIN IMMEDIATE');
  const running = work();
  await new Promise((resolve) => setTimeout(resolve, 2000));
  sqlite.exec('COMMIT');
  sqlite.close();
  return running;
}

describe(`processes starting at once on a new ${testDialect()} database`, () => {
  it('both migrate it: one applies every migration while the other waits, and both exit 0', async () => {
    for (let round = 0; round < 6; round += 1) {
      const storage = await freshStorage();
      const runs = await holdingWriteLock(storage, () => Promise.all([startCli(['migrate'], storage), startCli(['migrate'], storage)]));
      for (const run of runs) expect([round, run.code, run.output]).toEqual([round, 0, expect.stringContaining('is up to date')]);

      const engine = await openTestEngine({ dataDir: storage.PASSIVEWP_DATA_DIR!, env: storage });
      const { rows } = await sql<{ name: string }>`SELECT name FROM kysely_migration ORDER BY name`.execute(engine.engine.db);
      expect(rows.map((row) => row.name)).toEqual(Object.keys(MIGRATIONS));
      // Both used the same key (the second one read the key file the first one wrote).
      expect(await engine.engine.ctx.stores.admins.count()).toBe(0);
      await engine.engine.close();
    }
  }, 180_000);
});

describe.skipIf(process.getuid?.() !== 0)('a data directory the engine cannot tighten', () => {
  it('is used all the same, with a warning that names it and says what to do', async () => {
    // Owned by root and open to everyone; the engine runs as nobody, who may write there but not chmod it.
    const parent = mkdtempSync(path.join(tmpdir(), 'pwp-cli-owner-'));
    onTestFinished(() => rmSync(parent, { recursive: true, force: true }));
    chmodSync(parent, 0o755);
    const dataDir = path.join(parent, 'data');
    mkdirSync(dataDir);
    chmodSync(dataDir, 0o777);
    const storage = testDialect() === 'sqlite' ? {} : { PASSIVEWP_DATABASE_URL: await createPostgresTestDatabase(testPostgresUrl()!) };

    const run = await new Promise<{ code: number | null; output: string }>((resolve) => {
      const child = spawn(process.execPath, [BIN, 'migrate'], {
        cwd: REPO_ROOT,
        uid: 65534,
        gid: 65534,
        env: { PATH: process.env.PATH ?? '', NODE_ENV: 'test', PASSIVEWP_LOG_FORMAT: 'json', PASSIVEWP_DATA_DIR: dataDir, ...storage },
      });
      let output = '';
      child.stdout.on('data', (chunk) => (output += String(chunk)));
      child.stderr.on('data', (chunk) => (output += String(chunk)));
      child.on('close', (code) => resolve({ code, output }));
    });
    expect(run.code, run.output).toBe(0);
    expect(run.output).toContain(`${dataDir} is open to other users (mode 777) and could not be changed to 700 (EPERM); change its mode or owner by hand.`);
    expect(run.output).toMatch(/"level":40/);
    expect((statSync(dataDir).mode & 0o777).toString(8)).toBe('777');
    // What the engine created itself is private all the same.
    for (const file of testDialect() === 'sqlite' ? ['secret.key', 'passivewp.sqlite'] : ['secret.key']) {
      const stat = statSync(path.join(dataDir, file));
      expect([file, stat.uid, (stat.mode & 0o777).toString(8)]).toEqual([file, 65534, '600']);
    }
  });
});

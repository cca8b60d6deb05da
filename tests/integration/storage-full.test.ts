import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openEngine, StartupError } from '../../src/main.js';
import { openAdminApp } from '../helpers/open-admin-app.js';
import { testPostgresUrl } from '../helpers/postgres-test-database.js';
import { canMountSmallDisk, createDatabaseOnDisk, mountSmallDisk, type SmallDisk } from '../helpers/small-disk.js';
import { testDialect } from '../helpers/start-test-engine.js';

/**
 * A disk that really runs full (a small tmpfs): on SQLite it holds the data directory, on
 * PostgreSQL the database's tablespace. Needs permission to mount (root in CI).
 */
const onPostgres = testDialect() === 'postgres';

/** The variables that put the engine's storage on the disk. */
async function storageOn(disk: SmallDisk): Promise<Record<string, string>> {
  if (!onPostgres) return { PASSIVEWP_DATA_DIR: path.join(disk.dir, 'data') };
  return { PASSIVEWP_DATABASE_URL: await createDatabaseOnDisk(testPostgresUrl()!, disk) };
}

describe.skipIf(!canMountSmallDisk())(`a full disk under ${testDialect()}`, () => {
  it('refuses a write with 503 storage_full, changes nothing, reports degraded health, and recovers once space is free', async () => {
    const disk = mountSmallDisk(onPostgres ? 64 : 16);
    const admin = await openAdminApp(await storageOn(disk));
    const disclosure = (n: number) => `Disclosure ${n}: ${'as an Amazon Associate we earn from qualifying purchases. '.repeat(15)}`.trim();
    expect((await admin.save('general', { affiliateDisclosure: disclosure(0) })).statusCode).toBe(200);

    // SQLite appends every commit to its write-ahead log: start it empty, so the next commit needs new space.
    if (!onPostgres) await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(admin.engine.db);
    disk.fill();
    let saved = 0;
    let refused: Awaited<ReturnType<typeof admin.save>> | undefined;
    for (let n = 1; n <= 300 && !refused; n += 1) {
      const before = await admin.engine.db.selectFrom('settings').selectAll().where('section', '=', 'general').execute();
      const audit = await admin.engine.ctx.stores.audit.recent(1000);
      const response = await admin.save('general', { affiliateDisclosure: disclosure(n) });
      if (response.statusCode === 200) {
        saved = n;
        continue;
      }
      refused = response;
      // Nothing of the refused save was kept.
      expect(await admin.engine.db.selectFrom('settings').selectAll().where('section', '=', 'general').execute()).toEqual(before);
      expect(await admin.engine.ctx.stores.audit.recent(1000)).toEqual(audit);
    }
    expect(refused?.statusCode, refused?.body).toBe(503);
    expect(refused?.json()).toEqual({ code: 'storage_full', message: expect.stringMatching(/^The disk holding the engine’s data is full, so nothing was saved\. Free some space/) });
    const shown = await admin.get<{ fields: { affiliateDisclosure: { value: string } } }>('/api/settings/general');
    expect(shown.fields.affiliateDisclosure.value).toBe(disclosure(saved));

    const health = await admin.app.inject({ method: 'GET', url: '/api/health' });
    expect(health.statusCode).toBe(200);
    expect(health.json()).toMatchObject({ status: 'degraded', reason: 'storage_full', message: expect.stringContaining('disk') });

    disk.free();
    expect((await admin.save('general', { affiliateDisclosure: disclosure(1000) })).statusCode).toBe(200);
    expect((await admin.app.inject({ method: 'GET', url: '/api/health' })).json()).toEqual({ status: 'ok' });
  });

  it('stops a first start with a plain start-up error and leaves no empty database behind', async () => {
    const disk = mountSmallDisk(onPostgres ? 64 : 1);
    const storage = await storageOn(disk);
    const dataDir = onPostgres ? path.join(disk.dir, 'data') : storage.PASSIVEWP_DATA_DIR!;
    mkdirSync(dataDir);
    disk.fill();
    const start = openEngine({ env: { NODE_ENV: 'test', PASSIVEWP_DATA_DIR: dataDir, PASSIVEWP_SECRET_KEY: 'a'.repeat(64), PASSIVEWP_LOG_LEVEL: 'silent', ...storage } });
    await expect(start).rejects.toThrow(StartupError);
    await expect(start).rejects.toThrow(/^The disk holding the data directory .* is full, so the engine cannot start\. Free some space there/);
    expect(readdirSync(dataDir)).toEqual([]);

    disk.free();
    const engine = await openEngine({ env: { NODE_ENV: 'test', PASSIVEWP_DATA_DIR: dataDir, PASSIVEWP_SECRET_KEY: 'a'.repeat(64), PASSIVEWP_LOG_LEVEL: 'silent', ...storage } });
    expect(await engine.ctx.stores.admins.count()).toBe(0);
    await engine.close();
    if (!onPostgres) expect(existsSync(path.join(dataDir, 'passivewp.sqlite'))).toBe(true);
  });

  it('leaves no half-written key file when the first start cannot write one', async () => {
    const disk = mountSmallDisk(1);
    const dataDir = path.join(disk.dir, 'data');
    disk.fill();
    const start = openEngine({ env: { NODE_ENV: 'test', PASSIVEWP_DATA_DIR: dataDir, PASSIVEWP_LOG_LEVEL: 'silent' } });
    await expect(start).rejects.toThrow(/^The disk holding the data directory .* is full/);
    expect(readdirSync(dataDir)).toEqual([]);
  });
});

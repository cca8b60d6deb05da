import { chmodSync, existsSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openTestEngine, testDialect } from '../helpers/start-test-engine.js';

const modeOf = (file: string) => (statSync(file).mode & 0o777).toString(8);
/** The files of the data directory that hold secrets, on this run's storage. */
const secretFiles = () => (testDialect() === 'sqlite' ? ['secret.key', 'passivewp.sqlite', 'passivewp.sqlite-wal', 'passivewp.sqlite-shm'] : ['secret.key']);

describe('the data directory', () => {
  it('is created 0700, with its key and database files 0600, whatever the umask lets through', async () => {
    const engine = await openTestEngine();
    expect(modeOf(engine.dataDir)).toBe('700');
    for (const file of secretFiles()) expect([file, modeOf(path.join(engine.dataDir, file))]).toEqual([file, '600']);
  });

  it('is tightened at start when it was left open to other users (0755 directory, 0644 files)', async () => {
    const first = await openTestEngine();
    await first.engine.close();
    // As a container image, a copy by hand or an older version leaves them.
    chmodSync(first.dataDir, 0o755);
    for (const file of secretFiles()) {
      const target = path.join(first.dataDir, file);
      if (!existsSync(target)) writeFileSync(target, ''); // an empty -wal / -shm, as a crash leaves them
      chmodSync(target, 0o644);
    }

    const second = await openTestEngine({ dataDir: first.dataDir });
    expect(modeOf(first.dataDir)).toBe('700');
    for (const file of secretFiles()) expect([file, modeOf(path.join(first.dataDir, file))]).toEqual([file, '600']);
    expect(second.logs()).not.toContain('"level":40');
    // Still the same database.
    expect(await second.engine.ctx.stores.admins.count()).toBe(0);
  });
});

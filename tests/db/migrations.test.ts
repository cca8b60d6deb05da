import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrateDatabase } from '../../src/db/migrate-database.js';
import { sqliteMigrations } from '../../src/db/migrations/sqlite/index.js';
import { openTestEngine } from '../helpers/start-test-engine.js';

const dir = path.resolve(import.meta.dirname, '../../src/db/migrations/sqlite');
const released = JSON.parse(readFileSync(path.join(dir, 'released.json'), 'utf8')).migrations as Record<string, string>;
const files = readdirSync(dir).filter((f) => /^\d{4}-.*\.ts$/.test(f)).sort();

describe('migrations', () => {
  it('released migrations are frozen: their files still have the recorded checksums', () => {
    for (const [file, checksum] of Object.entries(released)) {
      const actual = createHash('sha256').update(readFileSync(path.join(dir, file))).digest('hex');
      expect(actual, `${file} changed after release; add a new migration instead`).toBe(checksum);
    }
  });

  it('every migration file is registered, in order, and none is missing from the release list', () => {
    expect(Object.keys(sqliteMigrations)).toEqual(files.map((f) => f.replace(/\.ts$/, '')));
    expect(Object.keys(released)).toEqual(files);
  });

  it('run automatically on open and are not applied twice', async () => {
    const { engine } = await openTestEngine();
    const tables = await engine.db.introspection.getTables();
    expect(tables.map((t) => t.name)).toEqual(expect.arrayContaining(['admins', 'sessions', 'settings', 'audit_log', 'setup_tokens']));
    expect(await migrateDatabase(engine.db)).toEqual([]);
  });
});

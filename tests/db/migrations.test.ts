import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect, type Migration, type TableMetadata } from 'kysely';
import { describe, expect, it, onTestFinished } from 'vitest';
import { migrateDatabase } from '../../src/db/migrate-database.js';
import { postgresMigrations, SQLITE_ONLY_MIGRATIONS } from '../../src/db/migrations/postgres/index.js';
import { sqliteMigrations } from '../../src/db/migrations/sqlite/index.js';
import { openTestEngine, testDialect } from '../helpers/start-test-engine.js';

const folders = { sqlite: sqliteMigrations, postgres: postgresMigrations };

function readFolder(dialect: keyof typeof folders) {
  const dir = path.resolve(import.meta.dirname, '../../src/db/migrations', dialect);
  const released = JSON.parse(readFileSync(path.join(dir, 'released.json'), 'utf8')).migrations as Record<string, string>;
  const files = readdirSync(dir).filter((f) => /^\d{4}-.*\.ts$/.test(f)).sort();
  return { dir, released, files, registered: folders[dialect] };
}

describe.each(['sqlite', 'postgres'] as const)('%s migrations', (dialect) => {
  const { dir, released, files, registered } = readFolder(dialect);

  it('released migrations are frozen: their files still have the recorded checksums', () => {
    for (const [file, checksum] of Object.entries(released)) {
      const actual = createHash('sha256').update(readFileSync(path.join(dir, file))).digest('hex');
      expect(actual, `${file} changed after release; add a new migration instead`).toBe(checksum);
    }
  });

  it('every migration file is registered, in order, and none is missing from the release list', () => {
    expect(Object.keys(registered)).toEqual(files.map((f) => f.replace(/\.ts$/, '')));
    expect(Object.keys(released)).toEqual(files);
  });
});

describe('the two dialects', () => {
  it('every PostgreSQL migration mirrors the SQLite one of the same name; a SQLite migration without a twin is listed as SQLite-only', () => {
    const sqliteNames = Object.keys(sqliteMigrations);
    for (const name of Object.keys(postgresMigrations)) expect(sqliteNames, `postgres/${name} has no SQLite twin`).toContain(name);
    const withoutTwin = sqliteNames.filter((name) => !(name in postgresMigrations));
    expect(withoutTwin.filter((name) => !(name in SQLITE_ONLY_MIGRATIONS)), 'add the PostgreSQL twin, or list it in SQLITE_ONLY_MIGRATIONS with the reason').toEqual([]);
    for (const name of Object.keys(SQLITE_ONLY_MIGRATIONS)) expect(postgresMigrations).not.toHaveProperty(name);
  });

  it.skipIf(testDialect() !== 'postgres')('build the same tables and columns (PostgreSQL run only: it compares with a server)', async () => {
    const { engine } = await openTestEngine();
    const shared = Object.fromEntries(Object.entries(sqliteMigrations).filter(([name]) => !(name in SQLITE_ONLY_MIGRATIONS)));
    const sqliteTables = shape(await migratedSqliteTables(shared));
    const postgresTables = shape(await engine.db.introspection.getTables());
    expect(Object.keys(postgresTables).sort()).toEqual(Object.keys(sqliteTables).sort());
    for (const [table, columns] of Object.entries(sqliteTables)) {
      const twin = postgresTables[table] ?? {};
      expect(Object.keys(twin), table).toEqual(Object.keys(columns));
      for (const [column, c] of Object.entries(columns)) {
        const p = twin[column]!;
        const where = `${table}.${column}`;
        expect(p.kind, where).toBe(c.kind);
        expect(p.autoIncrementing, where).toBe(c.autoIncrementing);
        // One way only: SQLite reports a TEXT primary key as nullable, PostgreSQL never does.
        if (!c.nullable) expect(p.nullable, where).toBe(false);
        if (c.hasDefault) expect(p.hasDefault, where).toBe(true);
      }
    }
  });
});

describe('on open', () => {
  it('run automatically and are not applied twice', async () => {
    const { engine } = await openTestEngine();
    expect(engine.dialect).toBe(testDialect());
    const tables = await engine.db.introspection.getTables();
    expect(tables.map((t) => t.name)).toEqual(expect.arrayContaining(['admins', 'sessions', 'settings', 'audit_log', 'setup_tokens']));
    expect(await migrateDatabase(engine.db, engine.dialect)).toEqual([]);
  });
});

async function migratedSqliteTables(migrations: Record<string, Migration>): Promise<TableMetadata[]> {
  const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: new BetterSqlite3(':memory:') }) });
  onTestFinished(() => db.destroy());
  const outcome = await new Migrator({ db, provider: { getMigrations: async () => migrations } }).migrateToLatest();
  if (outcome.error) throw outcome.error;
  return db.introspection.getTables();
}

/** Table → column → what both dialects must agree on, with types reduced to integer or text. */
function shape(tables: TableMetadata[]) {
  const kind = (dataType: string) => (/int/i.test(dataType) ? 'integer' : /text|char/i.test(dataType) ? 'text' : dataType);
  return Object.fromEntries(
    tables.map((t) => [
      t.name,
      Object.fromEntries(
        t.columns.map((c) => [c.name, { kind: kind(c.dataType), nullable: c.isNullable, hasDefault: c.hasDefaultValue, autoIncrementing: c.isAutoIncrementing }]),
      ),
    ]),
  );
}

import BetterSqlite3 from 'better-sqlite3';
import { Kysely, sql, SqliteDialect } from 'kysely';
import { describe, expect, it, onTestFinished } from 'vitest';
import { isStorageFull, watchStorage } from '../../src/db/watch-storage.js';
import { AppError } from '../../src/shared/errors.js';

/**
 * The storage edge on a real SQLite database that really runs out of room: `max_page_count` caps
 * the file, and SQLite answers SQLITE_FULL exactly as it does on a full disk.
 */
function openCappedDatabase() {
  let now = Date.parse('2031-01-01T00:00:00Z');
  const sqlite = new BetterSqlite3(':memory:');
  const watched = watchStorage(new SqliteDialect({ database: sqlite }), { now: () => now, forgetAfterMs: 60_000 });
  const db = new Kysely<{ notes: { body: string } }>({ dialect: watched.dialect });
  onTestFinished(() => db.destroy());
  return {
    db,
    fullSince: watched.fullSince,
    advance: (ms: number) => (now += ms),
    cap: () => sqlite.pragma(`max_page_count = ${Number(sqlite.pragma('page_count', { simple: true }))}`),
    uncap: () => sqlite.pragma('max_page_count = 1000000'),
    addNote: () => db.insertInto('notes').values({ body: 'x'.repeat(3000) }).execute(),
  };
}

describe('the storage edge', () => {
  it('turns a write that finds no room into storage_full, and remembers it until a write succeeds again', async () => {
    const store = openCappedDatabase();
    await sql`CREATE TABLE notes (body TEXT NOT NULL)`.execute(store.db);
    await store.addNote();
    store.cap();

    const refused = await store.addNote().catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(AppError);
    expect(refused).toMatchObject({ code: 'storage_full', message: expect.stringMatching(/^The disk holding the engine’s data is full, so nothing was saved\./) });
    expect((refused as AppError).cause).toMatchObject({ code: 'SQLITE_FULL' });
    const since = store.fullSince();
    expect(since?.toISOString()).toBe('2031-01-01T00:00:00.000Z');

    // Reads and writes that change nothing prove nothing about space.
    store.advance(1000);
    expect(await store.db.selectFrom('notes').select('body').execute()).toHaveLength(1);
    await store.db.updateTable('notes').set({ body: 'y' }).where('body', '=', 'no such note').execute();
    expect(store.fullSince()).toEqual(since);

    // In a transaction, SQLite gives up the whole transaction: the caller sees storage_full, not the failed rollback.
    await expect(store.db.transaction().execute((trx) => trx.insertInto('notes').values({ body: 'x'.repeat(3000) }).execute())).rejects.toMatchObject({ code: 'storage_full' });
    expect(store.fullSince()).toEqual(since);

    store.uncap();
    await store.db.transaction().execute((trx) => trx.insertInto('notes').values({ body: 'x'.repeat(3000) }).execute());
    expect(store.fullSince()).toBeNull();
  });

  it('forgets a failure after a minute without another one (an idle engine cannot tell that space was freed)', async () => {
    const store = openCappedDatabase();
    await sql`CREATE TABLE notes (body TEXT NOT NULL)`.execute(store.db);
    await store.addNote();
    store.cap();
    await expect(store.addNote()).rejects.toMatchObject({ code: 'storage_full' });
    store.advance(59_999);
    expect(store.fullSince()).not.toBeNull();
    store.advance(1);
    expect(store.fullSince()).toBeNull();
  });

  it('knows "no space left" in each of its forms, also as the cause of another error', () => {
    for (const code of ['SQLITE_FULL', 'SQLITE_IOERR_SHMSIZE', '53100', 'ENOSPC']) expect([code, isStorageFull(Object.assign(new Error('full'), { code }))]).toEqual([code, true]);
    expect(isStorageFull(new Error('migration failed', { cause: Object.assign(new Error('full'), { code: '53100' }) }))).toBe(true);
    for (const code of ['SQLITE_BUSY', 'SQLITE_CONSTRAINT_UNIQUE', '23505', '53300', undefined]) expect([code, isStorageFull(Object.assign(new Error('other'), { code }))]).toEqual([code, false]);
    expect(isStorageFull(undefined)).toBe(false);
  });
});

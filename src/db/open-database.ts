import { closeSync, mkdirSync, openSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, type SqliteDatabase } from 'kysely';
import { LRUCache } from 'lru-cache';
import pg from 'pg';
import type { Database } from './schema.js';
import { watchStorage } from './watch-storage.js';

export type Db = Kysely<Database>;

/** The two stores one set of queries runs on; every other difference stays in this folder. */
export type Dialect = 'sqlite' | 'postgres';

export interface OpenedDatabase {
  db: Db;
  dialect: Dialect;
  /** Where the data lives, for logs: the SQLite file, or host/database of PostgreSQL (never credentials). */
  location: string;
  /** When the current run of writes failing for lack of space began (see watch-storage.ts); null while writes work. */
  storageFullSince(): Date | null;
  /**
   * Closes the database after a failed start. A SQLite file that this open created and that
   * never received a committed write is removed too: a first start on a full disk leaves no empty
   * database behind (which the next start would take for a database of an older version).
   */
  abandon(): Promise<void>;
}

export interface OpenDatabaseOptions {
  dataDir: string;
  /** A postgres:// URL switches from the embedded SQLite file to PostgreSQL. */
  databaseUrl?: string | undefined;
  /** A pooled PostgreSQL connection failed while idle (server restart, admin kill); the pool replaces it. */
  onIdleConnectionError?: (error: Error) => void;
}

export const SQLITE_FILE_NAME = 'passivewp.sqlite';
/** SQLite's default, which the engine keeps. */
const SQLITE_PAGE_SIZE = 4096;
/** The database file and SQLite's write-ahead log and shared-memory index next to it. */
export const SQLITE_FILE_NAMES = [SQLITE_FILE_NAME, `${SQLITE_FILE_NAME}-wal`, `${SQLITE_FILE_NAME}-shm`] as const;

export function openDatabase(options: OpenDatabaseOptions): OpenedDatabase {
  return options.databaseUrl ? openPostgres(options.databaseUrl, options.onIdleConnectionError) : openSqlite(options.dataDir);
}

/** The embedded SQLite database in the data directory (created when missing). */
function openSqlite(dataDir: string): OpenedDatabase {
  // The database holds password hashes and sealed secrets: only the engine's user may read it.
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const file = path.join(dataDir, SQLITE_FILE_NAME);
  const created = createPrivateFile(file);
  // A database this open created, closed before anything was committed to it, is removed again.
  const removeIfEmpty = () => {
    if (created && holdsNoTable(dataDir)) for (const name of SQLITE_FILE_NAMES) rmSync(path.join(dataDir, name), { force: true });
  };
  let opened: BetterSqlite3.Database | undefined;
  try {
    opened = new BetterSqlite3(file);
    // busy_timeout first, so that the others wait out a short lock instead of failing; WAL lets the
    // admin UI read while a job writes.
    opened.pragma('busy_timeout = 5000');
    opened.pragma('journal_mode = WAL');
    opened.pragma('foreign_keys = ON');
    opened.pragma('synchronous = NORMAL');
  } catch (error) {
    opened?.close();
    removeIfEmpty();
    throw error;
  }
  const sqlite = opened;
  const watched = watchStorage(new SqliteDialect({ database: withStatementCache(sqlite) }));
  const db = new Kysely<Database>({ dialect: watched.dialect });
  return {
    db,
    dialect: 'sqlite',
    location: file,
    storageFullSince: watched.fullSince,
    abandon: async () => {
      await db.destroy();
      removeIfEmpty();
    },
  };
}

/**
 * Creates the file with mode 0600 unless it exists; true when it did. SQLite would create it 0644,
 * and gives its -wal and -shm files the mode of the database file.
 */
function createPrivateFile(file: string): boolean {
  try {
    closeSync(openSync(file, 'wx', 0o600));
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

/**
 * Told from the file sizes, as the files may be unreadable (a full disk): a table takes a page of
 * its own after page 1 (the header and the schema), and a commit in WAL mode lands in the -wal
 * file first. So at most one page and an empty log mean that not one migration was committed.
 */
function holdsNoTable(dataDir: string): boolean {
  const [main, wal] = SQLITE_FILE_NAMES.map((name) => statSync(path.join(dataDir, name), { throwIfNoEntry: false })?.size ?? 0);
  return (main ?? 0) <= SQLITE_PAGE_SIZE && wal === 0;
}

/**
 * Kysely prepares every query anew, and preparing costs more than running most of ours (a page
 * render runs dozens). Prepared statements are reusable as long as none is left iterating, and
 * the engine never streams from SQLite.
 */
function withStatementCache(sqlite: BetterSqlite3.Database): SqliteDatabase {
  const statements = new LRUCache<string, BetterSqlite3.Statement>({ max: 500 });
  return {
    close: () => sqlite.close(),
    prepare(source) {
      let statement = statements.get(source);
      if (!statement) statements.set(source, (statement = sqlite.prepare(source)));
      return statement;
    },
  };
}

const INT8_OID = 20;
const NUMERIC_OID = 1700;

/**
 * SQLite hands back integers as numbers; pg returns int8 (COUNT(*), BIGINT columns) and numeric
 * (SUM of them) as strings to be safe beyond 2^53. Our counters never get there, and the queries
 * expect numbers on both dialects. Set per pool, so other pg users in the process are not affected.
 */
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
    if (oid === INT8_OID || oid === NUMERIC_OID) return (value: string) => Number(value);
    return format === 'binary' ? pg.types.getTypeParser(oid, 'binary') : pg.types.getTypeParser(oid, 'text');
  }) as pg.CustomTypesConfig['getTypeParser'],
};

function openPostgres(url: string, onIdleConnectionError?: (error: Error) => void): OpenedDatabase {
  // allowExitOnIdle: a one-shot CLI command is not kept alive by idle pooled connections.
  const pool = new pg.Pool({ connectionString: url, types, application_name: 'passivewp', allowExitOnIdle: true });
  // Without a listener, an idle connection dropped by the server would crash the process.
  pool.on('error', (error) => onIdleConnectionError?.(error));
  const watched = watchStorage(new PostgresDialect({ pool }));
  const db = new Kysely<Database>({ dialect: watched.dialect });
  return { db, dialect: 'postgres', location: describePostgresUrl(url), storageFullSince: watched.fullSince, abandon: () => db.destroy() };
}

/** host:port/database of a PostgreSQL URL, without user or password. */
export function describePostgresUrl(url: string): string {
  try {
    const parsed = new URL(url);
    const host = parsed.host || parsed.searchParams.get('host') || 'localhost';
    return `${host}${decodeURIComponent(parsed.pathname) || '/'}`;
  } catch {
    return 'postgres';
  }
}

import { mkdirSync } from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, type SqliteDatabase } from 'kysely';
import { LRUCache } from 'lru-cache';
import pg from 'pg';
import type { Database } from './schema.js';

export type Db = Kysely<Database>;

/** The two stores one set of queries runs on; every other difference stays in this folder. */
export type Dialect = 'sqlite' | 'postgres';

export interface OpenedDatabase {
  db: Db;
  dialect: Dialect;
  /** Where the data lives, for logs: the SQLite file, or host/database of PostgreSQL (never credentials). */
  location: string;
}

export interface OpenDatabaseOptions {
  dataDir: string;
  /** A postgres:// URL switches from the embedded SQLite file to PostgreSQL. */
  databaseUrl?: string | undefined;
  /** A pooled PostgreSQL connection failed while idle (server restart, admin kill); the pool replaces it. */
  onIdleConnectionError?: (error: Error) => void;
}

export const SQLITE_FILE_NAME = 'passivewp.sqlite';

export function openDatabase(options: OpenDatabaseOptions): OpenedDatabase {
  return options.databaseUrl ? openPostgres(options.databaseUrl, options.onIdleConnectionError) : openSqlite(options.dataDir);
}

/** The embedded SQLite database in the data directory (created when missing). */
function openSqlite(dataDir: string): OpenedDatabase {
  // The database holds password hashes and sealed secrets: only the engine's user may read it.
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const file = path.join(dataDir, SQLITE_FILE_NAME);
  const sqlite = new BetterSqlite3(file);
  // WAL lets the admin UI read while a job writes; busy_timeout waits out a short lock instead of failing.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  return { db: new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) }), dialect: 'sqlite', location: file };
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
  return { db: new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }), dialect: 'postgres', location: describePostgresUrl(url) };
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

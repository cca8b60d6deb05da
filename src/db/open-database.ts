import { mkdirSync } from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { Database } from './schema.js';

export type Db = Kysely<Database>;

export const SQLITE_FILE_NAME = 'passivewp.sqlite';

/** Opens the embedded SQLite database in the data directory (created when missing). */
export function openDatabase(dataDir: string): Db {
  // The database holds password hashes and sealed secrets: only the engine's user may read it.
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const file = path.join(dataDir, SQLITE_FILE_NAME);
  const sqlite = new BetterSqlite3(file);
  // WAL lets the admin UI read while a job writes; busy_timeout waits out a short lock instead of failing.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
}

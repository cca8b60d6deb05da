import type { DatabaseConnection, Dialect, Driver } from 'kysely';
import { AppError } from '../shared/errors.js';

/**
 * What "no space left" looks like from below: SQLite's SQLITE_FULL (its answer to ENOSPC, and to a
 * full `max_page_count`) and SQLITE_IOERR_SHMSIZE (the -shm index could not grow: on a full disk,
 * the first thing a new connection meets), PostgreSQL's disk_full (SQLSTATE 53100), a file write's
 * ENOSPC, and our own `storage_full` once this file has translated one of them.
 */
const FULL_CODES = new Set(['SQLITE_FULL', 'SQLITE_IOERR_SHMSIZE', '53100', 'ENOSPC', 'storage_full']);

/** Whether an error (or one of its causes) says that the storage has no space left. */
export function isStorageFull(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 5; current = (current as { cause?: unknown }).cause, depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && FULL_CODES.has(code)) return true;
  }
  return false;
}

export const STORAGE_FULL_MESSAGE =
  'The disk holding the engine’s data is full, so nothing was saved. Free some space on it (or give the database more room), then try again.';

/** Per connection handed out: the driver's own, whether its open transaction wrote anything, and whether it ran out of space. */
interface ConnectionState {
  own: DatabaseConnection;
  inTransaction: boolean;
  wrote: boolean;
  full: boolean;
}

export interface WatchedDialect {
  dialect: Dialect;
  /** When the current run of writes failing for lack of space began; null while writes work. */
  fullSince(): Date | null;
}

export interface WatchStorageOptions {
  now?: () => number;
  /**
   * A failure is forgotten after this long without another one, even if no write succeeded since:
   * an engine that writes nothing (no visitors, no jobs) cannot tell that space was freed.
   */
  forgetAfterMs?: number;
}

/**
 * The storage edge: every statement and commit passes through here. A failure for lack of space
 * becomes `AppError('storage_full')` (HTTP 503 with a message that says what to do, a plain message
 * in the CLI and on the Jobs screen) and is remembered for `/api/health`, until a write succeeds
 * again. A write inside a transaction counts only once its COMMIT succeeded: in WAL mode that is
 * when SQLite needs the space.
 */
export function watchStorage(inner: Dialect, { now = Date.now, forgetAfterMs = 60_000 }: WatchStorageOptions = {}): WatchedDialect {
  let since: number | null = null;
  let lastFailure = 0;

  // `work` is a function: the SQLite driver throws synchronously.
  async function observe<T>(work: () => Promise<T>, connection: ConnectionState, wrote: (result: T) => boolean): Promise<T> {
    try {
      const result = await work();
      if (wrote(result)) since = null;
      return result;
    } catch (error) {
      if (!isStorageFull(error)) throw error;
      lastFailure = now();
      since ??= lastFailure;
      connection.full = true;
      throw new AppError('storage_full', STORAGE_FULL_MESSAGE, { cause: error });
    }
  }

  function watchDriver(driver: Driver): Driver {
    const connections = new WeakMap<DatabaseConnection, ConnectionState>();
    const stateOf = (connection: DatabaseConnection) => {
      const state = connections.get(connection);
      if (!state) throw new Error('A database connection that this driver did not hand out.');
      return state;
    };
    return {
      init: () => driver.init(),
      async acquireConnection() {
        const own = await driver.acquireConnection();
        const state: ConnectionState = { own, inTransaction: false, wrote: false, full: false };
        const connection: DatabaseConnection = {
          executeQuery: (query) =>
            observe(() => own.executeQuery(query), state, (result) => {
              if ((result.numAffectedRows ?? 0n) === 0n) return false;
              if (!state.inTransaction) return true;
              state.wrote = true;
              return false;
            }),
          streamQuery: (query, chunkSize) => own.streamQuery(query, chunkSize),
        };
        connections.set(connection, state);
        return connection;
      },
      async beginTransaction(connection, settings) {
        const state = stateOf(connection);
        await driver.beginTransaction(state.own, settings);
        Object.assign(state, { inTransaction: true, wrote: false, full: false });
      },
      async commitTransaction(connection) {
        const state = stateOf(connection);
        state.inTransaction = false;
        await observe(() => driver.commitTransaction(state.own), state, () => state.wrote);
      },
      async rollbackTransaction(connection) {
        const state = stateOf(connection);
        state.inTransaction = false;
        try {
          await driver.rollbackTransaction(state.own);
        } catch (error) {
          // SQLite rolls a transaction back by itself when it runs out of space ("no transaction is
          // active" then): the caller is to see the storage_full error, not this one.
          if (!state.full) throw error;
        }
      },
      savepoint: (connection, name, compile) => driver.savepoint!(stateOf(connection).own, name, compile),
      rollbackToSavepoint: (connection, name, compile) => driver.rollbackToSavepoint!(stateOf(connection).own, name, compile),
      releaseSavepoint: (connection, name, compile) => driver.releaseSavepoint!(stateOf(connection).own, name, compile),
      releaseConnection: (connection) => driver.releaseConnection(stateOf(connection).own),
      destroy: () => driver.destroy(),
    };
  }

  return {
    dialect: {
      createDriver: () => watchDriver(inner.createDriver()),
      createQueryCompiler: () => inner.createQueryCompiler(),
      createAdapter: () => inner.createAdapter(),
      createIntrospector: (db) => inner.createIntrospector(db),
    },
    fullSince() {
      if (since === null || now() - lastFailure >= forgetAfterMs) return (since = null);
      return new Date(since);
    },
  };
}

import { Migrator, sql, type Migration, type MigrationResultSet } from 'kysely';
import { postgresMigrations } from './migrations/postgres/index.js';
import { sqliteMigrations } from './migrations/sqlite/index.js';
import type { Db, Dialect } from './open-database.js';

export class MigrationError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'MigrationError';
  }
}

const MIGRATIONS: Record<Dialect, Record<string, Migration>> = { sqlite: sqliteMigrations, postgres: postgresMigrations };

/** How long a process waits for another one's migrations on SQLite before giving up. */
const SQLITE_LOCK_WAIT_MS = 60_000;

/**
 * Brings the schema up to date with the dialect's own migrations; returns the names it applied.
 * Several processes may start at once on one database (engines, CLI commands): the first one
 * migrates, the others wait for it and then find nothing left to do. On PostgreSQL, Kysely's
 * migrator holds a session-level advisory lock (`pg_advisory_lock`) while it reads and applies the
 * migrations, inside one transaction. On SQLite it takes no lock at all, so the migrations run in
 * an exclusive transaction of our own.
 */
export async function migrateDatabase(db: Db, dialect: Dialect): Promise<string[]> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => MIGRATIONS[dialect] },
  });
  const outcome: MigrationResultSet = dialect === 'sqlite' ? await inExclusiveTransaction(db, () => migrator.migrateToLatest()) : await migrator.migrateToLatest();
  if (outcome.error) {
    const failed = outcome.results?.find((r) => r.status === 'Error')?.migrationName;
    // No failed migration: the database could not be reached or locked at all.
    const message = failed ? `Database migration ${failed} failed` : 'Could not migrate the database';
    throw new MigrationError(`${message}: ${String(outcome.error)}`, { cause: outcome.error });
  }
  return (outcome.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/**
 * BEGIN EXCLUSIVE waits (busy timeout) while another process holds the write lock, and keeps every
 * other writer out until COMMIT. SQLite's DDL is transactional, so the migrations of one start
 * are applied all together or not at all. The engine's SQLite connection is a single one, so the
 * migrator's statements run inside this transaction.
 */
async function inExclusiveTransaction(db: Db, migrate: () => Promise<MigrationResultSet>): Promise<MigrationResultSet> {
  const { rows } = await sql<{ timeout: number }>`PRAGMA busy_timeout`.execute(db);
  await sql.raw(`PRAGMA busy_timeout = ${SQLITE_LOCK_WAIT_MS}`).execute(db);
  try {
    await sql`BEGIN EXCLUSIVE`.execute(db);
  } finally {
    await sql.raw(`PRAGMA busy_timeout = ${Number(rows[0]?.timeout ?? 5000)}`).execute(db);
  }
  try {
    const outcome = await migrate();
    await sql.raw(outcome.error ? 'ROLLBACK' : 'COMMIT').execute(db);
    return outcome;
  } catch (error) {
    await sql`ROLLBACK`.execute(db).catch(() => undefined);
    throw error;
  }
}

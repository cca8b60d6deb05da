import { Migrator, type Migration, type MigrationResultSet } from 'kysely';
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

/** Brings the schema up to date with the dialect's own migrations; returns the names it applied. */
export async function migrateDatabase(db: Db, dialect: Dialect): Promise<string[]> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => MIGRATIONS[dialect] },
  });
  const outcome: MigrationResultSet = await migrator.migrateToLatest();
  if (outcome.error) {
    const failed = outcome.results?.find((r) => r.status === 'Error')?.migrationName;
    // No failed migration: the database could not be reached or locked at all.
    const message = failed ? `Database migration ${failed} failed` : 'Could not migrate the database';
    throw new MigrationError(`${message}: ${String(outcome.error)}`, { cause: outcome.error });
  }
  return (outcome.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

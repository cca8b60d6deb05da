import { Migrator, type MigrationResultSet } from 'kysely';
import { sqliteMigrations } from './migrations/sqlite/index.js';
import type { Db } from './open-database.js';

export class MigrationError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'MigrationError';
  }
}

/** Brings the schema up to date; returns the names of the migrations it applied. */
export async function migrateDatabase(db: Db): Promise<string[]> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => sqliteMigrations },
  });
  const outcome: MigrationResultSet = await migrator.migrateToLatest();
  if (outcome.error) {
    const failed = outcome.results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new MigrationError(`Database migration ${failed} failed: ${String(outcome.error)}`, { cause: outcome.error });
  }
  return (outcome.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

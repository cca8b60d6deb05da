import { randomBytes } from 'node:crypto';
import type { TestProject } from 'vitest/node';
import { migrateDatabase } from '../../src/db/migrate-database.js';
import { openDatabase } from '../../src/db/open-database.js';
import { createDatabase, databaseUrl, dropPostgresTestDatabases, testPostgresUrl } from './postgres-test-database.js';

/**
 * The postgres project's set-up: one migrated template database for the run, copied for each test,
 * and at the end the drop of everything the run left (the template, a spare no test took).
 */
export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  const server = testPostgresUrl();
  if (!server) return undefined;
  const prefix = `pwp_test_${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;
  const template = await createDatabase(server, prefix, 'template1');
  const { db } = openDatabase({ dataDir: '', databaseUrl: databaseUrl(server, template) });
  try {
    await migrateDatabase(db, 'postgres');
  } finally {
    await db.destroy();
  }
  project.provide('postgresTestRun', { prefix, template });
  return () => dropPostgresTestDatabases(server, prefix);
}

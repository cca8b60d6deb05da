import { defineConfig } from 'vitest/config';

// The storage tests run twice when a PostgreSQL server is named: once on the embedded SQLite
// file, once on PostgreSQL (each test gets its own database; see tests/helpers/start-test-engine.ts).
const postgresServer = process.env.PASSIVEWP_TEST_DATABASE_URL;

export default defineConfig({
  test: {
    pool: 'forks',
    // Test files share their worker's module cache: importing the engine once per worker instead of
    // once per file saves about a third of the run. Tests keep no state in modules (every engine,
    // database and fake is made per test), so nothing carries from one file to the next.
    isolate: false,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Browser tests start their own engine and Chromium; running every file at once would starve two cores.
    maxWorkers: 2,
    projects: [
      { extends: true, test: { name: 'sqlite', include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'], env: { PASSIVEWP_TEST_DIALECT: 'sqlite' } } },
      ...(postgresServer
        ? [
            {
              extends: true as const,
              test: {
                name: 'postgres',
                include: ['tests/integration/**/*.test.ts', 'tests/db/**/*.test.ts', 'tests/cli/**/*.test.ts'],
                env: { PASSIVEWP_TEST_DIALECT: 'postgres' },
                // A migrated template database for the run, and the drop of what the run leaves behind.
                globalSetup: ['tests/helpers/postgres-global-setup.ts'],
              },
            },
          ]
        : []),
    ],
  },
});

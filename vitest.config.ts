import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Browser tests start their own engine and Chromium; running every file at once would starve two cores.
    maxWorkers: 2,
  },
});

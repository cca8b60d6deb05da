#!/usr/bin/env node
// `npm test`: installs what the tests need beyond npm (Debian's Chromium for the browser tests),
// builds the engine and the admin app they run against, runs every test once, and ends with one
// plain line `N passed, N failed`. PASSIVEWP_TEST_DATABASE_URL adds the run on PostgreSQL.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const run = (command, args, options = {}) => spawnSync(command, args, { stdio: 'inherit', ...options });
const has = (command) => spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;

function ensureChromium() {
  if (has('chromium')) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || !has('apt-get')) {
    console.error('The browser tests need Chromium. Install Debian\'s package as root: apt-get install -y chromium');
    process.exit(1);
  }
  console.log('Installing Chromium for the browser tests (apt-get)…');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  if (run('apt-get', ['update'], { env }).status !== 0 || run('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], { env }).status !== 0) {
    console.error('Could not install Chromium with apt-get.');
    process.exit(1);
  }
}

/**
 * With PASSIVEWP_TEST_DATABASE_URL, the storage tests also run on that PostgreSQL server (the
 * vitest project `postgres`): make sure it answers and may create databases before spending the
 * build and the run on it.
 */
async function checkPostgres(url) {
  const shown = url.replace(/\/\/([^:/@]*):[^@/]*@/, '//$1:***@');
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    const { rows } = await client.query('SELECT rolsuper OR rolcreatedb AS ok FROM pg_roles WHERE rolname = current_user');
    if (!rows[0]?.ok) return `The PostgreSQL user of ${shown} may not create databases, which the tests need (one per test).`;
    return undefined;
  } catch (error) {
    return `The PostgreSQL server of PASSIVEWP_TEST_DATABASE_URL (${shown}) cannot be used: ${error.message}. Start it (or fix the URL), or unset the variable to run the tests on SQLite only.`;
  } finally {
    await client.end().catch(() => undefined);
  }
}

ensureChromium();
const postgresUrl = process.env.PASSIVEWP_TEST_DATABASE_URL;
if (postgresUrl) {
  const problem = await checkPostgres(postgresUrl);
  if (problem) {
    console.error(problem);
    console.log('0 passed, 1 failed');
    process.exit(1);
  }
}
if (run('npm', ['run', '--silent', 'build']).status !== 0) {
  console.error('The build failed; no tests were run.');
  console.log('0 passed, 1 failed');
  process.exit(1);
}

mkdirSync('test-artifacts', { recursive: true });
const report = 'test-artifacts/vitest-report.json';
const extra = process.argv.slice(2);
rmSync(report, { force: true });
const vitest = run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...extra]);

// No report means vitest itself crashed: count that as one failure rather than report nothing.
const { passed, failed } = existsSync(report) ? countResults(JSON.parse(readFileSync(report, 'utf8'))) : { passed: 0, failed: 1 };
console.log(`${passed} passed, ${failed} failed`);
process.exit(vitest.status === 0 && failed === 0 ? 0 : 1);

function countResults(results) {
  // A file that failed to load has no tests to count; it must still count as a failure.
  const brokenFiles = results.testResults.filter((file) => file.status === 'failed' && file.assertionResults.length === 0).length;
  return { passed: results.numPassedTests, failed: results.numFailedTests + brokenFiles };
}

#!/usr/bin/env node
// `npm test`: installs what the tests need beyond npm (Debian's Chromium for the browser tests),
// builds the engine and the admin app they run against, runs every test once, and ends with one
// plain line `N passed, N failed`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';

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

ensureChromium();
if (run('npm', ['run', '--silent', 'build']).status !== 0) {
  console.error('The build failed; no tests were run.');
  console.log('0 passed, 1 failed');
  process.exit(1);
}

mkdirSync('test-artifacts', { recursive: true });
const report = 'test-artifacts/vitest-report.json';
const extra = process.argv.slice(2);
const vitest = run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...extra]);

let passed = 0;
let failed = 1;
if (existsSync(report)) {
  const results = JSON.parse(readFileSync(report, 'utf8'));
  passed = results.numPassedTests;
  failed = results.numFailedTests + (results.numRuntimeErrorTestSuites ?? 0);
  // A file that failed to load has no tests to count; it must still count as a failure.
  failed += results.testResults.filter((file) => file.status === 'failed' && file.assertionResults.length === 0).length;
} else {
  failed = 1;
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(vitest.status === 0 && failed === 0 ? 0 : 1);

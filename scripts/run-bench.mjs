#!/usr/bin/env node
// `npm run bench -- <name>` runs bench/<name>.bench.ts. Benchmarks print ratios against a baseline
// measured in the same run and end with `RESULT <metric> <value>` lines; they are never part of `npm test`.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';

const available = readdirSync('bench').filter((f) => f.endsWith('.bench.ts')).map((f) => f.replace('.bench.ts', ''));
const name = process.argv[2];
if (!name || !available.includes(name)) {
  console.error(`Usage: npm run bench -- <name>\nAvailable: ${available.join(', ') || '(none)'}`);
  process.exit(2);
}
const file = `bench/${name}.bench.ts`;
if (!existsSync(file)) process.exit(2);
const result = spawnSync('npx', ['tsx', file, ...process.argv.slice(3)], { stdio: 'inherit' });
process.exit(result.status ?? 1);

#!/usr/bin/env node
// The `passivewp` command: runs the compiled engine (built by `npm install` / `npm run build`).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const entry = new URL('../dist/server/cli/run.js', import.meta.url);
if (!existsSync(fileURLToPath(entry))) {
  console.error('PassiveWP is not built yet. Run `npm install` (or `npm run build`) in the repository first.');
  process.exit(2);
}
await import(entry.href);

import { parseArgs } from 'node:util';
import type { CheckRowResult } from '../../domain/connection-checks/check-run.js';
import { runAmazonCheck } from '../../domain/connection-checks/run-amazon-check.js';
import { openEngine } from '../../main.js';
import { UsageError, engineOptions, type CommandIo } from '../command-io.js';

const USAGE = 'Usage: passivewp check amazon [--json]';

/** Exit codes: 0 every marketplace ok, 1 at least one error, 3 warnings only (2 is bad usage). */
const EXIT_WARNINGS = 3;

function describeRow(row: CheckRowResult): string {
  const tried = row.tried.length > 1 ? ` (tried ${row.tried.map((t) => `${t.source}: ${t.cause}`).join(', ')})` : '';
  const head = [row.country.padEnd(3), row.status.padEnd(8), (row.source ?? '-').padEnd(9), (row.partnerTag ?? '(no tag)').padEnd(20), `${row.latencyMs} ms`.padStart(8), `  ${row.domain}`].join(' ');
  if (row.status === 'ok') return `${head}${tried}`;
  return `${head}${tried}\n      ${row.cause}: ${row.message}\n      Fix: ${row.fix}${row.fixField ? ` [${row.fixField}]` : ''}`;
}

/** `passivewp check amazon`: the settings page's "Check API Connections" from a terminal, one line per marketplace as it finishes. */
export async function checkCommand(args: string[], io: CommandIo): Promise<number> {
  const [target, ...rest] = args;
  if (target !== 'amazon') throw new UsageError(USAGE);
  const { values } = parseArgs({ args: rest, options: { json: { type: 'boolean', default: false } }, strict: true });
  // With --json, stdout carries only the run; progress goes to stderr.
  const progress = values.json ? io.err : io.out;
  const engine = await openEngine({ ...engineOptions(io), quiet: true });
  try {
    const { run, reused } = await runAmazonCheck(engine.ctx, {
      actor: 'cli',
      onStart: (start) => progress(`Checking ${start.total} marketplace${start.total === 1 ? '' : 's'} (Amazon API Mode: ${start.mode})${start.reused ? ` — settings unchanged since the check at ${start.startedAt}, showing its result` : ''}…`),
      onRow: (row) => progress(describeRow(row)),
    });
    progress(`${run.summaryText}${reused ? ' (reused)' : ''}`);
    if (values.json) io.out(JSON.stringify(run, null, 2));
    return run.summary.error > 0 ? 1 : run.summary.warning > 0 ? EXIT_WARNINGS : 0;
  } finally {
    await engine.close();
  }
}

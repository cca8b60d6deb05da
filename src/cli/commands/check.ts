import { parseArgs } from 'node:util';
import type { Severity } from '../../domain/connection-checks/cause-codes.js';
import type { CheckRowResult } from '../../domain/connection-checks/check-run.js';
import type { IntegrationCheck } from '../../domain/connection-checks/integration-check.js';
import { runAmazonCheck } from '../../domain/connection-checks/run-amazon-check.js';
import { isIntegrationId, SINGLE_INTEGRATIONS } from '../../domain/connection-checks/single-integrations.js';
import type { EngineContext } from '../../domain/context.js';
import { openEngine } from '../../main.js';
import { UsageError, engineOptions, type CommandIo } from '../command-io.js';

const USAGE = 'Usage: passivewp check amazon|openai|geolocation|all [--json]';

/** Exit codes: 0 everything ok, 1 at least one error, 3 warnings only (2 is bad usage). */
const EXIT_CODES: Record<Severity, number> = { ok: 0, error: 1, warning: 3 };
const worst = (statuses: Severity[]): Severity => (statuses.includes('error') ? 'error' : statuses.includes('warning') ? 'warning' : 'ok');

function describeRow(row: CheckRowResult): string {
  const tried = row.tried.length > 1 ? ` (tried ${row.tried.map((t) => `${t.source}: ${t.cause}`).join(', ')})` : '';
  const head = [row.country.padEnd(3), row.status.padEnd(8), (row.source ?? '-').padEnd(9), (row.partnerTag ?? '(no tag)').padEnd(20), `${row.latencyMs} ms`.padStart(8), `  ${row.domain}`].join(' ');
  if (row.status === 'ok') return `${head}${tried}`;
  return `${head}${tried}\n      ${row.cause}: ${row.message}\n      Fix: ${row.fix}${row.fixField ? ` [${row.fixField}]` : ''}`;
}

function describeCheck(label: string, check: IntegrationCheck): string {
  const facts = Object.entries(check.details).map(([key, value]) => `${key}=${value}`).join(' ');
  const lines = [`${label.padEnd(12)} ${check.status.padEnd(8)} ${`${check.latencyMs} ms`.padStart(8)}  ${facts}`];
  for (const finding of check.findings) {
    if (finding.severity === 'ok') continue;
    lines.push(`      ${finding.cause}: ${finding.message}`, `      Fix: ${finding.fix}${finding.fixField ? ` [${finding.fixField}]` : ''}`);
  }
  return lines.join('\n');
}

async function checkAmazon(ctx: EngineContext, progress: (line: string) => void) {
  const { run, reused } = await runAmazonCheck(ctx, {
    actor: 'cli',
    onStart: (start) => progress(`Checking ${start.total} marketplace${start.total === 1 ? '' : 's'} (Amazon API Mode: ${start.mode})${start.reused ? ` — settings unchanged since the check at ${start.startedAt}, showing its result` : ''}…`),
    onRow: (row) => progress(describeRow(row)),
  });
  progress(`${run.summaryText}${reused ? ' (reused)' : ''}`);
  return { status: worst(run.rows.map((row) => row.status)), result: run };
}

/**
 * `passivewp check <integration>`: the admin's connection checks from a terminal. `all` checks
 * every integration, set up or not, so that a missing key shows as the error it is.
 */
export async function checkCommand(args: string[], io: CommandIo): Promise<number> {
  const [target, ...rest] = args;
  if (target !== 'amazon' && target !== 'all' && !(target && isIntegrationId(target))) throw new UsageError(USAGE);
  const { values } = parseArgs({ args: rest, options: { json: { type: 'boolean', default: false } }, strict: true });
  // With --json, stdout carries only the results; progress goes to stderr.
  const progress = values.json ? io.err : io.out;
  const engine = await openEngine({ ...engineOptions(io), quiet: true });
  try {
    const statuses: Severity[] = [];
    const results: Record<string, unknown> = {};
    if (target === 'amazon' || target === 'all') {
      const amazon = await checkAmazon(engine.ctx, progress);
      statuses.push(amazon.status);
      results.amazon = amazon.result;
    }
    for (const integration of Object.values(SINGLE_INTEGRATIONS)) {
      if (target !== 'all' && target !== integration.id) continue;
      const check = await integration.run(engine.ctx, { actor: 'cli' });
      progress(describeCheck(integration.label, check));
      statuses.push(check.status);
      results[integration.id] = check;
    }
    if (values.json) io.out(JSON.stringify(target === 'all' ? results : results[target], null, 2));
    return EXIT_CODES[worst(statuses)];
  } finally {
    await engine.close();
  }
}

import { AppError } from '../../shared/errors.js';
import type { EngineContext } from '../context.js';
import { readSectionValues } from '../settings/read-section-values.js';
import { generalSection } from '../settings/sections/general.js';
import { toPublicRun } from './check-run.js';
import { renderCheckReport } from './render-check-report.js';
import { AMAZON } from './run-amazon-check.js';

export type ReportFormat = 'json' | 'html';

export interface CheckReport {
  filename: string;
  contentType: string;
  body: string;
}

/** A stored run as a download: the run JSON (the API's names), or a printable HTML page. Neither holds a secret. */
export async function exportCheckReport(ctx: EngineContext, input: { runId: string; format: ReportFormat }): Promise<CheckReport> {
  const record = await ctx.stores.checkRuns.find(AMAZON, input.runId);
  if (!record) throw new AppError('not_found', `There is no Amazon check run "${input.runId}"; only the last 100 runs are kept.`);
  const run = toPublicRun(record);
  const stamp = run.finishedAt.slice(0, 19).replace(/[:T]/g, '-');
  const filename = `passivewp-amazon-check-${stamp}.${input.format}`;
  if (input.format === 'json') return { filename, contentType: 'application/json; charset=utf-8', body: `${JSON.stringify(run, null, 2)}\n` };
  const general = await readSectionValues(ctx, generalSection);
  return { filename, contentType: 'text/html; charset=utf-8', body: renderCheckReport(run, { siteName: general.siteName, timeZone: general.timeZone }) };
}

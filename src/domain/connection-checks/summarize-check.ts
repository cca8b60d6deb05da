import type { CheckRowResult, CheckSummary } from './check-run.js';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Counts and the line shown under the table: "22 marketplaces: 20 ok, 1 warning, 1 error". */
export function summarizeCheck(rows: readonly CheckRowResult[]): { summary: CheckSummary; summaryText: string } {
  const summary: CheckSummary = { total: rows.length, ok: 0, warning: 0, error: 0 };
  for (const row of rows) summary[row.status] += 1;
  return { summary, summaryText: `${plural(summary.total, 'marketplace')}: ${summary.ok} ok, ${plural(summary.warning, 'warning')}, ${plural(summary.error, 'error')}` };
}

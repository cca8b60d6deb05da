import type { EngineContext } from '../context.js';
import type { CheckRunRecord, CheckSummary, SettingsPart } from './check-run.js';
import { listChangedSettings } from './list-changed-settings.js';
import { checkStateOf } from './live-checks.js';
import { AMAZON, KEPT_RUNS } from './run-amazon-check.js';

export interface CheckStatusSummary {
  lastRun: { id: string; actor: string; finishedAt: string; summary: CheckSummary; summaryText: string } | null;
  stale: boolean;
  changed: SettingsPart[];
  /** Marketplaces that were ok in the run before the last one and are errors in the last one. */
  newlyFailing: string[];
  /** For every marketplace that errors in the last run: since when it has errored without a break. */
  failingSince: Record<string, string>;
  schedule: { enabled: boolean; nextRunAt: string | null };
}

/** The dashboard card: the latest Amazon status in a few fields, and when the daily re-check runs next. */
export async function readCheckStatus(ctx: EngineContext): Promise<CheckStatusSummary> {
  const history = await ctx.stores.checkRuns.recent(AMAZON, KEPT_RUNS);
  const [latest] = history;
  const schedule = checkStateOf(ctx).schedule;
  const scheduleSummary = { enabled: Boolean(schedule), nextRunAt: schedule?.nextRunAt(latest?.finishedAt ?? null).toISOString() ?? null };
  if (!latest) return { lastRun: null, stale: false, changed: [], newlyFailing: [], failingSince: {}, schedule: scheduleSummary };
  const changed = await listChangedSettings(ctx, latest);
  return {
    lastRun: { id: latest.id, actor: latest.actor, finishedAt: latest.finishedAt, summary: latest.summary, summaryText: latest.summaryText },
    stale: changed.length > 0,
    changed,
    newlyFailing: latest.newlyFailing,
    failingSince: findFailingSince(history),
    schedule: scheduleSummary,
  };
}

/** Walks back through the history while each failing marketplace kept failing. */
function findFailingSince(history: readonly CheckRunRecord[]): Record<string, string> {
  const [latest] = history;
  const since: Record<string, string> = {};
  for (const row of latest?.rows ?? []) {
    if (row.status !== 'error') continue;
    let first = row.checkedAt;
    for (const run of history.slice(1)) {
      const earlier = run.rows.find((r) => r.country === row.country);
      if (earlier?.status !== 'error') break;
      first = earlier.checkedAt;
    }
    since[row.country] = first;
  }
  return since;
}

import type { EngineContext } from '../context.js';
import { readSectionValues } from '../settings/read-section-values.js';
import { amazonSection } from '../settings/sections/amazon.js';
import { hasAmazonCredentials } from './has-amazon-credentials.js';
import { checkStateOf } from './live-checks.js';
import { AMAZON, runAmazonCheck, type CheckOutcome } from './run-amazon-check.js';

export const DAILY_MS = 24 * 60 * 60 * 1000;

/**
 * The daily re-check: runs the check when the last run (by anyone) is older than the interval,
 * records it as the scheduler's, and warns in the log when a marketplace that was ok starts
 * failing (the dashboard shows the same from the stored run). Returns null when nothing was due.
 */
export async function runScheduledCheck(ctx: EngineContext, options: { intervalMs?: number } = {}): Promise<CheckOutcome | null> {
  if (checkStateOf(ctx).live) return null;
  const [latest] = await ctx.stores.checkRuns.recent(AMAZON, 1);
  if (latest && ctx.clock.now().getTime() - Date.parse(latest.finishedAt) < (options.intervalMs ?? DAILY_MS)) return null;
  if (!hasAmazonCredentials(await readSectionValues(ctx, amazonSection))) return null;
  const outcome = await runAmazonCheck(ctx, { actor: 'scheduler' });
  if (outcome.newlyFailing.length) {
    ctx.logger.warn({ runId: outcome.run.id, newlyFailing: outcome.newlyFailing }, `Amazon connection check: ${outcome.newlyFailing.join(', ')} worked before and fail now`);
  }
  return outcome;
}

import type { EngineContext } from '../context.js';
import type { IntegrationCheck } from './integration-check.js';
import { DAILY_MS } from './run-scheduled-check.js';
import { SINGLE_INTEGRATIONS } from './single-integrations.js';

/**
 * The daily re-check of OpenAI and Geolocation, next to Amazon's: each one that is set up and was
 * last checked (by anyone) longer ago than the interval runs as the scheduler's; a check that
 * starts failing is logged as a warning (the dashboard shows the same from the stored result).
 */
export async function runScheduledIntegrationChecks(ctx: EngineContext, options: { intervalMs?: number } = {}): Promise<IntegrationCheck[]> {
  const intervalMs = options.intervalMs ?? DAILY_MS;
  const ran: IntegrationCheck[] = [];
  for (const integration of Object.values(SINGLE_INTEGRATIONS)) {
    const [[previous], { configured }] = await Promise.all([ctx.stores.integrationChecks.recent(integration.id, 1), integration.describeSettings(ctx)]);
    if (!configured) continue;
    if (previous && ctx.clock.now().getTime() - Date.parse(previous.finishedAt) < intervalMs) continue;
    const check = await integration.run(ctx, { actor: 'scheduler' });
    ran.push(check);
    if (check.status === 'error' && previous?.status !== 'error') {
      ctx.logger.warn({ checkId: check.id, cause: check.findings[0]?.cause }, `${integration.label} connection check: it worked before and fails now`);
    }
  }
  return ran;
}

import type { EngineContext } from '../domain/context.js';
import { REFRESH_CYCLE_JOB, REFRESH_CYCLE_MS } from '../domain/products/refresh-jobs.js';
import { startTicker } from './start-ticker.js';

/**
 * Asks for a refresh cycle at start-up and then every minute. The cycle is a singleton job, so
 * however many engines share the database, one plans at a time; the planning decides what is due.
 */
export function scheduleRefreshCycles(ctx: EngineContext, options: { everyMs?: number } = {}): { stop(): Promise<void> } {
  const requestCycle = () => ctx.jobs.send(REFRESH_CYCLE_JOB, {}, { singletonKey: REFRESH_CYCLE_JOB });
  const ticker = startTicker({ tickMs: options.everyMs ?? REFRESH_CYCLE_MS, logger: ctx.logger, failureMessage: 'could not queue a product refresh cycle', work: requestCycle });
  void requestCycle().catch((error: unknown) => ctx.logger.error({ err: error }, 'could not queue a product refresh cycle'));
  return { stop: () => ticker.stop() };
}

import type { EngineContext } from '../domain/context.js';
import { checkStateOf, type CheckSchedule } from '../domain/connection-checks/live-checks.js';
import { DAILY_MS, runScheduledCheck } from '../domain/connection-checks/run-scheduled-check.js';
import { runScheduledIntegrationChecks } from '../domain/connection-checks/run-scheduled-integration-checks.js';
import { startTicker } from './start-ticker.js';

export interface DailyCheckScheduler {
  /** Stops the timer and waits for a re-check that is under way. */
  stop(): Promise<void>;
}

export interface DailyCheckOptions {
  /** How often the timer looks whether a re-check is due. */
  tickMs?: number;
  intervalMs?: number;
}

/**
 * The in-process daily re-check of every integration that is set up (Amazon per marketplace,
 * OpenAI, Geolocation): a timer that wakes up every few minutes and lets the domain decide what is due.
 */
export function scheduleDailyCheck(ctx: EngineContext, options: DailyCheckOptions = {}): DailyCheckScheduler {
  const tickMs = options.tickMs ?? 10 * 60 * 1000;
  const intervalMs = options.intervalMs ?? DAILY_MS;
  const ticker = startTicker({
    tickMs,
    logger: ctx.logger,
    failureMessage: 'a scheduled connection check failed',
    work: async () => {
      await runScheduledCheck(ctx, { intervalMs });
      await runScheduledIntegrationChecks(ctx, { intervalMs });
    },
  });
  const schedule: CheckSchedule = {
    nextRunAt(latestFinishedAt) {
      const nextTickAt = ticker.nextTickAt();
      const dueAt = latestFinishedAt ? Date.parse(latestFinishedAt) + intervalMs : ctx.clock.now().getTime();
      const ticksToWait = Math.max(0, Math.ceil((dueAt - nextTickAt) / tickMs));
      return new Date(nextTickAt + ticksToWait * tickMs);
    },
  };
  const state = checkStateOf(ctx);
  state.schedule = schedule;
  ctx.logger.info({ everyMs: intervalMs, tickMs }, 'daily connection re-checks: in-process timer');

  return {
    async stop() {
      if (state.schedule === schedule) state.schedule = undefined;
      await ticker.stop();
    },
  };
}

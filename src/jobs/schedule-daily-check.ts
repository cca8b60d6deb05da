import type { EngineContext } from '../domain/context.js';
import { checkStateOf, type CheckSchedule } from '../domain/connection-checks/live-checks.js';
import { DAILY_MS, runScheduledCheck } from '../domain/connection-checks/run-scheduled-check.js';

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
 * The in-process daily re-check of the Amazon connection: a timer that wakes up every few minutes
 * and lets the domain decide whether a check is due, so a restart neither skips nor repeats a day.
 * unref'd: it never keeps the process alive. Durable job queues come later; this is enough for one task.
 */
export function scheduleDailyCheck(ctx: EngineContext, options: DailyCheckOptions = {}): DailyCheckScheduler {
  const tickMs = options.tickMs ?? 10 * 60 * 1000;
  const intervalMs = options.intervalMs ?? DAILY_MS;
  const now = () => ctx.clock.now().getTime();
  let nextTickAt = now() + tickMs;
  let running: Promise<void> | undefined;

  const tick = () => {
    nextTickAt = now() + tickMs;
    if (running) return;
    running = runScheduledCheck(ctx, { intervalMs })
      .then(() => undefined, (error: unknown) => ctx.logger.error({ err: error }, 'the scheduled Amazon connection check failed'))
      .finally(() => (running = undefined));
  };
  const timer = setInterval(tick, tickMs);
  timer.unref();

  const schedule: CheckSchedule = {
    nextRunAt(latestFinishedAt) {
      const dueAt = latestFinishedAt ? Date.parse(latestFinishedAt) + intervalMs : now();
      const ticksToWait = Math.max(0, Math.ceil((dueAt - nextTickAt) / tickMs));
      return new Date(nextTickAt + ticksToWait * tickMs);
    },
  };
  const state = checkStateOf(ctx);
  state.schedule = schedule;
  ctx.logger.info({ everyMs: intervalMs, tickMs }, 'daily Amazon connection re-check: in-process timer');

  return {
    async stop() {
      clearInterval(timer);
      if (state.schedule === schedule) state.schedule = undefined;
      await running;
    },
  };
}

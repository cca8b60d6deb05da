import { checkStateOf, type CheckSchedule } from '../domain/connection-checks/live-checks.js';
import { DAILY_MS } from '../domain/connection-checks/run-scheduled-check.js';
import type { EngineContext } from '../domain/context.js';
import { DAILY_CHECKS_JOB, JOBS, type JobDefinition } from './registry.js';
import { nextTickAt, startTicker } from './start-ticker.js';

type ScheduledJob = JobDefinition<unknown> & { requestEveryMs: number };

/** Asks for a scheduled job; null when one is already queued or running (here or on another engine). */
export function requestScheduledJob(ctx: EngineContext, name: string): Promise<string | null> {
  return ctx.jobs.send(name, {}, { singletonKey: name });
}

/**
 * The scheduled work of a running server: asks for each scheduled job of the registry at every
 * multiple of its period (the daily connection checks only with PASSIVEWP_DAILY_CHECKS on), and
 * tells the dashboard when the daily Amazon check runs next. No timer does the work itself: the
 * singleton jobs do, on whichever engine claims them, so engines sharing a database never do
 * the same work twice.
 */
export function startBackgroundWork(ctx: EngineContext, options: { dailyChecks: boolean; jobs?: ReadonlyArray<JobDefinition<unknown>> }): { stop(): Promise<void> } {
  const scheduled = (options.jobs ?? JOBS).filter(
    (job): job is ScheduledJob => job.requestEveryMs !== undefined && (options.dailyChecks || job.name !== DAILY_CHECKS_JOB),
  );
  const tickers = scheduled.map((job) => {
    const failureMessage = `could not ask for the scheduled job ${job.name}`;
    const request = () => requestScheduledJob(ctx, job.name);
    if (job.requestAtStart) void request().catch((error: unknown) => ctx.logger.error({ err: error }, failureMessage));
    return startTicker({ everyMs: job.requestEveryMs, logger: ctx.logger, failureMessage, work: request });
  });

  const dailyChecks = scheduled.find((job) => job.name === DAILY_CHECKS_JOB);
  const state = checkStateOf(ctx);
  const schedule: CheckSchedule | undefined = dailyChecks && {
    // A check is due a day after the last one finished and runs at the first request from then on.
    nextRunAt(latestFinishedAt) {
      const now = ctx.clock.now().getTime();
      const dueAt = latestFinishedAt ? Date.parse(latestFinishedAt) + DAILY_MS : now;
      return new Date(nextTickAt(Math.max(dueAt, now), dailyChecks.requestEveryMs));
    },
  };
  if (schedule) state.schedule = schedule;
  ctx.logger.info({ jobs: Object.fromEntries(scheduled.map((job) => [job.name, job.requestEveryMs])) }, 'scheduled jobs: asked for at every multiple of their period (ms)');

  return {
    async stop() {
      if (schedule && state.schedule === schedule) state.schedule = undefined;
      await Promise.all(tickers.map((ticker) => ticker.stop()));
    },
  };
}

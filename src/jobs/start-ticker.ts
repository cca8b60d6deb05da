import type { Logger } from '../shared/logger.js';

export interface Ticker {
  /** Stops the timer and waits for work that is under way. */
  stop(): Promise<void>;
}

/**
 * The first multiple of `everyMs` (counted from the Unix epoch) at or after `time`. Every engine
 * ticks at these instants, so when the next tick comes follows from the time alone, whichever
 * engine is asked and whenever it started.
 */
export function nextTickAt(time: number, everyMs: number): number {
  return Math.ceil(time / everyMs) * everyMs;
}

/**
 * Runs `work` at every multiple of `everyMs` (see nextTickAt), never twice at once, logging (not
 * throwing) its failures. The work itself decides whether anything is due, so a restart neither
 * skips nor repeats it. unref'd: it never keeps the process alive.
 */
export function startTicker({ everyMs, logger, failureMessage, work }: { everyMs: number; logger: Logger; failureMessage: string; work: () => Promise<unknown> }): Ticker {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let stopped = false;

  const waitFor = (tickAt: number) => {
    timer = setTimeout(() => {
      if (stopped) return;
      // A timer may fire a moment early; the tick belongs to its instant, not before it.
      if (Date.now() < tickAt) return waitFor(tickAt);
      running ??= work()
        .then(() => undefined, (error: unknown) => logger.error({ err: error }, failureMessage))
        .finally(() => (running = undefined));
      waitFor(nextTickAt(Math.max(tickAt, Date.now()) + 1, everyMs));
    }, tickAt - Date.now());
    timer.unref();
  };
  waitFor(nextTickAt(Date.now() + 1, everyMs));

  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}

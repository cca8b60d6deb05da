import type { Logger } from '../shared/logger.js';

export interface Ticker {
  /** When the next tick fires. */
  nextTickAt(): number;
  /** Stops the timer and waits for work that is under way. */
  stop(): Promise<void>;
}

/**
 * Runs `work` every `tickMs`, never twice at once, logging (not throwing) its failures. The work
 * itself decides whether anything is due, so a restart neither skips nor repeats it. unref'd: it
 * never keeps the process alive. Durable job queues come later; this is enough for a few timers.
 */
export function startTicker({ tickMs, logger, failureMessage, work }: { tickMs: number; logger: Logger; failureMessage: string; work: () => Promise<unknown> }): Ticker {
  let nextTickAt = Date.now() + tickMs;
  let running: Promise<void> | undefined;
  const timer = setInterval(() => {
    nextTickAt = Date.now() + tickMs;
    if (running) return;
    running = work()
      .then(() => undefined, (error: unknown) => logger.error({ err: error }, failureMessage))
      .finally(() => (running = undefined));
  }, tickMs);
  timer.unref();
  return {
    nextTickAt: () => nextTickAt,
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}

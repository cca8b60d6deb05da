export interface IdleTimeout {
  signal: AbortSignal;
  /** Data arrived: the clock starts again. */
  restart(): void;
  stop(): void;
}

/**
 * Aborts once nothing happened for `ms`. A whole City download (~70 MB) may take minutes on a
 * slow line and that is fine; a connection that stalls is not.
 */
export function startIdleTimeout(ms: number): IdleTimeout {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new DOMException(`no data for ${ms} ms`, 'TimeoutError')), ms);
  timer.unref();
  return { signal: controller.signal, restart: () => timer.refresh(), stop: () => clearTimeout(timer) };
}

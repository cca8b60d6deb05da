import type { EngineContext } from '../domain/context.js';
import { runScheduledGeoUpdate } from '../domain/geo/run-scheduled-geo-update.js';
import { startTicker, type Ticker } from './start-ticker.js';

/** The weekly MaxMind download (Settings → Geolocation → Automatic updates); the setting decides whether anything is due. */
export function scheduleGeoUpdates(ctx: EngineContext, options: { tickMs?: number } = {}): Pick<Ticker, 'stop'> {
  return startTicker({ tickMs: options.tickMs ?? 60 * 60 * 1000, logger: ctx.logger, failureMessage: 'the scheduled MaxMind database update failed', work: () => runScheduledGeoUpdate(ctx) });
}

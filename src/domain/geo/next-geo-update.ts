import type { DatabaseUpdateView } from './update-geo-database.js';
import type { GeoValues } from './read-geo-settings.js';

export const WEEKLY_MS = 7 * 24 * 60 * 60 * 1000;
/** After a failed attempt, try again a day later: soon enough to heal, never a download loop. */
export const RETRY_AFTER_FAILURE_MS = 24 * 60 * 60 * 1000;

/**
 * When the weekly download is due, given the newest attempt; null when updates are off. A missing
 * file (first start, another edition chosen) makes it due at once unless an attempt just failed.
 */
export function nextGeoUpdateAt(
  values: Pick<GeoValues, 'autoUpdate' | 'accountId' | 'licenseKey'>,
  latest: DatabaseUpdateView | undefined,
  fileExists: boolean,
  now: Date,
): Date | null {
  if (values.autoUpdate !== 'weekly' || !values.accountId || !values.licenseKey) return null;
  if (!latest) return now;
  const finished = Date.parse(latest.finishedAt);
  if (latest.outcome === 'failed') return new Date(finished + RETRY_AFTER_FAILURE_MS);
  return fileExists ? new Date(finished + WEEKLY_MS) : now;
}

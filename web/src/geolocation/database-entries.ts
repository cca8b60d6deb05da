import { OUTDATED_AFTER_DAYS } from '../../../src/domain/geo/database-age.js';
import type { GeoDatabaseView } from '../api/geolocation-types.js';
import type { DetailEntry } from '../checks/check-detail-entries.js';
import { formatAge } from '../checks/format-age.js';
import { formatDay } from '../checks/format-day.js';
import { formatWhen } from '../dashboard/format-when.js';

const OUTCOMES = { updated: 'Updated', unchanged: 'Already current', failed: 'Failed' } as const;
const PRECISIONS: Record<string, string> = { country: 'Countries', city: 'Countries and cities', none: 'No locations' };

const size = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`);

/** The database panel's facts: the file in use, what it holds, how old it is, and its updates. */
export function databaseEntries(database: GeoDatabaseView, timeZone: string): DetailEntry[] {
  const { info, lastUpdate } = database;
  const entries: DetailEntry[] = [{ label: 'File', value: `${database.path}${database.managed ? ' (automatic download location)' : ''}`, code: true }];
  if (info) {
    entries.push(
      { label: 'Type', value: info.databaseType },
      { label: 'Answers with', value: PRECISIONS[info.precision] ?? info.precision },
      { label: 'Build date', value: formatDay(info.buildDate) },
      { label: 'Age', value: `${info.ageDays} day${info.ageDays === 1 ? '' : 's'}${info.ageDays > OUTDATED_AFTER_DAYS ? ` — older than ${OUTDATED_AFTER_DAYS} days` : ''}`, warn: info.ageDays > OUTDATED_AFTER_DAYS },
      { label: 'Size', value: size(info.sizeBytes) },
    );
  }
  entries.push({ label: 'Automatic updates', value: database.autoUpdate === 'weekly' ? 'Weekly' : 'Off' });
  if (lastUpdate) {
    const what = lastUpdate.outcome === 'failed' ? lastUpdate.finding.message : `${lastUpdate.edition}${lastUpdate.buildDate ? `, built ${formatDay(lastUpdate.buildDate)}` : ''}`;
    entries.push({ label: 'Last update', value: `${OUTCOMES[lastUpdate.outcome]} ${formatAge(lastUpdate.finishedAt)} (${formatWhen(lastUpdate.finishedAt, timeZone)}): ${what}`, warn: lastUpdate.outcome === 'failed' });
  }
  if (database.nextUpdateAt) entries.push({ label: 'Next update', value: formatWhen(database.nextUpdateAt, timeZone) });
  return entries;
}

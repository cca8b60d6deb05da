import { OUTDATED_AFTER_DAYS } from '../../../src/domain/geo/database-age.js';
import type { CheckDetails } from '../api/integration-check-types.js';
import { formatDay } from './format-day.js';

export interface DetailEntry {
  label: string;
  value: string;
  /** Shown in amber: worth a look (an old database). */
  warn?: boolean;
  /** A file path or URL, shown as code. */
  code?: boolean;
}

const SOURCES: Record<string, string> = { database: 'Database file', web_service: 'MaxMind web service' };
const PRECISIONS: Record<string, string> = { country: 'Country', city: 'City' };

const text = (value: unknown) => (value === null || value === undefined || value === '' ? null : String(value));

/** What a check learned, in the order and words an admin reads it; keys a check did not report are left out. */
export function checkDetailEntries(details: CheckDetails, latencyMs: number): DetailEntry[] {
  const entries: DetailEntry[] = [];
  const add = (label: string, value: string | null, extra: Omit<DetailEntry, 'label' | 'value'> = {}) => {
    if (value !== null) entries.push({ label, value, ...extra });
  };
  const { inputTokens, outputTokens, ageDays } = details;

  add('Model that answered', text(details.respondingModel));
  add('Model checked', details.respondingModel ? null : text(details.model));
  if (typeof inputTokens === 'number' && typeof outputTokens === 'number') add('Tokens used', `${inputTokens + outputTokens} (${inputTokens} in, ${outputTokens} out)`);
  add('Base URL', text(details.baseUrl), { code: true });
  add('Retry after', typeof details.retryAfterSeconds === 'number' ? `${details.retryAfterSeconds} s` : null);

  add('Source', text(details.source) && (SOURCES[String(details.source)] ?? String(details.source)));
  add('Database file', text(details.databasePath), { code: true });
  add('Database type', text(details.databaseType));
  add('Build date', typeof details.buildDate === 'string' ? formatDay(details.buildDate) : null);
  if (typeof ageDays === 'number') add('Age', `${ageDays} day${ageDays === 1 ? '' : 's'}`, { warn: ageDays > OUTDATED_AFTER_DAYS });
  add('Precision', text(details.precision) && (PRECISIONS[String(details.precision)] ?? String(details.precision)));
  if (typeof details.matchesPrecision === 'boolean') add('Matches the precision', details.matchesPrecision ? 'Yes' : 'No', { warn: !details.matchesPrecision });
  add('Test address', details.probeIp ? `${String(details.probeIp)} → ${text(details.probeCountry) ?? 'no country'}` : null);

  add('Latency', Number.isFinite(latencyMs) ? `${latencyMs} ms` : null);
  return entries;
}

/** Compact times for list tables: "2 h ago", "in 5 min", "13:05" in the site's time zone. */

const STEPS: ReadonlyArray<[string, number]> = [
  ['d', 86400],
  ['h', 3600],
  ['min', 60],
];

/**
 * How far a time lies from now, by what the time means:
 * - `past` (when something was fetched or created): "just now", "5 min ago", "2 h ago", "3 d ago";
 *   never "ahead", whatever the two clocks say;
 * - `due` (when something runs next): "in 30 s", "in 5 min", "in 2 h", and "due now" once it has come;
 * - neither: either direction.
 */
export function formatShortAge(iso: string, now: number = Date.now(), { past = false, due = false }: { past?: boolean; due?: boolean } = {}): string {
  const raw = (Date.parse(iso) - now) / 1000;
  if (due && raw < 5) return 'due now';
  const seconds = past ? Math.min(raw, 0) : raw;
  const size = Math.abs(seconds);
  if (size < 45) return seconds >= 5 ? `in ${Math.round(seconds)} s` : 'just now';
  const [unit, length] = STEPS.find(([, step]) => size >= step) ?? ['min', 60];
  const count = Math.max(1, Math.round(size / length));
  return seconds > 0 ? `in ${count} ${unit}` : `${count} ${unit} ago`;
}

const safeFormat = (options: Intl.DateTimeFormatOptions, timeZone: string, date: Date): string => {
  try {
    return new Intl.DateTimeFormat('en-GB', { ...options, timeZone: timeZone || 'UTC' }).format(date);
  } catch {
    return new Intl.DateTimeFormat('en-GB', options).format(date);
  }
};

/** "13:05" for today (in the site's time zone), "12 May, 13:05" for another day. */
export function formatClock(iso: string, timeZone: string, now: number = Date.now()): string {
  const date = new Date(iso);
  const time = safeFormat({ hour: '2-digit', minute: '2-digit', hour12: false }, timeZone, date);
  const day = (d: Date) => safeFormat({ year: 'numeric', month: 'short', day: 'numeric' }, timeZone, d);
  if (day(date) === day(new Date(now))) return time;
  return `${safeFormat({ month: 'short', day: 'numeric' }, timeZone, date)}, ${time}`;
}

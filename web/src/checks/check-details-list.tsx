import type { DetailEntry } from './check-detail-entries.js';

/** Label and value pairs of a check or a database, side by side on a wide screen, stacked on a phone. */
export function CheckDetailsList({ entries, label }: { entries: readonly DetailEntry[]; label: string }) {
  if (entries.length === 0) return null;
  return (
    <dl className="check-details" aria-label={label}>
      {entries.map((entry) => (
        <div key={entry.label} className={entry.warn ? 'check-detail is-warning' : 'check-detail'}>
          <dt>{entry.label}</dt>
          <dd>{entry.code ? <code>{entry.value}</code> : entry.value}</dd>
        </div>
      ))}
    </dl>
  );
}

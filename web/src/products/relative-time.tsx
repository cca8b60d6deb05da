import { formatWhen } from '../dashboard/format-when.js';
import { formatShortAge } from './format-times.js';

/** "2 h ago", with the exact date and time on hover. */
interface RelativeTimeProps {
  iso: string;
  timeZone: string;
  now: number;
  /** A time that can only lie behind (see formatShortAge). */
  past?: boolean;
  /** When something runs next: "due now" once it has come. */
  due?: boolean;
}

export function RelativeTime({ iso, timeZone, now, past = false, due = false }: RelativeTimeProps) {
  return (
    <time dateTime={iso} title={formatWhen(iso, timeZone)}>
      {formatShortAge(iso, now, { past, due })}
    </time>
  );
}

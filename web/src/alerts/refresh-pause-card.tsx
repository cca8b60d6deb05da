import { formatWhen } from '../dashboard/format-when.js';
import { formatShortAge } from '../products/format-times.js';
import { useNow } from '../products/use-now.js';
import { CHECK_ROUTE, fixHref, pausedFor } from './pause-text.js';
import { useRefreshPauses } from './refresh-pauses-context.js';

/** The dashboard's alert: each paused credential with its cause code, since when, and the fix. Nothing while none is paused. */
export function RefreshPauseCard({ timeZone }: { timeZone: string }) {
  const { pauses } = useRefreshPauses();
  const now = useNow();
  if (pauses.length === 0) return null;
  return (
    <section className="postbox alert-card" aria-labelledby="refresh-pause-card-title">
      <h2 className="postbox-title" id="refresh-pause-card-title">
        Product refreshes paused
      </h2>
      <div className="inside">
        <ul className="alert-list">
          {pauses.map((pause) => (
            <li key={pause.credentialKey} className="alert-item">
              <p className="alert-title">
                <strong>{pausedFor(pause)}</strong> <code className="cause-code">{pause.cause}</code>
              </p>
              <p className="activity-meta">
                Paused since <time dateTime={pause.pausedAt}>{formatWhen(pause.pausedAt, timeZone)}</time> ({formatShortAge(pause.pausedAt, now, { past: true })})
              </p>
              <p>{pause.message}</p>
              <p className="check-fix">
                <strong>Fix:</strong> {pause.fix}
              </p>
              <p className="alert-actions">
                <a className="button button-primary" href={fixHref(pause.fixPath)}>
                  Fix it
                </a>{' '}
                <a className="button" href={CHECK_ROUTE}>
                  Check API Connections
                </a>
              </p>
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}

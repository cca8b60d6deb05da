import type { IntegrationStatus } from '../api/integration-check-types.js';
import { formatAge } from '../checks/format-age.js';
import { StatusPill } from '../checks/status-pill.js';
import { hrefFor } from '../routing/hash-route.js';
import { formatWhen } from './format-when.js';

/** One integration on the dashboard: its last check, how old it is, and whether the settings moved on since. */
export function IntegrationStatusRow({ integration, timeZone }: { integration: IntegrationStatus; timeZone: string }) {
  const { label, settingsRoute, configured, last, stale } = integration;
  return (
    <li className={`integration-row is-${configured ? (last?.status ?? 'unchecked') : 'not-set-up'}`}>
      <p className="integration-head">
        <a className="integration-name" href={hrefFor(settingsRoute)}>
          {label}
        </a>
        {!configured ? <span className="badge">Not set up</span> : last ? <StatusPill status={last.status} /> : <span className="badge">Never checked</span>}
      </p>
      {!configured ? (
        <p className="integration-summary">
          Nothing to check yet. <a href={hrefFor(settingsRoute)}>Set up {label}</a>
        </p>
      ) : (
        last && <p className="integration-summary">{last.summary}</p>
      )}
      {configured && (
        <p className="activity-meta">
          {last ? (
            <>
              Checked{' '}
              <time dateTime={last.finishedAt} title={formatWhen(last.finishedAt, timeZone)}>
                {formatAge(last.finishedAt)}
              </time>{' '}
              by {last.actor}
            </>
          ) : (
            'Never checked: open its settings and run the check, or click “Check all”.'
          )}
          {stale && (
            <>
              {' '}
              · <span className="badge badge-stale">Stale</span> settings changed since
            </>
          )}
        </p>
      )}
    </li>
  );
}

import type { IntegrationCheck } from '../api/integration-check-types.js';
import { formatWhen } from '../dashboard/format-when.js';
import { checkDetailEntries } from './check-detail-entries.js';
import { CheckDetailsList } from './check-details-list.js';
import { FindingFix } from './finding-fix.js';
import { formatAge } from './format-age.js';
import { StatusPill } from './status-pill.js';

interface IntegrationCheckResultProps {
  check: IntegrationCheck;
  /** The saved settings changed since the check ran. */
  stale: boolean;
  settingsRoute: string;
  timeZone: string;
  fieldLabel: (path: string) => string;
  onFocusField: (path: string) => void;
}

/** One OpenAI or Geolocation check: the outcome, when, how to fix it, what it learned, and any further findings. */
export function IntegrationCheckResult({ check, stale, settingsRoute, timeZone, fieldLabel, onFocusField }: IntegrationCheckResultProps) {
  const [outcome, ...more] = check.findings;
  const fix = { settingsRoute, fieldLabel, onFocusField };
  return (
    <div className={`check-result is-${check.status}`}>
      {outcome && (
        <p className="check-result-outcome">
          <StatusPill status={outcome.severity} /> <span className="check-message">{outcome.message}</span> <code className="cause-code">{outcome.cause}</code>
        </p>
      )}
      <p className="last-run">
        Checked{' '}
        <time dateTime={check.finishedAt} title={formatWhen(check.finishedAt, timeZone)}>
          {formatAge(check.finishedAt)}
        </time>{' '}
        by {check.actor}.
        {stale && (
          <span className="stale-mark">
            <span className="badge badge-stale">Stale</span> Settings changed since: check again.
          </span>
        )}
      </p>
      {outcome && outcome.severity !== 'ok' && <FindingFix finding={outcome} {...fix} />}
      <CheckDetailsList entries={checkDetailEntries(check.details, check.latencyMs)} label="What the check found" />
      {more.length > 0 && (
        <ul className="check-findings" aria-label="Further findings">
          {more.map((finding) => (
            <li key={finding.cause} className={`check-finding is-${finding.severity}`}>
              <p>
                <StatusPill status={finding.severity} /> <span className="check-message">{finding.message}</span> <code className="cause-code">{finding.cause}</code>
              </p>
              <FindingFix finding={finding} {...fix} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

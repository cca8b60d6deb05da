import { findMarketplace } from '../amazon/marketplace-options.js';
import { Notice } from '../components/notice.js';
import { formatWhen } from './format-when.js';
import { IntegrationStatusRow } from './integration-status-row.js';
import { ScheduledFailureNotice } from './scheduled-failure-notice.js';
import type { AmazonStatusLoad } from './use-amazon-status.js';
import type { IntegrationsOverviewState } from './use-integrations-overview.js';

const nameOf = (code: string) => findMarketplace(code)?.name ?? code.toUpperCase();

/** Amazon, OpenAI and Geolocation at a glance: each one's last check and its age, scheduled failures, and "Check all". */
export function IntegrationsCard({ overview, amazon, timeZone }: { overview: IntegrationsOverviewState; amazon: AmazonStatusLoad; timeZone: string }) {
  const { load, checking } = overview;
  if (load.status === 'loading') return <p className="loading">Loading the integrations…</p>;
  if (load.status === 'failed') {
    return (
      <Notice kind="error" className="inline">
        <p>The integrations could not be loaded: {load.message}</p>
      </Notice>
    );
  }
  const { integrations, schedule } = load.data;
  const newlyFailing = amazon.status === 'ready' ? amazon.summary.newlyFailing : [];
  return (
    <div className="integrations">
      {integrations.map((integration) => (
        <ScheduledFailureNotice key={integration.id} integration={integration} timeZone={timeZone} />
      ))}
      {newlyFailing.length > 0 && (
        <Notice kind="error" className="inline">
          <p>
            <strong>Started failing:</strong> {newlyFailing.map(nameOf).join(', ')}. These Amazon marketplaces worked in the check before.
          </p>
        </Notice>
      )}
      <ul className="integration-list">
        {integrations.map((integration) => (
          <IntegrationStatusRow key={integration.id} integration={integration} timeZone={timeZone} />
        ))}
      </ul>
      <p className="integrations-actions">
        <button type="button" className="button" onClick={() => void overview.checkAll()} disabled={checking} aria-disabled={checking}>
          {checking ? 'Checking…' : 'Check all'}
        </button>
        <span className="screen-reader-text" role="status">
          {checking ? 'Checking every integration that is set up…' : ''}
        </span>
      </p>
      {overview.error && (
        <Notice kind="error" className="inline">
          <p>{overview.error}</p>
        </Notice>
      )}
      <p className="activity-meta">
        {schedule.enabled && schedule.nextRunAt ? (
          <>
            Next automatic check: <time dateTime={schedule.nextRunAt}>{formatWhen(schedule.nextRunAt, timeZone)}</time>
          </>
        ) : (
          'The daily automatic check is off.'
        )}
      </p>
    </div>
  );
}

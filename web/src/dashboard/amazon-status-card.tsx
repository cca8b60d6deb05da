import { findMarketplace } from '../amazon/marketplace-options.js';
import { StatusPill } from '../checks/status-pill.js';
import { Notice } from '../components/notice.js';
import { hrefFor } from '../routing/hash-route.js';
import { formatWhen } from './format-when.js';
import type { AmazonStatusLoad } from './use-amazon-status.js';

const nameOf = (code: string) => findMarketplace(code)?.name ?? code.toUpperCase();

/** The dashboard's view of the last Amazon connection check, and a warning when a marketplace started failing. */
export function AmazonStatusCard({ load, timeZone }: { load: AmazonStatusLoad; timeZone: string }) {
  if (load.status === 'loading') return <p className="loading">Loading the Amazon status…</p>;
  if (load.status === 'failed') {
    return (
      <Notice kind="error" className="inline">
        <p>The Amazon status could not be loaded: {load.message}</p>
      </Notice>
    );
  }
  const { lastRun, stale, newlyFailing, schedule } = load.summary;
  const link = (
    <p className="amazon-status-link">
      <a href={hrefFor('/settings/amazon')}>{lastRun ? 'Open Settings → Amazon' : 'Set up Amazon and check the connection'}</a>
    </p>
  );
  if (!lastRun) {
    return (
      <div className="amazon-status">
        <p className="empty-state">No connection check has run yet.</p>
        {link}
      </div>
    );
  }
  const { summary } = lastRun;
  const overall = summary.error > 0 ? 'error' : summary.warning > 0 ? 'warning' : 'ok';
  return (
    <div className="amazon-status">
      {newlyFailing.length > 0 && (
        <Notice kind="error" className="inline">
          <p>
            <strong>Started failing:</strong> {newlyFailing.map(nameOf).join(', ')}. These marketplaces worked in the check before.
          </p>
        </Notice>
      )}
      <p className="amazon-status-summary">
        <StatusPill status={overall} /> <strong>{lastRun.summaryText}</strong>
      </p>
      <p className="activity-meta">
        Last check <time dateTime={lastRun.finishedAt}>{formatWhen(lastRun.finishedAt, timeZone)}</time> by {lastRun.actor}
        {stale && (
          <>
            {' '}
            · <span className="badge badge-stale">Stale</span> settings changed since
          </>
        )}
      </p>
      <p className="activity-meta">
        {schedule.enabled && schedule.nextRunAt ? (
          <>
            Next automatic check: <time dateTime={schedule.nextRunAt}>{formatWhen(schedule.nextRunAt, timeZone)}</time>
          </>
        ) : (
          'The daily automatic check is off.'
        )}
      </p>
      {link}
    </div>
  );
}

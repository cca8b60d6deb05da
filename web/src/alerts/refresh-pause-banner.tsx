import { Notice } from '../components/notice.js';
import { CHECK_ROUTE, fixHref, pausedFor } from './pause-text.js';
import { useRefreshPauses } from './refresh-pauses-context.js';

/** At the top of every screen while a credential's refreshes are paused; it cannot be dismissed, only fixed. */
export function RefreshPauseBanner() {
  const { pauses } = useRefreshPauses();
  if (pauses.length === 0) return null;
  return (
    <div className="admin-notices">
      {pauses.map((pause) => (
        <Notice key={pause.credentialKey} kind="error" className="refresh-pause">
          <p>
            <strong>Product refreshes are paused for {pausedFor(pause)}:</strong> {pause.message}
          </p>
          <p>{pause.fix}</p>
          <p className="refresh-pause-actions">
            <a className="button button-primary" href={fixHref(pause.fixPath)}>
              Fix it
            </a>{' '}
            <a className="button" href={CHECK_ROUTE}>
              Check API Connections
            </a>
          </p>
        </Notice>
      ))}
    </div>
  );
}

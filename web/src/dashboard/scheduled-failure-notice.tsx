import type { IntegrationStatus } from '../api/integration-check-types.js';
import { Notice } from '../components/notice.js';
import { hrefFor } from '../routing/hash-route.js';
import { formatWhen } from './format-when.js';

/** The daily re-check found a failure nobody was there to see: said at the top of the overview until a check passes. */
export function ScheduledFailureNotice({ integration, timeZone }: { integration: IntegrationStatus; timeZone: string }) {
  const failure = integration.scheduledFailure;
  if (!failure) return null;
  return (
    <Notice kind="warning" className="inline scheduled-failure">
      <p>
        The scheduled re-check on <time dateTime={failure.finishedAt}>{formatWhen(failure.finishedAt, timeZone)}</time> found a problem with{' '}
        <strong>{integration.label}</strong>: {failure.summary} <a href={hrefFor(integration.settingsRoute)}>Open Settings → {integration.label}</a>
      </p>
    </Notice>
  );
}

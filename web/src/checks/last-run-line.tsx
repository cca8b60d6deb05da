import type { LatestCheck } from '../api/check-types.js';
import { formatWhen } from '../dashboard/format-when.js';
import { CHANGED_PART_LABELS, MODE_LABELS } from './check-labels.js';

/** When the shown run was made, by whom and in which mode, and whether the settings moved on since. */
export function LastRunLine({ latest, timeZone }: { latest: LatestCheck; timeZone: string }) {
  const { run } = latest;
  if (!run) return null;
  const changed = latest.changed.map((part) => CHANGED_PART_LABELS[part] ?? part).join(', ');
  return (
    <p className="last-run">
      Last check: <time dateTime={run.finishedAt}>{formatWhen(run.finishedAt, timeZone)}</time> by {run.actor}, {MODE_LABELS[run.mode] ?? run.mode} mode.
      {latest.stale && (
        <span className="stale-mark">
          <span className="badge badge-stale">Stale</span> Settings changed since{changed ? ` (${changed})` : ''}: run the check again.
        </span>
      )}
    </p>
  );
}

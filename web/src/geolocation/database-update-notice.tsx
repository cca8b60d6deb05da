import type { DatabaseUpdateView } from '../api/geolocation-types.js';
import { FindingFix } from '../checks/finding-fix.js';
import { formatDay } from '../checks/format-day.js';
import { Notice } from '../components/notice.js';

interface DatabaseUpdateNoticeProps {
  update: DatabaseUpdateView;
  fieldLabel: (path: string) => string;
  onFocusField: (path: string) => void;
  onDismiss: () => void;
}

/** What "Download now" did: a new file, the same file again, or why the old file was kept. */
export function DatabaseUpdateNotice({ update, fieldLabel, onFocusField, onDismiss }: DatabaseUpdateNoticeProps) {
  if (update.outcome === 'failed') {
    return (
      <Notice kind="error" className="inline" onDismiss={onDismiss}>
        <p>
          <strong>The download failed; the previous file was kept.</strong> {update.finding.message}
        </p>
        <FindingFix finding={update.finding} settingsRoute="/settings/geolocation" fieldLabel={fieldLabel} onFocusField={onFocusField} />
      </Notice>
    );
  }
  const built = update.buildDate ? `, built ${formatDay(update.buildDate)}` : '';
  return (
    <Notice kind={update.outcome === 'updated' ? 'success' : 'info'} className="inline" onDismiss={onDismiss}>
      <p>
        <strong>{update.outcome === 'updated' ? 'Database updated' : 'The database was already current'}:</strong> {update.edition}
        {built}.
      </p>
    </Notice>
  );
}

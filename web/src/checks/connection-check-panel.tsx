import { useEffect, useState } from 'react';
import { Notice } from '../components/notice.js';
import { fieldText } from '../site/field-text.js';
import { useGeneralSettings } from '../site/general-settings-context.js';
import { CheckStatusTable } from './check-status-table.js';
import { LastRunLine } from './last-run-line.js';
import { ReportLinks } from './report-links.js';
import { UnsavedChangesPrompt } from './unsaved-changes-prompt.js';
import { useConnectionCheck } from './use-connection-check.js';

interface ConnectionCheckPanelProps {
  /** The form differs from the saved settings, which are what the check reads. */
  dirty: boolean;
  saving: boolean;
  /** Saves the form; false when the save was refused (the form shows why). */
  save: () => Promise<boolean>;
  /** Changes after every save, so the last run's stale mark is asked for again. */
  savedCount: number;
  fieldLabel: (path: string) => string;
  onFocusField: (path: string) => void;
}

/** "Check API Connections": the button, the last or running check's status table, its summary and exports. */
export function ConnectionCheckPanel({ dirty, saving, save, savedCount, fieldLabel, onFocusField }: ConnectionCheckPanelProps) {
  const check = useConnectionCheck();
  const { general } = useGeneralSettings();
  const [asking, setAsking] = useState(false);
  const { refresh } = check;

  useEffect(() => {
    if (savedCount > 0) refresh();
  }, [savedCount, refresh]);

  const begin = () => {
    if (dirty) setAsking(true);
    else void check.start();
  };
  const saveAndCheck = async () => {
    if (await save()) {
      setAsking(false);
      await check.start();
    } else {
      setAsking(false);
    }
  };

  const { live, latest } = check;
  const run = live ? null : latest?.run;
  const rows = live ? live.rows : (run?.rows ?? []);
  const pending = live && check.running ? Math.max(0, live.total - live.rows.length) : 0;
  const progress = check.running ? (live && live.total ? `Checked ${live.rows.length} of ${live.total} marketplaces…` : 'Starting the check…') : '';

  return (
    <section className="check-panel" aria-labelledby="check-panel-title">
      <h2 id="check-panel-title">Connection status</h2>
      <p className="description">
        Asks Amazon, marketplace by marketplace, whether the saved mode, credentials and partner tags really work — before you publish links that rely on them.
      </p>
      <div className="check-actions">
        <button type="button" className="button button-primary" onClick={begin} disabled={check.running || asking} aria-disabled={check.running || asking}>
          {check.running ? 'Checking…' : 'Check API Connections'}
        </button>
        {run && !check.running && <ReportLinks runId={run.id} />}
      </div>
      {asking && (
        <UnsavedChangesPrompt
          saving={saving}
          onSaveAndCheck={() => void saveAndCheck()}
          onCheckSaved={() => {
            setAsking(false);
            void check.start();
          }}
          onCancel={() => setAsking(false)}
        />
      )}
      <p className="screen-reader-text" role="status">
        {progress || (run && !check.loading ? run.summaryText : '')}
      </p>
      {check.error && (
        <Notice kind="error" className="inline">
          <p>{check.error}</p>
        </Notice>
      )}
      {latest && run && <LastRunLine latest={latest} timeZone={fieldText(general, 'timeZone')} />}
      {run && check.reused && (
        <p className="description">The settings are the same as in a check less than a minute ago, so that check’s result is shown instead of asking Amazon again.</p>
      )}
      {!check.loading && !live && !run && !check.error && (
        <p className="empty-state">No check has run yet. Save your settings, then click “Check API Connections”.</p>
      )}
      {(live || run) && rows.length + pending > 0 && <CheckStatusTable rows={rows} pending={pending} fieldLabel={fieldLabel} onFocusField={onFocusField} />}
      {live && check.running && rows.length === 0 && live.total === 0 && <p className="loading">Starting the check…</p>}
      {run && !check.running && (
        <p className={`check-summary is-${run.summary.error ? 'error' : run.summary.warning ? 'warning' : 'ok'}`}>
          <strong>{run.summaryText}</strong>
        </p>
      )}
    </section>
  );
}

import { useId, useState } from 'react';
import type { IntegrationId } from '../api/integration-check-types.js';
import { Notice } from '../components/notice.js';
import type { SettingsFormState } from '../settings/use-settings-form.js';
import { fieldText } from '../site/field-text.js';
import { useGeneralSettings } from '../site/general-settings-context.js';
import { IntegrationCheckResult } from './integration-check-result.js';
import { UnsavedChangesPrompt } from './unsaved-changes-prompt.js';
import { useIntegrationCheck } from './use-integration-check.js';

interface IntegrationCheckPanelProps {
  integration: IntegrationId;
  title: string;
  description: string;
  buttonLabel: string;
  /** The settings form on the same screen: the check reads what it saved, and fix links focus its fields. */
  form: SettingsFormState;
  /** After a check ran (OpenAI's usage grows by the check's tokens). */
  onChecked?: () => void;
}

/** "Check OpenAI Connection" / "Check Geolocation": the button, and the latest result with its age and fixes. */
export function IntegrationCheckPanel({ integration, title, description, buttonLabel, form, onChecked }: IntegrationCheckPanelProps) {
  const headingId = useId();
  const check = useIntegrationCheck(integration, form.savedCount);
  const { general } = useGeneralSettings();
  const [asking, setAsking] = useState(false);
  const settingsRoute = `/settings/${form.section.id}`;

  const start = async () => {
    if (await check.run()) onChecked?.();
  };
  const begin = () => {
    if (form.dirty) setAsking(true);
    else void start();
  };
  const saveAndCheck = async () => {
    const saved = await form.save();
    setAsking(false);
    if (saved) await start();
  };

  const { latest } = check;
  const shown = latest.status === 'ready' ? latest.data : null;
  return (
    <section className="check-panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{title}</h2>
      <p className="description">{description}</p>
      <div className="check-actions">
        <button type="button" className="button button-primary" onClick={begin} disabled={check.running || asking} aria-disabled={check.running || asking}>
          {check.running ? 'Checking…' : buttonLabel}
        </button>
        {form.dirty && !asking && <span className="unsaved-note">The form has unsaved changes: the check uses the saved settings.</span>}
      </div>
      {asking && (
        <UnsavedChangesPrompt
          saving={form.saving}
          onSaveAndCheck={() => void saveAndCheck()}
          onCheckSaved={() => {
            setAsking(false);
            void start();
          }}
          onCancel={() => setAsking(false)}
        />
      )}
      <p className="screen-reader-text" role="status">
        {check.running ? 'Checking…' : (shown?.check?.findings[0]?.message ?? '')}
      </p>
      {check.error && (
        <Notice kind="error" className="inline">
          <p>{check.error}</p>
        </Notice>
      )}
      {latest.status === 'loading' && <p className="loading">Loading the last check…</p>}
      {latest.status === 'failed' && (
        <Notice kind="error" className="inline">
          <p>The last check could not be loaded: {latest.message}</p>
        </Notice>
      )}
      {shown && !shown.check && !check.running && <p className="empty-state">No check has run yet. Save your settings, then click “{buttonLabel}”.</p>}
      {shown?.check && (
        <IntegrationCheckResult
          check={shown.check}
          stale={shown.stale}
          settingsRoute={settingsRoute}
          timeZone={fieldText(general, 'timeZone')}
          fieldLabel={(path) => form.section.fields[path]?.label ?? path}
          onFocusField={form.focus}
        />
      )}
    </section>
  );
}

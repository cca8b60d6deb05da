import { useId, useState } from 'react';
import type { DatabaseUpdateView, GeoDatabaseView } from '../api/geolocation-types.js';
import { CheckDetailsList } from '../checks/check-details-list.js';
import { FindingFix } from '../checks/finding-fix.js';
import { Notice } from '../components/notice.js';
import { useApiResource } from '../session/use-api-resource.js';
import { useEngineApi } from '../session/use-engine-api.js';
import type { SettingsFormState } from '../settings/use-settings-form.js';
import { fieldText } from '../site/field-text.js';
import { useGeneralSettings } from '../site/general-settings-context.js';
import { databaseEntries } from './database-entries.js';
import { DatabaseUpdateNotice } from './database-update-notice.js';

/** "Database": the MaxMind file in use, its age and updates, and "Download now". */
export function GeoDatabasePanel({ form }: { form: SettingsFormState }) {
  const headingId = useId();
  const api = useEngineApi();
  const { general } = useGeneralSettings();
  const [downloads, setDownloads] = useState(0);
  const { load } = useApiResource<GeoDatabaseView>('geolocation/database', form.savedCount + downloads);
  const [downloading, setDownloading] = useState(false);
  const [update, setUpdate] = useState<DatabaseUpdateView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const fieldLabel = (path: string) => form.section.fields[path]?.label ?? path;

  const download = async () => {
    setDownloading(true);
    setError(null);
    setUpdate(null);
    try {
      setUpdate(await api<DatabaseUpdateView>('geolocation/database/update', { method: 'POST' }));
      setDownloads((n) => n + 1);
    } catch (failure) {
      setError(`The download could not start: ${failure instanceof Error ? failure.message : String(failure)}`);
    } finally {
      setDownloading(false);
    }
  };

  const database = load.status === 'ready' ? load.data : null;
  return (
    <section className="check-panel" aria-labelledby={headingId}>
      <h2 id={headingId}>Database</h2>
      {load.status === 'loading' && <p className="loading">Loading the database details…</p>}
      {load.status === 'failed' && (
        <Notice kind="error" className="inline">
          <p>The database details could not be loaded: {load.message}</p>
        </Notice>
      )}
      {database && (
        <>
          <p className="description">
            {database.source === 'web_service'
              ? 'The MaxMind web service answers lookups now; this file is only used if you switch Source back to a database file.'
              : 'The MaxMind file every visitor lookup reads.'}
          </p>
          {database.problem && (
            <Notice kind={database.problem.severity === 'error' ? 'error' : 'warning'} className="inline">
              <p>
                <strong>{database.problem.message}</strong>
              </p>
              <FindingFix finding={database.problem} settingsRoute="/settings/geolocation" fieldLabel={fieldLabel} onFocusField={form.focus} />
            </Notice>
          )}
          <CheckDetailsList label="Database details" entries={databaseEntries(database, fieldText(general, 'timeZone'))} />
          <div className="check-actions">
            <button type="button" className="button" onClick={() => void download()} disabled={!database.canDownload || downloading} aria-describedby={`${headingId}-download`}>
              {downloading ? 'Downloading…' : 'Download now'}
            </button>
            <span className="description" id={`${headingId}-download`}>
              {database.canDownload
                ? 'Downloads the chosen edition, checks it, and only then replaces the file.'
                : 'Needs a saved MaxMind Account ID and License Key.'}
            </span>
          </div>
        </>
      )}
      {error && (
        <Notice kind="error" className="inline">
          <p>{error}</p>
        </Notice>
      )}
      {update && <DatabaseUpdateNotice update={update} fieldLabel={fieldLabel} onFocusField={form.focus} onDismiss={() => setUpdate(null)} />}
    </section>
  );
}

import { useEffect, useRef, type FormEvent } from 'react';
import { Notice } from '../components/notice.js';
import { CountryMapSettingRow } from './country-map-setting-row.js';
import { fieldInputId } from './form-section.js';
import { labelForPath } from './label-for-path.js';
import { SaveProblemsBanner } from './save-problems-banner.js';
import { SettingRow } from './setting-row.js';
import type { SettingsFormState } from './use-settings-form.js';

/** Any settings section as a WordPress form table, driven by the shared section declaration. */
export function SettingsForm({ form }: { form: SettingsFormState }) {
  const { section, view, drafts, outcome } = form;
  const bannerRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (outcome?.kind === 'refused') bannerRef.current?.focus();
  }, [outcome]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void form.save();
  };

  return (
    <form className="settings-form" onSubmit={submit} noValidate aria-label={`${section.title} settings`}>
      {outcome?.kind === 'saved' && (
        <Notice kind="success" onDismiss={form.dismissOutcome}>
          <p>
            <strong>Settings saved.</strong>
          </p>
        </Notice>
      )}
      {outcome?.kind === 'refused' && (
        <SaveProblemsBanner
          ref={bannerRef}
          sectionId={section.id}
          message={outcome.message}
          labelFor={(path) => labelForPath(section, drafts, path)}
          problems={outcome.problems}
          onFocusField={form.focus}
          onDismiss={form.dismissOutcome}
        />
      )}
      <table className="form-table" role="presentation">
        <tbody>
          {Object.keys(section.fields).map((key) => {
            const field = section.fields[key];
            const fieldView = view.fields[key];
            const draft = drafts[key] ?? '';
            if (!field || !fieldView) return null;
            if (typeof draft !== 'string') return <CountryMapSettingRow key={key} form={form} fieldKey={key} rows={draft} />;
            return (
              <SettingRow
                key={key}
                id={fieldInputId(section.id, key)}
                field={field}
                view={fieldView}
                draft={draft}
                secretDraft={form.secretDrafts[key]}
                error={form.errors[key]}
                warning={form.warnings[key]}
                savedCount={form.savedCount}
                onDraft={(value) => form.changeDraft(key, value)}
                onSecretDraft={(value) => form.changeSecretDraft(key, value)}
                onBlur={() => form.leave(key)}
              />
            );
          })}
        </tbody>
      </table>
      <p className="submit">
        <button type="submit" className="button button-primary" disabled={form.saving} aria-disabled={form.saving}>
          {form.saving ? 'Saving…' : 'Save Changes'}
        </button>
        {form.dirty && !form.saving && <span className="unsaved-mark">Unsaved changes</span>}
      </p>
    </form>
  );
}

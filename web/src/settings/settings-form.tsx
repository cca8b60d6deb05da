import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ApiError } from '../api/api-error.js';
import type { FieldProblem, SavedSectionView, SectionView } from '../api/types.js';
import { Notice } from '../components/notice.js';
import { useEngineApi } from '../session/use-engine-api.js';
import { checkFieldValue } from './check-field-value.js';
import { draftsFromView } from './drafts-from-view.js';
import { focusField } from './focus-field.js';
import { fieldInputId, type FormSection } from './form-section.js';
import { SaveProblemsBanner } from './save-problems-banner.js';
import { SettingRow } from './setting-row.js';
import { valuesToSave } from './values-to-save.js';

interface SettingsFormProps {
  section: FormSection;
  view: SectionView;
  /** From `?focus=<key>`: help links point straight at the field to change. */
  focusKey: string | null;
  onSaved?: (view: SectionView) => void;
}

type Outcome = { kind: 'saved' } | { kind: 'refused'; message: string; problems: FieldProblem[] };

/** Any settings section as a WordPress form table, driven by the shared section declaration. */
export function SettingsForm({ section, view: loadedView, focusKey, onSaved }: SettingsFormProps) {
  const api = useEngineApi();
  const [view, setView] = useState(loadedView);
  const [drafts, setDrafts] = useState(() => draftsFromView(section, loadedView));
  const [secretDrafts, setSecretDrafts] = useState<Record<string, string | undefined>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [saving, setSaving] = useState(false);
  const bannerRef = useRef<HTMLDivElement>(null);

  const keys = Object.keys(section.fields).filter((key) => view.fields[key]);
  const editable = (key: string) => view.fields[key]?.locked === false;

  useEffect(() => {
    if (focusKey) focusField(fieldInputId(section.id, focusKey));
  }, [focusKey, section.id]);

  useEffect(() => {
    if (outcome?.kind === 'refused') bannerRef.current?.focus();
  }, [outcome]);

  const problemOf = (key: string, draft: string, secretDraft: string | undefined): string | undefined => {
    const field = section.fields[key];
    if (!field || !editable(key)) return undefined;
    if (view.fields[key]?.secret) return secretDraft ? checkFieldValue(field, secretDraft) : undefined;
    return checkFieldValue(field, draft);
  };

  const setError = (key: string, message: string | undefined) =>
    setErrors((current) => {
      const next = { ...current };
      if (message) next[key] = message;
      else delete next[key];
      return next;
    });

  const changeDraft = (key: string, value: string) => {
    setDrafts((current) => ({ ...current, [key]: value }));
    // Once a field shows an error, it clears as soon as the value is fixed.
    if (errors[key]) setError(key, problemOf(key, value, undefined));
  };

  const changeSecretDraft = (key: string, value: string | undefined) => {
    setSecretDrafts((current) => ({ ...current, [key]: value }));
    if (errors[key]) setError(key, problemOf(key, '', value));
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const problems = keys.flatMap((key) => {
      const message = problemOf(key, drafts[key] ?? '', secretDrafts[key]);
      return message ? [{ field: key, message }] : [];
    });
    setErrors(Object.fromEntries(problems.map((p) => [p.field, p.message])));
    if (problems.length) {
      setOutcome({ kind: 'refused', message: `${section.title} settings were not saved: ${problems.length} problem${problems.length > 1 ? 's' : ''} to fix.`, problems });
      return;
    }
    setSaving(true);
    setOutcome(null);
    try {
      const saved = await api<SavedSectionView>(`settings/${section.id}`, {
        method: 'PUT',
        body: { values: valuesToSave(section, view, drafts, secretDrafts) },
      });
      setView(saved);
      setDrafts(draftsFromView(section, saved));
      setSecretDrafts({});
      setOutcome({ kind: 'saved' });
      onSaved?.(saved);
    } catch (failure) {
      const apiError = failure instanceof ApiError ? failure : new ApiError(0, { code: 'unexpected', message: String(failure) });
      setErrors(Object.fromEntries(apiError.fields.filter((p) => section.fields[p.field]).map((p) => [p.field, p.message])));
      setOutcome({ kind: 'refused', message: apiError.message, problems: apiError.fields });
    } finally {
      setSaving(false);
    }
  };

  return (
    <form className="settings-form" onSubmit={(event) => void save(event)} noValidate>
      {outcome?.kind === 'saved' && (
        <Notice kind="success" onDismiss={() => setOutcome(null)}>
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
          labelFor={(key) => section.fields[key]?.label}
          problems={outcome.problems}
          onFocusField={(key) => focusField(fieldInputId(section.id, key))}
          onDismiss={() => setOutcome(null)}
        />
      )}
      <table className="form-table" role="presentation">
        <tbody>
          {keys.map((key) => {
            const field = section.fields[key];
            const fieldView = view.fields[key];
            if (!field || !fieldView) return null;
            return (
              <SettingRow
                key={key}
                id={fieldInputId(section.id, key)}
                field={field}
                view={fieldView}
                draft={drafts[key] ?? ''}
                secretDraft={secretDrafts[key]}
                error={errors[key]}
                onDraft={(value) => changeDraft(key, value)}
                onSecretDraft={(value) => changeSecretDraft(key, value)}
                onBlur={() => setError(key, problemOf(key, drafts[key] ?? '', secretDrafts[key]))}
              />
            );
          })}
        </tbody>
      </table>
      <p className="submit">
        <button type="submit" className="button button-primary" disabled={saving} aria-disabled={saving}>
          {saving ? 'Saving…' : 'Save Changes'}
        </button>
      </p>
    </form>
  );
}

import { useCallback, useEffect, useMemo, useState } from 'react';
import { ApiError } from '../api/api-error.js';
import type { FieldProblem, SavedSectionView, SectionView } from '../api/types.js';
import { useEngineApi } from '../session/use-engine-api.js';
import { checkFieldValue } from './check-field-value.js';
import { draftsFromView } from './drafts-from-view.js';
import { isSameDraft, type FieldDraft } from './field-draft.js';
import { focusField } from './focus-field.js';
import { fieldInputId, fieldKeyOf, type FormSection } from './form-section.js';
import { shiftListPaths } from './shift-list-paths.js';
import { valuesToSave } from './values-to-save.js';

export type SaveOutcome = { kind: 'saved' } | { kind: 'refused'; message: string; problems: FieldProblem[] };

export interface SettingsFormState {
  section: FormSection;
  view: SectionView;
  drafts: Record<string, FieldDraft>;
  /** `undefined` keeps the stored secret; a string (once "Replace" was chosen) is the new value. */
  secretDrafts: Record<string, string | undefined>;
  /** By field path: `apiKey`, or `visitorMarketplaces.3.country` inside a list. */
  errors: Record<string, string>;
  /** The engine's doubts about the saved values, for the fields still showing them. */
  warnings: Record<string, string>;
  outcome: SaveOutcome | null;
  saving: boolean;
  /** The form differs from the saved settings, which are what checks and lookups read. */
  dirty: boolean;
  /** Goes up after every save, so panels that show what the saved settings allow ask again. */
  savedCount: number;
  /** `path` names the part that changed, when it is inside a list (`visitorMarketplaces.2.country`). */
  changeDraft(key: string, value: FieldDraft, path?: string): void;
  removeListRow(key: string, rows: FieldDraft, removedIndex: number): void;
  changeSecretDraft(key: string, value: string | undefined): void;
  leave(key: string): void;
  save(): Promise<boolean>;
  focus(path: string): void;
  dismissOutcome(): void;
}

const count = (n: number) => `${n} problem${n === 1 ? '' : 's'}`;

/** Any settings section's form state, driven by the shared section declaration. */
export function useSettingsForm(section: FormSection, loadedView: SectionView, { focusKey, onSaved }: { focusKey: string | null; onSaved?: (view: SectionView) => void }): SettingsFormState {
  const api = useEngineApi();
  const [view, setView] = useState(loadedView);
  const [drafts, setDrafts] = useState(() => draftsFromView(section, loadedView));
  const [secretDrafts, setSecretDrafts] = useState<Record<string, string | undefined>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [outcome, setOutcome] = useState<SaveOutcome | null>(null);
  const [saving, setSaving] = useState(false);
  const [savedCount, setSavedCount] = useState(0);

  const keys = Object.keys(section.fields).filter((key) => view.fields[key]);
  const baseline = useMemo(() => draftsFromView(section, view), [section, view]);
  const changed = (key: string) => !isSameDraft(drafts[key], baseline[key]) || Boolean(secretDrafts[key]);
  const dirty = keys.some(changed);
  const warnings = Object.fromEntries((view.warnings ?? []).filter((w) => !changed(fieldKeyOf(w.field))).map((w) => [w.field, w.message]));

  const focus = useCallback(
    (path: string) => {
      // A path the form has no input for (a whole row) falls back to its field.
      if (!focusField(fieldInputId(section.id, path))) focusField(fieldInputId(section.id, fieldKeyOf(path)));
    },
    [section.id],
  );

  useEffect(() => {
    if (focusKey) focus(focusKey);
  }, [focusKey, focus]);

  const problemOf = (key: string, draft: FieldDraft, secretDraft: string | undefined): string | undefined => {
    const field = section.fields[key];
    if (!field || view.fields[key]?.locked !== false) return undefined;
    if (view.fields[key]?.secret) return secretDraft ? checkFieldValue(field, secretDraft) : undefined;
    return checkFieldValue(field, draft);
  };

  const setError = (path: string, message: string | undefined) =>
    setErrors((current) => {
      if (current[path] === message) return current;
      const next = { ...current };
      if (message) next[path] = message;
      else delete next[path];
      return next;
    });

  const changeDraft = (key: string, value: FieldDraft, path = key) => {
    setDrafts((current) => ({ ...current, [key]: value }));
    // The engine's complaint about a row was about its old value; a whole new list (Restore defaults) clears them all.
    if (path !== key) setError(path, undefined);
    else if (typeof value !== 'string') setErrors((current) => Object.fromEntries(Object.entries(current).filter(([p]) => !p.startsWith(`${key}.`))));
    // Once a field shows an error, it clears as soon as the value is fixed.
    if (errors[key]) setError(key, problemOf(key, value, undefined));
  };

  const removeListRow = (key: string, rows: FieldDraft, removedIndex: number) => {
    setDrafts((current) => ({ ...current, [key]: rows }));
    setErrors((current) => shiftListPaths(current, key, removedIndex));
  };

  const changeSecretDraft = (key: string, value: string | undefined) => {
    setSecretDrafts((current) => ({ ...current, [key]: value }));
    if (errors[key]) setError(key, problemOf(key, '', value));
  };

  const leave = (key: string) => setError(key, problemOf(key, drafts[key] ?? '', secretDrafts[key]));

  const save = async (): Promise<boolean> => {
    const problems = keys.flatMap((key) => {
      const message = problemOf(key, drafts[key] ?? '', secretDrafts[key]);
      return message ? [{ field: key, message }] : [];
    });
    setErrors(Object.fromEntries(problems.map((p) => [p.field, p.message])));
    if (problems.length) {
      setOutcome({ kind: 'refused', message: `${section.title} settings were not saved: ${count(problems.length)} to fix.`, problems });
      return false;
    }
    setSaving(true);
    setOutcome(null);
    try {
      const saved = await api<SavedSectionView>(`settings/${section.id}`, { method: 'PUT', body: { values: valuesToSave(section, view, drafts, secretDrafts) } });
      setView(saved);
      setDrafts(draftsFromView(section, saved));
      setSecretDrafts({});
      setOutcome({ kind: 'saved' });
      setSavedCount((n) => n + 1);
      onSaved?.(saved);
      return true;
    } catch (failure) {
      const apiError = failure instanceof ApiError ? failure : new ApiError(0, { code: 'unexpected', message: String(failure) });
      setErrors(Object.fromEntries(apiError.fields.filter((p) => section.fields[fieldKeyOf(p.field)]).map((p) => [p.field, p.message])));
      setOutcome({ kind: 'refused', message: apiError.message, problems: apiError.fields });
      return false;
    } finally {
      setSaving(false);
    }
  };

  return {
    section,
    view,
    drafts,
    secretDrafts,
    errors,
    warnings,
    outcome,
    saving,
    dirty,
    savedCount,
    changeDraft,
    removeListRow,
    changeSecretDraft,
    leave,
    save,
    focus,
    dismissOutcome: () => setOutcome(null),
  };
}

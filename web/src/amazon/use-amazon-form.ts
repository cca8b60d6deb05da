import { useCallback, useEffect, useMemo, useState } from 'react';
import { ApiError } from '../api/api-error.js';
import type { FieldProblem, SavedSectionView, SectionView } from '../api/types.js';
import { useEngineApi } from '../session/use-engine-api.js';
import { focusField } from '../settings/focus-field.js';
import { shiftListPaths } from '../settings/shift-list-paths.js';
import type { AmazonDraft } from './amazon-draft.js';
import { amazonDraftFromView } from './amazon-draft-from-view.js';
import { withoutRow } from './amazon-draft-edits.js';
import { amazonInputId, rowIndexOf } from './amazon-field-paths.js';
import { changedAmazonValues } from './amazon-values-to-save.js';
import { checkAmazonDraft, type FieldMessages } from './check-amazon-draft.js';

export type SaveOutcome = { kind: 'saved' } | { kind: 'refused'; message: string; problems: FieldProblem[] };

export interface AmazonForm {
  view: SectionView;
  draft: AmazonDraft;
  /** Errors to show now: the engine's, and the page's own once a field was left or a save tried. */
  errors: FieldMessages;
  warnings: FieldMessages;
  outcome: SaveOutcome | null;
  saving: boolean;
  /** The form differs from what the engine holds. */
  dirty: boolean;
  edit(change: (draft: AmazonDraft) => AmazonDraft, path: string): void;
  touch(path: string): void;
  removeRow(index: number): void;
  save(): Promise<boolean>;
  dismissOutcome(): void;
  focus(path: string): void;
}

const count = (n: number) => `${n} problem${n === 1 ? '' : 's'}`;

/** The state of the Settings → Amazon form: its draft, what is wrong with it, and saving it. */
export function useAmazonForm(loadedView: SectionView, onSaved: (view: SectionView) => void): AmazonForm {
  const api = useEngineApi();
  const [view, setView] = useState(loadedView);
  const [draft, setDraft] = useState(() => amazonDraftFromView(loadedView));
  const [touched, setTouched] = useState<Record<string, true>>({});
  const [showAll, setShowAll] = useState(false);
  const [serverErrors, setServerErrors] = useState<FieldMessages>({});
  const [outcome, setOutcome] = useState<SaveOutcome | null>(null);
  const [saving, setSaving] = useState(false);
  const [pendingFocus, setPendingFocus] = useState<string | null>(null);

  const baseline = useMemo(() => amazonDraftFromView(view), [view]);
  const changes = useMemo(() => changedAmazonValues(view, draft, baseline), [view, draft, baseline]);
  const dirty = Object.keys(changes).length > 0;
  const checked = useMemo(() => checkAmazonDraft(view, draft), [view, draft]);
  // The engine's own doubts about the saved values, where the page has none of its own to show.
  const warnings = useMemo(() => {
    const merged = { ...checked.warnings };
    if (!dirty) for (const warning of view.warnings ?? []) merged[warning.field] ??= warning.message;
    return merged;
  }, [checked.warnings, dirty, view.warnings]);
  const errors = useMemo(() => {
    const shown: FieldMessages = {};
    for (const [path, message] of Object.entries(checked.errors)) if (showAll || touched[path]) shown[path] = message;
    return { ...shown, ...serverErrors };
  }, [checked.errors, showAll, touched, serverErrors]);

  // A field inside a closed "other credentials" disclosure exists only once the disclosure opened.
  useEffect(() => {
    if (!pendingFocus) return;
    // A path the form shows no input for (a whole row) falls back to the row's country.
    const index = rowIndexOf(pendingFocus);
    const candidates = [pendingFocus, ...(index === undefined ? [] : [`marketplaces.${index}.country`])];
    candidates.some((path) => focusField(amazonInputId(path)));
    setPendingFocus(null);
  }, [pendingFocus]);

  const focus = useCallback((path: string) => {
    const index = rowIndexOf(path);
    if (index !== undefined && path.includes('.credentials.')) {
      setDraft((current) => ({ ...current, rows: current.rows.map((row, i) => (i === index ? { ...row, credentialsOpen: true } : row)) }));
    }
    setPendingFocus(path);
  }, []);

  const edit = (change: (current: AmazonDraft) => AmazonDraft, path: string) => {
    setDraft(change);
    // The engine's complaint was about the old value; the page's own check takes over.
    setServerErrors((current) => {
      if (!(path in current)) return current;
      const next = { ...current };
      delete next[path];
      return next;
    });
  };

  const touch = (path: string) => setTouched((current) => (current[path] ? current : { ...current, [path]: true }));

  const removeRow = (index: number) => {
    setDraft((current) => withoutRow(current, index));
    setTouched((current) => shiftListPaths(current, 'marketplaces', index));
    setServerErrors((current) => shiftListPaths(current, 'marketplaces', index));
  };

  const save = async (): Promise<boolean> => {
    setShowAll(true);
    const problems = Object.entries(checked.errors).map(([field, message]) => ({ field, message }));
    if (problems.length) {
      setOutcome({ kind: 'refused', message: `Amazon settings were not saved: ${count(problems.length)} to fix.`, problems });
      return false;
    }
    setSaving(true);
    setOutcome(null);
    try {
      const saved = await api<SavedSectionView>('settings/amazon', { method: 'PUT', body: { values: changes } });
      setView(saved);
      // Row credentials the user had unfolded stay unfolded: the save should not move the page under them.
      const open = new Set(draft.rows.filter((row) => row.credentialsOpen).map((row) => row.country));
      const next = amazonDraftFromView(saved);
      setDraft({ ...next, rows: next.rows.map((row) => ({ ...row, credentialsOpen: open.has(row.country) })) });
      setTouched({});
      setShowAll(false);
      setServerErrors({});
      setOutcome({ kind: 'saved' });
      onSaved(saved);
      return true;
    } catch (failure) {
      const apiError = failure instanceof ApiError ? failure : new ApiError(0, { code: 'unexpected', message: String(failure) });
      setServerErrors(Object.fromEntries(apiError.fields.map((p) => [p.field, p.message])));
      setOutcome({ kind: 'refused', message: apiError.message, problems: apiError.fields });
      return false;
    } finally {
      setSaving(false);
    }
  };

  return { view, draft, errors, warnings, outcome, saving, dirty, edit, touch, removeRow, save, dismissOutcome: () => setOutcome(null), focus };
}

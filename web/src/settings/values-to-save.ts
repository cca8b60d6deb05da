import type { SectionView } from '../api/types.js';
import { countryMapValue } from './country-map-rows.js';
import type { FieldDraft } from './field-draft.js';
import type { FormSection } from './form-section.js';

/**
 * The body of a save: every unlocked non-secret field (text, or a country map's list of rows), and
 * secrets only when a new value was typed. Locked fields are never sent: the configuration owns them.
 */
export function valuesToSave(
  section: FormSection,
  view: SectionView,
  drafts: Record<string, FieldDraft>,
  secretDrafts: Record<string, string | undefined>,
): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const key of Object.keys(section.fields)) {
    const fieldView = view.fields[key];
    if (!fieldView || fieldView.locked) continue;
    if (fieldView.secret) {
      const typed = secretDrafts[key];
      if (typed) values[key] = typed;
      continue;
    }
    const draft = drafts[key] ?? '';
    values[key] = typeof draft === 'string' ? draft : countryMapValue(draft);
  }
  return values;
}

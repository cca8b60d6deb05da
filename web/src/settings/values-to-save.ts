import type { SectionView } from '../api/types.js';
import type { FormSection } from './form-section.js';

/**
 * The body of a save: every unlocked non-secret field, and secrets only when a new value was typed.
 * Locked fields are never sent: the configuration owns them.
 */
export function valuesToSave(
  section: FormSection,
  view: SectionView,
  drafts: Record<string, string>,
  secretDrafts: Record<string, string | undefined>,
): Record<string, string> {
  const values: Record<string, string> = {};
  for (const key of Object.keys(section.fields)) {
    const fieldView = view.fields[key];
    if (!fieldView || fieldView.locked) continue;
    if (fieldView.secret) {
      const typed = secretDrafts[key];
      if (typed) values[key] = typed;
      continue;
    }
    values[key] = drafts[key] ?? '';
  }
  return values;
}

import type { SectionView } from '../api/types.js';
import { fieldText } from '../site/field-text.js';
import type { FormSection } from './form-section.js';

/** The editable text of every non-secret field, as the engine last described it. */
export function draftsFromView(section: FormSection, view: SectionView): Record<string, string> {
  return Object.fromEntries(Object.keys(section.fields).map((key) => [key, fieldText(view, key)]));
}

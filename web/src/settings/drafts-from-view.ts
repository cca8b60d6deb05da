import type { SectionView } from '../api/types.js';
import { fieldText } from '../site/field-text.js';
import { readCountryMapRows } from './country-map-rows.js';
import type { FieldDraft } from './field-draft.js';
import type { FormSection } from './form-section.js';

/** What the form starts from: the text of every non-secret field, the rows of a country map, as the engine last described them. */
export function draftsFromView(section: FormSection, view: SectionView): Record<string, FieldDraft> {
  return Object.fromEntries(
    Object.entries(section.fields).map(([key, field]) => {
      const fieldView = view.fields[key];
      if (field.input !== 'country-map') return [key, fieldText(view, key)];
      return [key, readCountryMapRows(fieldView && !fieldView.secret ? fieldView.value : [])];
    }),
  );
}

import { countryMapValue } from './country-map-rows.js';
import type { FieldDraft } from './field-draft.js';
import type { FieldDefinition } from './form-section.js';

/** The field's own schema, as the engine applies it; the engine still has the last word (rules between rows, between fields). */
export function checkFieldValue(field: FieldDefinition, draft: FieldDraft): string | undefined {
  const parsed = field.schema.safeParse(typeof draft === 'string' ? draft : countryMapValue(draft));
  return parsed.success ? undefined : (parsed.error.issues[0]?.message ?? 'This value is not valid.');
}

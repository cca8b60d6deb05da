import { countryName } from './country-names.js';
import type { FieldDraft } from './field-draft.js';
import { fieldKeyOf, type FormSection } from './form-section.js';

const COUNTRY_MAP_COLUMNS: Record<string, string> = { country: 'Visitor country', marketplace: 'Amazon store' };

/**
 * How a field path is named in the error banner: the field's label, or for a row of a country map
 * "Visitor country → Amazon store, row 4 (Ireland): Visitor country". `undefined` for a path the form does not show.
 */
export function labelForPath(section: FormSection, drafts: Record<string, FieldDraft>, path: string): string | undefined {
  const key = fieldKeyOf(path);
  const field = section.fields[key];
  if (!field || path === key) return field?.label;
  const [index, column] = path.split('.').slice(1);
  const rows = drafts[key];
  const country = typeof rows === 'string' ? undefined : rows?.[Number(index)]?.country;
  const row = `${field.label}, row ${Number(index) + 1}${country ? ` (${countryName(country)})` : ''}`;
  return column ? `${row}: ${COUNTRY_MAP_COLUMNS[column] ?? column}` : row;
}

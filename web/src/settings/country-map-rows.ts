import type { CountryMapRowDraft } from './field-draft.js';

let lastKey = 0;
/** Keys for React only: they keep focus and input state on the right row when one is removed. */
const newKey = (): string => `map-row-${++lastKey}`;

export const newCountryMapRow = (country: string, marketplace: string): CountryMapRowDraft => ({ key: newKey(), country, marketplace });

/** The rows of a country-map value as the engine sends it; anything else in the list is skipped. */
export function readCountryMapRows(value: unknown): CountryMapRowDraft[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((row: unknown) => {
    if (!row || typeof row !== 'object') return [];
    const { country, marketplace } = row as Record<string, unknown>;
    return typeof country === 'string' && typeof marketplace === 'string' ? [newCountryMapRow(country, marketplace)] : [];
  });
}

/** The list the engine stores: the rows without their React keys. */
export const countryMapValue = (rows: readonly CountryMapRowDraft[]): Array<{ country: string; marketplace: string }> =>
  rows.map(({ country, marketplace }) => ({ country, marketplace }));

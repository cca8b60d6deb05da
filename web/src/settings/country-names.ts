import { COUNTRY_CODES } from '../../../src/domain/geo/country-codes.js';

const names = new Intl.DisplayNames(['en'], { type: 'region' });

/** "Ireland" for IE; the code itself when the browser knows no name for it. */
export function countryName(code: string): string {
  try {
    return names.of(code) ?? code;
  } catch {
    return code;
  }
}

/** Every country a visitor can come from, by name, for the country-map's selects. */
export const COUNTRY_NAME_OPTIONS: ReadonlyArray<{ code: string; name: string }> = COUNTRY_CODES.map((code) => ({ code, name: countryName(code) })).sort((a, b) =>
  a.name.localeCompare(b.name, 'en'),
);

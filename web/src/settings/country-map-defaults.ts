import { DEFAULT_VISITOR_MARKETPLACES } from '../../../src/domain/geo/default-visitor-marketplaces.js';
import { MARKETPLACES } from '../../../src/domain/marketplaces/catalogue.js';
import { newCountryMapRow } from './country-map-rows.js';
import type { CountryMapRowDraft } from './field-draft.js';

const DEFAULT_STORE = new Map(DEFAULT_VISITOR_MARKETPLACES.map((row) => [row.country, row.marketplace]));

/** The shipped map as fresh rows, for "Restore defaults". */
export const defaultCountryMapRows = (): CountryMapRowDraft[] => DEFAULT_VISITOR_MARKETPLACES.map((row) => newCountryMapRow(row.country, row.marketplace));

/** "amazon.de": the store as shoppers know it. */
export const storeDomain = (code: string): string => MARKETPLACES.find((m) => m.code === code)?.domain.replace(/^www\./, '') ?? code;

/** How a row compares with the shipped map: as shipped, another store than shipped, or a country the defaults do not list. */
export function compareWithDefault(row: Pick<CountryMapRowDraft, 'country' | 'marketplace'>): { changed: boolean; detail: string } {
  const shipped = DEFAULT_STORE.get(row.country);
  if (shipped === row.marketplace) return { changed: false, detail: 'as in the defaults' };
  return { changed: true, detail: shipped ? `the default is ${storeDomain(shipped)}` : 'not in the defaults' };
}

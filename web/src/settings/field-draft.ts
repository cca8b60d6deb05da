/** One row of a country-map field while it is edited; `key` is for React only and never sent. */
export interface CountryMapRowDraft {
  key: string;
  country: string;
  marketplace: string;
}

/** What the form holds for a field: the text of a scalar field, or the rows of a country map. */
export type FieldDraft = string | readonly CountryMapRowDraft[];

/** Whether two drafts hold the same values (row keys aside). */
export function isSameDraft(a: FieldDraft | undefined, b: FieldDraft | undefined): boolean {
  if (typeof a === 'string' || typeof b === 'string' || !a || !b) return a === b;
  return a.length === b.length && a.every((row, i) => row.country === b[i]?.country && row.marketplace === b[i]?.marketplace);
}

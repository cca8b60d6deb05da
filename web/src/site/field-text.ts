import type { SectionView } from '../api/types.js';

/** The shown text of a non-secret field of a section view; '' when absent or secret. */
export function fieldText(view: SectionView | null, key: string): string {
  const field = view?.fields[key];
  if (!field || field.secret) return '';
  const { value } = field;
  if (value === null || value === undefined) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** Keys whose PA-API spelling is more than a capital first letter (acronyms, plural acronyms). */
const SPECIAL: Readonly<Record<string, string>> = { asin: 'ASIN', url: 'URL', eans: 'EANs', isbns: 'ISBNs', upcs: 'UPCs' };

/** Creators camelCase → PA-API PascalCase, keys only (`detailPageURL` → `DetailPageURL`, `hiRes` → `HiRes`). */
export function pascalize(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(pascalize);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) out[pascalKey(key)] = pascalize(inner);
  return out;
}

export function pascalKey(key: string): string {
  return SPECIAL[key] ?? key.charAt(0).toUpperCase() + key.slice(1);
}

/** PA-API request field → our camelCase (`ASIN` → `asin`, `ItemIds` → `itemIds`). */
export function camelKey(key: string): string {
  const special = Object.entries(SPECIAL).find(([, pascal]) => pascal === key);
  return special ? special[0] : key.charAt(0).toLowerCase() + key.slice(1);
}

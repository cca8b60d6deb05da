/**
 * Rewrites a PA-API answer (PascalCase) into the Creators API's camelCase, so one item mapper
 * serves both clients. Only keys change, never values (URLs, display strings stay as sent).
 * Keys that are an acronym, alone or plural (`ASIN`, `URL`, `EANs`), become all lower case, as
 * the Creators API spells them; everything else loses only its first capital (`ParentASIN` →
 * `parentASIN`, `HiRes` → `hiRes`). `__type` is left alone.
 */
export function camelizePaapi(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(camelizePaapi);
  if (value === null || typeof value !== 'object') return value;
  const result: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) result[camelizeKey(key)] = camelizePaapi(inner);
  return result;
}

export function camelizeKey(key: string): string {
  if (key.startsWith('_')) return key;
  if (/^[A-Z0-9]+s?$/.test(key)) return key.toLowerCase();
  return key.charAt(0).toLowerCase() + key.slice(1);
}

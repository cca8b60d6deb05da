import { createHash } from 'node:crypto';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * What a check result depends on, hashed: the result is stale once any of these values changes.
 * Secrets enter only as their own hash, so the stored fingerprint never holds one.
 */
export function fingerprintSettings(values: Record<string, unknown>, secretKeys: readonly string[]): string {
  const entries = Object.keys(values)
    .sort()
    .map((key) => {
      const value = values[key];
      return [key, secretKeys.includes(key) && typeof value === 'string' && value ? sha256(`passivewp:fingerprint:${value}`) : value];
    });
  return sha256(JSON.stringify(entries));
}

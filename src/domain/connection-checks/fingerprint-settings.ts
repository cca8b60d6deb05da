import { createHash } from 'node:crypto';

export const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** A secret enters a fingerprint only as its own hash, so a stored fingerprint never holds one. */
export const hashSecret = (value: unknown): string => (typeof value === 'string' && value ? sha256(`passivewp:fingerprint:${value}`) : '');

/**
 * What a check result depends on, hashed: the result is stale once any of these values changes.
 */
export function fingerprintSettings(values: Record<string, unknown>, secretKeys: readonly string[]): string {
  const entries = Object.keys(values)
    .sort()
    .map((key) => {
      const value = values[key];
      return [key, secretKeys.includes(key) ? hashSecret(value) : value];
    });
  return sha256(JSON.stringify(entries));
}

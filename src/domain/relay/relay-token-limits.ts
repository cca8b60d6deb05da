import { z } from 'zod';

/**
 * What one relay token may ask of this engine. Requests per minute protect the engine itself; the
 * daily share protects the owner's Amazon quota, which every relay request spends: no single
 * client engine can use it all. Tokens issued without limits get the defaults.
 */
export const DEFAULT_RELAY_LIMITS = { perMinute: 60, dailyShare: '25%' } as const;

const SHARE = /^(?:(\d{1,3})%|(\d{1,9}))$/;
const shareMessage = 'Give the daily share as a percentage of this engine’s daily Amazon quota (like 25%) or as a number of requests (like 500).';

export const relayLimitsInput = z.object({
  perMinute: z.coerce
    .number({ error: 'Give the requests per minute as a whole number (like 60).' })
    .int({ error: 'Give the requests per minute as a whole number (like 60).' })
    .min(1, { error: 'Allow at least 1 request per minute.' })
    .max(6000, { error: 'Allow at most 6000 requests per minute.' })
    .default(DEFAULT_RELAY_LIMITS.perMinute),
  dailyShare: z
    .string({ error: shareMessage })
    .trim()
    .regex(SHARE, { error: shareMessage })
    .refine(
      (share) => {
        const n = Number.parseInt(share, 10);
        return n >= 1 && (!share.endsWith('%') || n <= 100);
      },
      { error: 'A percentage runs from 1% to 100%; a number of requests is at least 1.' },
    )
    // `025%` and `25%` are the same share; store one spelling.
    .transform((share) => (share.endsWith('%') ? `${Number.parseInt(share, 10)}%` : String(Number.parseInt(share, 10))))
    .default(DEFAULT_RELAY_LIMITS.dailyShare),
});

/** How many relay requests a share allows per UTC day, out of the engine's daily quota. */
export function dailyAllowance(share: string, dailyQuota: number): number {
  const match = SHARE.exec(share);
  if (!match) return 0;
  return match[1] !== undefined ? Math.max(1, Math.floor((dailyQuota * Number(match[1])) / 100)) : Number(match[2]);
}

/** `60/min, 25% of the daily quota` — how `relay token list` shows a token's limits. */
export function describeRelayLimits(limits: { perMinute: number; dailyShare: string }): string {
  return `${limits.perMinute}/min, ${limits.dailyShare.endsWith('%') ? `${limits.dailyShare} of the daily quota` : `${limits.dailyShare} requests a day`}`;
}

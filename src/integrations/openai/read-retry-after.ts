import { parseRetryAfter } from '../amazon/parse-retry-after.js';

/** "Please try again in 20s", "in 1.5s", "in 200ms", "in 6m0s", "in 1h2m3.5s": OpenAI writes Go durations. */
const TRY_AGAIN_PATTERN = /try again in ((?:\d+(?:\.\d+)?(?:ms|h|m|s))+)/i;
const DURATION_PART = /(\d+(?:\.\d+)?)(ms|h|m|s)/g;
const MS_PER_UNIT: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/**
 * How long the service asks us to wait, in whole seconds (rounded up: waiting a little longer is
 * safe, coming back early is another 429). `retry-after-ms` is OpenAI's precise header,
 * `retry-after` the standard one; without either, the message usually names the wait.
 */
export function readRetryAfterSeconds(headers: Headers | undefined, message: string): number | null {
  const ms = parseMilliseconds(headers?.get('retry-after-ms')) ?? parseRetryAfter(headers?.get('retry-after') ?? null) ?? parseTryAgainPhrase(message);
  return ms === undefined ? null : Math.ceil(ms / 1000);
}

function parseMilliseconds(value: string | null | undefined): number | undefined {
  if (!value || !/^\d+(\.\d+)?$/.test(value.trim())) return undefined;
  return Number(value);
}

function parseTryAgainPhrase(message: string): number | undefined {
  const duration = TRY_AGAIN_PATTERN.exec(message)?.[1];
  if (!duration) return undefined;
  let ms = 0;
  for (const [, amount, unit] of duration.matchAll(DURATION_PART)) ms += Number(amount) * (MS_PER_UNIT[unit ?? ''] ?? 0);
  return ms;
}

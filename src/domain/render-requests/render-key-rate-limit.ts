import { AppError } from '../../shared/errors.js';

/**
 * How often one render key may ask for a page: a sustained rate with a burst for a crawler going
 * through cold caches. A site's server renders each post once per cache lifetime, far below this;
 * a leaked key (or a runaway plugin) cannot keep the engine busy for every other site and visitor.
 */
export const RENDER_KEY_RATE = { perSecond: 10, burst: 50 } as const;

export interface RenderKeyRateLimit {
  /** Counts one request of the key, or refuses it with `rate_limited` and the seconds to wait. */
  admit(keyId: string, now: Date): void;
}

/**
 * A token bucket per render key, in this engine's memory. Per engine is enough: the limit protects
 * the engine's own time (each engine serves its requests), it costs no database write per page
 * view, and the number of buckets is the number of keys that passed verification — strangers
 * never get one. Behind N engines a key gets N times the rate, which is still bounded.
 */
export function createRenderKeyRateLimit(rate: { perSecond: number; burst: number } = RENDER_KEY_RATE): RenderKeyRateLimit {
  const buckets = new Map<string, { tokens: number; at: number }>();
  return {
    admit(keyId, now) {
      const at = now.getTime();
      const bucket = buckets.get(keyId) ?? { tokens: rate.burst, at };
      bucket.tokens = Math.min(rate.burst, bucket.tokens + (Math.max(0, at - bucket.at) / 1000) * rate.perSecond);
      bucket.at = at;
      buckets.set(keyId, bucket);
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return;
      }
      const retryAfterSeconds = Math.ceil((1 - bucket.tokens) / rate.perSecond);
      const wait = `${retryAfterSeconds} second${retryAfterSeconds === 1 ? '' : 's'}`;
      throw new AppError('rate_limited', `This render key is over its limit of ${rate.perSecond} requests per second (bursts of ${rate.burst}). Try again in ${wait}.`, { retryAfterSeconds });
    },
  };
}

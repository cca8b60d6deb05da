import type { RateLimit } from './scenario.js';

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number; reason: 'tps' | 'daily' };

interface Bucket {
  tokens: number;
  updatedAt: number;
  day: string;
  usedToday: number;
}

const DAY_MS = 86_400_000;

/**
 * A token bucket per key (credential id or access key) plus a daily count. The bucket may lend up
 * to `toleranceMs` of refill, so a call landing a few milliseconds before its slot passes and the
 * debt is paid back by the next interval (see RateLimit.toleranceMs).
 */
export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  take(key: string, limit: RateLimit, now: number): RateDecision {
    const day = new Date(now).toISOString().slice(0, 10);
    const bucket = this.buckets.get(key) ?? { tokens: limit.burst, updatedAt: now, day, usedToday: 0 };
    this.buckets.set(key, bucket);
    if (bucket.day !== day) {
      bucket.day = day;
      bucket.usedToday = 0;
    }
    const perMs = limit.tps / 1000;
    bucket.tokens = Math.min(limit.burst, bucket.tokens + Math.max(0, now - bucket.updatedAt) * perMs);
    bucket.updatedAt = now;

    if (bucket.usedToday >= limit.daily) {
      const midnight = (Math.floor(now / DAY_MS) + 1) * DAY_MS;
      return { allowed: false, reason: 'daily', retryAfterSeconds: Math.max(1, Math.ceil((midnight - now) / 1000)) };
    }
    const threshold = 1 - limit.toleranceMs * perMs;
    if (bucket.tokens < threshold) {
      const waitMs = (threshold - bucket.tokens) / perMs;
      return { allowed: false, reason: 'tps', retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) };
    }
    bucket.tokens -= 1;
    bucket.usedToday += 1;
    return { allowed: true };
  }

  reset(): void {
    this.buckets.clear();
  }
}

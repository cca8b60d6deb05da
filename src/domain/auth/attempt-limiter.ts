/**
 * Counts failed login attempts per key (an IP address, an account) in a sliding window. The
 * in-memory default suits the single-process engine; a shared store can implement the same
 * interface when several engine processes run behind a load balancer.
 */
export interface AttemptLimiter {
  /** Seconds until the key may try again, or 0 when it may try now. */
  blockedFor(key: string, now: number): number;
  recordFailure(key: string, now: number): void;
  reset(key: string): void;
}

export interface LimitPolicy {
  maxFailures: number;
  windowSeconds: number;
}

export const LOGIN_LIMITS = {
  perIp: { maxFailures: 20, windowSeconds: 15 * 60 },
  perAccount: { maxFailures: 5, windowSeconds: 15 * 60 },
} as const satisfies Record<string, LimitPolicy>;

export function createMemoryAttemptLimiter(policyOf: (key: string) => LimitPolicy): AttemptLimiter {
  const failures = new Map<string, number[]>();
  const recent = (key: string, now: number) => {
    const windowMs = policyOf(key).windowSeconds * 1000;
    const kept = (failures.get(key) ?? []).filter((t) => now - t < windowMs);
    if (kept.length) failures.set(key, kept);
    else failures.delete(key);
    return kept;
  };
  return {
    blockedFor(key, now) {
      const policy = policyOf(key);
      const times = recent(key, now);
      if (times.length < policy.maxFailures) return 0;
      const oldest = times[times.length - policy.maxFailures] as number;
      return Math.max(1, Math.ceil((oldest + policy.windowSeconds * 1000 - now) / 1000));
    },
    recordFailure(key, now) {
      failures.set(key, [...recent(key, now), now]);
    },
    reset(key) {
      failures.delete(key);
    },
  };
}

/** Keys look like `ip:1.2.3.4` or `account:a@b.c`; each kind has its own policy. */
export function createLoginLimiter(): AttemptLimiter {
  return createMemoryAttemptLimiter((key) => (key.startsWith('ip:') ? LOGIN_LIMITS.perIp : LOGIN_LIMITS.perAccount));
}

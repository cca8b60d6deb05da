/**
 * Counts login attempts per key in a fixed window, in storage shared by every engine on the
 * database (src/db/queries/login-attempt-store.ts), so limits hold across restarts and engines.
 * An attempt is reserved before the password is checked: parallel guesses each take their own
 * number and cannot all slip in below the limit.
 */
export interface AttemptLimiter {
  /**
   * Counts one attempt for `key` in one statement and returns the count in the current window
   * (this attempt included). A key whose window has ended starts a new one of `windowSeconds`.
   */
  reserve(key: string, windowSeconds: number, now: Date): Promise<AttemptWindow>;
  /** Gives back one attempt reserved in the window that ends at `windowEndsAt` (never below zero). */
  release(key: string, windowEndsAt: string): Promise<void>;
  /** Forgets every attempt of `key`. */
  clear(key: string): Promise<void>;
}

export interface AttemptWindow {
  attempts: number;
  /** ISO-8601, UTC. */
  windowEndsAt: string;
}

export interface LimitPolicy {
  maxAttempts: number;
  windowSeconds: number;
}

/**
 * A pair (account + address) gets a few guesses; an address gets more over all accounts. There is
 * deliberately no limit per account alone: a stranger could then lock the owner out everywhere.
 */
export const LOGIN_LIMITS = {
  perPair: { maxAttempts: 5, windowSeconds: 15 * 60 },
  perAddress: { maxAttempts: 20, windowSeconds: 15 * 60 },
} as const satisfies Record<string, LimitPolicy>;

import { AppError } from '../../shared/errors.js';
import type { EngineContext } from '../context.js';
import { LOGIN_LIMITS, type AttemptWindow, type LimitPolicy } from './attempt-limiter.js';
import { hashToken } from './start-session.js';
import { toLimitAddress } from './to-limit-address.js';

export interface ReservedLoginAttempt {
  /** The password was right: the pair starts afresh and the address gets its attempt back. */
  succeeded(): Promise<void>;
}

interface Limit {
  key: string;
  policy: LimitPolicy;
  refusal: (wait: string) => string;
}

const minutes = (seconds: number) => {
  const m = Math.ceil(seconds / 60);
  return `${m} minute${m === 1 ? '' : 's'}`;
};

/**
 * Takes one attempt from the account + address pair and from the address, before any password is
 * checked, and refuses (`rate_limited`, giving both back) when either is used up. Unknown emails
 * count like real ones, so the refusal says nothing about which accounts exist.
 */
export async function reserveLoginAttempt(ctx: EngineContext, email: string, ip: string | null): Promise<ReservedLoginAttempt> {
  const address = toLimitAddress(ip);
  const pair: Limit = {
    key: hashToken(`pair\n${email}\n${address}`),
    policy: LOGIN_LIMITS.perPair,
    refusal: (wait) => `Too many wrong passwords for this email from your IP address. Try again in ${wait}.`,
  };
  const perAddress: Limit = {
    key: hashToken(`address\n${address}`),
    policy: LOGIN_LIMITS.perAddress,
    refusal: (wait) => `Too many failed logins from your IP address. Try again in ${wait}.`,
  };
  const store = ctx.stores.loginAttempts;
  const now = ctx.clock.now();
  const reserve = (limit: Limit) => store.reserve(limit.key, limit.policy.windowSeconds, now);
  const [pairWindow, addressWindow] = await Promise.all([reserve(pair), reserve(perAddress)]);

  const waitFor = (window: AttemptWindow) => Math.max(1, Math.ceil((Date.parse(window.windowEndsAt) - now.getTime()) / 1000));
  const exceeded = [
    { limit: pair, window: pairWindow },
    { limit: perAddress, window: addressWindow },
  ].filter(({ limit, window }) => window.attempts > limit.policy.maxAttempts);
  if (exceeded.length) {
    // A refused attempt costs nothing, so a locked pair does not also use up its address.
    await Promise.all([store.release(pair.key, pairWindow.windowEndsAt), store.release(perAddress.key, addressWindow.windowEndsAt)]);
    const longest = exceeded.reduce((a, b) => (waitFor(b.window) > waitFor(a.window) ? b : a));
    const wait = waitFor(longest.window);
    throw new AppError('rate_limited', longest.limit.refusal(minutes(wait)), { retryAfterSeconds: wait });
  }

  return {
    succeeded: async () => {
      await store.clear(pair.key);
      await store.release(perAddress.key, addressWindow.windowEndsAt);
    },
  };
}

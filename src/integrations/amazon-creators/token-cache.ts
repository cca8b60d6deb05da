import type { Result } from '../../shared/result.js';
import type { SourceError } from '../../domain/products/source-error.js';
import type { AccessToken } from './request-token.js';

/**
 * Tokens are renewed this long before they expire, so a request never leaves with a dying token;
 * a token that lives less than twice as long is renewed at half its life instead.
 */
export const REFRESH_MARGIN_MS = 60_000;

export interface TokenCache {
  get(key: string, fetchToken: () => Promise<Result<AccessToken, SourceError>>): Promise<Result<AccessToken, SourceError>>;
  /** Forgets a token Amazon refused, so the next call fetches a new one. */
  invalidate(key: string, token: string): void;
  /** Forgets a key's token altogether: its credential was replaced. */
  forget(key: string): void;
}

/**
 * One token per credential identity (ID, version and secret), shared by every caller; while a token is being fetched,
 * every other caller waits for that same request instead of starting its own.
 */
export function createTokenCache(now: () => number = Date.now): TokenCache {
  const tokens = new Map<string, { token: AccessToken; renewAt: number }>();
  const pending = new Map<string, Promise<Result<AccessToken, SourceError>>>();
  return {
    async get(key, fetchToken) {
      const cached = tokens.get(key);
      if (cached && cached.renewAt > now()) return { ok: true, value: cached.token };
      let inFlight = pending.get(key);
      if (!inFlight) {
        inFlight = fetchToken().then((result) => {
          pending.delete(key);
          if (result.ok) {
            const lifetime = result.value.expiresAt - now();
            tokens.set(key, { token: result.value, renewAt: result.value.expiresAt - Math.min(REFRESH_MARGIN_MS, lifetime / 2) });
          }
          return result;
        });
        pending.set(key, inFlight);
      }
      return inFlight;
    },
    invalidate(key, token) {
      if (tokens.get(key)?.token.value === token) tokens.delete(key);
    },
    forget(key) {
      tokens.delete(key);
    },
  };
}

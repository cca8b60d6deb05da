import type { Result } from '../../shared/result.js';
import type { SourceError } from '../../domain/products/source-error.js';

export interface RetryPolicy {
  /** Attempts in all, the first one included. */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 3, baseDelayMs: 500, maxDelayMs: 8000 };

/**
 * Repeats an attempt while it fails with a retryable error: exponential backoff with full jitter,
 * or Amazon's own `Retry-After` when it gave one. Auth and eligibility failures are not retryable
 * and return at once.
 */
export async function retryWithBackoff<T>(
  attempt: () => Promise<Result<T, SourceError>>,
  policy: RetryPolicy = DEFAULT_RETRY_POLICY,
  sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
  random: () => number = Math.random,
): Promise<Result<T, SourceError>> {
  let result = await attempt();
  for (let n = 1; n < policy.maxAttempts && !result.ok && result.error.retryable; n++) {
    const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (n - 1));
    const delay = result.error.retryAfterMs ?? Math.round(random() * ceiling);
    await sleep(Math.min(delay, policy.maxDelayMs * 4));
    result = await attempt();
  }
  return result;
}

import { err, ok, type Result } from '../../shared/result.js';
import type { QuotaStore } from '../../domain/ports.js';
import { sourceError, type SourceError } from '../../domain/products/source-error.js';

export interface CredentialLimits {
  requestsPerSecond: number;
  dailyQuota: number;
}

/** What Amazon grants a new account: 1 request per second and 8,640 per day. */
export const DEFAULT_LIMITS: CredentialLimits = { requestsPerSecond: 1, dailyQuota: 8640 };

/**
 * Requests are spaced a little wider than the limit (2 %, at least 10 ms): Amazon counts arrivals,
 * and network and event-loop jitter can bring two requests sent exactly 1/rate apart closer together.
 */
export function spacingMs(requestsPerSecond: number): number {
  const interval = 1000 / requestsPerSecond;
  return interval + Math.max(interval * 0.02, 10);
}

export interface RequestPacer {
  /**
   * Waits for this credential's next free slot and counts the request against today's quota.
   * Callers queue in order; a used-up quota is an error at once instead of a wait.
   */
  acquire(credentialKey: string): Promise<Result<void, SourceError>>;
  /** After a 429: nobody sends with this credential before `ms` from now. */
  holdOff(credentialKey: string, ms: number): void;
}

export interface PacerOptions {
  quota: QuotaStore;
  limitsFor: (credentialKey: string) => CredentialLimits;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

export function createRequestPacer(options: PacerOptions): RequestPacer {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const lanes = new Map<string, { heldUntil: number; queue: Promise<unknown> }>();
  const laneOf = (key: string) => {
    let lane = lanes.get(key);
    if (!lane) lanes.set(key, (lane = { heldUntil: 0, queue: Promise.resolve() }));
    return lane;
  };

  return {
    acquire(key) {
      const lane = laneOf(key);
      const turn = lane.queue.then(async (): Promise<Result<void, SourceError>> => {
        const limits = options.limitsFor(key);
        const day = new Date(now()).toISOString().slice(0, 10);
        const used = await options.quota.add(key, day, 1);
        if (used > limits.dailyQuota) {
          await options.quota.add(key, day, -1);
          return err(sourceError('quota_exhausted', { message: `The daily quota of ${limits.dailyQuota} requests for these credentials is used up.` }));
        }
        // The slot is reserved in the database: engines sharing a credential (and a database) take turns.
        const slot = await options.quota.reserveSlot(key, Math.max(now(), lane.heldUntil), Math.ceil(spacingMs(limits.requestsPerSecond)));
        const wait = slot - now();
        if (wait > 0) await sleep(wait);
        return ok(undefined);
      });
      lane.queue = turn.catch(() => undefined);
      return turn;
    },
    holdOff(key, ms) {
      const lane = laneOf(key);
      lane.heldUntil = Math.max(lane.heldUntil, now() + ms);
    },
  };
}

import { createKeyLock, type KeyLock } from '../../shared/key-lock.js';
import type { EngineContext } from '../context.js';
import { findMarketplace } from '../marketplaces/find-marketplace.js';
import type { ProductSource } from './product-source.js';
import { resolveProductSources } from './resolve-product-sources.js';

export type TurnSkipped = { kind: 'skipped'; reason: 'unavailable' | 'paused' };

/**
 * Runs one background request for a marketplace with its sources, in turn with every other one of
 * the same credential (the pacer makes them wait anyway), so a request queued behind one that
 * Amazon refused sees the pause instead of asking again. Without usable sources, or with a paused
 * credential, it calls `release` and skips.
 */
export async function takeCredentialTurn<T>(
  ctx: EngineContext,
  marketplaceCode: string,
  release: () => Promise<void>,
  work: (sources: ProductSource[], partnerTag: string) => Promise<T>,
): Promise<T | TurnSkipped> {
  const marketplace = findMarketplace(marketplaceCode);
  const resolved = marketplace ? await resolveProductSources(ctx, marketplace) : undefined;
  if (!resolved?.ok) {
    await release();
    return { kind: 'skipped', reason: 'unavailable' };
  }
  const { sources, partnerTag } = resolved.value;
  return lockOf(ctx).run(sources[0]!.credentialKey, async () => {
    const paused = new Set((await ctx.stores.refreshPauses.list()).map((pause) => pause.credentialKey));
    if (sources.some((source) => paused.has(source.credentialKey))) {
      await release();
      return { kind: 'skipped', reason: 'paused' } as const;
    }
    return work(sources, partnerTag);
  });
}

const locks = new WeakMap<EngineContext['stores'], KeyLock>();
function lockOf(ctx: EngineContext): KeyLock {
  let lock = locks.get(ctx.stores);
  if (!lock) locks.set(ctx.stores, (lock = createKeyLock()));
  return lock;
}

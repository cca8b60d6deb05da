import { AppError } from '../../shared/errors.js';
import type { EngineContext } from '../context.js';
import type { RelayTokenRecord } from '../ports.js';
import { dailyAllowance } from './relay-token-limits.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Counts a relay request that is about to call Amazon against its token's daily share of this
 * engine's quota (per UTC day, in the database, so engines sharing it share the share), or refuses
 * it until midnight UTC. Malformed or refused requests never get here, so they spend nothing.
 */
export async function spendRelayShare(ctx: EngineContext, token: RelayTokenRecord): Promise<void> {
  const now = ctx.clock.now();
  const allowance = dailyAllowance(token.dailyShare, ctx.productSources.limits.dailyQuota);
  const used = await ctx.stores.relayUsage.count(token.id, 'day', now.toISOString().slice(0, 10));
  if (used <= allowance) return;
  const retryAfterSeconds = Math.ceil((DAY_MS - (now.getTime() % DAY_MS)) / 1000);
  const share = token.dailyShare.endsWith('%') ? `${token.dailyShare} of this engine’s daily Amazon quota, ${allowance} requests` : `${allowance} requests`;
  throw new AppError('rate_limited', `This relay token’s daily share (${share}) is used up; it renews at midnight UTC.`, { retryAfterSeconds });
}

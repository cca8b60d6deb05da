import { AppError } from '../../shared/errors.js';
import type { EngineContext } from '../context.js';
import type { RelayTokenRecord } from '../ports.js';

/**
 * Counts a relay request against its token's requests per minute (a fixed UTC minute, counted in
 * the database so that engines sharing it share the limit), or refuses it with the seconds until
 * the next minute. Runs before the request's body is read.
 */
export async function admitRelayRequest(ctx: EngineContext, token: RelayTokenRecord): Promise<void> {
  const now = ctx.clock.now();
  const used = await ctx.stores.relayUsage.count(token.id, 'minute', now.toISOString().slice(0, 16));
  if (used <= token.perMinute) return;
  const retryAfterSeconds = 60 - now.getUTCSeconds();
  throw new AppError('rate_limited', `This relay token may make ${token.perMinute} requests per minute. Try again in ${retryAfterSeconds} seconds.`, { retryAfterSeconds });
}

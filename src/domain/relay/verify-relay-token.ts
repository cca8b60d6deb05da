import { hashToken } from '../auth/start-session.js';
import type { EngineContext } from '../context.js';
import type { RelayTokenRecord } from '../ports.js';

/** The active relay token behind an `Authorization: Bearer …` value, or undefined. */
export async function verifyRelayToken(ctx: EngineContext, authorization: string | undefined): Promise<RelayTokenRecord | undefined> {
  const token = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
  if (!token) return undefined;
  const record = await ctx.stores.relayTokens.findActive(hashToken(token));
  if (record) await ctx.stores.relayTokens.markUsed(record.id, ctx.clock.now().toISOString());
  return record;
}

import { hashToken } from '../auth/start-session.js';
import type { EngineContext } from '../context.js';
import type { RelayTokenRecord } from '../ports.js';
import type { TokenScope } from './token-scope.js';

/** The active token of this scope behind an `Authorization: Bearer …` value, or undefined (a key of another scope opens nothing here). */
export async function verifyRelayToken(ctx: EngineContext, authorization: string | undefined, scope: TokenScope = 'relay'): Promise<RelayTokenRecord | undefined> {
  const token = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
  if (!token) return undefined;
  const record = await ctx.stores.relayTokens.findActive(hashToken(token), scope);
  if (record) await ctx.stores.relayTokens.markUsed(record.id, ctx.clock.now().toISOString());
  return record;
}

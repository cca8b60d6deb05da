import { z } from 'zod';
import { newId, newToken } from '../../shared/ids.js';
import { hashToken } from '../auth/start-session.js';
import type { EngineContext } from '../context.js';
import { parseInput } from '../parse-input.js';
import { DEFAULT_RELAY_LIMITS, relayLimitsInput } from './relay-token-limits.js';
import { SCOPE_NAMES, type TokenScope } from './token-scope.js';

const input = z.object({ name: z.string().trim().min(1, { error: 'Name the site or team the token is for.' }).max(100) }).extend(relayLimitsInput.shape);

export interface CreatedToken {
  id: string;
  name: string;
  scope: TokenScope;
  token: string;
  perMinute: number;
  dailyShare: string;
}

/**
 * Issues a bearer key: by default a relay token another PassiveWP engine uses to fetch product
 * data from this one, with its limits (requests per minute, daily share of the Amazon quota); with
 * scope `render`, a key a server uses to render pages (the limits do not apply to it). Shown once;
 * only its hash is kept.
 */
export async function createRelayToken(
  ctx: EngineContext,
  raw: { name: unknown; perMinute?: unknown; dailyShare?: unknown },
  actor: string,
  scope: TokenScope = 'relay',
): Promise<CreatedToken> {
  const { noun, prefix } = SCOPE_NAMES[scope];
  const parsed = parseInput(input, raw, `The ${noun} was not created`);
  const { name, perMinute, dailyShare } = scope === 'relay' ? parsed : { ...parsed, ...DEFAULT_RELAY_LIMITS };
  const token = `${prefix}${newToken()}`;
  const id = newId('relayToken');
  const at = ctx.clock.now().toISOString();
  await ctx.stores.relayTokens.insert({ id, name, scope, last4: token.slice(-4), createdAt: at, lastUsedAt: null, revokedAt: null, perMinute, dailyShare }, hashToken(token));
  ctx.logger.info({ relayTokenId: id, scope, actor, ...(scope === 'relay' ? { perMinute, dailyShare } : {}) }, `${noun} created`);
  return { id, name, scope, token, perMinute, dailyShare };
}

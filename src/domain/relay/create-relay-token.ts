import { z } from 'zod';
import { newId, newToken } from '../../shared/ids.js';
import { hashToken } from '../auth/start-session.js';
import type { EngineContext } from '../context.js';
import { parseInput } from '../parse-input.js';
import { SCOPE_NAMES, type TokenScope } from './token-scope.js';

const input = z.object({ name: z.string().trim().min(1, { error: 'Name the site or team the token is for.' }).max(100) });

/**
 * Issues a bearer key: by default a relay token another PassiveWP engine uses to fetch product
 * data from this one; with scope `render`, a key a server uses to render pages. Shown once; only
 * its hash is kept.
 */
export async function createRelayToken(
  ctx: EngineContext,
  raw: { name: unknown },
  actor: string,
  scope: TokenScope = 'relay',
): Promise<{ id: string; name: string; scope: TokenScope; token: string }> {
  const { noun, prefix } = SCOPE_NAMES[scope];
  const { name } = parseInput(input, raw, `The ${noun} was not created`);
  const token = `${prefix}${newToken()}`;
  const id = newId('relayToken');
  const at = ctx.clock.now().toISOString();
  await ctx.stores.relayTokens.insert({ id, name, scope, last4: token.slice(-4), createdAt: at, lastUsedAt: null, revokedAt: null }, hashToken(token));
  ctx.logger.info({ relayTokenId: id, scope, actor }, `${noun} created`);
  return { id, name, scope, token };
}

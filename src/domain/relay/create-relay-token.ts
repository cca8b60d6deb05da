import { z } from 'zod';
import { newId, newToken } from '../../shared/ids.js';
import { hashToken } from '../auth/start-session.js';
import type { EngineContext } from '../context.js';
import { parseInput } from '../parse-input.js';

const input = z.object({ name: z.string().trim().min(1, { error: 'Name the site or team the token is for.' }).max(100) });

/** Issues a token another PassiveWP engine uses to fetch product data from this one. Shown once; only its hash is kept. */
export async function createRelayToken(ctx: EngineContext, raw: { name: unknown }, actor: string): Promise<{ id: string; name: string; token: string }> {
  const { name } = parseInput(input, raw, 'The relay token was not created');
  const token = `pwr_${newToken()}`;
  const id = newId('relayToken');
  const at = ctx.clock.now().toISOString();
  await ctx.stores.relayTokens.insert({ id, name, last4: token.slice(-4), createdAt: at, lastUsedAt: null, revokedAt: null }, hashToken(token));
  ctx.logger.info({ relayTokenId: id, actor }, 'relay token created');
  return { id, name, token };
}

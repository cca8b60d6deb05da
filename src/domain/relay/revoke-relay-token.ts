import { AppError } from '../../shared/errors.js';
import type { EngineContext } from '../context.js';
import { SCOPE_NAMES, type TokenScope } from './token-scope.js';

/** Revokes a token of this scope (a render key cannot be revoked as a relay token, nor the other way round). */
export async function revokeRelayToken(ctx: EngineContext, id: string, actor: string, scope: TokenScope = 'relay'): Promise<void> {
  const { noun } = SCOPE_NAMES[scope];
  if (!(await ctx.stores.relayTokens.revoke(id, ctx.clock.now().toISOString(), scope))) {
    throw new AppError('not_found', `There is no active ${noun} ${id}.`);
  }
  ctx.logger.info({ relayTokenId: id, scope, actor }, `${noun} revoked`);
}

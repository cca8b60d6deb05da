import { AppError } from '../../shared/errors.js';
import type { EngineContext } from '../context.js';

export async function revokeRelayToken(ctx: EngineContext, id: string, actor: string): Promise<void> {
  if (!(await ctx.stores.relayTokens.revoke(id, ctx.clock.now().toISOString()))) {
    throw new AppError('not_found', `There is no active relay token ${id}.`);
  }
  ctx.logger.info({ relayTokenId: id, actor }, 'relay token revoked');
}

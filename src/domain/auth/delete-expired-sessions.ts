import type { EngineContext } from '../context.js';

/**
 * Deletes sessions and first-run setup tokens past their expiry. Neither can be used any more, but
 * each row still names an administrator's address and browser, so keeping them only collects
 * personal data. Safe to run any number of times: a second run finds nothing left to delete.
 */
export async function deleteExpiredSessions(ctx: EngineContext): Promise<{ sessions: number; setupTokens: number }> {
  const now = ctx.clock.now().toISOString();
  const sessions = await ctx.stores.sessions.removeExpired(now);
  const setupTokens = await ctx.stores.setupTokens.removeExpired(now);
  if (sessions || setupTokens) ctx.logger.info({ sessions, setupTokens }, 'deleted expired sessions and setup tokens');
  return { sessions, setupTokens };
}

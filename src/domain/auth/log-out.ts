import type { EngineContext } from '../context.js';
import { hashToken } from './start-session.js';

export async function logOut(ctx: EngineContext, token: string): Promise<void> {
  await ctx.stores.sessions.remove(hashToken(token));
}

import { newToken } from '../../shared/ids.js';
import type { EngineContext } from '../context.js';
import { hashToken } from './start-session.js';

export const SETUP_TOKEN_TTL_MS = 60 * 60 * 1000;

/**
 * When no administrator exists yet, creates the one-time token of the first-run setup link
 * (valid for one hour, replacing any earlier one). Returns undefined once an administrator exists.
 */
export async function issueSetupToken(ctx: EngineContext): Promise<{ token: string; expiresAt: Date } | undefined> {
  if ((await ctx.stores.admins.count()) > 0) return undefined;
  const now = ctx.clock.now();
  const token = newToken();
  const expiresAt = new Date(now.getTime() + SETUP_TOKEN_TTL_MS);
  await ctx.stores.setupTokens.replace(hashToken(token), now.toISOString(), expiresAt.toISOString());
  return { token, expiresAt };
}

import type { EngineContext } from '../context.js';
import type { SessionRecord } from '../ports.js';
import { hashToken } from './start-session.js';

// Writing last-seen on every request would turn each read into a write; once a minute is enough.
const TOUCH_AFTER_MS = 60_000;

/** The session behind a cookie value, extended on use (sliding expiry), or undefined. */
export async function authenticateSession(ctx: EngineContext, token: string | undefined): Promise<SessionRecord | undefined> {
  if (!token) return undefined;
  const tokenHash = hashToken(token);
  const now = ctx.clock.now();
  const session = await ctx.stores.sessions.findValid(tokenHash, now.toISOString());
  if (!session) return undefined;
  if (now.getTime() - Date.parse(session.lastSeenAt) > TOUCH_AFTER_MS) {
    const expiresAt = new Date(now.getTime() + ctx.sessionTtlHours * 3600_000).toISOString();
    await ctx.stores.sessions.touch(tokenHash, now.toISOString(), expiresAt);
    return { ...session, lastSeenAt: now.toISOString(), expiresAt };
  }
  return session;
}

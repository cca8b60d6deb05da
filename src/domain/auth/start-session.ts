import { createHash } from 'node:crypto';
import { newId, newToken } from '../../shared/ids.js';
import type { EngineContext } from '../context.js';
import type { SessionStore } from '../ports.js';

export interface ClientInfo {
  ip: string | null;
  userAgent: string | null;
}

export interface StartedSession {
  /** The cookie value; only its hash is stored. */
  token: string;
  csrfToken: string;
  expiresAt: Date;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export async function startSession(
  ctx: EngineContext,
  adminId: string,
  client: ClientInfo,
  sessions: SessionStore = ctx.stores.sessions,
): Promise<StartedSession> {
  const now = ctx.clock.now();
  const expiresAt = new Date(now.getTime() + ctx.sessionTtlHours * 3600_000);
  const token = newToken();
  const csrfToken = newToken();
  await sessions.insert(
    hashToken(token),
    { id: newId('session'), adminId, csrfToken, createdAt: now.toISOString(), expiresAt: expiresAt.toISOString(), lastSeenAt: now.toISOString() },
    { ip: client.ip, userAgent: client.userAgent?.slice(0, 300) ?? null },
  );
  return { token, csrfToken, expiresAt };
}

import type { FastifyReply } from 'fastify';

export const SESSION_COOKIE = 'passivewp_session';

export function setSessionCookie(reply: FastifyReply, basePath: string, token: string, expiresAt: Date): void {
  void reply.setCookie(SESSION_COOKIE, token, {
    path: basePath || '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: 'auto',
    expires: expiresAt,
  });
}

export function clearSessionCookie(reply: FastifyReply, basePath: string): void {
  void reply.clearCookie(SESSION_COOKIE, { path: basePath || '/', httpOnly: true, sameSite: 'lax', secure: 'auto' });
}

import type { FastifyReply } from 'fastify';

export const SESSION_COOKIE = 'passivewp_session';

export interface SessionCookiePolicy {
  basePath: string;
  /**
   * PASSIVEWP_PUBLIC_URL is https: the cookie is always Secure, also when TLS ends at a proxy the
   * engine does not trust. Otherwise it is Secure when the request itself came over https
   * (directly, or as X-Forwarded-Proto from a trusted proxy).
   */
  publicUrlIsHttps: boolean;
}

const cookieOptions = (policy: SessionCookiePolicy) =>
  ({ path: policy.basePath || '/', httpOnly: true, sameSite: 'lax', secure: policy.publicUrlIsHttps ? true : 'auto' }) as const;

export function setSessionCookie(reply: FastifyReply, policy: SessionCookiePolicy, token: string, expiresAt: Date): void {
  void reply.setCookie(SESSION_COOKIE, token, { ...cookieOptions(policy), expires: expiresAt });
}

export function clearSessionCookie(reply: FastifyReply, policy: SessionCookiePolicy): void {
  void reply.clearCookie(SESSION_COOKIE, cookieOptions(policy));
}

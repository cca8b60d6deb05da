import type { FastifyReply, FastifyRequest } from 'fastify';
import { authenticateSession } from '../../domain/auth/authenticate-session.js';
import type { EngineContext } from '../../domain/context.js';
import type { SessionRecord } from '../../domain/ports.js';
import { AppError } from '../../shared/errors.js';
import { SESSION_COOKIE } from './session-cookie.js';

declare module 'fastify' {
  interface FastifyRequest {
    session?: SessionRecord;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Guards every private route: a valid session cookie, and for state-changing methods the session's
 * CSRF token in the `x-csrf-token` header (a cross-site form cannot read or send it).
 */
export function createRequireSession(ctx: EngineContext) {
  return async function requireSession(request: FastifyRequest, _reply: FastifyReply): Promise<void> {
    const session = await authenticateSession(ctx, request.cookies[SESSION_COOKIE]);
    if (!session) throw new AppError('unauthenticated', 'Log in to continue.');
    if (!SAFE_METHODS.has(request.method) && request.headers['x-csrf-token'] !== session.csrfToken) {
      throw new AppError('csrf_failed', 'The request did not carry this session’s CSRF token. Reload the page and try again.');
    }
    request.session = session;
  };
}

/** Refuses state-changing requests that a browser marks as coming from another site (login CSRF). */
export async function rejectCrossSite(request: FastifyRequest): Promise<void> {
  if (SAFE_METHODS.has(request.method)) return;
  if (request.headers['sec-fetch-site'] === 'cross-site') {
    throw new AppError('csrf_failed', 'Cross-site requests are not accepted.');
  }
}

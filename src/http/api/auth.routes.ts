import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { completeSetup } from '../../domain/auth/complete-setup.js';
import { logIn } from '../../domain/auth/log-in.js';
import { logOut } from '../../domain/auth/log-out.js';
import type { EngineContext } from '../../domain/context.js';
import { AppError } from '../../shared/errors.js';
import { clearSessionCookie, SESSION_COOKIE, setSessionCookie, type SessionCookiePolicy } from '../middleware/session-cookie.js';

interface AuthRouteOptions {
  ctx: EngineContext;
  cookie: SessionCookiePolicy;
  requireSession: (request: FastifyRequest, reply: FastifyReply) => Promise<void>;
}

// An email, a password and a setup token fit in well under 4 KB; anyone may post here, so read no more.
const CREDENTIALS_BODY_LIMIT = 4096;

const clientOf = (request: FastifyRequest) => ({ ip: request.ip, userAgent: request.headers['user-agent'] ?? null });

export async function authRoutes(app: FastifyInstance, { ctx, cookie, requireSession }: AuthRouteOptions): Promise<void> {
  app.post('/api/auth/login', { config: { auth: 'public' }, bodyLimit: CREDENTIALS_BODY_LIMIT }, async (request, reply) => {
    const session = await logIn(ctx, request.body, clientOf(request));
    setSessionCookie(reply, cookie, session.token, session.expiresAt);
    return { email: session.email, csrfToken: session.csrfToken, expiresAt: session.expiresAt.toISOString() };
  });

  app.post('/api/auth/setup', { config: { auth: 'public' }, bodyLimit: CREDENTIALS_BODY_LIMIT }, async (request, reply) => {
    const session = await completeSetup(ctx, (request.body ?? {}) as Record<string, unknown>, clientOf(request));
    setSessionCookie(reply, cookie, session.token, session.expiresAt);
    return reply.status(201).send({ email: session.email, csrfToken: session.csrfToken, expiresAt: session.expiresAt.toISOString() });
  });

  // Private, but answers 401 with `setupRequired` so the admin app knows which screen to show.
  app.get('/api/auth/session', { config: { auth: 'self' } }, async (request, reply) => {
    try {
      await requireSession(request, reply);
    } catch (error) {
      if (error instanceof AppError && error.code === 'unauthenticated') {
        throw new AppError('unauthenticated', error.message, { details: { setupRequired: (await ctx.stores.admins.count()) === 0 } });
      }
      throw error;
    }
    const s = request.session!;
    return { email: s.adminEmail, csrfToken: s.csrfToken, expiresAt: s.expiresAt };
  });

  app.post('/api/auth/logout', async (request, reply) => {
    await logOut(ctx, request.cookies[SESSION_COOKIE] as string);
    clearSessionCookie(reply, cookie);
    return reply.status(204).send();
  });
}

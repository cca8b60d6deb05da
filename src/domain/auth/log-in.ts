import { AppError } from '../../shared/errors.js';
import type { EngineContext } from '../context.js';
import { parseInput } from '../parse-input.js';
import { loginSchema } from './credentials-schema.js';
import { verifyAgainstDecoy, verifyPassword } from './hash-password.js';
import { startSession, type ClientInfo, type StartedSession } from './start-session.js';

/**
 * Checks an email and password and opens a session. Failures are throttled per IP address and per
 * account, and the answer never says whether the email exists.
 */
export async function logIn(ctx: EngineContext, input: unknown, client: ClientInfo): Promise<StartedSession & { email: string }> {
  const { email, password } = parseInput(loginSchema, input, 'Login refused');
  const now = ctx.clock.now().getTime();
  const keys = [`ip:${client.ip ?? 'unknown'}`, `account:${email}`];
  const wait = Math.max(...keys.map((k) => ctx.loginLimiter.blockedFor(k, now)));
  if (wait > 0) {
    throw new AppError('rate_limited', `Too many failed logins. Try again in ${Math.ceil(wait / 60)} minute(s).`, { retryAfterSeconds: wait });
  }

  const admin = await ctx.stores.admins.findByEmail(email);
  const valid = admin ? await verifyPassword(password, admin.passwordHash) : await verifyAgainstDecoy(password);
  if (!admin || !valid) {
    for (const key of keys) ctx.loginLimiter.recordFailure(key, now);
    ctx.logger.warn({ ip: client.ip }, 'login failed');
    throw new AppError('invalid_credentials', 'The email or password is not correct.');
  }
  ctx.loginLimiter.reset(`account:${email}`);
  const session = await startSession(ctx, admin.id, client);
  ctx.logger.info({ adminId: admin.id, ip: client.ip }, 'login');
  return { ...session, email: admin.email };
}

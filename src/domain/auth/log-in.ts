import { AppError } from '../../shared/errors.js';
import type { EngineContext } from '../context.js';
import { parseInput } from '../parse-input.js';
import { loginSchema } from './credentials-schema.js';
import { verifyAgainstDecoy, verifyPassword } from './hash-password.js';
import { reserveLoginAttempt } from './reserve-login-attempt.js';
import { startSession, type ClientInfo, type StartedSession } from './start-session.js';

/**
 * Checks an email and password and opens a session. Each attempt is counted before the password
 * is hashed (per account + address pair and per address, see reserve-login-attempt.ts), and the
 * answer never says whether the email exists.
 */
export async function logIn(ctx: EngineContext, input: unknown, client: ClientInfo): Promise<StartedSession & { email: string }> {
  const { email, password } = parseInput(loginSchema, input, 'Login refused');
  const attempt = await reserveLoginAttempt(ctx, email, client.ip);

  const admin = await ctx.stores.admins.findByEmail(email);
  const valid = admin ? await verifyPassword(password, admin.passwordHash) : await verifyAgainstDecoy(password);
  if (!admin || !valid) {
    ctx.logger.warn({ ip: client.ip }, 'login failed');
    throw new AppError('invalid_credentials', 'The email or password is not correct.');
  }
  await attempt.succeeded();
  const session = await startSession(ctx, admin.id, client);
  ctx.logger.info({ adminId: admin.id, ip: client.ip }, 'login');
  return { ...session, email: admin.email };
}

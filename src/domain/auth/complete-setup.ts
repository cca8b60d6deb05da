import { z } from 'zod';
import { AppError } from '../../shared/errors.js';
import type { EngineContext } from '../context.js';
import { parseInput } from '../parse-input.js';
import { createAdmin } from './create-admin.js';
import { startSession, type ClientInfo, type StartedSession, hashToken } from './start-session.js';

const setupSchema = z.object({ token: z.string().min(1, { error: 'The setup link is incomplete.' }).max(200) });

/**
 * Creates the first administrator with the one-time token from the setup link, and logs them in.
 * Token, administrator and session are written in one transaction: a refused setup leaves nothing behind.
 */
export async function completeSetup(
  ctx: EngineContext,
  input: { token?: unknown; email?: unknown; password?: unknown },
  client: ClientInfo,
): Promise<StartedSession & { email: string }> {
  const { token } = parseInput(setupSchema, { token: input.token }, 'Setup refused');
  return ctx.stores.transaction.run(async (stores) => {
    if ((await stores.admins.count()) > 0) {
      throw new AppError('setup_not_available', 'An administrator already exists. Log in instead.');
    }
    if (!(await stores.setupTokens.consume(hashToken(token), ctx.clock.now().toISOString()))) {
      throw new AppError('setup_token_invalid', 'This setup link is invalid, used or expired. Restart the engine to print a new one, or run `passivewp admin create`.');
    }
    const admin = await createAdmin(ctx, { email: input.email, password: input.password }, stores.admins);
    const session = await startSession(ctx, admin.id, client, stores.sessions);
    return { ...session, email: admin.email };
  });
}

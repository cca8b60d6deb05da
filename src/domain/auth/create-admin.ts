import { AppError } from '../../shared/errors.js';
import { newId } from '../../shared/ids.js';
import type { EngineContext } from '../context.js';
import { parseInput } from '../parse-input.js';
import type { AdminStore } from '../ports.js';
import { newAdminSchema } from './credentials-schema.js';
import { hashPassword } from './hash-password.js';

export interface CreatedAdmin {
  id: string;
  email: string;
}

/** Creates an administrator; the email is unique regardless of case. */
export async function createAdmin(
  ctx: EngineContext,
  input: { email: unknown; password: unknown },
  admins: AdminStore = ctx.stores.admins,
): Promise<CreatedAdmin> {
  const { email, password } = parseInput(newAdminSchema, input, 'The administrator was not created');
  if (await admins.findByEmail(email)) {
    throw new AppError('conflict', `An administrator with the email ${email} already exists.`, { fields: [{ field: 'email', message: 'This email is already in use.' }] });
  }
  const now = ctx.clock.now().toISOString();
  const admin = { id: newId('admin'), email, passwordHash: await hashPassword(password), createdAt: now };
  await admins.insert(admin, now);
  ctx.logger.info({ adminId: admin.id }, 'administrator created');
  return { id: admin.id, email };
}

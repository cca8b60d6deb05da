import { z } from 'zod';

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: 'Enter a valid email address.' }).max(254));

export const newPasswordSchema = z
  .string()
  .min(12, { error: 'Use at least 12 characters.' })
  .max(200, { error: 'Use at most 200 characters.' })
  .refine((p) => p.trim().length === p.length, { error: 'The password must not start or end with a space.' });

export const newAdminSchema = z.object({ email: emailSchema, password: newPasswordSchema });

export const loginSchema = z.object({
  email: z.string().trim().toLowerCase().min(1, { error: 'Enter your email address.' }).max(254),
  password: z.string().min(1, { error: 'Enter your password.' }).max(200),
});

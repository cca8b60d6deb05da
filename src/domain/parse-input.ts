import type { z } from 'zod';
import { AppError } from '../shared/errors.js';

/** Parses input with a schema or refuses it with one message per field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, what: string): z.infer<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const fields = parsed.error.issues.map((issue) => ({ field: issue.path.join('.') || 'input', message: issue.message }));
  throw new AppError('validation_failed', `${what}: ${fields.map((f) => `${f.field}: ${f.message}`).join('; ')}`, { fields });
}

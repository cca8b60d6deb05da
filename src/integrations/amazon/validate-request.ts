import type { z } from 'zod';
import { err, ok, type Result } from '../../shared/result.js';
import { sourceError, type SourceError } from '../../domain/products/source-error.js';

/** Checks a request against Amazon's limits before it costs a request from the quota. */
export function validateRequest<S extends z.ZodType>(schema: S, request: unknown): Result<z.output<S>, SourceError> {
  const parsed = schema.safeParse(request);
  if (parsed.success) return ok(parsed.data);
  const problems = parsed.error.issues.map((i) => `${i.path.join('.') || 'request'}: ${i.message}`).join('; ');
  return err(sourceError('request_invalid', { message: `The request was not sent: ${problems}` }));
}

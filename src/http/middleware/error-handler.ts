import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, ERROR_CODES, isAppError } from '../../shared/errors.js';

/**
 * The one place where errors become HTTP responses: `{ code, message, fields? }`. Known codes keep
 * their message; anything unexpected is logged and answered with a generic 500 so that internals
 * never reach a client.
 */
export function handleError(error: FastifyError | AppError | Error, request: FastifyRequest, reply: FastifyReply): void {
  const appError = toAppError(error);
  const { status, expose } = ERROR_CODES[appError.code];
  if (status >= 500) request.log.error({ err: error, code: appError.code }, 'request failed');
  if (appError.retryAfterSeconds) void reply.header('retry-after', String(appError.retryAfterSeconds));
  void reply.status(status).send({
    code: appError.code,
    message: expose ? appError.message : 'Something went wrong on the server. The details are in the engine log.',
    ...(appError.fields.length ? { fields: appError.fields } : {}),
    ...appError.details,
  });
}

function toAppError(error: FastifyError | AppError | Error): AppError {
  if (isAppError(error)) return error;
  const fastifyError = error as FastifyError;
  if (fastifyError.validation) return new AppError('validation_failed', fastifyError.message);
  if (fastifyError.statusCode === 413) return new AppError('validation_failed', 'The request body is too large.');
  if (fastifyError.statusCode && fastifyError.statusCode >= 400 && fastifyError.statusCode < 500) {
    return new AppError('validation_failed', fastifyError.message);
  }
  return new AppError('internal', 'Unexpected error', { cause: error });
}

export function handleNotFound(request: FastifyRequest, reply: FastifyReply): void {
  handleError(new AppError('not_found', `No route for ${request.method} ${request.url.split('?')[0]}.`), request, reply);
}

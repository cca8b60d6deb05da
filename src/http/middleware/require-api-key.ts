import type { FastifyRequest } from 'fastify';
import type { EngineContext } from '../../domain/context.js';
import type { RelayTokenRecord } from '../../domain/ports.js';
import { verifyRelayToken } from '../../domain/relay/verify-relay-token.js';
import { SCOPE_NAMES, type TokenScope } from '../../domain/relay/token-scope.js';
import { AppError } from '../../shared/errors.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The scoped key the request was let in with (routes behind `createRequireApiKey`). */
    apiKey?: RelayTokenRecord;
  }
}

/**
 * An `onRequest` hook for routes called by other servers with a key of one scope
 * (`Authorization: Bearer …`): without one, the request ends before its body is even read.
 */
export function createRequireApiKey(ctx: EngineContext, scope: TokenScope) {
  const { noun } = SCOPE_NAMES[scope];
  return async function requireApiKey(request: FastifyRequest): Promise<void> {
    const key = await verifyRelayToken(ctx, request.headers.authorization, scope);
    if (!key) throw new AppError('unauthenticated', `A valid ${noun} is required (Authorization: Bearer …).`);
    request.apiKey = key;
  };
}

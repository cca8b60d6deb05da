import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { EngineContext } from '../../domain/context.js';
import { RELAY_OPERATIONS, serveRelayRequest, type RelayOperation } from '../../domain/products/serve-relay-request.js';
import { admitRelayRequest } from '../../domain/relay/admit-relay-request.js';
import { AppError } from '../../shared/errors.js';
import { createRequireApiKey } from '../middleware/require-api-key.js';

/** A relay request is a few hundred bytes of JSON; anything near this is not one. */
const BODY_LIMIT = 64 * 1024;

/**
 * The serving side of the PassiveWP relay: other engines fetch product data with a relay token.
 * The token and its requests per minute are checked when the request arrives, before its body is
 * read; a malformed body is a 400, never a failed Amazon call.
 */
export async function relayRoutes(app: FastifyInstance, { ctx }: { ctx: EngineContext }): Promise<void> {
  const requireRelayToken = createRequireApiKey(ctx, 'relay');
  const admit = (request: FastifyRequest) => admitRelayRequest(ctx, request.apiKey!);

  app.post<{ Params: { operation: string } }>('/api/relay/v1/:operation', { config: { auth: 'relay' }, onRequest: [requireRelayToken, admit], bodyLimit: BODY_LIMIT }, async (request) => {
    const operation = request.params.operation as RelayOperation;
    if (!RELAY_OPERATIONS.includes(operation)) throw new AppError('not_found', `Unknown relay operation "${request.params.operation}".`);
    return { result: await serveRelayRequest(ctx, operation, request.body, request.apiKey!) };
  });
}

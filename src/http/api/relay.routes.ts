import type { FastifyInstance } from 'fastify';
import type { EngineContext } from '../../domain/context.js';
import { RELAY_OPERATIONS, serveRelayRequest, type RelayOperation } from '../../domain/products/serve-relay-request.js';
import { verifyRelayToken } from '../../domain/relay/verify-relay-token.js';
import { AppError } from '../../shared/errors.js';

/** The serving side of the PassiveWP relay: other engines fetch product data with a relay token. */
export async function relayRoutes(app: FastifyInstance, { ctx }: { ctx: EngineContext }): Promise<void> {
  app.post<{ Params: { operation: string } }>('/api/relay/v1/:operation', { config: { auth: 'relay' } }, async (request) => {
    if (!(await verifyRelayToken(ctx, request.headers.authorization))) {
      throw new AppError('unauthenticated', 'A valid relay token is required (Authorization: Bearer …).');
    }
    const operation = request.params.operation as RelayOperation;
    if (!RELAY_OPERATIONS.includes(operation)) throw new AppError('not_found', `Unknown relay operation "${request.params.operation}".`);
    return { result: await serveRelayRequest(ctx, operation, request.body) };
  });
}

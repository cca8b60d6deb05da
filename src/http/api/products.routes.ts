import type { FastifyInstance } from 'fastify';
import type { EngineContext } from '../../domain/context.js';
import { addProduct } from '../../domain/products/add-product.js';
import { listProducts } from '../../domain/products/list-products.js';
import { listRefreshPauses } from '../../domain/products/list-refresh-pauses.js';
import { toProductView } from '../../domain/products/product-view.js';
import type { ProductRecord } from '../../domain/products/product-record.js';
import { readRefreshPolicy } from '../../domain/products/read-refresh-policy.js';
import { removeProduct } from '../../domain/products/remove-product.js';
import { requestProductRefresh } from '../../domain/products/request-product-refresh.js';

/** Products: list, add by ASIN or URL, remove, "Refresh now"; and the paused credentials behind the admin banner. */
export async function productsRoutes(app: FastifyInstance, { ctx }: { ctx: EngineContext }): Promise<void> {
  const view = async (record: ProductRecord) => toProductView(record, { now: ctx.clock.now(), maxAgeMs: (await readRefreshPolicy(ctx)).maxAgeMs });

  app.get('/api/products', (request) => listProducts(ctx, request.query));
  app.post('/api/products', async (request, reply) => {
    const record = await addProduct(ctx, request.body ?? {}, request.session!.adminEmail);
    return reply.code(201).send({ product: await view(record) });
  });
  app.delete<{ Params: { id: string } }>('/api/products/:id', async (request) => {
    await removeProduct(ctx, request.params.id, request.session!.adminEmail);
    return { removed: true };
  });
  app.post<{ Params: { id: string } }>('/api/products/:id/refresh', async (request, reply) => {
    const record = await requestProductRefresh(ctx, request.params.id, request.session!.adminEmail);
    return reply.code(202).send({ product: await view(record) });
  });
  app.get('/api/refresh-pauses', async () => ({ pauses: await listRefreshPauses(ctx) }));
}

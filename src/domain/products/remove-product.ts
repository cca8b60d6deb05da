import { AppError } from '../../shared/errors.js';
import type { EngineContext } from '../context.js';

/** Removes a product and its snapshot; a refresh in flight for it finds nothing to write. */
export async function removeProduct(ctx: EngineContext, id: string, actor: string): Promise<void> {
  if (!(await ctx.stores.products.remove(id))) throw new AppError('not_found', 'No such product.');
  ctx.logger.info({ productId: id, actor }, 'product removed');
}

import { AppError } from '../../shared/errors.js';
import { newId } from '../../shared/ids.js';
import type { EngineContext } from '../context.js';
import type { ProductRecord } from './product-record.js';
import { CLAIM_MS, REFRESH_BATCH_JOB, type RefreshBatchData } from './refresh-jobs.js';

/**
 * "Refresh now": claims the product at once (so it shows as refreshing and no cycle takes it
 * meanwhile) and queues a batch of one. A product already being refreshed is left to that refresh.
 */
export async function requestProductRefresh(ctx: EngineContext, id: string, actor: string): Promise<ProductRecord> {
  const record = await ctx.stores.products.find(id);
  if (!record) throw new AppError('not_found', 'No such product.');
  const now = ctx.clock.now();
  const claimToken = newId('claim');
  const claimed = await ctx.stores.products.claim([id], claimToken, new Date(now.getTime() + CLAIM_MS).toISOString(), now.toISOString());
  if (claimed.length) {
    const data: RefreshBatchData = { marketplace: record.marketplace, productIds: [id], claimToken };
    await ctx.jobs.send(REFRESH_BATCH_JOB, data);
    ctx.logger.info({ productId: id, actor }, 'product refresh requested');
  }
  return (await ctx.stores.products.find(id)) ?? record;
}

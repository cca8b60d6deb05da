import { z } from 'zod';
import { AppError } from '../../shared/errors.js';
import type { EngineContext } from '../context.js';
import { findMarketplace } from '../marketplaces/find-marketplace.js';
import { parseInput } from '../parse-input.js';
import { readSectionValues } from '../settings/read-section-values.js';
import { amazonSection } from '../settings/sections/amazon.js';
import { parseProductReference } from './parse-product-reference.js';
import { newProductRecord } from './new-product-record.js';
import type { ProductRecord } from './product-record.js';

const addProductInput = z.object({
  reference: z.string({ error: 'Paste an ASIN or the address of an Amazon product page.' }).trim().min(1, { error: 'Paste an ASIN or the address of an Amazon product page.' }).max(2000, { error: 'Use at most 2000 characters.' }),
  marketplace: z.string().trim().toLowerCase().optional(),
});

/**
 * Adds a product by ASIN or product URL. A URL names its marketplace; a bare ASIN uses the given
 * marketplace or the Default Country. The first refresh is left to the scheduler (or "Refresh now").
 */
export async function addProduct(ctx: EngineContext, input: unknown, actor: string): Promise<ProductRecord> {
  const { reference, marketplace: chosen } = parseInput(addProductInput, input, 'Product not added');
  const parsed = parseProductReference(reference);
  if (!parsed.ok) throw new AppError('validation_failed', parsed.error, { fields: [{ field: 'reference', message: parsed.error }] });
  if (chosen && !findMarketplace(chosen)) {
    throw new AppError('validation_failed', `Unknown marketplace "${chosen}".`, { fields: [{ field: 'marketplace', message: 'Choose one of the 22 Amazon marketplaces.' }] });
  }
  const fromUrl = parsed.value.marketplace;
  if (fromUrl && chosen && fromUrl !== findMarketplace(chosen)?.code) {
    const message = `The address is a product page on Amazon ${fromUrl.toUpperCase()}, not ${chosen.toUpperCase()}: leave the marketplace empty or paste the ASIN alone.`;
    throw new AppError('validation_failed', message, { fields: [{ field: 'marketplace', message }] });
  }
  const marketplace = fromUrl ?? findMarketplace(chosen ?? '')?.code ?? (await readSectionValues(ctx, amazonSection)).defaultCountry;

  const record = newProductRecord({ asin: parsed.value.asin, marketplace, addedBy: actor, addedAt: ctx.clock.now() });
  if (!(await ctx.stores.products.insert(record))) {
    throw new AppError('conflict', `${record.asin} is already in the ${marketplace.toUpperCase()} marketplace.`);
  }
  ctx.logger.info({ productId: record.id, asin: record.asin, marketplace, actor }, 'product added');
  return record;
}

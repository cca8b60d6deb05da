import { z } from 'zod';
import type { EngineContext } from '../context.js';
import { parseInput } from '../parse-input.js';
import { readSectionValues } from '../settings/read-section-values.js';
import { amazonSection } from '../settings/sections/amazon.js';
import { PRODUCT_STATES, type ProductState } from './product-state.js';
import { toProductView, type ProductView } from './product-view.js';
import { readRefreshPolicy } from './read-refresh-policy.js';

const listQuery = z.object({
  search: z.string().trim().max(200, { error: 'Use at most 200 characters.' }).optional(),
  marketplace: z.string().trim().toLowerCase().max(10).optional(),
  state: z.enum(PRODUCT_STATES, { error: `Choose one of: ${PRODUCT_STATES.join(', ')}.` }).optional(),
  limit: z.coerce.number({ error: 'Enter a number.' }).int({ error: 'Enter a whole number.' }).min(1, { error: 'From 1 to 500.' }).max(500, { error: 'From 1 to 500.' }).default(50),
  offset: z.coerce.number({ error: 'Enter a number.' }).int({ error: 'Enter a whole number.' }).min(0, { error: 'Not negative.' }).default(0),
});

export interface ProductList {
  products: ProductView[];
  total: number;
  /** Per state, within the search and marketplace filters. */
  counts: Record<ProductState, number>;
  defaultMarketplace: string;
  maxAgeHours: number;
}

export async function listProducts(ctx: EngineContext, input: unknown): Promise<ProductList> {
  const query = parseInput(listQuery, input, 'Bad product filter');
  const { maxAgeMs } = await readRefreshPolicy(ctx);
  const now = ctx.clock.now();
  const clock = { now: now.toISOString(), staleBefore: new Date(now.getTime() - maxAgeMs).toISOString() };
  const filter = { ...(query.search ? { search: query.search } : {}), ...(query.marketplace ? { marketplace: query.marketplace } : {}) };
  const [{ products, total }, counts, amazon] = await Promise.all([
    ctx.stores.products.list({ ...filter, ...(query.state ? { state: query.state } : {}), limit: query.limit, offset: query.offset }, clock),
    ctx.stores.products.countByState(clock, filter),
    readSectionValues(ctx, amazonSection),
  ]);
  return {
    products: products.map((record) => toProductView(record, { now, maxAgeMs })),
    total,
    counts,
    defaultMarketplace: amazon.defaultCountry,
    maxAgeHours: maxAgeMs / 3_600_000,
  };
}

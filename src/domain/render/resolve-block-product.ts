import { newProductRecord } from '../products/new-product-record.js';
import type { EngineContext } from '../context.js';
import { findMarketplace } from '../marketplaces/find-marketplace.js';
import { displayableSnapshot } from '../products/display-rules.js';
import type { Product } from '../products/product.js';
import type { ProductRecord } from '../products/product-record.js';
import { requestProductRefresh } from '../products/request-product-refresh.js';
import { buildProductUrl, buildSearchUrl } from './build-amazon-url.js';
import type { LinkMarketplace } from './choose-link-marketplace.js';
import type { NewProductAllowance } from './render-limits.js';

export type MissingInVisitorStore = 'search' | 'original';

export interface BlockProductRequest {
  asin: string;
  /** The block's own marketplace. */
  home: string;
  homeTag: string | null;
  /** Where the links should go (chooseLinkMarketplace). */
  link: LinkMarketplace;
  missingInVisitorStore: MissingInVisitorStore;
  /** What this render may still add: a product never seen is added only within it. */
  allowance: NewProductAllowance;
}

/**
 * What a block may show of one product, and where its link goes.
 * - `fresh`: a displayable snapshot; the link is Amazon's own detailPageUrl.
 * - `no_data`: never fetched, or older than 24 hours: a tagged product link and nothing else.
 * - `not_found`: Amazon does not have it there: a tagged search for the ASIN.
 * - `search`: not (yet) known in the visitor's store: a tagged search there; the home snapshot's
 *   title and image may describe it, but no price, availability or rating (they belong to the other store).
 */
export interface BlockProduct {
  asin: string;
  marketplace: string;
  url: string;
  state: 'fresh' | 'no_data' | 'not_found' | 'search';
  product: Product | null;
  /** Price, availability and rating may be shown (only for the store the link goes to). */
  offerShown: boolean;
  /** The product whose views the block counts (none when it was not added: over the render's allowance). */
  recordId: string | null;
}

const UNSEEN: ReadonlySet<ProductRecord['outcome']> = new Set(['not_found', 'not_accessible']);

/**
 * Reads stored data only (never Amazon): a product never seen in a marketplace is added there
 * (actor `render`, within the render's allowance) and its refresh queued, and the block renders a
 * tagged link meanwhile — as it does for a product the allowance did not let in.
 */
export async function resolveBlockProduct(ctx: EngineContext, request: BlockProductRequest): Promise<BlockProduct> {
  const { asin, home, homeTag, link } = request;
  const now = ctx.clock.now();
  if (link.localized) {
    const local = await ctx.stores.products.findByAsin(asin, link.marketplace);
    if (local && local.fetchedAt && !UNSEEN.has(local.outcome)) return fromRecord(local, link.tag, now);
    const added = local ?? (await addForRender(ctx, request, link.marketplace));
    if (request.missingInVisitorStore === 'search') {
      const homeRecord = await findOrAdd(ctx, request, home);
      const shown = homeRecord ? displayableSnapshot(homeRecord.snapshot, now) : null;
      return { asin, marketplace: link.marketplace, url: buildSearchUrl(storeOf(link.marketplace), { keywords: asin }, link.tag), state: 'search', product: shown, offerShown: false, recordId: added?.id ?? null };
    }
  }
  const record = await findOrAdd(ctx, request, home);
  return record ? fromRecord(record, homeTag, now) : { asin, marketplace: home, url: buildProductUrl(storeOf(home), asin, homeTag), state: 'no_data', product: null, offerShown: false, recordId: null };
}

function fromRecord(record: ProductRecord, tag: string | null, now: Date): BlockProduct {
  const { asin, marketplace, id } = record;
  const shown = displayableSnapshot(record.snapshot, now, tag);
  if (shown) return { asin, marketplace, url: shown.detailPageUrl, state: 'fresh', product: shown, offerShown: true, recordId: id };
  if (UNSEEN.has(record.outcome)) return { asin, marketplace, url: buildSearchUrl(storeOf(marketplace), { keywords: asin }, tag), state: 'not_found', product: null, offerShown: false, recordId: id };
  return { asin, marketplace, url: buildProductUrl(storeOf(marketplace), asin, tag), state: 'no_data', product: null, offerShown: false, recordId: id };
}

async function findOrAdd(ctx: EngineContext, request: BlockProductRequest, marketplace: string): Promise<ProductRecord | null> {
  return (await ctx.stores.products.findByAsin(request.asin, marketplace)) ?? addForRender(ctx, request, marketplace);
}

/** Adds a product a page uses and queues its first refresh (another render that added it first wins); null when the render's allowance is used up. */
async function addForRender(ctx: EngineContext, { asin, allowance }: BlockProductRequest, marketplace: string): Promise<ProductRecord | null> {
  if (!allowance.take(`${asin} in ${marketplace}`, 1)) return null;
  const record = newProductRecord({ asin, marketplace, addedBy: 'render', addedAt: ctx.clock.now() });
  if (!(await ctx.stores.products.insert(record))) {
    const existing = await ctx.stores.products.findByAsin(asin, marketplace);
    if (!existing) throw new Error(`product ${asin} in ${marketplace} was neither inserted nor found`);
    return existing;
  }
  ctx.logger.info({ productId: record.id, asin, marketplace, actor: 'render' }, 'product added by a page');
  return requestProductRefresh(ctx, record.id, 'render');
}

function storeOf(code: string) {
  const marketplace = findMarketplace(code);
  if (!marketplace) throw new Error(`unknown marketplace ${code}`);
  return marketplace;
}

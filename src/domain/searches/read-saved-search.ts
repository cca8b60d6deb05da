import { newId } from '../../shared/ids.js';
import type { EngineContext } from '../context.js';
import { parseInput } from '../parse-input.js';
import type { ProductRecord } from '../products/product-record.js';
import { CLAIM_MS } from '../products/refresh-jobs.js';
import { savedSearchParamsSchema, searchKey, SEARCH_REFRESH_JOB, type SavedSearchParams, type SavedSearchRecord, type SearchRefreshData } from './saved-search.js';

export interface SavedSearchView {
  id: string;
  /** The parameters as normalized and stored. */
  params: SavedSearchParams;
  /** When Amazon last answered; null until the first refresh. */
  fetchedAt: string | null;
  /** The products of the last answer that are in the products table, in Amazon's order. */
  products: ProductRecord[];
}

export interface ReadSavedSearchOptions {
  countView?: boolean;
  /** Asked before a search seen for the first time is saved; false saves nothing and the answer is undefined. */
  mayCreate?: (params: SavedSearchParams) => boolean;
}

/**
 * What a "list" block shows: the last stored answer of a saved search. Never calls Amazon: a
 * search seen for the first time is saved, claimed and its refresh queued (it has no products
 * until that job has run); afterwards the refresh cycle keeps it fresh. A visitor's read counts a view (most viewed refresh first).
 */
export async function readSavedSearch(ctx: EngineContext, params: SavedSearchParams, options?: { countView?: boolean }): Promise<SavedSearchView>;
export async function readSavedSearch(ctx: EngineContext, params: SavedSearchParams, options: ReadSavedSearchOptions): Promise<SavedSearchView | undefined>;
export async function readSavedSearch(ctx: EngineContext, params: SavedSearchParams, options: ReadSavedSearchOptions = {}): Promise<SavedSearchView | undefined> {
  const valid: SavedSearchParams = parseInput(savedSearchParamsSchema, params, 'Saved search refused');
  const store = ctx.stores.savedSearches;
  const key = searchKey(valid);
  let record = await store.findByKey(key);
  if (record && options.countView) await store.addViews(record.id, 1);
  else if (!record && options.mayCreate?.(valid) === false) return undefined;
  else record = await createSearch(ctx, valid, key);

  const found = await ctx.stores.products.findByAsins(record.resultAsins, record.params.marketplace);
  const byAsin = new Map(found.map((product) => [product.asin, product]));
  const products = record.resultAsins.flatMap((asin) => byAsin.get(asin) ?? []);
  return { id: record.id, params: record.params, fetchedAt: record.fetchedAt, products };
}

/** Saved with its claim already taken (one statement), so only the engine that created it queues its first refresh. */
async function createSearch(ctx: EngineContext, params: SavedSearchParams, key: string): Promise<SavedSearchRecord> {
  const now = ctx.clock.now();
  const claimToken = newId('claim');
  const record: SavedSearchRecord = {
    // shared/ids.ts has no kind for searches yet; the same shape with its own prefix.
    id: newId('search'),
    key,
    params,
    resultAsins: [],
    searchUrl: null,
    fetchedAt: null,
    attemptedAt: null,
    outcome: 'pending',
    cause: null,
    message: null,
    failures: 0,
    retryAfter: null,
    claimedBy: claimToken,
    claimedUntil: new Date(now.getTime() + CLAIM_MS).toISOString(),
    views: 1,
    createdAt: now.toISOString(),
  };
  if (!(await ctx.stores.savedSearches.insert(record))) {
    // Another reader (or engine) saved it a moment ago and queued its refresh.
    const existing = await ctx.stores.savedSearches.findByKey(key);
    if (!existing) throw new Error(`saved search ${key} was neither inserted nor found`);
    await ctx.stores.savedSearches.addViews(existing.id, 1);
    return existing;
  }
  const data: SearchRefreshData = { searchId: record.id, claimToken };
  await ctx.jobs.send(SEARCH_REFRESH_JOB, data);
  ctx.logger.info({ searchId: record.id, marketplace: params.marketplace }, 'saved search created');
  return record;
}

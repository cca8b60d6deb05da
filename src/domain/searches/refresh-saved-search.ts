import type { CauseCode } from '../connection-checks/cause-codes.js';
import type { EngineContext } from '../context.js';
import { fetchFromSources } from '../products/fetch-from-sources.js';
import { newProductRecord } from '../products/new-product-record.js';
import type { Product, ProductSourceName } from '../products/product.js';
import type { ProductRecord } from '../products/product-record.js';
import type { ProductSource } from '../products/product-source.js';
import { readRefreshPolicy } from '../products/read-refresh-policy.js';
import { CLAIM_MS } from '../products/refresh-jobs.js';
import { pauseCredential, PAUSING_CAUSES, RetryableRefreshError } from '../products/refresh-product-batch.js';
import { takeCredentialTurn } from '../products/take-credential-turn.js';
import { AMAZON_SORT_BY, type SavedSearchRecord, type SearchRefreshData } from './saved-search.js';

const MINUTE_MS = 60_000;
const WEEK_MS = 7 * 24 * 60 * MINUTE_MS;

export type SearchRefreshOutcome =
  | { kind: 'refreshed'; source: ProductSourceName; items: number }
  | { kind: 'empty'; source: ProductSourceName }
  | { kind: 'paused'; cause: CauseCode }
  | { kind: 'skipped'; reason: 'nothing_claimed' | 'paused' | 'unavailable' | 'quota_exhausted' }
  | { kind: 'failed'; cause: CauseCode };

/**
 * The `search-refresh` job: one SearchItems request through the sources of the API mode, with the
 * partner tag. On an answer it stores the ASINs in Amazon's order and writes each product's
 * snapshot into the products table (adding the ones not yet in use). A refused credential pauses
 * like product refreshes do; other failures back off.
 */
export async function refreshSavedSearch(ctx: EngineContext, data: SearchRefreshData): Promise<SearchRefreshOutcome> {
  const now = ctx.clock.now();
  const store = ctx.stores.savedSearches;
  const [claimed] = await store.claim([data.searchId], data.claimToken, new Date(now.getTime() + CLAIM_MS).toISOString(), now.toISOString());
  const search = claimed ? await store.find(claimed) : undefined;
  if (!search) return { kind: 'skipped', reason: 'nothing_claimed' };
  const release = () => store.release([search.id], data.claimToken);

  return takeCredentialTurn(ctx, search.params.marketplace, release, (sources, partnerTag) => fetchAndStore(ctx, search, data.claimToken, sources, partnerTag));
}

async function fetchAndStore(ctx: EngineContext, search: SavedSearchRecord, claimToken: string, sources: ProductSource[], partnerTag: string): Promise<SearchRefreshOutcome> {
  const store = ctx.stores.savedSearches;
  const { marketplace, keywords, browseNode, sort, count } = search.params;
  const result = await fetchFromSources(sources, (source) =>
    source.searchItems({ marketplace, partnerTag, ...(keywords ? { keywords } : {}), ...(browseNode ? { browseNodeId: browseNode } : {}), sortBy: AMAZON_SORT_BY[sort], itemCount: count }),
  );
  const attemptedAt = ctx.clock.now().toISOString();

  if (result.ok) {
    const seen = new Set<string>();
    // Only products of the store searched: an answer must not write into another store's products.
    const items = result.value.items.filter((item) => item.marketplace === marketplace && !seen.has(item.asin) && seen.add(item.asin));
    // Products first, so a reader who sees the new ASINs finds their snapshots.
    await ctx.stores.products.saveSnapshots(items.map((item) => asRecord(item, attemptedAt)));
    const answer = { asins: items.map((item) => item.asin), searchUrl: result.value.searchUrl, fetchedAt: attemptedAt };
    if (items.length) {
      await store.saveResult({ id: search.id, outcome: 'ok', cause: null, message: null, attemptedAt, failures: 0, retryAfter: null, result: answer }, claimToken);
      return { kind: 'refreshed', source: result.source, items: items.length };
    }
    // Nothing matches (now): kept as an empty list, asked again on the slow back-off of products Amazon does not find.
    const { notFoundRetryMs } = await readRefreshPolicy(ctx);
    const failures = search.failures + 1;
    const retryAfter = new Date(Date.parse(attemptedAt) + Math.min(notFoundRetryMs * 2 ** (failures - 1), WEEK_MS)).toISOString();
    await store.saveResult({ id: search.id, outcome: 'not_found', cause: 'item_not_found', message: 'Amazon found nothing for this search.', attemptedAt, failures, retryAfter, result: answer }, claimToken);
    return { kind: 'empty', source: result.source };
  }

  const error = result.error;
  if (PAUSING_CAUSES.has(error.cause)) {
    await pauseCredential(ctx, sources.find((s) => s.name === result.source) ?? sources[0]!, marketplace, error);
    await store.release([search.id], claimToken);
    return { kind: 'paused', cause: error.cause };
  }
  if (error.cause === 'quota_exhausted') {
    await store.release([search.id], claimToken);
    return { kind: 'skipped', reason: 'quota_exhausted' };
  }
  // The last answer stays; the search waits 5 minutes (doubling, at most 6 hours) before the cycle plans it again.
  const failures = search.failures + 1;
  const retryAfter = new Date(Date.parse(attemptedAt) + Math.min(5 * MINUTE_MS * 2 ** (failures - 1), 6 * 60 * MINUTE_MS)).toISOString();
  await store.saveResult({ id: search.id, outcome: 'error', cause: error.cause, message: error.message, attemptedAt, failures, retryAfter }, claimToken);
  if (error.retryable) throw new RetryableRefreshError(error.cause, error.message);
  return { kind: 'failed', cause: error.cause };
}

/** A product as a search found it: new ones are added by `search`; existing ones only take the snapshot. */
function asRecord(product: Product, attemptedAt: string): ProductRecord {
  const added = newProductRecord({ asin: product.asin, marketplace: product.marketplace, addedBy: 'search', addedAt: new Date(attemptedAt) });
  return { ...added, outcome: 'ok', snapshot: product, source: product.source, fetchedAt: product.fetchedAt, attemptedAt };
}

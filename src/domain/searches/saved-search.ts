import { z } from 'zod';
import type { CauseCode } from '../connection-checks/cause-codes.js';
import { MARKETPLACES } from '../marketplaces/catalogue.js';
import type { SearchItemsRequest } from '../products/source-requests.js';

/** The orders a "list" block offers, in our words. */
export const SAVED_SEARCH_SORTS = ['relevance', 'bestsellers', 'newest', 'price_low', 'price_high', 'reviews'] as const;
export type SavedSearchSort = (typeof SAVED_SEARCH_SORTS)[number];

/** Amazon's SortBy for each order (SearchItems has no "bestsellers": `Featured` is its closest). */
export const AMAZON_SORT_BY: Record<SavedSearchSort, NonNullable<SearchItemsRequest['sortBy']>> = {
  relevance: 'Relevance',
  bestsellers: 'Featured',
  newest: 'NewestArrivals',
  price_low: 'Price:LowToHigh',
  price_high: 'Price:HighToLow',
  reviews: 'AvgCustomerReviews',
};

export interface SavedSearchParams {
  marketplace: string;
  keywords: string | null;
  browseNode: string | null;
  sort: SavedSearchSort;
  /** Results kept, 1–10 (one SearchItems page). */
  count: number;
}

/** What the last refresh of a search ended with; `not_found` is an answer with no items. */
export type SavedSearchOutcome = 'pending' | 'ok' | 'not_found' | 'error';

export interface SavedSearchRecord {
  id: string;
  /** The normalized parameters as one string (`searchKey`): equal searches share one record. */
  key: string;
  params: SavedSearchParams;
  /** Amazon's last answer, in its order; the products themselves are in the products table. */
  resultAsins: string[];
  searchUrl: string | null;
  fetchedAt: string | null;
  attemptedAt: string | null;
  outcome: SavedSearchOutcome;
  cause: CauseCode | null;
  message: string | null;
  failures: number;
  retryAfter: string | null;
  claimedBy: string | null;
  claimedUntil: string | null;
  /** Reads by blocks: the most viewed are refreshed first. */
  views: number;
  createdAt: string;
}

/** One refresh attempt, written together with the release of the search's claim. */
export interface SavedSearchResult {
  id: string;
  outcome: Exclude<SavedSearchOutcome, 'pending'>;
  cause: CauseCode | null;
  message: string | null;
  attemptedAt: string;
  failures: number;
  retryAfter: string | null;
  /** Present when Amazon answered (possibly with no items): replaces the stored result. */
  result?: { asins: string[]; searchUrl: string | null; fetchedAt: string };
}

export const SEARCH_REFRESH_JOB = 'search-refresh';

/** The payload of a search refresh: ids only (the Jobs screen shows it). */
export interface SearchRefreshData {
  searchId: string;
  /** The claim taken by whoever queued the job; the job renews it. */
  claimToken: string;
}

const MARKETPLACE_CODES = new Set(MARKETPLACES.map((m) => m.code));

/** Trimmed, single-spaced, lower-cased (Amazon's keyword search ignores case); empty means none. */
function normalizeKeywords(value: string | null | undefined): string | null {
  const text = (value ?? '').normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
  return text || null;
}

/** The parameters of a saved search, normalized, within Amazon's SearchItems limits. */
export const savedSearchParamsSchema = z
  .object({
    marketplace: z
      .string({ error: 'Choose a marketplace.' })
      .trim()
      .toLowerCase()
      .refine((code) => MARKETPLACE_CODES.has(code), { error: 'Unknown marketplace code.' }),
    keywords: z
      .string({ error: 'Keywords are text.' })
      .nullish()
      .transform(normalizeKeywords)
      .pipe(z.string().max(1000, { error: 'Use at most 1000 characters.' }).nullable()),
    browseNode: z
      .string({ error: 'A browse node id is a number.' })
      .nullish()
      .transform((v) => v?.trim() || null)
      .pipe(z.string().regex(/^[1-9][0-9]{0,18}$/, { error: 'A browse node id is a number.' }).nullable()),
    sort: z.enum(SAVED_SEARCH_SORTS, { error: `Sort by one of ${SAVED_SEARCH_SORTS.join(', ')}.` }),
    count: z.number({ error: 'Count is a number from 1 to 10.' }).int({ error: 'Count is a whole number.' }).min(1, { error: 'Count is at least 1.' }).max(10, { error: 'Count is at most 10.' }),
  })
  .refine((p) => p.keywords !== null || p.browseNode !== null, { error: 'Give keywords or a browse node.', path: ['keywords'] });

/** The canonical form of normalized parameters: the unique key of a saved search. */
export function searchKey(params: SavedSearchParams): string {
  return JSON.stringify([params.marketplace, params.keywords, params.browseNode, params.sort, params.count]);
}

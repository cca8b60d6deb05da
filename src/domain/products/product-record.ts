import type { CauseCode } from '../connection-checks/cause-codes.js';
import type { Product, ProductSourceName } from './product.js';

/** What the last refresh of a product ended with; `pending` until its first answer. */
export type RefreshOutcome = 'pending' | 'ok' | 'not_found' | 'not_accessible' | 'error';

/** One product in use: an ASIN in one marketplace, its latest snapshot and its refresh bookkeeping. */
export interface ProductRecord {
  id: string;
  asin: string;
  marketplace: string;
  addedAt: string;
  addedBy: string;
  /** Page views of blocks showing it: the most viewed are refreshed first when the quota is short. */
  views: number;
  outcome: RefreshOutcome;
  /** Why the last refresh failed (item or request level); null after a success. */
  cause: CauseCode | null;
  message: string | null;
  /** The latest snapshot (image URLs only), dropped once older than Amazon's 24 hours. */
  snapshot: Product | null;
  source: ProductSourceName | null;
  /** When the snapshot was fetched; stays set after the snapshot is dropped, to show its age. */
  fetchedAt: string | null;
  attemptedAt: string | null;
  /** Failed refreshes in a row: the back-off grows with it. */
  failures: number;
  /** Not refreshed by the scheduler before this time (back-off after a failure or "not found"). */
  retryAfter: string | null;
  /** The lease of a refresh in flight: who holds it and until when. */
  claimedBy: string | null;
  claimedUntil: string | null;
}

/** The result of one refresh attempt for one product, written together with the release of its claim. */
export interface RefreshResult {
  id: string;
  outcome: RefreshOutcome;
  cause: CauseCode | null;
  message: string | null;
  /** Present on success: replaces the snapshot. */
  snapshot?: { product: Product; source: ProductSourceName; fetchedAt: string };
  attemptedAt: string;
  failures: number;
  retryAfter: string | null;
}

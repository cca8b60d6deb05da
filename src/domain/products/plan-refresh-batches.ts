import type { ProductRecord } from './product-record.js';

/** Amazon's GetItems takes at most 10 ASINs of one marketplace. */
export const ASINS_PER_REQUEST = 10;

export type RefreshCandidate = Pick<ProductRecord, 'id' | 'marketplace' | 'fetchedAt'>;

export interface PlannedBatch {
  marketplace: string;
  productIds: string[];
}

/**
 * Turns candidates (due ones first, in priority order, then ones that may go early) into at most
 * `maxRequests` requests of up to 10 ASINs of one marketplace. Every request is opened by a due
 * product, in priority order; requests that are not full are topped up with early ones of the
 * same marketplace, so the quota buys 10 ASINs per request wherever there are 10 to refresh.
 */
export function planRefreshBatches(candidates: readonly RefreshCandidate[], dueBefore: string, maxRequests: number): PlannedBatch[] {
  const batches: PlannedBatch[] = [];
  const open = new Map<string, PlannedBatch>();
  const early: RefreshCandidate[] = [];
  for (const candidate of candidates) {
    const due = candidate.fetchedAt === null || candidate.fetchedAt < dueBefore;
    if (!due) {
      early.push(candidate);
      continue;
    }
    let batch = open.get(candidate.marketplace);
    if (!batch) {
      if (batches.length >= maxRequests) continue;
      batch = { marketplace: candidate.marketplace, productIds: [] };
      batches.push(batch);
      open.set(candidate.marketplace, batch);
    }
    batch.productIds.push(candidate.id);
    if (batch.productIds.length === ASINS_PER_REQUEST) open.delete(candidate.marketplace);
  }
  for (const candidate of early) {
    const batch = open.get(candidate.marketplace);
    if (!batch) continue;
    batch.productIds.push(candidate.id);
    if (batch.productIds.length === ASINS_PER_REQUEST) open.delete(candidate.marketplace);
  }
  return batches;
}

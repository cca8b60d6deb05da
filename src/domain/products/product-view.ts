import { CAUSES, type CauseDefinition } from '../connection-checks/cause-codes.js';
import { displayableSnapshot } from './display-rules.js';
import type { ProductSourceName } from './product.js';
import type { ProductRecord } from './product-record.js';
import { productStateAt, type ProductState } from './product-state.js';

/** A product as the admin (API, CLI) sees it. Prices appear only with their fetch time and only while they may be shown. */
export interface ProductView {
  id: string;
  asin: string;
  marketplace: string;
  state: ProductState;
  cause: string | null;
  message: string | null;
  fix: string | null;
  title: string | null;
  imageUrl: string | null;
  detailPageUrl: string | null;
  price: { display: string; fetchedAt: string } | null;
  availability: string | null;
  source: ProductSourceName | null;
  fetchedAt: string | null;
  /** Data was fetched but is older than Amazon's 24 hours, so none of it is shown. */
  snapshotExpired: boolean;
  addedAt: string;
  views: number;
  nextRefreshAt: string | null;
}

export interface ViewClock {
  now: Date;
  maxAgeMs: number;
}

export function toProductView(record: ProductRecord, { now, maxAgeMs }: ViewClock): ProductView {
  const nowIso = now.toISOString();
  const staleBefore = new Date(now.getTime() - maxAgeMs).toISOString();
  const shown = displayableSnapshot(record.snapshot, now);
  return {
    id: record.id,
    asin: record.asin,
    marketplace: record.marketplace,
    state: productStateAt(record, nowIso, staleBefore),
    cause: record.cause,
    message: record.message,
    fix: fixOf(record.cause),
    title: shown?.title ?? null,
    imageUrl: shown?.images.primary?.url ?? null,
    detailPageUrl: shown?.detailPageUrl ?? null,
    price: shown?.price ? { display: shown.price.display, fetchedAt: shown.fetchedAt } : null,
    availability: shown?.availability?.message ?? shown?.availability?.type ?? null,
    source: record.source,
    fetchedAt: record.fetchedAt,
    snapshotExpired: record.fetchedAt !== null && !shown,
    addedAt: record.addedAt,
    views: record.views,
    nextRefreshAt: nextRefreshAt(record, maxAgeMs, nowIso),
  };
}

/** A cause stored by another version (or by hand) that this one does not know has no fix to show. */
function fixOf(cause: string | null): string | null {
  return cause ? ((CAUSES as Record<string, CauseDefinition | undefined>)[cause]?.fix ?? null) : null;
}

/** When the scheduler will look at it next: when it comes due, or after its back-off. */
function nextRefreshAt(record: ProductRecord, maxAgeMs: number, nowIso: string): string | null {
  // A fetch time that is not a time (a damaged row) counts as never fetched.
  const dueAt = new Date(Date.parse(record.fetchedAt ?? '') + maxAgeMs);
  const due = Number.isNaN(dueAt.getTime()) ? nowIso : dueAt.toISOString();
  const later = record.retryAfter && record.retryAfter > due ? record.retryAfter : due;
  return later < nowIso ? nowIso : later;
}

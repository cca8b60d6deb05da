import type { CauseCode } from '../connection-checks/cause-codes.js';
import { findFixField } from '../connection-checks/find-fix-field.js';
import { listCheckTargets } from '../connection-checks/list-check-targets.js';
import type { EngineContext } from '../context.js';
import { findMarketplace } from '../marketplaces/find-marketplace.js';
import { readSectionValues } from '../settings/read-section-values.js';
import { amazonSection } from '../settings/sections/amazon.js';
import { describeCredential } from './describe-credential.js';
import { fetchFromSources } from './fetch-from-sources.js';
import type { ProductSource } from './product-source.js';
import type { ProductRecord, RefreshResult } from './product-record.js';
import { readRefreshPolicy, type RefreshPolicy } from './read-refresh-policy.js';
import { CLAIM_MS, type RefreshBatchData } from './refresh-jobs.js';
import { resolveProductSources } from './resolve-product-sources.js';
import { takeCredentialTurn } from './take-credential-turn.js';
import type { SourceError } from './source-error.js';

/** Answers that mean the credential itself is refused: asking again with it cannot help, so its refreshes pause. */
export const PAUSING_CAUSES: ReadonlySet<CauseCode> = new Set(['credentials_invalid', 'not_eligible', 'associate_invalid', 'endpoint_retired', 'relay_unauthorized']);

const MINUTE_MS = 60_000;
const WEEK_MS = 7 * 24 * 60 * MINUTE_MS;

/** A failure worth another attempt of the whole batch (the job queue retries it with backoff). */
export class RetryableRefreshError extends Error {
  override name = 'RetryableRefreshError';
  /** Its message is meant for people (the Jobs screen shows it without the class name). */
  readonly expected = true;
  constructor(readonly causeCode: CauseCode, message: string) {
    super(`${causeCode}: ${message}`);
  }
}

export type BatchOutcome =
  | { kind: 'refreshed'; source: ProductSource['name']; refreshed: number; notFound: number; failed: number }
  | { kind: 'paused'; cause: CauseCode }
  | { kind: 'skipped'; reason: 'nothing_claimed' | 'paused' | 'unavailable' | 'quota_exhausted' }
  | { kind: 'failed'; cause: CauseCode };

/**
 * Refreshes up to 10 products of one marketplace with one GetItems request, through the sources of
 * the API mode (Auto falls back to the next source unless the failure is about credentials), and
 * stores each product's answer. A refused credential pauses instead of failing again and again.
 */
export async function refreshProductBatch(ctx: EngineContext, data: RefreshBatchData): Promise<BatchOutcome> {
  const now = ctx.clock.now();
  const store = ctx.stores.products;
  const ids = await store.claim(data.productIds, data.claimToken, new Date(now.getTime() + CLAIM_MS).toISOString(), now.toISOString());
  if (!ids.length) return { kind: 'skipped', reason: 'nothing_claimed' };
  const release = () => store.release(ids, data.claimToken);

  return takeCredentialTurn(ctx, data.marketplace, release, (sources, partnerTag) => fetchAndStore(ctx, data, ids, sources, partnerTag));
}

async function fetchAndStore(ctx: EngineContext, data: RefreshBatchData, ids: string[], sources: ProductSource[], partnerTag: string): Promise<BatchOutcome> {
  const store = ctx.stores.products;
  const release = () => store.release(ids, data.claimToken);
  const records = await store.findMany(ids);
  const policy = await readRefreshPolicy(ctx);
  const result = await fetchFromSources(sources, (source) => source.getItems({ marketplace: data.marketplace, partnerTag, itemIds: records.map((r) => r.asin) }));
  const attemptedAt = ctx.clock.now().toISOString();

  if (result.ok) {
    const byAsin = new Map(result.value.items.map((item) => [item.asin, item]));
    const errors = new Map(result.value.itemErrors.filter((e) => e.asin).map((e) => [e.asin!, e]));
    const results = records.map((record): RefreshResult => {
      const item = byAsin.get(record.asin);
      if (item) return { id: record.id, outcome: 'ok', cause: null, message: null, snapshot: { product: item, source: result.source, fetchedAt: item.fetchedAt }, attemptedAt, failures: 0, retryAfter: null };
      const error = errors.get(record.asin);
      const cause: CauseCode = error?.cause ?? 'item_not_found';
      return itemFailure(record, cause, error?.message || `Amazon returned nothing for ${record.asin}.`, attemptedAt, policy);
    });
    await store.saveResults(results, data.claimToken);
    const refreshed = results.filter((r) => r.outcome === 'ok').length;
    const notFound = results.filter((r) => r.outcome === 'not_found' || r.outcome === 'not_accessible').length;
    return { kind: 'refreshed', source: result.source, refreshed, notFound, failed: results.length - refreshed - notFound };
  }

  const error = result.error;
  if (PAUSING_CAUSES.has(error.cause)) {
    await pauseCredential(ctx, sources.find((s) => s.name === result.source) ?? sources[0]!, data.marketplace, error);
    await release();
    return { kind: 'paused', cause: error.cause };
  }
  if (error.cause === 'quota_exhausted') {
    await release();
    return { kind: 'skipped', reason: 'quota_exhausted' };
  }
  await store.saveResults(records.map((record) => requestFailure(record, error, attemptedAt)), data.claimToken);
  if (error.retryable) throw new RetryableRefreshError(error.cause, error.message);
  return { kind: 'failed', cause: error.cause };
}

/** Not found / not accessible: asked again on a slow back-off (doubling, at most a week), not every cycle. */
function itemFailure(record: ProductRecord, cause: CauseCode, message: string, attemptedAt: string, policy: RefreshPolicy): RefreshResult {
  const outcome = cause === 'item_not_accessible' ? 'not_accessible' : cause === 'item_not_found' ? 'not_found' : 'error';
  const failures = record.failures + 1;
  const waitMs = outcome === 'error' ? backoff(failures) : Math.min(policy.notFoundRetryMs * 2 ** (failures - 1), WEEK_MS);
  return { id: record.id, outcome, cause, message, attemptedAt, failures, retryAfter: new Date(Date.parse(attemptedAt) + waitMs).toISOString() };
}

/** The whole request failed: every product keeps its snapshot and records why, and waits a little before the scheduler tries again. */
function requestFailure(record: ProductRecord, error: SourceError, attemptedAt: string): RefreshResult {
  const failures = record.failures + 1;
  return { id: record.id, outcome: 'error', cause: error.cause, message: error.message, attemptedAt, failures, retryAfter: new Date(Date.parse(attemptedAt) + backoff(failures)).toISOString() };
}

/** 5 minutes, doubling, at most 6 hours. */
function backoff(failures: number): number {
  return Math.min(5 * MINUTE_MS * 2 ** (failures - 1), 6 * 60 * MINUTE_MS);
}

export async function pauseCredential(ctx: EngineContext, source: ProductSource, marketplace: string, error: SourceError): Promise<void> {
  const values = await readSectionValues(ctx, amazonSection);
  const target = listCheckTargets(values).find((t) => t.marketplace.code === marketplace);
  const fixField = target ? findFixField({ cause: error.cause, source: source.name, mode: values.mode, target, vendorCode: error.vendorCode }) : null;
  const marketplaces = (await ctx.stores.products.marketplaces()).map((m) => m.marketplace);
  const sharing: string[] = [];
  for (const code of marketplaces) {
    const found = findMarketplace(code);
    const resolved = found ? await resolveProductSources(ctx, found) : undefined;
    if (resolved?.ok && resolved.value.sources.some((s) => s.credentialKey === source.credentialKey)) sharing.push(code);
  }
  await ctx.stores.refreshPauses.add({
    credentialKey: source.credentialKey,
    source: source.name,
    label: describeCredential(source.name, source.credentialKey),
    marketplaces: sharing.length ? sharing : [marketplace],
    cause: error.cause,
    message: error.message,
    vendorCode: error.vendorCode ?? null,
    fixField,
    pausedAt: ctx.clock.now().toISOString(),
  });
  ctx.logger.warn({ source: source.name, marketplace, cause: error.cause, vendorCode: error.vendorCode }, 'product refreshes paused: Amazon refused the credential');
}

import { newId } from '../../shared/ids.js';
import type { CauseCode } from '../connection-checks/cause-codes.js';
import type { EngineContext } from '../context.js';
import { findMarketplace } from '../marketplaces/find-marketplace.js';
import { planSearchRefreshes, searchCredentialKeys, type SearchPlanReport } from '../searches/plan-search-refreshes.js';
import { DISPLAY_LIMIT_MS } from './display-rules.js';
import { planRefreshBatches, ASINS_PER_REQUEST } from './plan-refresh-batches.js';
import { readRefreshPolicy } from './read-refresh-policy.js';
import { refreshBudget } from './refresh-budget.js';
import { CLAIM_MS, REFRESH_BATCH_JOB, REFRESH_CYCLE_MS, type RefreshBatchData } from './refresh-jobs.js';
import { resolveProductSources } from './resolve-product-sources.js';

/** Products may be refreshed this much before they are due, to fill a request up to 10 ASINs. */
const EARLY_MS = 60 * 60 * 1000;

export interface CycleLaneReport {
  credentialKey: string;
  marketplaces: string[];
  /** Requests the budget allowed this cycle. */
  budget: number;
  requests: number;
  products: number;
}

export interface CycleReport {
  lanes: CycleLaneReport[];
  /** Marketplaces skipped because their credential is paused. */
  paused: string[];
  /** Marketplaces no source can serve (missing credentials or partner tag). */
  unavailable: Array<{ marketplace: string; cause: CauseCode }>;
  droppedSnapshots: number;
  /** Ids of the batch jobs sent. */
  jobs: string[];
  /** The saved searches planned after the products (src/domain/searches/plan-search-refreshes.ts). */
  searches?: SearchPlanReport;
}

/**
 * One planning pass: drops snapshots past Amazon's 24 hours, then per credential picks the due
 * products (most viewed, then stalest), claims them and sends one batch job per request of up to
 * 10 ASINs, spaced by the credential's rate so batches that run on several engines still arrive
 * at Amazon one by one.
 */
export async function runRefreshCycle(ctx: EngineContext, options: { cycleMs?: number } = {}): Promise<CycleReport> {
  const cycleMs = options.cycleMs ?? REFRESH_CYCLE_MS;
  const { maxAgeMs } = await readRefreshPolicy(ctx);
  const now = ctx.clock.now();
  const nowIso = now.toISOString();
  const report: CycleReport = { lanes: [], paused: [], unavailable: [], droppedSnapshots: 0, jobs: [] };
  report.droppedSnapshots = await ctx.stores.products.dropSnapshotsBefore(new Date(now.getTime() - DISPLAY_LIMIT_MS).toISOString());

  const paused = new Set((await ctx.stores.refreshPauses.list()).map((pause) => pause.credentialKey));
  const lanes = new Map<string, { marketplaces: string[]; products: number }>();
  const inUse = new Set<string>();
  for (const { marketplace: code, count } of await ctx.stores.products.marketplaces()) {
    const marketplace = findMarketplace(code);
    if (!marketplace) continue;
    const resolved = await resolveProductSources(ctx, marketplace);
    if (!resolved.ok) {
      report.unavailable.push({ marketplace: code, cause: resolved.error.cause });
      continue;
    }
    const { sources } = resolved.value;
    for (const source of sources) inUse.add(source.credentialKey);
    if (sources.some((source) => paused.has(source.credentialKey))) {
      report.paused.push(code);
      continue;
    }
    const key = sources[0]!.credentialKey;
    const lane = lanes.get(key) ?? { marketplaces: [], products: 0 };
    lane.marketplaces.push(code);
    lane.products += count;
    lanes.set(key, lane);
  }

  // A credential the settings no longer use (replaced, or its API mode switched off) has nothing left to pause.
  // Saved searches use credentials too: a pause one of them caused stays until a check ends it.
  for (const key of await searchCredentialKeys(ctx)) inUse.add(key);
  const unused = [...paused].filter((key) => !inUse.has(key));
  if (unused.length) await ctx.stores.refreshPauses.remove(unused);

  const limits = ctx.productSources.limits;
  // Due two cycles ahead: one until the next planning pass, one for this pass's requests to take
  // their turns at the credential's rate; so a product is refreshed before it reaches the maximum age, not after.
  const dueBefore = new Date(now.getTime() - maxAgeMs + 2 * cycleMs).toISOString();
  const fillBefore = new Date(now.getTime() - maxAgeMs + 2 * cycleMs + EARLY_MS).toISOString();
  const spacingMs = (1000 / limits.requestsPerSecond) * 1.05;
  for (const [credentialKey, lane] of lanes) {
    const usedToday = await ctx.stores.quota.used(credentialKey, nowIso.slice(0, 10));
    const budget = refreshBudget({ limits, usedToday, now, cycleMs, maxAgeMs, products: lane.products });
    const candidates = budget
      ? await ctx.stores.products.listDue({ marketplaces: lane.marketplaces, now: nowIso, dueBefore, fillBefore, limit: (budget + lane.marketplaces.length) * ASINS_PER_REQUEST })
      : [];
    const batches = planRefreshBatches(candidates, dueBefore, budget);
    const claimToken = newId('claim');
    const claimed = new Set(await ctx.stores.products.claim(batches.flatMap((b) => b.productIds), claimToken, new Date(now.getTime() + CLAIM_MS).toISOString(), nowIso));
    let requests = 0;
    let products = 0;
    for (const batch of batches) {
      const productIds = batch.productIds.filter((id) => claimed.has(id));
      if (!productIds.length) continue;
      const data: RefreshBatchData = { marketplace: batch.marketplace, productIds, claimToken };
      const id = await ctx.jobs.send(REFRESH_BATCH_JOB, data, { startAfter: new Date(now.getTime() + requests * spacingMs) });
      if (id) report.jobs.push(id);
      requests += 1;
      products += productIds.length;
    }
    report.lanes.push({ credentialKey, marketplaces: lane.marketplaces, budget, requests, products });
  }
  // Saved searches come after the products' lanes: per credential, what its budget has left (at
  // most a tenth of it, at least one request when one is due), queued behind the lane's batches.
  report.searches = await planSearchRefreshes(ctx, { now, cycleMs, maxAgeMs, paused, productLanes: report.lanes });
  if (report.jobs.length || report.searches.jobs.length || report.paused.length) ctx.logger.info({ lanes: report.lanes, searches: report.searches.lanes, paused: report.paused, unavailable: report.unavailable }, 'refresh cycle planned');
  return report;
}

import { newId } from '../../shared/ids.js';
import type { EngineContext } from '../context.js';
import { findMarketplace } from '../marketplaces/find-marketplace.js';
import type { ProductSource } from '../products/product-source.js';
import { refreshBudget } from '../products/refresh-budget.js';
import { CLAIM_MS } from '../products/refresh-jobs.js';
import { resolveProductSources } from '../products/resolve-product-sources.js';
import { SEARCH_REFRESH_JOB, type SearchRefreshData } from './saved-search.js';

/** At most this share of a credential's budget in a cycle goes to saved searches (at least one request when one is due). */
const SEARCH_SHARE = 0.1;

/**
 * A search is due three cycles before its maximum age: one cycle ahead of its products (due two
 * cycles ahead, see run-refresh-cycle.ts), so the search's answer renews their snapshots and the
 * products' lanes do not spend GetItems requests on them as well.
 */
const LEAD_CYCLES = 3;

export interface SearchPlanInput {
  now: Date;
  cycleMs: number;
  maxAgeMs: number;
  /** Credentials whose refreshes are paused: their searches wait too. */
  paused: ReadonlySet<string>;
  /** What this cycle's product lanes were allowed and used, per credential. */
  productLanes: ReadonlyArray<{ credentialKey: string; budget: number; requests: number }>;
}

export interface SearchLaneReport {
  credentialKey: string;
  marketplaces: string[];
  /** Requests this cycle allowed for searches. */
  share: number;
  searches: number;
}

export interface SearchPlanReport {
  lanes: SearchLaneReport[];
  /** Marketplaces with searches whose credential is paused. */
  paused: string[];
  jobs: string[];
}

/**
 * Queues the refreshes of due saved searches (most viewed, then stalest), per credential, within
 * what its budget has left after the products' lanes and at most a tenth of it; each search is
 * claimed and gets one `search-refresh` job, spaced behind the lane's product batches.
 */
export async function planSearchRefreshes(ctx: EngineContext, input: SearchPlanInput): Promise<SearchPlanReport> {
  const report: SearchPlanReport = { lanes: [], paused: [], jobs: [] };
  const store = ctx.stores.savedSearches;
  const lanes = new Map<string, string[]>();
  for (const { code, sources } of await searchSources(ctx)) {
    if (sources.some((source) => input.paused.has(source.credentialKey))) {
      report.paused.push(code);
      continue;
    }
    const key = sources[0]!.credentialKey;
    lanes.set(key, [...(lanes.get(key) ?? []), code]);
  }

  const { now, cycleMs, maxAgeMs } = input;
  const nowIso = now.toISOString();
  const limits = ctx.productSources.limits;
  const spacingMs = (1000 / limits.requestsPerSecond) * 1.05;
  const dueBefore = new Date(now.getTime() - maxAgeMs + LEAD_CYCLES * cycleMs).toISOString();
  for (const [credentialKey, marketplaces] of lanes) {
    const products = input.productLanes.find((lane) => lane.credentialKey === credentialKey);
    const budget = products?.budget ?? refreshBudget({ limits, usedToday: await ctx.stores.quota.used(credentialKey, nowIso.slice(0, 10)), now, cycleMs, maxAgeMs, products: 0 });
    const queuedAhead = products?.requests ?? 0;
    const share = Math.max(0, Math.min(budget - queuedAhead, Math.max(1, Math.floor(budget * SEARCH_SHARE))));
    const due = share ? await store.listDue({ marketplaces, now: nowIso, dueBefore, limit: share }) : [];
    const claimToken = newId('claim');
    const claimed = new Set(await store.claim(due.map((search) => search.id), claimToken, new Date(now.getTime() + CLAIM_MS).toISOString(), nowIso));
    let searches = 0;
    for (const { id } of due) {
      if (!claimed.has(id)) continue;
      const data: SearchRefreshData = { searchId: id, claimToken };
      const jobId = await ctx.jobs.send(SEARCH_REFRESH_JOB, data, { startAfter: new Date(now.getTime() + (queuedAhead + searches) * spacingMs) });
      if (jobId) report.jobs.push(jobId);
      searches += 1;
    }
    report.lanes.push({ credentialKey, marketplaces, share, searches });
  }
  return report;
}

/** Credentials that serve marketplaces with saved searches: the cycle keeps their pauses even where no product uses them. */
export async function searchCredentialKeys(ctx: EngineContext): Promise<string[]> {
  return (await searchSources(ctx)).flatMap(({ sources }) => sources.map((source) => source.credentialKey));
}

/** The sources of each marketplace that has saved searches (marketplaces no source can serve are left out). */
async function searchSources(ctx: EngineContext): Promise<Array<{ code: string; sources: ProductSource[] }>> {
  const found: Array<{ code: string; sources: ProductSource[] }> = [];
  for (const { marketplace: code } of await ctx.stores.savedSearches.marketplaces()) {
    const marketplace = findMarketplace(code);
    const resolved = marketplace ? await resolveProductSources(ctx, marketplace) : undefined;
    if (resolved?.ok) found.push({ code, sources: resolved.value.sources });
  }
  return found;
}

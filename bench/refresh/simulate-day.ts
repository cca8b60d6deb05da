import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { EngineContext } from '../../src/domain/context.js';
import { findMarketplace } from '../../src/domain/marketplaces/find-marketplace.js';
import type { CredentialVersion } from '../../src/domain/marketplaces/catalogue.js';
import type { ProductRecord } from '../../src/domain/products/product-record.js';
import { readRefreshPolicy } from '../../src/domain/products/read-refresh-policy.js';
import { refreshProductBatch, RetryableRefreshError, type BatchOutcome } from '../../src/domain/products/refresh-product-batch.js';
import { CLAIM_MS, REFRESH_BATCH_JOB, REFRESH_CYCLE_MS, type RefreshBatchData } from '../../src/domain/products/refresh-jobs.js';
import { resolveProductSources } from '../../src/domain/products/resolve-product-sources.js';
import { runRefreshCycle } from '../../src/domain/products/run-refresh-cycle.js';
import { saveSection } from '../../src/domain/settings/save-section.js';
import { createSourceFactory } from '../../src/integrations/create-source-factory.js';
import { LOOPBACK_HTTP } from '../../tests/helpers/loopback-http.js';
import { openEngine } from '../../src/main.js';
import { newId } from '../../src/shared/ids.js';
import { demoCredential, demoTag } from '../../tests/fakes/amazon/index.js';
import { FreshnessLedger, type LedgerReport } from './freshness-ledger.js';
import { generatedAsin, type ManyAsinsFake } from './many-asins-fake.js';
import { SimulatedJobQueue } from './simulated-job-queue.js';

export const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/** One store per region, each on its own Creators credential. */
export const STORES: ReadonlyArray<{ code: string; version: CredentialVersion }> = [
  { code: 'us', version: '3.1' },
  { code: 'de', version: '3.2' },
  { code: 'jp', version: '3.3' },
];

/** The simulated clock shared by the engine, its pacer and clients, and the fake Amazon. */
export class VirtualClock {
  constructor(public ms: number) {}
  readonly now = (): number => this.ms;
  /** The pacer's wait: time simply moves on (one job runs at a time, so nobody else is waiting). */
  readonly sleep = async (ms: number): Promise<void> => {
    if (ms > 0) this.ms += ms;
  };
  advanceTo(ms: number): void {
    if (ms > this.ms) this.ms = ms;
  }
}

export type Planner = 'engine' | 'naive';

export interface DayOptions {
  fake: ManyAsinsFake;
  clock: VirtualClock;
  /** UTC midnight: the simulated day is [start, start + 24 h). */
  start: number;
  products: number;
  /** steady: fetched_at spread evenly over the previous maximum age; cold: never fetched. */
  initial: 'steady' | 'cold';
  planner: Planner;
  /** A planning pass to use instead of the engine's (what-if experiments). */
  plan?: (ctx: EngineContext) => Promise<{ lanes: Array<{ budget: number }> }>;
  requestsPerSecond: number;
  dailyQuota: number;
}

export interface DayResult {
  ledger: LedgerReport;
  getItems: number;
  asinsSent: number;
  throttled: number;
  otherFailures: number;
  outcomes: Record<string, number>;
  retryableErrors: number;
  cycles: number;
  budgetOffered: number;
  jobsSent: number;
  jobsLeftAtEnd: number;
  /** Requests per credential by the UTC hour they were sent. */
  perHour: number[];
  quotaUsed: number[];
  /** Wall time of the simulated day alone, and of setting it up (engine, settings, inserts). */
  wallMs: number;
  /** Of which: planning passes, and batch jobs (claims, HTTP to the fake, store writes). */
  planWallMs: number;
  batchWallMs: number;
  setupMs: number;
}

const settingsFor = () => {
  const na = demoCredential('3.1');
  return {
    mode: 'creators',
    creatorsCredentialId: na.id,
    creatorsCredentialSecret: na.secret,
    creatorsCredentialVersion: na.version,
    defaultCountry: 'us',
    marketplaces: STORES.map(({ code, version }) => {
      const own = demoCredential(version);
      const credentials = version === '3.1' ? undefined : { creatorsCredentialId: own.id, creatorsCredentialSecret: own.secret, creatorsCredentialVersion: own.version };
      return { country: code, partnerTag: demoTag(code), enabled: true, ...(credentials ? { credentials } : {}) };
    }),
  };
};

/**
 * One simulated UTC day on a fresh engine: real settings, real SQLite product store, real source
 * factory, pacer and Creators clients over real HTTP to the fake; only time is virtual. Every
 * REFRESH_CYCLE_MS a planning pass runs; in between, the batch jobs it queued run one by one in
 * `startAfter` order, the clock jumping to each job's time and moving on while the pacer waits.
 */
export async function simulateDay(options: DayOptions): Promise<DayResult> {
  const setupStarted = performance.now();
  const { fake, clock, start } = options;
  const end = start + DAY_MS;
  const dataDir = mkdtempSync(path.join(existsSync('/dev/shm') ? '/dev/shm' : tmpdir(), 'pwp-bench-refresh-'));
  const engine = await openEngine({
    env: {
      NODE_ENV: 'test',
      PASSIVEWP_DATA_DIR: dataDir,
      PASSIVEWP_LOG_LEVEL: 'silent',
      PASSIVEWP_DAILY_CHECKS: 'false',
      PASSIVEWP_AMAZON_ENDPOINT_OVERRIDE: fake.origin,
      PASSIVEWP_AMAZON_REQUESTS_PER_SECOND: String(options.requestsPerSecond),
      PASSIVEWP_AMAZON_DAILY_QUOTA: String(options.dailyQuota),
    },
    quiet: true,
  });
  const ctx = engine.ctx as EngineContext & { jobs?: { stop?: () => Promise<void> } };
  const ownQueue = ctx.jobs;
  try {
    await saveSection(ctx, { sectionId: 'amazon', values: settingsFor(), actor: 'bench', ip: null });
    clock.ms = start;
    fake.state.reset();
    fake.state.setScenario({ rateLimit: { tps: options.requestsPerSecond, burst: 1, daily: options.dailyQuota } });
    const jobs = new SimulatedJobQueue(clock.now);
    Object.assign(ctx, {
      clock: { now: () => new Date(clock.ms) },
      jobs,
      productSources: createSourceFactory({ quota: ctx.stores.quota, http: LOOPBACK_HTTP, ...engine.config.amazon, now: clock.now, sleep: clock.sleep }),
    });

    const { maxAgeMs } = await readRefreshPolicy(ctx);
    const ledger = new FreshnessLedger(start, end, maxAgeMs);
    await insertProducts(ctx, options, maxAgeMs, ledger);
    const store = ctx.stores.products;
    ctx.stores.products = {
      ...store,
      async saveResults(results, claimToken) {
        const saved = await store.saveResults(results, claimToken);
        if (saved !== results.length) throw new Error(`bench: ${results.length - saved} results lost their claim`);
        for (const result of results) if (result.snapshot) ledger.refreshed(result.id, Date.parse(result.snapshot.fetchedAt));
        return saved;
      },
    };
    const setupMs = performance.now() - setupStarted;
    const outcomes: Record<string, number> = {};
    let retryableErrors = 0;
    let cycles = 0;
    let budgetOffered = 0;
    let planWallMs = 0;
    let batchWallMs = 0;
    const naive = options.planner === 'naive' ? await naivePlanner(ctx, jobs, options) : undefined;
    const started = performance.now();
    let nextCycle = start;
    for (;;) {
      const due = jobs.peekTime();
      if (due !== undefined && due < end && due <= nextCycle) {
        const job = jobs.takeDue(nextCycle)!;
        clock.advanceTo(job.runAt);
        if (job.name !== REFRESH_BATCH_JOB) continue;
        let outcome: BatchOutcome | undefined;
        const batchStarted = performance.now();
        try {
          outcome = await refreshProductBatch(ctx, job.data as RefreshBatchData);
        } catch (error) {
          if (!(error instanceof RetryableRefreshError)) throw error;
          retryableErrors += 1;
        }
        batchWallMs += performance.now() - batchStarted;
        const key = outcome ? (outcome.kind === 'skipped' ? `skipped:${outcome.reason}` : outcome.kind === 'paused' || outcome.kind === 'failed' ? `${outcome.kind}:${outcome.cause}` : outcome.kind) : 'retryable_error';
        outcomes[key] = (outcomes[key] ?? 0) + 1;
        continue;
      }
      if (nextCycle >= end) break;
      clock.advanceTo(nextCycle);
      const cycleStarted = performance.now();
      if (naive) budgetOffered += await naive();
      else {
        const report = await (options.plan ?? runRefreshCycle)(ctx);
        budgetOffered += report.lanes.reduce((sum, lane) => sum + lane.budget, 0);
      }
      planWallMs += performance.now() - cycleStarted;
      cycles += 1;
      nextCycle += REFRESH_CYCLE_MS;
    }
    clock.ms = end;
    const wallMs = performance.now() - started;

    const sent = fake.state.requestsTo('/catalog/v1/getItems');
    const perHour = Array.from({ length: 24 }, () => 0);
    let asinsSent = 0;
    for (const request of sent) {
      asinsSent += ((request.body as { itemIds?: unknown[] }).itemIds ?? []).length;
      perHour[Math.floor((request.at - start) / HOUR_MS)]! += 1;
    }
    const day = new Date(start).toISOString().slice(0, 10);
    const quotaUsed: number[] = [];
    for (const { code } of STORES) {
      const resolved = await resolveProductSources(ctx, findMarketplace(code)!);
      quotaUsed.push(resolved.ok ? await ctx.stores.quota.used(resolved.value.sources[0]!.credentialKey, day) : -1);
    }
    const result: DayResult = {
      ledger: ledger.finish(10 * options.dailyQuota * STORES.length),
      getItems: sent.length,
      asinsSent,
      throttled: sent.filter((r) => r.status === 429).length,
      otherFailures: sent.filter((r) => r.status !== 200 && r.status !== 429).length,
      outcomes,
      retryableErrors,
      cycles,
      budgetOffered,
      jobsSent: jobs.sent,
      jobsLeftAtEnd: jobs.size,
      perHour: perHour.map((n) => n / STORES.length),
      quotaUsed,
      wallMs,
      planWallMs,
      batchWallMs,
      setupMs,
    };
    fake.state.clearLog();
    return result;
  } finally {
    await ownQueue?.stop?.().catch(() => undefined);
    await engine.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** 50,000 products spread over the stores; steady: fetched evenly over the last maximum age (store i's k-th product at T0 − M·(k+½)/n). */
async function insertProducts(ctx: EngineContext, options: DayOptions, maxAgeMs: number, ledger: FreshnessLedger): Promise<void> {
  const { start } = options;
  const addedAt = new Date(start - 30 * DAY_MS).toISOString();
  let n = 0;
  for (const [s, { code }] of STORES.entries()) {
    const count = Math.floor(options.products / STORES.length) + (s < options.products % STORES.length ? 1 : 0);
    for (let k = 0; k < count; k++) {
      const fetched = options.initial === 'steady' ? start - Math.round((maxAgeMs * (k + 0.5)) / count) : null;
      const fetchedAt = fetched === null ? null : new Date(fetched).toISOString();
      const record: ProductRecord = {
        id: newId('product'),
        asin: generatedAsin(n++),
        marketplace: code,
        addedAt,
        addedBy: 'bench',
        views: 0,
        outcome: fetchedAt ? 'ok' : 'pending',
        cause: null,
        message: null,
        snapshot: null,
        source: fetchedAt ? 'creators' : null,
        fetchedAt,
        attemptedAt: fetchedAt,
        failures: 0,
        retryAfter: null,
        claimedBy: null,
        claimedUntil: null,
      };
      if (!(await ctx.stores.products.insert(record))) throw new Error(`bench: duplicate ${record.asin}`);
      ledger.track(record.id, fetched);
    }
  }
}

/**
 * The baseline: what a scheduler without batching does. Every cycle, per store, the products that
 * would pass the maximum age before the next cycle's requests have gone out (2 cycles ahead;
 * stalest first, nothing earlier), one ASIN per GetItems request, as many as the credential's rate
 * allows in a cycle and its daily quota has left; no spreading over the day. Same claims, jobs,
 * batch handler, clients and pacer as the engine. With the quota to spare it would keep every
 * product fresh: what it lacks is only batching.
 */
async function naivePlanner(ctx: EngineContext, jobs: SimulatedJobQueue, options: DayOptions): Promise<() => Promise<number>> {
  const spacingMs = (1000 / options.requestsPerSecond) * 1.05;
  const rateCap = Math.floor(REFRESH_CYCLE_MS / spacingMs);
  const lanes: Array<{ code: string; credentialKey: string }> = [];
  for (const { code } of STORES) {
    const resolved = await resolveProductSources(ctx, findMarketplace(code)!);
    if (!resolved.ok) throw new Error(`bench: ${code} has no source (${resolved.error.cause})`);
    lanes.push({ code, credentialKey: resolved.value.sources[0]!.credentialKey });
  }
  const { maxAgeMs } = await readRefreshPolicy(ctx);
  return async () => {
    const now = ctx.clock.now();
    const nowIso = now.toISOString();
    const dueBefore = new Date(now.getTime() + 2 * REFRESH_CYCLE_MS - maxAgeMs).toISOString();
    let offered = 0;
    for (const lane of lanes) {
      const left = options.dailyQuota - (await ctx.stores.quota.used(lane.credentialKey, nowIso.slice(0, 10)));
      const budget = Math.max(0, Math.min(rateCap, left));
      offered += budget;
      if (!budget) continue;
      const due = await ctx.stores.products.listDue({ marketplaces: [lane.code], now: nowIso, dueBefore, fillBefore: dueBefore, limit: budget });
      const claimToken = newId('claim');
      const claimed = await ctx.stores.products.claim(due.map((d) => d.id), claimToken, new Date(now.getTime() + CLAIM_MS).toISOString(), nowIso);
      for (const [i, id] of claimed.entries()) {
        const data: RefreshBatchData = { marketplace: lane.code, productIds: [id], claimToken };
        await jobs.send(REFRESH_BATCH_JOB, data, { startAfter: new Date(now.getTime() + i * spacingMs) });
      }
    }
    return offered;
  };
}

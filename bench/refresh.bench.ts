/**
 * Refresh scheduling: 50,000 products over 3 stores (us, de, jp), each on its own Creators
 * credential; the fake Amazon allows 1 request/s and 8,640 requests a day per credential. One UTC
 * day runs on a virtual clock: every 60 s the engine's planning pass (runRefreshCycle), in between
 * the batch jobs it queued (refreshProductBatch) in `startAfter` order. Real settings, SQLite
 * product store, source factory, pacer and Creators client, real HTTP to the fake; only time is
 * simulated. Baseline in the same run: a scheduler without batching (one ASIN per request for
 * each product due within 2 cycles, as fast as rate and quota allow), at 1/10 scale (products and
 * daily quota both divided by 10: the same quota-to-need ratio) to keep the run short;
 * `--full-baseline` runs it at full scale (several minutes more).
 *
 *   npm run bench -- refresh [--products 50000] [--cold] [--full-baseline]
 *
 * About 80 s of CPU (1.5–3 min on a busy 2-core machine). --cold adds a day where every product
 * starts never fetched (about 2 minutes more; reported, not in the RESULT lines).
 */
import { startManyAsinsFake } from './refresh/many-asins-fake.js';
import { simulateDay, STORES, VirtualClock, type DayResult } from './refresh/simulate-day.js';
import { demoCredential } from '../tests/fakes/amazon/index.js';

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(`--${name}`);
const option = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const PRODUCTS = option('products', 50_000);
const PER_SECOND = 1;
const DAILY = 8640;
const BASELINE_SCALE = flag('full-baseline') ? 1 : 10;
const START = Date.UTC(2031, 2, 3); // a UTC midnight: the quota day and the simulated day coincide

const clock = new VirtualClock(START);
const fake = await startManyAsinsFake({ clock: clock.now, credentials: STORES.map((s) => demoCredential(s.version)), latencyMs: 0 });
const wallStarted = performance.now();

const n = (v: number) => Math.round(v).toLocaleString('en-US');
const pct = (v: number) => `${(v * 100).toFixed(1)}%`;
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const perRequest = (r: DayResult) => (r.getItems ? r.asinsSent / r.getItems : 0);

function describe(label: string, r: DayResult, dailyQuota: number): void {
  const l = r.ledger;
  console.log(`${label}`);
  console.log(`  GetItems sent: ${n(r.getItems)} (${r.quotaUsed.map(n).join(' / ')} per credential = ${pct(r.quotaUsed.reduce((a, b) => a + b, 0) / (dailyQuota * STORES.length))} of the daily quota), ${n(r.asinsSent)} ASINs → ${perRequest(r).toFixed(2)} ASINs/request; 429: ${r.throttled}, other failures: ${r.otherFailures}; batch outcomes ${JSON.stringify(r.outcomes)}`);
  console.log(`  required refreshes (engine-independent): ${n(l.required)}; capacity 10 × quota: ${n(l.capacityRefreshes)}; of the required, kept within max age all day: ${n(l.keptRequired)} → capacity share ${l.capacityShare.toFixed(3)}`);
  console.log(`  products that went past max age at least once: ${n(l.lapsedProducts)} of ${n(l.products)}; refreshes made after max age: ${n(l.lateRefreshes)} of ${n(l.refreshes)} (late by median ${s(l.lateness.median)}, p99 ${s(l.lateness.p99)}, max ${s(l.lateness.max)})`);
  console.log(`  stale product-minutes: ${n(l.staleProductMinutes)} (fresh share of product-time ${(l.freshTimeShare * 100).toFixed(3)}%); past Amazon's 24 h: ${n(l.over24hProducts)} products; never fetched at the end: ${n(l.neverFetchedAtEnd)}; mean age at refresh ${(l.ageAtRefresh.mean / 3_600_000).toFixed(2)} h`);
  const hours = r.perHour.map((v) => Math.round(v));
  console.log(`  requests per credential by hour (UTC): ${hours.join(' ')}`);
  console.log(`  wall: ${s(r.wallMs)} for the day (planning ${s(r.planWallMs)}, batch jobs ${s(r.batchWallMs)}), set-up ${s(r.setupMs)}; ${r.cycles} cycles, budget offered ${n(r.budgetOffered)} requests, jobs sent ${n(r.jobsSent)}, left queued at midnight ${r.jobsLeftAtEnd}`);
}

console.log(`fake Amazon: ${PER_SECOND} request/s, ${n(DAILY)}/day per credential (${STORES.map((x) => `${x.code} ${x.version}`).join(', ')}), latency 0; ${n(PRODUCTS)} products split evenly; max age 23 h (Settings default)`);
console.log("one simulated UTC day on a virtual clock shared by engine, pacer, clients and fake; jobs: an in-bench JobQueue collector drained in startAfter order, one at a time (the SQLite queue's workers poll on real timers, so it cannot be stepped through a simulated day)");
console.log('start: steady state (each store\'s products fetched evenly spread over the previous 23 h); views all 0');
console.log('capacity_share = Σ required(p) over products never older than max age during the day / min(Σ required(p), 10 × daily quota × credentials),');
console.log('  required(p) = #{k ≥ 1 : fetched_at(p) + k·23 h ≤ midnight}: the fewest refreshes that keep p fresh, fixed by the starting state');
console.log('');

const engine = await simulateDay({ fake, clock, start: START, products: PRODUCTS, initial: 'steady', planner: 'engine', requestsPerSecond: PER_SECOND, dailyQuota: DAILY });
describe('engine scheduler (runRefreshCycle + refreshProductBatch):', engine, DAILY);

const baselineProducts = Math.round(PRODUCTS / BASELINE_SCALE);
const baselineQuota = Math.round(DAILY / BASELINE_SCALE);
const baseline = await simulateDay({ fake, clock, start: START, products: baselineProducts, initial: 'steady', planner: 'naive', requestsPerSecond: PER_SECOND, dailyQuota: baselineQuota });
describe(`baseline (no batching: products due within 2 cycles, one ASIN per request, as fast as rate and quota allow${BASELINE_SCALE > 1 ? `; 1/${BASELINE_SCALE} scale: ${n(baselineProducts)} products, ${n(baselineQuota)}/day per credential` : ''}):`, baseline, baselineQuota);

if (flag('cold')) {
  const cold = await simulateDay({ fake, clock, start: START, products: PRODUCTS, initial: 'cold', planner: 'engine', requestsPerSecond: PER_SECOND, dailyQuota: DAILY });
  describe('cold start (every product never fetched; engine scheduler):', cold, DAILY);
  console.log(`  every product had data after ${s(cold.ledger.allFetchedAt - START)} of simulated time (lower bound at 10 ASINs/request and 1/s per credential: ${s((PRODUCTS / STORES.length / 10) * 1000)})`);
}

const throttled = engine.throttled;
console.log('');
console.log(`engine vs baseline: ${(perRequest(engine) / Math.max(perRequest(baseline), 1e-9)).toFixed(2)}× ASINs per request, capacity share ${engine.ledger.capacityShare.toFixed(3)} vs ${baseline.ledger.capacityShare.toFixed(3)}, 429s ${throttled} vs ${baseline.throttled}`);
console.log(`total wall time: ${s(performance.now() - wallStarted)}`);
console.log(`RESULT asins_per_request ${perRequest(engine).toFixed(2)}`);
console.log(`RESULT capacity_share ${engine.ledger.capacityShare.toFixed(3)}`);
console.log(`RESULT self_inflicted_429 ${throttled}`);
await fake.close();
process.exit(0);

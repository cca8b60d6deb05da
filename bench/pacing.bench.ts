/**
 * Pacing: how close does a queued stream of getItems calls get to the rate Amazon allows, without
 * a single 429? Fake Amazon at 1 request/s per credential with 100 ms latency. Baseline in the same
 * run: the allowed rate itself (1/s), and an unpaced client firing the same queue for 10 s.
 *
 *   npm run bench -- pacing            (about 75 s)
 */
import { createRequestPacer } from '../src/integrations/amazon/request-pacer.js';
import { createCreatorsClient } from '../src/integrations/amazon-creators/client.js';
import { createTokenCache } from '../src/integrations/amazon-creators/token-cache.js';
import { fakeCatalogue } from '../tests/fakes/amazon/data/fake-catalogue.js';
import { startFakeAmazon } from '../tests/fakes/amazon/index.js';
import { LOOPBACK_HTTP } from '../tests/helpers/loopback-http.js';
import { memoryQuota } from '../tests/helpers/memory-quota.js';

const ALLOWED_PER_SECOND = 1;
const WINDOW_MS = Number(process.argv[2] ?? 60) * 1000;
const BASELINE_MS = 10_000;
const credential = { id: 'amzn1.application-oa2-client.bench', secret: 'bench-secret', version: '3.1' as const };
const asin = fakeCatalogue.wellKnown('us').inStock;

const fake = await startFakeAmazon({
  credentials: [{ ...credential, partnerTags: { us: ['bench-20'] } }],
  rateLimit: { tps: ALLOWED_PER_SECOND, burst: 1, daily: 8640 },
  latencyMs: 100,
});

function clientWith(requestsPerSecond: number) {
  return createCreatorsClient({
    credential,
    tokens: createTokenCache(),
    pacer: createRequestPacer({ quota: memoryQuota(), limitsFor: () => ({ requestsPerSecond, dailyQuota: 100_000 }) }),
    http: LOOPBACK_HTTP,
    endpointOverride: fake.origin,
    retry: { maxAttempts: 1, baseDelayMs: 0, maxDelayMs: 0 },
  });
}

/** Queues `count` calls at once and counts what the fake accepted and refused within `windowMs`. */
async function run(requestsPerSecond: number, windowMs: number, count: number) {
  fake.state.reset();
  await new Promise((r) => setTimeout(r, 1100)); // let the fake's bucket refill after the previous run
  const client = clientWith(requestsPerSecond);
  const started = Date.now();
  const calls = Array.from({ length: count }, () => client.getItems({ marketplace: 'us', partnerTag: 'bench-20', itemIds: [asin] }));
  await new Promise((r) => setTimeout(r, windowMs));
  const inWindow = fake.state.requestsTo('/catalog/v1/getItems').filter((r) => r.at - started < windowMs);
  const accepted = inWindow.filter((r) => r.status === 200).length;
  const throttled = inWindow.filter((r) => r.status === 429).length;
  void Promise.allSettled(calls);
  return { accepted, throttled };
}

const allowed = (ALLOWED_PER_SECOND * WINDOW_MS) / 1000;
console.log(`fake Amazon: ${ALLOWED_PER_SECOND} request/s per credential, 100 ms latency`);

const naive = await run(1000, BASELINE_MS, 200);
console.log(`baseline (unpaced, ${BASELINE_MS / 1000} s): ${naive.accepted} accepted, ${naive.throttled} answered 429`);

const paced = await run(ALLOWED_PER_SECOND, WINDOW_MS, allowed + 10);
const ratio = paced.accepted / allowed;
console.log(`paced (${WINDOW_MS / 1000} s): ${paced.accepted} accepted of ${allowed} allowed, ${paced.throttled} answered 429`);
console.log(`ratio achieved / allowed: ${ratio.toFixed(3)} (unpaced baseline: ${(naive.accepted / ((ALLOWED_PER_SECOND * BASELINE_MS) / 1000)).toFixed(3)} with ${naive.throttled} × 429)`);
console.log(`RESULT pacing_achieved_vs_allowed ${ratio.toFixed(3)}`);
console.log(`RESULT pacing_429 ${paced.throttled}`);
await fake.close();
process.exit(0);

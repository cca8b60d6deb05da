/**
 * Check API Connections: 22 marketplaces over 3 Creators credentials (one per region), fake Amazon
 * with 300 ms latency and 1 request/s per credential (the engine paces at 1/s too). The check's
 * wall time is compared with the lower bound the rate limit and latency imply, and with the same
 * engine code checking the marketplaces one after another (concurrency 1) as the baseline.
 *
 *   npm run bench -- check            (about 40 s)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runAmazonCheck } from '../src/domain/connection-checks/run-amazon-check.js';
import { MARKETPLACES, type CredentialVersion, type RegionGroup } from '../src/domain/marketplaces/catalogue.js';
import { saveSection } from '../src/domain/settings/save-section.js';
import { openEngine } from '../src/main.js';
import { demoCredential, demoTag, startFakeAmazon } from '../tests/fakes/amazon/index.js';

const LATENCY_MS = 300;
const PER_SECOND = 1;
const VERSION_OF: Record<RegionGroup, CredentialVersion> = { NA: '3.1', EU: '3.2', FE: '3.3' };
const credentials = (['3.1', '3.2', '3.3'] as const).map(demoCredential);

const fake = await startFakeAmazon({ credentials, rateLimit: { tps: PER_SECOND, burst: 1 }, latencyMs: LATENCY_MS });

const na = demoCredential('3.1');
const settings = {
  mode: 'creators',
  creatorsCredentialId: na.id,
  creatorsCredentialSecret: na.secret,
  creatorsCredentialVersion: na.version,
  defaultCountry: 'us',
  marketplaces: MARKETPLACES.map((m) => {
    const own = demoCredential(VERSION_OF[m.region]);
    const credentials = m.region === 'NA' ? undefined : { creatorsCredentialId: own.id, creatorsCredentialSecret: own.secret, creatorsCredentialVersion: own.version };
    return { country: m.code, partnerTag: demoTag(m.code), enabled: true, ...(credentials ? { credentials } : {}) };
  }),
};

/** One check on a fresh engine (its own token cache, pacer and history), timed from start to stored run. */
async function timeCheck(concurrency: number | undefined): Promise<{ ms: number; summary: string; throttled: number }> {
  fake.state.reset();
  await new Promise((r) => setTimeout(r, 1100)); // let the fake's buckets refill after the previous run
  const dataDir = mkdtempSync(path.join(tmpdir(), 'pwp-bench-check-'));
  const engine = await openEngine({
    env: { NODE_ENV: 'test', PASSIVEWP_DATA_DIR: dataDir, PASSIVEWP_LOG_LEVEL: 'silent', PASSIVEWP_AMAZON_ENDPOINT_OVERRIDE: fake.origin, PASSIVEWP_AMAZON_REQUESTS_PER_SECOND: String(PER_SECOND) },
    quiet: true,
  });
  try {
    await saveSection(engine.ctx, { sectionId: 'amazon', values: settings, actor: 'bench', ip: null });
    const started = performance.now();
    const { run } = await runAmazonCheck(engine.ctx, { actor: 'bench', ...(concurrency ? { concurrency } : {}) });
    const ms = performance.now() - started;
    const throttled = credentials.reduce((sum, c) => sum + fake.state.throttled(c.id), 0);
    return { ms, summary: run.summaryText, throttled };
  } finally {
    await engine.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const rowsPerCredential = (['NA', 'EU', 'FE'] as const).map((region) => MARKETPLACES.filter((m) => m.region === region).length);
// Rows on one credential leave 1/s apart, the last one then takes one latency; before the first, one token round trip.
const lowerBoundMs = Math.max(...rowsPerCredential.map((n) => ((n - 1) * 1000) / PER_SECOND + LATENCY_MS)) + LATENCY_MS;
console.log(`fake Amazon: ${LATENCY_MS} ms latency, ${PER_SECOND} request/s per credential; rows per credential (NA, EU, FE): ${rowsPerCredential.join(', ')}`);
console.log(`lower bound: ${(lowerBoundMs / 1000).toFixed(2)} s`);

const check = await timeCheck(undefined);
console.log(`check (credentials in parallel): ${(check.ms / 1000).toFixed(2)} s — ${check.summary}, ${check.throttled} × 429`);
const sequential = await timeCheck(1);
console.log(`sequential (one marketplace after another): ${(sequential.ms / 1000).toFixed(2)} s — ${sequential.summary}, ${sequential.throttled} × 429`);

console.log(`RESULT check_vs_lower_bound ${(check.ms / lowerBoundMs).toFixed(3)}`);
console.log(`RESULT check_vs_sequential ${(check.ms / sequential.ms).toFixed(3)}`);
await fake.close();
process.exit(0);

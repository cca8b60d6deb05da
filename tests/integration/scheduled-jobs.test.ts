import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAdmin } from '../../src/domain/auth/create-admin.js';
import { startSession } from '../../src/domain/auth/start-session.js';
import type { EngineContext } from '../../src/domain/context.js';
import { saveSection } from '../../src/domain/settings/save-section.js';
import { DAILY_CHECKS_JOB, GEO_UPDATE_JOB, SESSION_CLEANUP_JOB } from '../../src/jobs/registry.js';
import { requestScheduledJob } from '../../src/jobs/start-background-work.js';
import { startFakeAmazon, type FakeAmazon } from '../fakes/amazon/index.js';
import { startFakeMaxMind, type FakeMaxMind } from '../fakes/maxmind/start-fake-maxmind.js';
import { openTestEngine, testDialect } from '../helpers/start-test-engine.js';
import { creatorsSettings, EU, row } from './amazon-check-setup.js';
import { settleJobs } from './products-setup.js';

const ACCOUNT = { accountId: '123456', licenseKey: 'test_license_key_0001_mmk' };
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

let amazon: FakeAmazon;
let maxmind: FakeMaxMind;
beforeAll(async () => {
  amazon = await startFakeAmazon({ credentials: [EU], rateLimit: { tps: 1000, burst: 1000 } });
  maxmind = await startFakeMaxMind({ accounts: [ACCOUNT] });
});
afterAll(async () => {
  await amazon.close();
  await maxmind.close();
});

describe(`scheduled jobs on two engines sharing one ${testDialect()} database`, () => {
  it('run the daily checks, the weekly MaxMind download and the session clean-up once per period, however many engines ask', async () => {
    const env = { PASSIVEWP_AMAZON_ENDPOINT_OVERRIDE: amazon.origin, PASSIVEWP_AMAZON_REQUESTS_PER_SECOND: '10', PASSIVEWP_MAXMIND_DOWNLOAD_URL: maxmind.downloadUrl };
    const first = await openTestEngine({ env });
    const second = await openTestEngine({ env, dataDir: first.dataDir });
    const engines: EngineContext[] = [first.engine.ctx, second.engine.ctx];
    // One virtual clock for both engines (and their job queues), moved by the test.
    let now = Date.now();
    for (const ctx of engines) ctx.clock = { now: () => new Date(now) };

    await saveSection(engines[0]!, { sectionId: 'amazon', values: { ...creatorsSettings(EU), defaultCountry: 'de', marketplaces: [row('de', 'mytag-21'), row('uk', 'mytag-21')] }, actor: 'test', ip: null });
    await saveSection(engines[1]!, { sectionId: 'geolocation', values: { source: 'database', edition: 'GeoLite2-Country', autoUpdate: 'weekly', ...ACCOUNT }, actor: 'test', ip: null });
    const admin = await createAdmin(engines[0]!, { email: 'owner@example.com', password: 'correct horse battery' });
    const client = { ip: '203.0.113.9', userAgent: 'test' };
    await startSession(engines[0]!, admin.id, client);
    for (const ctx of engines) await ctx.jobs.start();

    // Eight days in steps of six hours; at each step both engines ask for every scheduled job at the same moment.
    const STEP = 6 * HOUR;
    const steps = (8 * DAY) / STEP;
    for (let step = 0; step < steps; step += 1) {
      if (step === steps - 4) await startSession(engines[1]!, admin.id, client); // still valid at the end
      await Promise.all(engines.flatMap((ctx) => [DAILY_CHECKS_JOB, GEO_UPDATE_JOB, SESSION_CLEANUP_JOB].map((name) => requestScheduledJob(ctx, name))));
      await settleJobs(engines[0]!);
      now += STEP;
    }
    await Promise.all(engines.map((ctx) => ctx.jobs.stop()));

    // The Amazon re-check: one run per day (days 0 … 7), each probing both marketplaces once.
    const amazonRuns = await engines[0]!.stores.checkRuns.recent('amazon', 50);
    expect(amazonRuns.map((run) => run.actor)).toEqual(Array.from({ length: 8 }, () => 'scheduler'));
    expect(amazon.state.requestsTo('/catalog/v1/searchItems').length).toBe(8 * 2);
    // The geolocation re-check, next to it: once per day as well.
    expect((await engines[1]!.stores.integrationChecks.recent('geolocation', 50)).length).toBe(8);
    // The MaxMind download: on the first day (no file yet), then a week after it.
    const updates = await engines[1]!.stores.geoUpdates.recent(50);
    expect(updates.map((update) => update.actor)).toEqual(['scheduler', 'scheduler']);
    expect(maxmind.state.requests.filter((request) => request.path.includes('suffix=tar.gz.sha256')).length).toBe(2);
    // The session of the first day expired (a week) and was deleted; the recent one is kept.
    const sessions = await first.engine.db.selectFrom('sessions').select(['created_at']).execute();
    expect(sessions).toEqual([{ created_at: new Date(now - 4 * STEP).toISOString() }]);
  }, 120_000);
});

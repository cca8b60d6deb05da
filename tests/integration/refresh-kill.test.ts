import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { addProduct } from '../../src/domain/products/add-product.js';
import { REFRESH_BATCH_JOB } from '../../src/domain/products/refresh-jobs.js';
import { saveSection } from '../../src/domain/settings/save-section.js';
import { fakeCatalogue, startFakeAmazon } from '../fakes/amazon/index.js';
import { openTestEngine, testDialect, testStorageEnv } from '../helpers/start-test-engine.js';
import { NA } from './amazon-check-setup.js';
import { creatorsNaEu, settleJobs } from './products-setup.js';

const ROOT = path.resolve(import.meta.dirname, '../..');

async function until(what: string, check: () => Promise<boolean> | boolean, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe(`kill -9 during a refresh (${testDialect()})`, () => {
  it('loses no product and leaves no job stuck: another engine takes the batch over once its lease expires', { timeout: 120_000 }, async () => {
    const fake = await startFakeAmazon({ credentials: [NA], rateLimit: { tps: 50, burst: 50 } });
    onTestFinished(() => fake.close());
    const env = { PASSIVEWP_AMAZON_ENDPOINT_OVERRIDE: fake.origin, PASSIVEWP_AMAZON_REQUESTS_PER_SECOND: '10', PASSIVEWP_DAILY_CHECKS: 'false' };

    // Products and settings, written by an engine that is then closed.
    const setup = await openTestEngine({ env });
    await saveSection(setup.engine.ctx, { sectionId: 'amazon', values: creatorsNaEu, actor: 'test', ip: null });
    const asins = fakeCatalogue.standaloneAsins('us').slice(0, 12);
    for (const asin of asins) await addProduct(setup.engine.ctx, { reference: asin, marketplace: 'us' }, 'test');
    await setup.engine.close();

    // A real engine process starts refreshing; Amazon takes its time to answer, and the process is killed meanwhile.
    fake.state.setScenario({ overrides: [{ credential: NA.id, surface: 'creators', latencyMs: 30_000 }] });
    const storage = await testStorageEnv(setup.dataDir);
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/run.ts', 'start'], {
      cwd: ROOT,
      env: { ...process.env, ...env, ...storage, NODE_ENV: 'test', PASSIVEWP_PORT: '0', PASSIVEWP_HOST: '127.0.0.1', PASSIVEWP_LOG_LEVEL: 'warn' },
      stdio: 'ignore',
    });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_code, signal) => resolve(signal)));
    onTestFinished(() => void child.kill('SIGKILL'));
    await until('the first GetItems request to reach Amazon', () => fake.state.requestsTo('/catalog/v1/getItems').length > 0);
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');

    const survivor = await openTestEngine({ env, dataDir: setup.dataDir });
    const ctx = survivor.engine.ctx;
    const running = await ctx.jobs.list({ states: ['running'], name: REFRESH_BATCH_JOB, limit: 10 });
    expect(running.length).toBeGreaterThan(0);

    fake.state.setScenario({ overrides: [] });
    await ctx.jobs.start();
    onTestFinished(() => ctx.jobs.stop());
    await until('every product to be fresh', async () => (await ctx.stores.products.countByState({ now: new Date().toISOString(), staleBefore: new Date(Date.now() - 3_600_000).toISOString() }, {})).fresh === asins.length, 90_000);
    await settleJobs(ctx);
    const counts = await ctx.jobs.counts();
    expect(counts).toMatchObject({ running: 0, queued: 0, dead: 0 });
    expect((await ctx.stores.products.marketplaces())).toEqual([{ marketplace: 'us', count: asins.length }]);
    const retaken = await ctx.jobs.list({ states: ['done'], name: REFRESH_BATCH_JOB, limit: 10 });
    expect(retaken.some((job) => job.attempts >= 2)).toBe(true);
  });
});

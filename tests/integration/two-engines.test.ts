import { describe, expect, it, onTestFinished } from 'vitest';
import type { EngineContext } from '../../src/domain/context.js';
import { addProduct } from '../../src/domain/products/add-product.js';
import { REFRESH_CYCLE_JOB } from '../../src/domain/products/refresh-jobs.js';
import { runRefreshCycle } from '../../src/domain/products/run-refresh-cycle.js';
import { saveSection } from '../../src/domain/settings/save-section.js';
import { fakeCatalogue, startFakeAmazon } from '../fakes/amazon/index.js';
import { openTestEngine, testDialect } from '../helpers/start-test-engine.js';
import { NA } from './amazon-check-setup.js';
import { creatorsNaEu, settleJobs } from './products-setup.js';

describe(`two engines on one ${testDialect()} database`, () => {
  it('never refresh the same product twice in one cycle, and run one cycle planner at a time', async () => {
    const fake = await startFakeAmazon({ credentials: [NA], rateLimit: { tps: 50, burst: 50 } });
    onTestFinished(() => fake.close());
    const env = { PASSIVEWP_AMAZON_ENDPOINT_OVERRIDE: fake.origin, PASSIVEWP_AMAZON_REQUESTS_PER_SECOND: '10' };
    const first = await openTestEngine({ env });
    const second = await openTestEngine({ env, dataDir: first.dataDir });
    const engines: EngineContext[] = [first.engine.ctx, second.engine.ctx];
    await saveSection(engines[0]!, { sectionId: 'amazon', values: creatorsNaEu, actor: 'test', ip: null });
    const asins = [...fakeCatalogue.standaloneAsins('us').slice(0, 40), ...fakeCatalogue.standaloneAsins('ca').slice(0, 20)];
    for (const [i, asin] of asins.entries()) await addProduct(engines[i % 2]!, { reference: asin, marketplace: i < 40 ? 'us' : 'ca' }, 'test');
    for (const ctx of engines) await ctx.jobs.start();
    onTestFinished(() => Promise.all(engines.map((ctx) => ctx.jobs.stop())).then(() => undefined));

    // Both ask for the cycle at once: the singleton lets one through.
    const sent = await Promise.all(engines.map((ctx) => ctx.jobs.send(REFRESH_CYCLE_JOB, {}, { singletonKey: REFRESH_CYCLE_JOB })));
    expect(sent.filter(Boolean)).toHaveLength(1);

    // Even planners racing each other split the products between them.
    for (let round = 0; round < 3; round += 1) {
      await Promise.all(engines.map((ctx) => runRefreshCycle(ctx)));
      await Promise.all(engines.map((ctx) => settleJobs(ctx)));
    }
    const asked = fake.state
      .requestsTo('/catalog/v1/getItems')
      .filter((r) => r.status === 200)
      .flatMap((r) => (r.body as { itemIds: string[] }).itemIds.map((asin) => `${r.headers['x-marketplace']}:${asin}`));
    expect(asked.length).toBe(asins.length);
    expect(new Set(asked).size).toBe(asins.length);
    const fresh = await engines[1]!.stores.products.countByState({ now: new Date().toISOString(), staleBefore: new Date(Date.now() - 3_600_000).toISOString() }, {});
    expect(fresh.fresh).toBe(asins.length);
  });

  it('share each credential\'s request slots, so together they keep to its rate', async () => {
    const first = await openTestEngine();
    const second = await openTestEngine({ dataDir: first.dataDir });
    const start = Date.now();
    const reserve = (engine: typeof first) => engine.engine.ctx.stores.quota.reserveSlot('creators:shared:3.1', start, 1020);
    const slots = await Promise.all(Array.from({ length: 20 }, (_, i) => reserve(i % 2 ? first : second)));
    const sorted = [...slots].sort((a, b) => a - b);
    expect(sorted[0]).toBe(start);
    expect(sorted.slice(1).map((slot, i) => slot - sorted[i]!)).toEqual(Array.from({ length: 19 }, () => 1020));
    // Another credential has its own slots.
    expect(await first.engine.ctx.stores.quota.reserveSlot('paapi:OTHER', start, 1020)).toBe(start);
  });
});

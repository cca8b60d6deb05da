import { describe, expect, it } from 'vitest';
import type { EngineContext } from '../../src/domain/context.js';
import { runRefreshCycle } from '../../src/domain/products/run-refresh-cycle.js';
import { fakeCatalogue } from '../fakes/amazon/index.js';
import { EU, NA, PAAPI, row } from './amazon-check-setup.js';
import { creatorsNaEu, openProductsApp, refreshDue, settleJobs, type ProductsApp } from './products-setup.js';

const HOUR = 3_600_000;

async function addAll(app: ProductsApp, asins: readonly string[], marketplace: string): Promise<void> {
  for (const asin of asins) expect((await app.add(asin, marketplace)).statusCode).toBe(201);
}

/** Moves the engine's clock (ages, back-offs, the 24-hour rule) without waiting. */
function shiftClock(ctx: EngineContext, ms: number): void {
  const base = ctx.clock.now().getTime() + ms;
  const started = Date.now();
  ctx.clock = { now: () => new Date(base + (Date.now() - started)) };
}

describe('refresh scheduler', () => {
  it('asks for up to 10 ASINs of one marketplace per request and makes every product fresh', async () => {
    const app = await openProductsApp();
    const us = fakeCatalogue.standaloneAsins('us').slice(0, 23);
    const ca = fakeCatalogue.standaloneAsins('ca').slice(0, 4);
    await addAll(app, us, 'us');
    await addAll(app, ca, 'ca');
    app.fake.state.reset();

    const report = await refreshDue(app.engine.ctx);
    const calls = app.getItemsCalls();
    expect(calls.map((c) => [c.marketplace, c.asins.length]).sort()).toEqual([['www.amazon.ca', 4], ['www.amazon.com', 10], ['www.amazon.com', 10], ['www.amazon.com', 3]].sort());
    expect(report.lanes).toEqual([expect.objectContaining({ marketplaces: ['ca', 'us'], requests: 4, products: 27 })]);
    const list = await app.list('?limit=100');
    expect(list.counts.fresh).toBe(27);
    expect(list.products.every((p) => p.source === 'creators' && (p.price === null || p.price.fetchedAt === p.fetchedAt))).toBe(true);
    expect(list.products.filter((p) => p.price).length).toBeGreaterThan(20);

    // Nothing is due again until the maximum age comes near.
    app.fake.state.reset();
    await refreshDue(app.engine.ctx);
    expect(app.getItemsCalls()).toEqual([]);
    shiftClock(app.engine.ctx, 22.5 * HOUR);
    await refreshDue(app.engine.ctx);
    expect(app.getItemsCalls()).toEqual([]);
    shiftClock(app.engine.ctx, 0.5 * HOUR + 60_000);
    await refreshDue(app.engine.ctx);
    expect(app.getItemsCalls().reduce((n, c) => n + c.asins.length, 0)).toBe(27);
  });

  it('stores per-ASIN answers: not found and not accessible go on a slow back-off instead of every cycle', async () => {
    const app = await openProductsApp();
    const w = fakeCatalogue.wellKnown('us');
    await addAll(app, [w.inStock, w.notAccessible, w.absentHere, fakeCatalogue.unknownAsin], 'us');
    await refreshDue(app.engine.ctx);
    const byAsin = Object.fromEntries((await app.list()).products.map((p) => [p.asin, p]));
    expect(byAsin[w.inStock]).toMatchObject({ state: 'fresh' });
    expect(byAsin[w.notAccessible]).toMatchObject({ state: 'not_accessible', cause: 'item_not_accessible' });
    expect(byAsin[w.absentHere]).toMatchObject({ state: 'not_found', cause: 'item_not_found' });
    expect(byAsin[fakeCatalogue.unknownAsin]).toMatchObject({ state: 'not_found', fix: expect.any(String) });
    const retryIn = Date.parse(byAsin[w.absentHere]!.nextRefreshAt!) - Date.now();
    expect(retryIn).toBeGreaterThan(23 * HOUR);

    app.fake.state.reset();
    shiftClock(app.engine.ctx, 2 * HOUR);
    await refreshDue(app.engine.ctx);
    expect(app.getItemsCalls()).toEqual([]);
    // After the back-off they are asked again, and the next wait doubles.
    shiftClock(app.engine.ctx, 23 * HOUR);
    await refreshDue(app.engine.ctx);
    expect(app.getItemsCalls().flatMap((c) => c.asins).sort()).toEqual([w.inStock, w.notAccessible, w.absentHere, fakeCatalogue.unknownAsin].sort());
    const again = (await app.list()).products.find((p) => p.asin === w.absentHere)!;
    expect(Date.parse(again.nextRefreshAt!) - app.engine.ctx.clock.now().getTime()).toBeGreaterThan(47 * HOUR);
  });

  it('when the quota cannot cover everything, the most viewed and then the stalest go first', async () => {
    const app = await openProductsApp(creatorsNaEu, { PASSIVEWP_AMAZON_DAILY_QUOTA: '1' });
    const asins = fakeCatalogue.standaloneAsins('us').slice(0, 25);
    await addAll(app, asins, 'us');
    const { products } = await app.list('?limit=100');
    const byAsin = new Map(products.map((p) => [p.asin, p.id]));
    const popular = asins.slice(10, 20);
    for (const [i, asin] of popular.entries()) await app.engine.ctx.stores.products.addViews([byAsin.get(asin)!], 100 + i);
    app.fake.state.reset();
    const report = await refreshDue(app.engine.ctx);
    expect(report.lanes[0]).toMatchObject({ budget: 1, requests: 1 });
    expect(app.getItemsCalls().flatMap((c) => c.asins).sort()).toEqual([...popular].sort());
  });

  it('in Auto mode a failing source hands over to the next one, which is recorded', async () => {
    const app = await openProductsApp({
      ...creatorsNaEu,
      creatorsCredentialId: EU.id,
      creatorsCredentialSecret: EU.secret,
      creatorsCredentialVersion: EU.version,
      mode: 'auto',
      paapiAccessKey: PAAPI.accessKey,
      paapiSecretKey: PAAPI.secretKey,
      marketplaces: [row('de', 'mytag-21')],
      defaultCountry: 'de',
      defaultPartnerTag: 'mytag-21',
    });
    app.fake.state.setScenario({ overrides: [{ credential: EU.id, surface: 'creators', fault: 'server_error' }] });
    await addAll(app, [fakeCatalogue.wellKnown('de').inStock], 'de');
    await refreshDue(app.engine.ctx);
    expect((await app.list()).products[0]).toMatchObject({ state: 'fresh', source: 'paapi' });
  });

  it('never shows data older than 24 hours: the price disappears at once and the snapshot is dropped', async () => {
    const app = await openProductsApp();
    await addAll(app, [fakeCatalogue.wellKnown('us').onSale], 'us');
    await refreshDue(app.engine.ctx);
    expect((await app.list()).products[0]!.price).not.toBeNull();

    shiftClock(app.engine.ctx, 24 * HOUR + 1000);
    const [view] = (await app.list()).products;
    expect(view).toMatchObject({ state: 'stale', price: null, title: null, imageUrl: null, snapshotExpired: true });
    expect(view!.fetchedAt).not.toBeNull();
    // Amazon is down, so the refresh cannot replace the snapshot; the cycle drops it anyway.
    app.fake.state.setScenario({ overrides: [{ credential: NA.id, surface: 'creators', fault: 'server_error' }] });
    const report = await runRefreshCycle(app.engine.ctx);
    expect(report.droppedSnapshots).toBe(1);
    await settleJobs(app.engine.ctx);
    expect((await app.engine.ctx.stores.products.find(view!.id))!.snapshot).toBeNull();
  });
});

describe('a refused credential pauses its refreshes until a connection check succeeds', () => {
  for (const [fault, cause] of [
    ['invalid_client', 'credentials_invalid'],
    ['not_eligible', 'not_eligible'],
    ['invalid_associate', 'associate_invalid'],
  ] as const) {
    it(`${cause}: one answer, then no more requests, a banner with the fix, and resumption after the check`, async () => {
      const app = await openProductsApp();
      await addAll(app, fakeCatalogue.standaloneAsins('us').slice(0, 15), 'us');
      await addAll(app, fakeCatalogue.standaloneAsins('ca').slice(0, 3), 'ca');
      app.fake.state.setScenario({ overrides: [{ credential: NA.id, fault, ...(fault === 'invalid_client' ? {} : { surface: 'creators' as const }) }] });
      app.fake.state.reset();

      await refreshDue(app.engine.ctx);
      const catalogCalls = app.getItemsCalls().length;
      const tokenCalls = app.fake.state.requestsTo('/auth/o2/token').length;
      // One refused answer, whichever endpoint gave it; the other batch of the credential sees the pause.
      expect(fault === 'invalid_client' ? [tokenCalls, catalogCalls] : [catalogCalls]).toEqual(fault === 'invalid_client' ? [1, 0] : [1]);
      const { pauses } = await app.get<{ pauses: Array<Record<string, unknown>> }>('/api/refresh-pauses');
      expect(pauses).toEqual([
        expect.objectContaining({ source: 'creators', cause, marketplaces: ['ca', 'us'], fixPath: expect.stringMatching(/^#\/settings\/amazon/), fix: expect.any(String), label: expect.stringContaining(NA.id.slice(-4)) }),
      ]);
      expect(JSON.stringify(pauses)).not.toContain(NA.secret);
      expect(JSON.stringify(pauses)).not.toContain(NA.id);
      // Products are not marked failed for a credential problem; they wait.
      expect((await app.list()).counts.error).toBe(0);

      // Further cycles send nothing with the refused credential.
      app.fake.state.reset();
      const report = await refreshDue(app.engine.ctx);
      expect(report.paused.sort()).toEqual(['ca', 'us']);
      expect(app.fake.state.requests).toEqual([]);

      // The owner fixes it (here: Amazon accepts again) and checks the connection: refreshes resume.
      app.fake.state.setScenario({ overrides: [] });
      const check = await app.call('POST', '/api/checks/amazon');
      expect(check.statusCode).toBe(200);
      expect((await app.get<{ pauses: unknown[] }>('/api/refresh-pauses')).pauses).toEqual([]);
      await refreshDue(app.engine.ctx);
      expect((await app.list('?limit=100')).counts.fresh).toBe(18);
    });
  }

  it('endpoint_retired pauses PA-API refreshes and points at the API mode', async () => {
    const app = await openProductsApp({ mode: 'paapi', paapiAccessKey: PAAPI.accessKey, paapiSecretKey: PAAPI.secretKey, defaultCountry: 'de', defaultPartnerTag: 'mytag-21', marketplaces: [row('de', 'mytag-21')] });
    app.fake.state.setScenario({ paapiRetired: true });
    await addAll(app, [fakeCatalogue.wellKnown('de').inStock], 'de');
    await refreshDue(app.engine.ctx);
    const { pauses } = await app.get<{ pauses: Array<Record<string, unknown>> }>('/api/refresh-pauses');
    expect(pauses).toEqual([expect.objectContaining({ source: 'paapi', cause: 'endpoint_retired', fixPath: '#/settings/amazon?focus=mode' })]);
    expect(JSON.stringify(pauses)).not.toContain(PAAPI.accessKey);
    await settleJobs(app.engine.ctx);
  });
});

import { describe, expect, it } from 'vitest';
import type { EngineContext } from '../../src/domain/context.js';
import { findMarketplace } from '../../src/domain/marketplaces/find-marketplace.js';
import { readSavedSearch } from '../../src/domain/searches/read-saved-search.js';
import { SEARCH_REFRESH_JOB, type SavedSearchParams } from '../../src/domain/searches/saved-search.js';
import { AppError } from '../../src/shared/errors.js';
import { searchCatalogue } from '../fakes/amazon/catalog/search.js';
import { NA } from './amazon-check-setup.js';
import { openProductsApp, refreshDue, settleJobs, type ProductsApp } from './products-setup.js';

const HOUR = 3_600_000;
const MINUTE = 60_000;

const pans: SavedSearchParams = { marketplace: 'us', keywords: 'pan', browseNode: null, sort: 'newest', count: 5 };

/** Moves the engine's clock (ages, back-offs) without waiting. */
function shiftClock(ctx: EngineContext, ms: number): void {
  const base = ctx.clock.now().getTime() + ms;
  const started = Date.now();
  ctx.clock = { now: () => new Date(base + (Date.now() - started)) };
}

/** Sets the engine's clock to a time of today (UTC), running on from there. */
function pinClockAt(ctx: EngineContext, hhmm: string): void {
  const today = new Date().toISOString().slice(0, 10);
  shiftClock(ctx, Date.parse(`${today}T${hhmm}:00.000Z`) - ctx.clock.now().getTime());
}

/** SearchItems requests the fake answered (a request repeated after renewing a refused token counts once). */
function searchCalls(app: ProductsApp): Array<Record<string, unknown>> {
  return app.fake.state
    .requestsTo('/catalog/v1/searchItems')
    .filter((r) => r.status !== 401)
    .map((r) => r.body as Record<string, unknown>);
}

/** What the fake's catalogue answers for a keyword search, in its order. */
function expectedAsins(keywords: string, sortBy: string, count: number): string[] {
  const request = { keywords, sortBy, itemCount: count, itemPage: 1, availability: 'Available' } as unknown as Parameters<typeof searchCatalogue>[0];
  return searchCatalogue(request, findMarketplace('us')!)
    .slice(0, count)
    .map((hit) => hit.product.asin);
}

async function countRows(app: ProductsApp): Promise<number> {
  const row = await app.engine.db.selectFrom('saved_searches').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

async function searchJobs(app: ProductsApp): Promise<number> {
  return (await app.engine.ctx.jobs.list({ name: SEARCH_REFRESH_JOB, limit: 100 })).length;
}

describe('saved searches', () => {
  it('the first read saves the search and queues its refresh without asking Amazon; the job stores the products in Amazon’s order', async () => {
    const app = await openProductsApp();
    const ctx = app.engine.ctx;
    // A product already in use keeps its record; the search only writes its snapshot.
    const expected = expectedAsins('pan', 'NewestArrivals', 5);
    expect(expected).toHaveLength(5);
    expect((await app.add(expected[2]!, 'us')).statusCode).toBe(201);
    const existing = (await ctx.stores.products.findByAsin(expected[2]!, 'us'))!;
    app.fake.state.reset();

    // The read itself never builds a client: any attempt would throw.
    const noAmazon: EngineContext = { ...ctx, productSources: new Proxy(ctx.productSources, { get: () => { throw new Error('readSavedSearch must not call Amazon'); } }) };
    const first = await readSavedSearch(noAmazon, pans);
    expect(first).toEqual({ id: expect.stringMatching(/^srh_/), params: pans, fetchedAt: null, products: [] });
    expect(await searchJobs(app)).toBe(1);

    await settleJobs(ctx);
    expect(searchCalls(app)).toEqual([expect.objectContaining({ keywords: 'pan', sortBy: 'NewestArrivals', itemCount: 5, partnerTag: 'mytag-20' })]);
    const second = await readSavedSearch(ctx, pans);
    expect(second.id).toBe(first.id);
    expect(second.fetchedAt).not.toBeNull();
    expect(second.products.map((p) => p.asin)).toEqual(expected);
    for (const product of second.products) {
      expect(product).toMatchObject({ marketplace: 'us', outcome: 'ok', source: 'creators', fetchedAt: expect.any(String), failures: 0 });
      expect(product.snapshot?.asin).toBe(product.asin);
      expect(Date.now() - Date.parse(product.fetchedAt!)).toBeLessThan(MINUTE);
    }
    expect(second.products.filter((p) => p.addedBy === 'search')).toHaveLength(4);
    expect(second.products[2]).toMatchObject({ id: existing.id, addedBy: existing.addedBy, addedAt: existing.addedAt });
    expect((await ctx.stores.savedSearches.find(first.id))!.views).toBe(2);
  });

  it('the same parameters, differently spaced or cased, reuse the search', async () => {
    const app = await openProductsApp();
    const first = await readSavedSearch(app.engine.ctx, { ...pans, keywords: 'Electric Kettle' });
    const again = await readSavedSearch(app.engine.ctx, { ...pans, marketplace: ' US ', keywords: '  electric   KETTLE ' });
    expect(again.id).toBe(first.id);
    expect(again.params).toEqual({ ...pans, keywords: 'electric kettle' });
    const other = await readSavedSearch(app.engine.ctx, { ...pans, keywords: 'Electric Kettle', count: 6 });
    expect(other.id).not.toBe(first.id);
    expect(await countRows(app)).toBe(2);
    expect(await searchJobs(app)).toBe(2);
    await settleJobs(app.engine.ctx);
  });

  it('refuses bad parameters with validation_failed and stores nothing', async () => {
    const app = await openProductsApp();
    const bad: Array<[Record<string, unknown>, string]> = [
      [{ ...pans, count: 11 }, 'count'],
      [{ ...pans, count: 0 }, 'count'],
      [{ ...pans, count: 2.5 }, 'count'],
      [{ ...pans, sort: 'cheapest' }, 'sort'],
      [{ ...pans, marketplace: 'xx' }, 'marketplace'],
      [{ ...pans, keywords: '   ', browseNode: null }, 'keywords'],
      [{ ...pans, browseNode: 'shoes' }, 'browseNode'],
      [{ ...pans, keywords: 'k'.repeat(1001) }, 'keywords'],
    ];
    for (const [params, field] of bad) {
      const error = await readSavedSearch(app.engine.ctx, params as unknown as SavedSearchParams).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error, JSON.stringify(params).slice(0, 80)).toBeInstanceOf(AppError);
      expect(error).toMatchObject({ code: 'validation_failed', fields: [expect.objectContaining({ field })] });
    }
    expect(await countRows(app)).toBe(0);
    expect(await searchJobs(app)).toBe(0);
  });

  it('a browse node alone is a search too', async () => {
    const app = await openProductsApp();
    const view = await readSavedSearch(app.engine.ctx, { marketplace: 'us', keywords: null, browseNode: '3760931', sort: 'bestsellers', count: 3 });
    await settleJobs(app.engine.ctx);
    expect(searchCalls(app)).toEqual([expect.objectContaining({ browseNodeId: '3760931', sortBy: 'Featured', itemCount: 3 })]);
    expect(searchCalls(app)[0]).not.toHaveProperty('keywords');
    expect((await readSavedSearch(app.engine.ctx, view.params)).products).toHaveLength(3);
  });

  it('the refresh cycle plans a search again only when it is due, ahead of its products', async () => {
    const app = await openProductsApp();
    const ctx = app.engine.ctx;
    await readSavedSearch(ctx, pans);
    await settleJobs(ctx);
    app.fake.state.reset();

    const report = await refreshDue(ctx);
    expect(report.searches?.lanes).toEqual([expect.objectContaining({ marketplaces: ['us'], searches: 0 })]);
    expect(app.fake.state.requests).toEqual([]);
    shiftClock(ctx, 22.5 * HOUR);
    await refreshDue(ctx);
    expect(app.fake.state.requests).toEqual([]);

    // Due three cycles before the maximum age, one before its products: its answer renews them,
    // so no GetItems request is spent on them.
    shiftClock(ctx, 0.5 * HOUR - 2.5 * MINUTE);
    const due = await refreshDue(ctx);
    expect(due.searches?.lanes).toEqual([expect.objectContaining({ searches: 1, share: expect.any(Number) })]);
    expect(searchCalls(app)).toHaveLength(1);
    expect(app.getItemsCalls()).toEqual([]);
    shiftClock(ctx, 2 * MINUTE);
    await refreshDue(ctx);
    expect(searchCalls(app)).toHaveLength(1);
  });

  it('due searches get at most a tenth of the credential’s budget (at least one request), most viewed first', async () => {
    const app = await openProductsApp(undefined, { PASSIVEWP_AMAZON_DAILY_QUOTA: '10' });
    const ctx = app.engine.ctx;
    // The budget depends on the hours left in the UTC day; a start before 01:00 would keep the shifted clock in the same day.
    pinClockAt(ctx, '06:00');
    const ids: string[] = [];
    for (const keywords of ['pan', 'mouse', 'backpack']) ids.push((await readSavedSearch(ctx, { ...pans, keywords })).id);
    await settleJobs(ctx);
    await ctx.stores.savedSearches.addViews(ids[2]!, 50);
    await ctx.stores.savedSearches.addViews(ids[1]!, 10);
    app.fake.state.reset();
    shiftClock(ctx, 23 * HOUR);
    const first = await refreshDue(ctx);
    expect(first.searches?.lanes).toEqual([expect.objectContaining({ share: 1, searches: 1 })]);
    expect(searchCalls(app).map((body) => body.keywords)).toEqual(['backpack']);
    await refreshDue(ctx);
    expect(searchCalls(app).map((body) => body.keywords)).toEqual(['backpack', 'mouse']);
  });

  it('a search that finds nothing is stored empty and asked again only after the not-found back-off', async () => {
    const app = await openProductsApp();
    const ctx = app.engine.ctx;
    const nothing = { ...pans, keywords: 'zqxv nothing matches this' };
    const { id } = await readSavedSearch(ctx, nothing);
    await settleJobs(ctx);
    expect(searchCalls(app)).toHaveLength(1);
    const stored = (await ctx.stores.savedSearches.find(id))!;
    expect(stored).toMatchObject({ outcome: 'not_found', cause: 'item_not_found', resultAsins: [], failures: 1, fetchedAt: expect.any(String) });
    expect(Date.parse(stored.retryAfter!) - Date.now()).toBeGreaterThan(23 * HOUR);
    expect(await readSavedSearch(ctx, nothing)).toMatchObject({ products: [], fetchedAt: stored.fetchedAt });

    for (let i = 0; i < 3; i += 1) await refreshDue(ctx);
    shiftClock(ctx, 23 * HOUR);
    await refreshDue(ctx);
    expect(searchCalls(app)).toHaveLength(1);
    shiftClock(ctx, HOUR + MINUTE);
    await refreshDue(ctx);
    expect(searchCalls(app)).toHaveLength(2);
    expect((await ctx.stores.savedSearches.find(id))!.failures).toBe(2);
  });

  it('a refused credential pauses searches like product refreshes: one answer, then no more requests', async () => {
    const app = await openProductsApp();
    const ctx = app.engine.ctx;
    app.fake.state.setScenario({ overrides: [{ credential: NA.id, surface: 'creators', fault: 'not_eligible' }] });
    const { id } = await readSavedSearch(ctx, pans);
    await settleJobs(ctx);
    expect(searchCalls(app)).toHaveLength(1);
    expect(await ctx.stores.refreshPauses.list()).toEqual([expect.objectContaining({ source: 'creators', cause: 'not_eligible', marketplaces: ['us'] })]);
    // The search is not marked failed for a credential problem; it waits, unclaimed.
    expect((await ctx.stores.savedSearches.find(id))!).toMatchObject({ outcome: 'pending', failures: 0, claimedBy: null });

    app.fake.state.reset();
    // No product uses the credential, and still the pause holds over the next cycles.
    for (let i = 0; i < 3; i += 1) {
      const report = await refreshDue(ctx);
      expect(report.searches?.paused).toEqual(['us']);
    }
    await readSavedSearch(ctx, { ...pans, sort: 'reviews' });
    await settleJobs(ctx);
    expect(app.fake.state.requests).toEqual([]);
    expect(await ctx.stores.refreshPauses.list()).toHaveLength(1);

    // A successful connection check ends the pause; the next cycle refreshes both searches.
    app.fake.state.setScenario({ overrides: [] });
    expect((await app.call('POST', '/api/checks/amazon')).statusCode).toBe(200);
    expect(await ctx.stores.refreshPauses.list()).toEqual([]);
    app.fake.state.reset();
    await refreshDue(ctx);
    expect(searchCalls(app)).toHaveLength(2);
    expect((await readSavedSearch(ctx, pans)).products.map((p) => p.asin)).toEqual(expectedAsins('pan', 'NewestArrivals', 5));
  });

  it('a failed request keeps the last answer and backs off', async () => {
    const app = await openProductsApp();
    const ctx = app.engine.ctx;
    const { id } = await readSavedSearch(ctx, pans);
    await settleJobs(ctx);
    const before = (await ctx.stores.savedSearches.find(id))!;
    app.fake.state.setScenario({ overrides: [{ credential: NA.id, surface: 'creators', fault: 'server_error' }] });
    shiftClock(ctx, 23 * HOUR);
    await refreshDue(ctx);
    const after = (await ctx.stores.savedSearches.find(id))!;
    expect(after).toMatchObject({ outcome: 'error', resultAsins: before.resultAsins, fetchedAt: before.fetchedAt, failures: expect.any(Number) });
    expect(after.failures).toBeGreaterThan(0);
    expect(Date.parse(after.retryAfter!)).toBeGreaterThan(ctx.clock.now().getTime());
  });
});

import { describe, expect, it } from 'vitest';
import { fakeCatalogue } from '../fakes/amazon/index.js';
import { openProductsApp, settleJobs } from './products-setup.js';

const US = fakeCatalogue.wellKnown('us');
const DE = fakeCatalogue.wellKnown('de');

describe('products API', () => {
  it('adds a product by ASIN (Default Country), by ASIN with a marketplace, and by any product URL (the store names the marketplace)', async () => {
    const app = await openProductsApp();
    const byAsin = await app.add(US.inStock.toLowerCase());
    expect(byAsin.statusCode).toBe(201);
    expect(byAsin.body.product).toMatchObject({ asin: US.inStock, marketplace: 'us', state: 'stale', price: null, fetchedAt: null });
    expect((await app.add(US.onSale, 'ca')).body.product).toMatchObject({ asin: US.onSale, marketplace: 'ca' });
    const urls = [
      [`https://www.amazon.de/-/en/Some-Long-Slug/dp/${DE.inStock}/ref=sr_1_1?keywords=x&th=1`, 'de'],
      [`www.amazon.co.uk/gp/product/${DE.onSale}?psc=1`, 'uk'],
      [`https://www.amazon.co.jp/gp/aw/d/${DE.noReviews}`, 'jp'],
    ] as const;
    for (const [url, marketplace] of urls) {
      const added = await app.add(url);
      expect(added.statusCode, url).toBe(201);
      expect(added.body.product).toMatchObject({ marketplace });
    }
    expect((await app.list()).total).toBe(5);
  });

  it('refuses bad input with a message per field and stores nothing', async () => {
    const app = await openProductsApp();
    await app.add(US.inStock);
    const snapshot = async () => (await app.list()).products.map((p) => [p.id, p.asin, p.marketplace, p.addedAt]);
    const before = await snapshot();
    const cases: Array<[unknown, string]> = [
      [{}, 'reference'],
      [{ reference: '   ' }, 'reference'],
      [{ reference: 'B0SHORT' }, 'reference'],
      [{ reference: 'https://example.com/dp/B08N5WRWNW' }, 'reference'],
      [{ reference: 'https://amzn.to/3xYzAbC' }, 'reference'],
      [{ reference: US.onSale, marketplace: 'atlantis' }, 'marketplace'],
      [{ reference: `https://www.amazon.de/dp/${DE.inStock}`, marketplace: 'us' }, 'marketplace'],
      [{ reference: 42 }, 'reference'],
    ];
    for (const [payload, field] of cases) {
      const response = await app.call('POST', '/api/products', payload);
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      expect(response.json()).toMatchObject({ code: 'validation_failed', fields: [expect.objectContaining({ field })] });
    }
    const duplicate = await app.add(US.inStock);
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.body).toMatchObject({ code: 'conflict' });
    expect(await snapshot()).toEqual(before);
  });

  it('searches by ASIN and title, filters by marketplace and state, and counts per state', async () => {
    const app = await openProductsApp();
    for (const asin of [US.inStock, US.onSale, US.book]) await app.add(asin);
    await app.add(DE.inStock, 'ca');
    await app.call('POST', `/api/products/${(await app.list('?search=' + US.book)).products[0]!.id}/refresh`);
    await settleJobs(app.engine.ctx);
    const title = fakeCatalogue.item('us', US.book)!.title;

    expect((await app.list(`?search=${encodeURIComponent(US.onSale.toLowerCase())}`)).products.map((p) => p.asin)).toEqual([US.onSale]);
    expect((await app.list(`?search=${encodeURIComponent(title.slice(0, 12))}`)).products.map((p) => p.asin)).toEqual([US.book]);
    expect((await app.list('?marketplace=ca')).total).toBe(1);
    const fresh = await app.list('?state=fresh');
    expect(fresh.products.map((p) => p.asin)).toEqual([US.book]);
    expect(fresh.counts).toEqual({ fresh: 1, stale: 3, refreshing: 0, not_found: 0, not_accessible: 0, error: 0 });
    expect((await app.list('?state=stale&marketplace=us')).total).toBe(2);

    for (const query of ['?state=sleepy', '?limit=0', '?limit=many', '?offset=-1']) {
      const response = await app.call('GET', `/api/products${query}`);
      expect(response.statusCode, query).toBe(400);
      expect(response.json().code).toBe('validation_failed');
    }
  });

  it('"Refresh now" shows the product refreshing, then fresh with its price, fetch time and source', async () => {
    const app = await openProductsApp();
    const { product } = (await app.add(US.onSale)).body as { product: { id: string } };
    const requested = await app.call('POST', `/api/products/${product.id}/refresh`);
    expect(requested.statusCode).toBe(202);
    expect(requested.json().product.state).toBe('refreshing');
    await settleJobs(app.engine.ctx);
    const [view] = (await app.list()).products;
    const item = fakeCatalogue.item('us', US.onSale)!;
    expect(view).toMatchObject({ state: 'fresh', source: 'creators', title: item.title, price: { display: item.price!.displayAmount }, cause: null, snapshotExpired: false });
    expect(view!.price!.fetchedAt).toBe(view!.fetchedAt);
    expect(view!.imageUrl).toMatch(/^https?:\/\//);
    expect(view!.detailPageUrl).toContain('tag=mytag-20');
    expect((await app.call('POST', '/api/products/prd_unknown/refresh')).statusCode).toBe(404);
  });

  it('removes a product; an unknown id is a 404 and changes nothing', async () => {
    const app = await openProductsApp();
    await app.add(US.inStock);
    const { product } = (await app.add(US.onSale)).body as { product: { id: string } };
    expect((await app.call('DELETE', `/api/products/${product.id}`)).json()).toEqual({ removed: true });
    const missing = await app.call('DELETE', '/api/products/prd_nope');
    expect(missing.statusCode).toBe(404);
    expect((await app.list()).products.map((p) => p.asin)).toEqual([US.inStock]);
  });

  it('needs a signed-in administrator and the CSRF token', async () => {
    const app = await openProductsApp();
    expect((await app.app.inject({ method: 'GET', url: '/api/products' })).statusCode).toBe(401);
    expect((await app.app.inject({ method: 'GET', url: '/api/refresh-pauses' })).statusCode).toBe(401);
    const noCsrf = await app.app.inject({ method: 'POST', url: '/api/products', headers: { cookie: app.auth.cookie }, payload: { reference: US.inStock } });
    expect(noCsrf.statusCode).toBe(403);
    expect((await app.list()).total).toBe(0);
  });

  it('the maximum age setting refuses more than Amazon\'s 24 hours and keeps the stored value', async () => {
    const app = await openProductsApp();
    expect((await app.save('products', { maxAgeHours: 20 })).statusCode).toBe(200);
    for (const bad of [24.5, 25, 0, 'soon']) {
      const response = await app.save('products', { maxAgeHours: bad });
      expect(response.statusCode, String(bad)).toBe(400);
      expect(response.json().fields[0].field).toBe('maxAgeHours');
    }
    expect((await app.list()).maxAgeHours).toBe(20);
  });
});

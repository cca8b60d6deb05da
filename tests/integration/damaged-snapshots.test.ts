import { describe, expect, it } from 'vitest';
import { newProductRecord } from '../../src/domain/products/new-product-record.js';
import type { ProductList } from '../../src/domain/products/list-products.js';
import { createRelayToken } from '../../src/domain/relay/create-relay-token.js';
import { saveSection } from '../../src/domain/settings/save-section.js';
import { relayProduct } from '../fakes/relay/start-fake-relay.js';
import { openAdminApp } from '../helpers/open-admin-app.js';

/**
 * Snapshots already in the database that are damaged (written by an older version, a relay before
 * answers were checked, a hand edit): the product list, the render API and the preview still answer
 * 200, show what can be shown, and never put a dangerous or foreign link on a page.
 */
const now = new Date();
/** As a client engine stored it: the relay's product with our tag. */
const good = (asin: string): Record<string, unknown> => ({ ...relayProduct(asin, 'de', now), detailPageUrl: `https://www.amazon.de/dp/${asin}?tag=local-21&linkCode=ogi` });
const DAMAGED: Array<[string, string, unknown]> = [
  ['images: null', 'B0DAMAGE01', { ...good('B0DAMAGE01'), images: null }],
  ['a javascript: link', 'B0DAMAGE02', { ...good('B0DAMAGE02'), detailPageUrl: 'javascript:alert(document.cookie)' }],
  ['a link to another host', 'B0DAMAGE03', { ...good('B0DAMAGE03'), detailPageUrl: 'https://evil.example/dp/B0DAMAGE03' }],
  ['a fetch time in 2099', 'B0DAMAGE04', { ...good('B0DAMAGE04'), fetchedAt: '2099-01-01T00:00:00.000Z', title: 'Forever priced' }],
  ['fields of the wrong type', 'B0DAMAGE05', { ...good('B0DAMAGE05'), title: 42, features: 'many', price: { amount: 'cheap' }, rating: { stars: 'five' }, availability: 7 }],
  ['an image on another host', 'B0DAMAGE06', { ...good('B0DAMAGE06'), images: { primary: { url: 'javascript:alert(1)', width: 1, height: 1 }, variants: null } }],
];

async function openDamagedEngine() {
  const app = await openAdminApp();
  const ctx = app.engine.ctx;
  await saveSection(ctx, { sectionId: 'amazon', values: { defaultCountry: 'de', defaultPartnerTag: 'local-21' }, actor: 'test', ip: null });
  const at = now.toISOString();
  for (const [, asin, snapshot] of DAMAGED) {
    const record = newProductRecord({ asin, marketplace: 'de', addedBy: 'test', addedAt: now });
    await ctx.stores.products.insert({ ...record, outcome: 'ok', snapshot: snapshot as never, source: 'relay', fetchedAt: (snapshot as { fetchedAt: string }).fetchedAt, attemptedAt: at });
  }
  // A snapshot that is not JSON at all, and a cause and a fetch time no version of the engine writes.
  const broken = newProductRecord({ asin: 'B0DAMAGE07', marketplace: 'de', addedBy: 'test', addedAt: now });
  await ctx.stores.products.insert({ ...broken, outcome: 'error', source: 'relay', attemptedAt: at });
  await app.engine.db.updateTable('products').set({ snapshot: '{"asin": "B0DAMAGE07", "ima', cause: 'cause_from_the_future', fetched_at: 'last tuesday' }).where('asin', '=', 'B0DAMAGE07').execute();
  const renderKey = (await createRelayToken(ctx, { name: 'blog' }, 'test', 'render')).token;
  return { ...app, renderKey };
}

const ASINS = [...DAMAGED.map(([, asin]) => asin), 'B0DAMAGE07'];
const POST = ASINS.map((asin) => `[passivewp box asin="${asin}"] [passivewp link asin="${asin}"]this one[/passivewp]`).join('\n') + `\n[passivewp table asins="${ASINS.slice(0, 7).join(',')}"]`;

describe('damaged snapshots in the database', () => {
  it('a fetch time in the future (or unreadable) is due for refresh at once, so the product does not stay without data', async () => {
    const app = await openDamagedEngine();
    const at = new Date().toISOString();
    const anHourAgo = new Date(Date.now() - 3_600_000).toISOString();
    const due = await app.engine.ctx.stores.products.listDue({ marketplaces: ['de'], now: at, dueBefore: anHourAgo, fillBefore: anHourAgo, limit: 50 });
    const asinOf = new Map((await app.engine.db.selectFrom('products').select(['id', 'asin']).execute()).map((row) => [row.id, row.asin]));
    expect(due.map((row) => asinOf.get(row.id)).sort()).toEqual(['B0DAMAGE04', 'B0DAMAGE07']);
  });

  it('GET /api/products answers 200 and shows what can be shown', async () => {
    const app = await openDamagedEngine();
    const list = await app.get<ProductList>('/api/products?limit=50');
    const view = (asin: string) => list.products.find((p) => p.asin === asin)!;
    expect(list.products).toHaveLength(7);
    expect(view('B0DAMAGE01')).toMatchObject({ title: 'Relay kettle B0DAMAGE01', imageUrl: null, price: { display: '24,99 EUR' } });
    expect(view('B0DAMAGE02').detailPageUrl).toBe('https://www.amazon.de/dp/B0DAMAGE02');
    expect(view('B0DAMAGE03').detailPageUrl).toBe('https://www.amazon.de/dp/B0DAMAGE03');
    expect(view('B0DAMAGE04')).toMatchObject({ title: null, price: null, snapshotExpired: true });
    expect(view('B0DAMAGE05')).toMatchObject({ title: null, price: null, availability: null, detailPageUrl: expect.stringContaining('/dp/B0DAMAGE05') });
    expect(view('B0DAMAGE06')).toMatchObject({ title: 'Relay kettle B0DAMAGE06', imageUrl: null });
    expect(view('B0DAMAGE07')).toMatchObject({ title: null, price: null, fix: null, cause: 'cause_from_the_future' });
    expect(JSON.stringify(list)).not.toMatch(/javascript:|evil\.example|Forever priced/);
  });

  it('/api/render/v1 and the preview answer 200 with tagged store links only, and the audit finds nothing unsafe', async () => {
    const app = await openDamagedEngine();
    const rendered = await app.app.inject({ method: 'POST', url: '/api/render/v1?debug=1', payload: { content: POST, country: 'DE' }, headers: { authorization: `Bearer ${app.renderKey}` } });
    expect(rendered.statusCode).toBe(200);
    const { html, problems } = rendered.json<{ html: string; problems: Array<{ code: string }> }>();
    const preview = await app.call('POST', '/api/render/preview', { content: POST, country: 'DE' });
    expect(preview.statusCode).toBe(200);

    for (const page of [html, preview.json<{ html: string }>().html]) {
      expect(page).not.toMatch(/javascript:|evil\.example|Forever priced/);
      const hrefs = [...page.matchAll(/href="([^"]*)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&'));
      expect(hrefs.length).toBeGreaterThanOrEqual(ASINS.length * 2);
      for (const href of hrefs) expect(href).toMatch(/^https:\/\/www\.amazon\.de\/(dp\/B0DAMAGE0\d|s)\?(.+&)?tag=local-21(&|$)/);
      const images = [...page.matchAll(/<img[^>]* src="([^"]*)"/g)].map((m) => m[1]!);
      for (const src of images) expect(src).toMatch(/^https:\/\/m\.media-amazon\.com\//);
    }
    expect(problems.map((p) => p.code)).not.toContain('unsafe_link');
  });
});

import { describe, expect, it, onTestFinished } from 'vitest';
import type { CheckRowResult } from '../../src/domain/connection-checks/check-run.js';
import type { ProductList } from '../../src/domain/products/list-products.js';
import { createRelayToken } from '../../src/domain/relay/create-relay-token.js';
import { readSavedSearch } from '../../src/domain/searches/read-saved-search.js';
import { saveSection } from '../../src/domain/settings/save-section.js';
import { relayProduct, startFakeRelay, type Tamper } from '../fakes/relay/start-fake-relay.js';
import { openAdminApp } from '../helpers/open-admin-app.js';
import { parseEvents, type CheckEvent } from './amazon-check-setup.js';
import { refreshDue, settleJobs } from './products-setup.js';

/**
 * A client engine in Amazon API Mode "PassiveWP" whose relay (a loopback fake speaking the relay
 * protocol) turns hostile: each bad answer must leave nothing bad in the database, end as
 * `relay_invalid_answer` (or be repaired, for links), and pages must still carry our tagged links.
 */
const ASIN = 'B0RELAY001';
const OURS = `https://www.amazon.de/dp/${ASIN}?tag=local-21`;

async function openRelayClient() {
  const relay = await startFakeRelay();
  onTestFinished(() => relay.close());
  const app = await openAdminApp();
  const ctx = app.engine.ctx;
  const save = (values: Record<string, unknown>) => saveSection(ctx, { sectionId: 'amazon', values, actor: 'test', ip: null });
  await save({
    mode: 'passivewp',
    relayUrl: relay.origin,
    relayToken: relay.token,
    defaultCountry: 'de',
    defaultPartnerTag: 'local-21',
    marketplaces: [
      { country: 'de', partnerTag: 'local-21', enabled: true },
      { country: 'uk', partnerTag: 'local-uk-21', enabled: false },
    ],
  });
  await ctx.jobs.start();
  onTestFinished(() => ctx.jobs.stop());
  const renderKey = (await createRelayToken(ctx, { name: 'blog' }, 'test', 'render')).token;
  return {
    ...app,
    relay,
    stored: (asin = ASIN, marketplace = 'de') => ctx.stores.products.findByAsin(asin, marketplace),
    async check(): Promise<CheckRowResult> {
      const response = await app.call('POST', '/api/checks/amazon');
      const done = parseEvents(response.body).find((e): e is Extract<CheckEvent, { type: 'done' }> => e.type === 'done');
      return done!.run.rows.find((r) => r.country === 'de')!;
    },
    async render(content: string): Promise<{ status: number; html: string }> {
      const response = await app.app.inject({ method: 'POST', url: '/api/render/v1', payload: { content, country: 'DE' }, headers: { authorization: `Bearer ${renderKey}` } });
      return { status: response.statusCode, html: response.json<{ html?: string }>().html ?? response.body };
    },
  };
}

type Client = Awaited<ReturnType<typeof openRelayClient>>;

/** Adds the product (its first refresh is queued) and works the queue. */
async function addAndRefresh(app: Client, asin = ASIN, marketplace = 'de'): Promise<void> {
  expect((await app.call('POST', '/api/products', { reference: asin, marketplace })).statusCode).toBe(201);
  await refreshDue(app.engine.ctx);
}

/** The honest answer with its first item changed. */
const firstItem = (change: (item: Record<string, unknown>) => void): Tamper => (honest) => {
  const items = honest.result.items as Array<Record<string, unknown>>;
  change(items[0]!);
  return { body: honest };
};

const REFUSED: Array<[string, Tamper]> = [
  ['fetchedAt in 2099 (a price that would never expire)', firstItem((i) => (i.fetchedAt = '2099-01-01T00:00:00.000Z'))],
  ['fetchedAt in 1970', firstItem((i) => (i.fetchedAt = '1970-01-01T00:00:00.000Z'))],
  ['fetchedAt that is not a time', firstItem((i) => (i.fetchedAt = 'yesterday'))],
  ['an ASIN that was not asked for', (honest) => ({ body: { result: { ...honest.result, items: [...(honest.result.items as unknown[]), relayProduct('B0NOTASKED', 'de')] } } })],
  ['a product of another store', firstItem((i) => Object.assign(i, relayProduct(ASIN, 'uk')))],
  ['images: null', firstItem((i) => (i.images = null))],
  ['a price that is a string', firstItem((i) => (i.price = { amount: '24.99', currency: 'EUR', display: '24,99 €' }))],
  ['a price that is not finite', () => ({ body: `{"result":{"itemErrors":[],"items":[${JSON.stringify(relayProduct(ASIN, 'de')).replace('"amount":24.99', '"amount":1e999')}]}}` })],
  ['a title of 100,000 characters', firstItem((i) => (i.title = 'A'.repeat(100_000)))],
  ['invalid JSON', () => ({ body: '{"result":{"items":[{"asin":' })],
  ['an HTML page instead of JSON', () => ({ contentType: 'text/html; charset=utf-8', body: '<html><body>Welcome to my blog</body></html>' })],
  ['JSON sent as text/plain', (honest) => ({ contentType: 'text/plain', body: JSON.stringify(honest) })],
  ['no result at all', () => ({ body: { items: [] } })],
];

describe('a hostile relay: answers that are refused', () => {
  it.each(REFUSED)('%s: nothing stored, relay_invalid_answer on the product and in the check, the page links to the product with our tag', async (_name, tamper) => {
    const app = await openRelayClient();
    app.relay.answerWith(tamper);
    await addAndRefresh(app);

    const stored = await app.stored();
    expect(stored).toMatchObject({ outcome: 'error', cause: 'relay_invalid_answer', snapshot: null, fetchedAt: null });
    expect(stored!.message).toMatch(/^The relay’s answer was refused, nothing of it was stored: /);
    const listed = await app.get<ProductList>('/api/products');
    expect(listed.products[0]).toMatchObject({ asin: ASIN, cause: 'relay_invalid_answer', fix: expect.stringContaining('Relay URL'), title: null, price: null });

    expect(await app.check()).toMatchObject({ status: 'error', cause: 'relay_invalid_answer', source: 'relay', fixField: 'relayUrl' });

    const page = await app.render(`[passivewp box asin="${ASIN}"]`);
    expect(page.status).toBe(200);
    expect(page.html).toContain(`href="${OURS}"`);
    expect(page.html).not.toMatch(/2099|Relay kettle|AAAAAAAAAA/);
  });

  it('an answer of 50 MB: the connection is dropped at the relay limit, the refresh ends as relay_invalid_answer', async () => {
    const app = await openRelayClient();
    app.relay.answerWith(() => ({ streamBytes: 50 * 1024 * 1024 }));
    await addAndRefresh(app);
    expect(await app.stored()).toMatchObject({ outcome: 'error', cause: 'relay_invalid_answer', snapshot: null });
    expect((await app.stored())!.message).toMatch(/larger than 5 MB/);
    // Far less than was on offer went over the wire (socket buffers on both sides come on top of the limit).
    expect(app.relay.bytesSent()).toBeLessThan(20 * 1024 * 1024);
    expect((await app.render(`[passivewp box asin="${ASIN}"]`)).html).toContain(`href="${OURS}"`);
  });
});

describe('a hostile relay: links and images that are repaired', () => {
  it.each([
    ['javascript:alert(document.cookie)'],
    ['https://evil.example/dp/B0RELAY001?tag=relayowner-21'],
    ['http://www.amazon.de/dp/B0RELAY001?tag=relayowner-21'],
    ['https://www.amazon.co.uk/dp/B0RELAY001?tag=relayowner-21'],
    ['https://www.amazon.de.evil.example/dp/B0RELAY001'],
    ['https://user:pass@www.amazon.de/dp/B0RELAY001'],
  ])('detailPageUrl %s is rebuilt from the ASIN with our tag, and nothing of it reaches the page', async (bad) => {
    const app = await openRelayClient();
    app.relay.answerWith(firstItem((i) => (i.detailPageUrl = bad)));
    await addAndRefresh(app);
    const stored = await app.stored();
    expect(stored).toMatchObject({ outcome: 'ok', cause: null, snapshot: { detailPageUrl: OURS, title: `Relay kettle ${ASIN}`, source: 'relay' } });
    expect(await app.check()).toMatchObject({ status: 'ok', cause: 'ok' });
    const page = await app.render(`[passivewp box asin="${ASIN}"]`);
    expect(page.html).toContain(`href="${OURS}"`);
    expect(page.html).not.toContain(bad.replace(/&/g, '&amp;'));
    expect(page.html).not.toMatch(/javascript:|evil\.example|user:pass|relayowner/);
  });

  it('keeps Amazon’s own link on the store, with our tag in place of the relay owner’s', async () => {
    const app = await openRelayClient();
    await addAndRefresh(app);
    expect((await app.stored())!.snapshot!.detailPageUrl).toBe(`https://www.amazon.de/dp/${ASIN}?tag=local-21&linkCode=ogi&th=1&psc=1`);
  });

  it('drops images that are not on Amazon’s media hosts, keeps the rest of the product', async () => {
    const app = await openRelayClient();
    app.relay.answerWith(
      firstItem((i) => {
        i.images = {
          primary: { url: 'https://tracker.example/pixel.gif', width: 1, height: 1 },
          variants: [{ url: 'javascript:alert(1)', width: null, height: null }, { url: 'https://m.media-amazon.com/images/I/ok.jpg', width: 500, height: 500 }],
        };
      }),
    );
    await addAndRefresh(app);
    expect((await app.stored())!.snapshot).toMatchObject({ title: `Relay kettle ${ASIN}`, images: { primary: null, variants: [{ url: 'https://m.media-amazon.com/images/I/ok.jpg' }] } });
    expect((await app.render(`[passivewp box asin="${ASIN}"]`)).html).not.toContain('tracker.example');
  });
});

describe('a hostile relay and saved searches', () => {
  it('a search answer cannot write into another store’s product', async () => {
    const app = await openRelayClient();
    const ctx = app.engine.ctx;
    await saveSection(ctx, { sectionId: 'amazon', values: { marketplaces: [{ country: 'de', partnerTag: 'local-21', enabled: true }, { country: 'uk', partnerTag: 'local-uk-21', enabled: true }] }, actor: 'test', ip: null });
    await addAndRefresh(app, ASIN, 'uk');
    const before = (await app.stored(ASIN, 'uk'))!;
    expect(before.snapshot?.title).toBe(`Relay kettle ${ASIN}`);

    // The German search answers with the British product, retitled.
    app.relay.answerWith((honest, request) =>
      request.operation === 'searchItems' ? { body: { result: { ...honest.result, items: [{ ...relayProduct(ASIN, 'uk'), title: 'Hijacked' }] } } } : { body: honest },
    );
    const search = await readSavedSearch(ctx, { marketplace: 'de', keywords: 'kettle', browseNode: null, sort: 'relevance', count: 3 }, { countView: false });
    await settleJobs(ctx);

    expect(await app.stored(ASIN, 'uk')).toEqual(before);
    expect(await app.stored(ASIN, 'de')).toBeUndefined();
    expect(await ctx.stores.savedSearches.find(search.id)).toMatchObject({ outcome: 'error', cause: 'relay_invalid_answer', resultAsins: [] });
  });
});

describe('the relay’s error answers', () => {
  it('are shown only as a short text without markup, control characters or our relay token', async () => {
    const app = await openRelayClient();
    app.relay.answerWith(() => ({
      status: 502,
      body: { code: 'source_failed', cause: 'amazon_unavailable', message: `<script>alert(1)</script>\u001b[31mRED your token ${app.relay.token} ${'x'.repeat(5000)}`, fix: '<b>Pay</b> us' },
    }));
    await addAndRefresh(app);
    const stored = (await app.stored())!;
    expect(stored.cause).toBe('amazon_unavailable');
    expect(stored.message!.length).toBeLessThan(260);
    expect(stored.message).not.toContain('<');
    expect(stored.message).not.toContain('\u001b');
    expect(stored.message).toContain('RED your token [hidden]');
  });
});

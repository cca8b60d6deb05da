import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeCatalogue } from '../fakes/amazon/data/fake-catalogue.js';
import { startFakeAmazon, type FakeAmazon } from '../fakes/amazon/index.js';
import { CREDENTIALS, creatorsClientFor } from '../helpers/amazon-clients.js';

let fake: FakeAmazon;

beforeAll(async () => {
  fake = await startFakeAmazon({ credentials: Object.values(CREDENTIALS), rateLimit: { tps: 1000, burst: 1000 } });
});
afterAll(() => fake.close());
beforeEach(() => {
  fake.state.reset();
  fake.state.setScenario({ overrides: [], latencyMs: 0, rateLimit: { tps: 1000, burst: 1000 } });
});

const de = fakeCatalogue.wellKnown('de');

describe('Creators API client: getItems', () => {
  it('maps items into the product model, keeps detailPageURL untouched and reports failed ASINs one by one', async () => {
    const { client } = creatorsClientFor({ origin: fake.origin });
    const result = await client.getItems({ marketplace: 'de', partnerTag: 'mytag-21', itemIds: [de.inStock, de.onSale, de.unknown, de.notAccessible] });
    if (!result.ok) throw new Error(result.error.message);
    const byAsin = new Map(result.value.items.map((p) => [p.asin, p]));
    expect([...byAsin.keys()].sort()).toEqual([de.inStock, de.onSale].sort());

    const expected = fakeCatalogue.item('de', de.onSale)!;
    const onSale = byAsin.get(de.onSale)!;
    expect(onSale).toMatchObject({ marketplace: 'de', source: 'creators', title: expected.title, brand: expected.brand });
    expect(onSale.price).toEqual({ amount: expected.price?.amount, currency: 'EUR', display: expected.price?.displayAmount });
    expect(onSale.listPrice?.amount).toBe(expected.listPrice?.amount);
    expect(onSale.savings?.percentage).toBe(expected.savingsPercent);
    expect(onSale.images.primary?.url).toMatch(/^https:\/\/m\.media-amazon\.com\//);
    expect(Date.parse(onSale.fetchedAt)).not.toBeNaN();

    expect(onSale.detailPageUrl).toMatch(new RegExp(`^https://www\\.amazon\\.de/.*${de.onSale}\\?.*tag=mytag-21.*linkCode=ogi`));

    expect(result.value.itemErrors.map((e) => [e.asin, e.cause])).toEqual(
      expect.arrayContaining([
        [de.unknown, 'item_not_found'],
        [de.notAccessible, 'item_not_accessible'],
      ]),
    );
  });

  it('sends v3 tokens as plain Bearer, the x-marketplace header, and asks Login with Amazon with JSON', async () => {
    const { client } = creatorsClientFor({ origin: fake.origin });
    await client.getItems({ marketplace: 'de', partnerTag: 'mytag-21', itemIds: [de.inStock] });
    const [token] = fake.state.requestsTo('/auth/o2/token');
    expect(token?.host).toBe('api.amazon.co.uk');
    expect(token?.headers['content-type']).toMatch(/^application\/json/);
    const [call] = fake.state.requestsTo('/catalog/v1/getItems');
    expect(call?.headers.authorization).toMatch(/^Bearer \S+$/);
    expect(call?.headers['x-marketplace']).toBe('www.amazon.de');
  });

  it('sends v2 tokens with ", Version 2.x" and asks Cognito with a form', async () => {
    const us = fakeCatalogue.wellKnown('us');
    const { client } = creatorsClientFor({ origin: fake.origin, credential: CREDENTIALS.cognitoNa });
    const result = await client.getItems({ marketplace: 'us', partnerTag: 'mytag-20', itemIds: [us.inStock] });
    expect(result.ok).toBe(true);
    const [token] = fake.state.requestsTo('/oauth2/token');
    expect(token?.host).toBe('creatorsapi.auth.us-east-1.amazoncognito.com');
    expect(token?.headers['content-type']).toMatch(/^application\/x-www-form-urlencoded/);
    expect(fake.state.requestsTo('/catalog/v1/getItems')[0]?.headers.authorization).toMatch(/^Bearer \S+, Version 2\.1$/);
  });

  it('checks Amazon’s limits before sending anything', async () => {
    const { client } = creatorsClientFor({ origin: fake.origin });
    const ids = fakeCatalogue.asins('de').slice(0, 11);
    for (const request of [
      { marketplace: 'de', partnerTag: 'mytag-21', itemIds: ids },
      { marketplace: 'de', partnerTag: 'mytag-21', itemIds: [] },
      { marketplace: 'de', partnerTag: 'my tag', itemIds: [de.inStock] },
      { marketplace: 'de', partnerTag: 'x'.repeat(65), itemIds: [de.inStock] },
      { marketplace: 'de', partnerTag: 'mytag-21', itemIds: ['not-an-asin'] },
      { marketplace: 'zz', partnerTag: 'mytag-21', itemIds: [de.inStock] },
    ]) {
      const result = await client.getItems(request);
      expect(!result.ok && result.error.cause).toBe('request_invalid');
    }
    expect(fake.state.requests).toHaveLength(0);
  });
});

describe('Creators API client: other operations', () => {
  it('searches, pages and treats "nothing found" as an empty result', async () => {
    const { client } = creatorsClientFor({ origin: fake.origin });
    const title = fakeCatalogue.item('de', de.inStock)!.title;
    const hits = await client.searchItems({ marketplace: 'de', partnerTag: 'mytag-21', keywords: title.split(' ').slice(0, 2).join(' '), itemCount: 3 });
    if (!hits.ok) throw new Error(hits.error.message);
    expect(hits.value.items.length).toBeGreaterThan(0);
    expect(hits.value.items.length).toBeLessThanOrEqual(3);
    expect(hits.value.totalResultCount).toBeGreaterThanOrEqual(hits.value.items.length);

    const none = await client.searchItems({ marketplace: 'de', partnerTag: 'mytag-21', keywords: 'qqqqzzzz nothing matches this' });
    expect(none).toMatchObject({ ok: true, value: { totalResultCount: 0, items: [] } });
    const noSearchTerm = await client.searchItems({ marketplace: 'de', partnerTag: 'mytag-21' });
    expect(!noSearchTerm.ok && noSearchTerm.error.cause).toBe('request_invalid');
  });

  it('lists variations of a parent ASIN and walks browse nodes', async () => {
    const { client } = creatorsClientFor({ origin: fake.origin });
    const variations = await client.getVariations({ marketplace: 'de', partnerTag: 'mytag-21', asin: de.variationParent });
    if (!variations.ok) throw new Error(variations.error.message);
    expect(variations.value.items.length).toBeGreaterThan(1);
    expect(variations.value.items.every((p) => p.parentAsin === de.variationParent)).toBe(true);

    const nodes = await client.getBrowseNodes({ marketplace: 'de', partnerTag: 'mytag-21', browseNodeIds: ['3760911'], resources: ['browseNodes.children'] });
    if (!nodes.ok) throw new Error(nodes.error.message);
    expect(nodes.value.browseNodes[0]).toMatchObject({ id: '3760911', displayName: 'Home & Kitchen' });
    expect(nodes.value.browseNodes[0]?.children.map((c) => c.id)).toEqual(expect.arrayContaining(['3760921', '3760971']));
  });
});

describe('Creators API client: tokens', () => {
  it('makes exactly one token request when 50 calls need a token at once', async () => {
    const { client } = creatorsClientFor({ origin: fake.origin });
    const results = await Promise.all(Array.from({ length: 50 }, () => client.getItems({ marketplace: 'de', partnerTag: 'mytag-21', itemIds: [de.inStock] })));
    expect(results.every((r) => r.ok)).toBe(true);
    expect(fake.state.tokenRequests(CREDENTIALS.lwaEu.id)).toBe(1);
  });

  it('renews an expired token once and repeats the call', async () => {
    const { client } = creatorsClientFor({ origin: fake.origin });
    await client.getItems({ marketplace: 'de', partnerTag: 'mytag-21', itemIds: [de.inStock] });
    fake.state.expireTokens();
    const again = await client.getItems({ marketplace: 'de', partnerTag: 'mytag-21', itemIds: [de.inStock] });
    expect(again.ok).toBe(true);
    expect(fake.state.tokenRequests(CREDENTIALS.lwaEu.id)).toBe(2);
  });

  it('gives calls waiting in the queue the renewed token, not the one they saw when they queued', async () => {
    fake.state.setScenario({ rateLimit: { tps: 5, burst: 1, toleranceMs: 100 } });
    const { client } = creatorsClientFor({ origin: fake.origin, limits: { requestsPerSecond: 5, dailyQuota: 1000 } });
    await client.getItems({ marketplace: 'de', partnerTag: 'mytag-21', itemIds: [de.inStock] });
    fake.state.expireTokens();
    const results = await Promise.all(Array.from({ length: 6 }, () => client.getItems({ marketplace: 'de', partnerTag: 'mytag-21', itemIds: [de.inStock] })));
    expect(results.every((r) => r.ok)).toBe(true);
    // The first call finds out the token is gone; the calls behind it leave with the new one (a
    // second 401 is possible only if that answer was slower than one pacing interval).
    expect(fake.state.requestsTo('/catalog/v1/getItems').filter((r) => r.status === 401).length).toBeLessThanOrEqual(2);
    expect(fake.state.tokenRequests(CREDENTIALS.lwaEu.id)).toBe(2);
  });

  it('refreshes before expiry when Amazon hands out short-lived tokens', async () => {
    fake.state.setScenario({ tokenExpiresIn: 1 });
    const { client } = creatorsClientFor({ origin: fake.origin });
    await client.getItems({ marketplace: 'de', partnerTag: 'mytag-21', itemIds: [de.inStock] });
    await client.getItems({ marketplace: 'de', partnerTag: 'mytag-21', itemIds: [de.inStock] });
    expect(fake.state.tokenRequests(CREDENTIALS.lwaEu.id)).toBe(1);
    // A 1 s token is renewed at half its life, before Amazon would refuse it.
    await new Promise((r) => setTimeout(r, 600));
    expect((await client.getItems({ marketplace: 'de', partnerTag: 'mytag-21', itemIds: [de.inStock] })).ok).toBe(true);
    expect(fake.state.tokenRequests(CREDENTIALS.lwaEu.id)).toBe(2);
    expect(fake.state.requestsTo('/catalog/v1/getItems').every((r) => r.status === 200)).toBe(true);
    fake.state.setScenario({ tokenExpiresIn: 3600 });
  });
});

describe('Creators API client: pacing', () => {
  it('never triggers a 429 when its limit equals the fake’s', async () => {
    // The client and the fake share one event loop here; 100 ms of tolerance absorbs its stalls on a
    // loaded machine, while a client that did not pace would still be refused at once.
    fake.state.setScenario({ rateLimit: { tps: 4, burst: 1, toleranceMs: 100 } });
    const { client } = creatorsClientFor({ origin: fake.origin, limits: { requestsPerSecond: 4, dailyQuota: 1000 } });
    const results = await Promise.all(Array.from({ length: 12 }, () => client.getItems({ marketplace: 'de', partnerTag: 'mytag-21', itemIds: [de.inStock] })));
    expect(results.every((r) => r.ok)).toBe(true);
    expect(fake.state.throttled(CREDENTIALS.lwaEu.id)).toBe(0);
    expect(fake.state.accepted(CREDENTIALS.lwaEu.id)).toBe(12);
  });

  it('honours Retry-After after a 429 and then succeeds', async () => {
    fake.state.setScenario({ overrides: [{ credential: CREDENTIALS.lwaEu.id, surface: 'creators', fault: 'throttled' }], throttleRetryAfterSeconds: 1 });
    const { client } = creatorsClientFor({ origin: fake.origin });
    const pending = client.getItems({ marketplace: 'de', partnerTag: 'mytag-21', itemIds: [de.inStock] });
    await new Promise((r) => setTimeout(r, 300));
    fake.state.setScenario({ overrides: [] });
    const result = await pending;
    expect(result.ok).toBe(true);
    const calls = fake.state.requestsTo('/catalog/v1/getItems');
    expect(calls.length).toBe(2);
    expect(calls[1]!.at - calls[0]!.at).toBeGreaterThanOrEqual(950);
  });
});

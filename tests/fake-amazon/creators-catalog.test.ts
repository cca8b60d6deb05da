import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CREDENTIALS, demoCredential, demoTag, fakeCatalogue, startFakeAmazon, type FakeAmazon } from '../fakes/amazon/index.js';
import { bearer, creatorsCall, tokenFor, type CreatorsCall } from '../fakes/amazon/testing/fake-amazon-client.js';
import { itemsOf, type BrowseNodeShape, type ItemShape, type VariationSummaryShape } from '../fakes/amazon/testing/response-shapes.js';

let fake: FakeAmazon;
let v2Token: string;
let v3Token: string;
const de = fakeCatalogue.wellKnown('de');

beforeAll(async () => {
  // Throttling has its own tests; here the bucket must never get in the way.
  fake = await startFakeAmazon({ credentials: DEMO_CREDENTIALS, rateLimit: { tps: 10_000, burst: 10_000 } });
  v2Token = await tokenFor(fake.origin, demoCredential('2.2'));
  v3Token = await tokenFor(fake.origin, demoCredential('3.2'));
});
afterAll(() => fake.close());

/** A Creators call for Germany with the v3.2 token unless told otherwise. */
const call = (operation: string, body: Record<string, unknown>, extra: Partial<CreatorsCall> = {}) =>
  creatorsCall(fake.origin, operation, { authorization: bearer(v3Token, '3.2'), marketplaceDomain: 'www.amazon.de', body: { partnerTag: demoTag('de'), ...body }, ...extra });

describe('Creators API: Authorization forms', () => {
  const getItems = { itemIds: [de.inStock] };

  it('accepts a v2.x token only with its ", Version 2.x" suffix', async () => {
    expect((await call('getItems', getItems, { authorization: bearer(v2Token, '2.2') })).status).toBe(200);
    const bare = await call('getItems', getItems, { authorization: `Bearer ${v2Token}` });
    expect(bare.status).toBe(401);
    expect(bare.body).toMatchObject({ type: 'UnauthorizedException', reason: 'InvalidIssuer' });
    const wrongVersion = await call('getItems', getItems, { authorization: `Bearer ${v2Token}, Version 2.1` });
    expect(wrongVersion.body.reason).toBe('InvalidIssuer');
  });

  it('accepts a v3.x token only without a suffix', async () => {
    expect((await call('getItems', getItems)).status).toBe(200);
    const suffixed = await call('getItems', getItems, { authorization: `Bearer ${v3Token}, Version 3.2` });
    expect([suffixed.status, suffixed.body.reason]).toEqual([401, 'InvalidIssuer']);
  });

  it('refuses missing and unknown tokens', async () => {
    const missing = await creatorsCall(fake.origin, 'getItems', { marketplaceDomain: 'www.amazon.de', body: getItems });
    expect(missing.status).toBe(401);
    expect(missing.body).toMatchObject({ type: 'UnauthorizedException', reason: 'MissingCredential' });
    const unknown = await call('getItems', getItems, { authorization: 'Bearer not-a-token' });
    expect([unknown.status, unknown.body.reason]).toEqual([401, 'InvalidToken']);
  });

  it('answers 400 UnknownOperation for an operation it does not have', async () => {
    const answer = await call('getFeeds', {});
    expect(answer.body).toMatchObject({ type: 'ValidationException', reason: 'UnknownOperation' });
  });
});

describe('Creators API: x-marketplace', () => {
  it('is required', async () => {
    const answer = await call('getItems', { itemIds: [de.inStock] }, { marketplaceDomain: undefined });
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ type: 'ValidationException', reason: 'FieldValidationFailed', fieldList: [{ name: 'x-marketplace' }] });
  });

  it('must name a store; the reason for an unknown one is a knob', async () => {
    const unknown = await call('getItems', { itemIds: [de.inStock] }, { marketplaceDomain: 'www.amazon.xx' });
    expect([unknown.status, unknown.body.reason]).toEqual([400, 'FieldValidationFailed']);
    fake.state.setScenario({ unknownMarketplaceReason: 'Other' });
    try {
      expect((await call('getItems', { itemIds: [de.inStock] }, { marketplaceDomain: 'www.amazon.xx' })).body.reason).toBe('Other');
    } finally {
      fake.state.setScenario({ unknownMarketplaceReason: 'FieldValidationFailed' });
    }
  });
});

describe('Creators API: body validation', () => {
  const fieldNames = (body: Record<string, unknown>) => (body.fieldList as { name: string }[]).map((f) => f.name);

  it.each([
    ['11 itemIds', 'getItems', { itemIds: Array.from({ length: 11 }, () => de.inStock) }, 'itemIds'],
    ['no itemIds', 'getItems', { itemIds: [] }, 'itemIds'],
    ['a malformed ASIN', 'getItems', { itemIds: ['b0lowercase'] }, 'itemIds'],
    ['a 65-character partner tag', 'getItems', { itemIds: [de.inStock], partnerTag: 'x'.repeat(65) }, 'partnerTag'],
    ['PascalCase resources', 'getItems', { itemIds: [de.inStock], resources: ['ItemInfo.Title'] }, 'resources'],
    ['no search term', 'searchItems', { itemCount: 3 }, 'keywords'],
    ['itemCount 11', 'searchItems', { keywords: 'kettle', itemCount: 11 }, 'itemCount'],
    ['itemPage 0', 'searchItems', { keywords: 'kettle', itemPage: 0 }, 'itemPage'],
    ['item resources on getBrowseNodes', 'getBrowseNodes', { browseNodeIds: ['172282'], resources: ['itemInfo.title'] }, 'resources'],
    ['a getVariations without asin', 'getVariations', {}, 'asin'],
  ])('refuses %s with FieldValidationFailed', async (_what, operation, body, field) => {
    const answer = await call(operation, body);
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ type: 'ValidationException', reason: 'FieldValidationFailed' });
    expect(fieldNames(answer.body)).toContain(field);
  });

  it('explains the PascalCase mistake', async () => {
    const answer = await call('getItems', { itemIds: [de.inStock], resources: ['ItemInfo.Title', 'OffersV2.Listings.Price'] });
    expect(JSON.stringify(answer.body.fieldList)).toMatch(/lowerCamelCase/);
  });

  it('refuses a body that is not JSON with CannotParse', async () => {
    const answer = await call('getItems', {}, { rawBody: '{not json' });
    expect(answer.body).toMatchObject({ type: 'ValidationException', reason: 'CannotParse' });
  });

  it('ignores unknown fields such as marketplace', async () => {
    const answer = await call('getItems', { itemIds: [de.inStock], marketplace: 'www.amazon.de', partnerType: 'Associates' });
    expect(answer.status).toBe(200);
  });

  it('refuses a partner tag of another store with InvalidPartnerTag', async () => {
    const answer = await call('getItems', { itemIds: [de.inStock], partnerTag: demoTag('uk') });
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ type: 'ValidationException', reason: 'InvalidPartnerTag' });
  });
});

describe('Creators API: getItems', () => {
  const resources = ['itemInfo.title', 'itemInfo.features', 'itemInfo.byLineInfo', 'images.primary.large', 'images.primary.highRes', 'offersV2.listings.price', 'offersV2.listings.availability', 'offersV2.listings.isBuyBoxWinner', 'customerReviews.count', 'customerReviews.starRating', 'parentASIN'];

  it('returns the requested resources, localised for the store', async () => {
    const answer = await call('getItems', { itemIds: [de.onSale], resources });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('x-amzn-requestid')).toBeTruthy();
    const [item] = itemsOf(answer.body);
    const expected = fakeCatalogue.item('de', de.onSale);
    expect(item?.asin).toBe(de.onSale);
    expect(item?.detailPageURL).toBe(`https://www.amazon.de/dp/${de.onSale}?tag=${demoTag('de')}&linkCode=ogi&th=1&psc=1`);
    expect(item?.itemInfo?.title).toEqual({ displayValue: expected?.title, label: 'Title', locale: 'de_DE' });
    expect(item?.images?.primary?.large?.url).toMatch(/^https:\/\/m\.media-amazon\.com\/images\/I\/\w+\._SL500_\.jpg$/);
    expect(item?.images?.primary?.hiRes?.url).toMatch(/^https:\/\/m\.media-amazon\.com\/images\/I\/\w+\.jpg$/);
    const buyBox = item?.offersV2?.listings.find((l) => l.isBuyBoxWinner);
    expect(buyBox?.price?.money).toEqual(expected?.price);
    expect(buyBox?.price?.money.displayAmount).toMatch(/^\d+,\d{2} €$/);
    expect(buyBox?.price?.savingBasis).toMatchObject({ money: expected?.listPrice, savingBasisType: 'LIST_PRICE', savingBasisTypeLabel: 'UVP:' });
    expect(buyBox?.price?.savings?.percentage).toBe(expected?.savingsPercent);
    expect(buyBox?.availability?.type).toBe('IN_STOCK');
  });

  it('leaves out what was not asked for and what the item does not have', async () => {
    const answer = await call('getItems', { itemIds: [de.noReviews], resources: ['itemInfo.title', 'customerReviews.starRating'] });
    expect(Object.keys(itemsOf(answer.body)[0] ?? {}).sort()).toEqual(['asin', 'detailPageURL', 'itemInfo']);
    const bare = await call('getItems', { itemIds: [de.inStock] });
    expect(Object.keys(itemsOf(bare.body)[0] ?? {}).sort()).toEqual(['asin', 'detailPageURL']);
  });

  it('shows an out-of-stock item without a price', async () => {
    const answer = await call('getItems', { itemIds: [de.outOfStock], resources: ['offersV2.listings.price', 'offersV2.listings.availability'] });
    const listing = itemsOf(answer.body)[0]?.offersV2?.listings[0];
    expect(listing?.availability?.type).toBe('OUT_OF_STOCK');
    expect(listing?.price).toBeUndefined();
  });

  it('reports unknown and inaccessible ASINs as partial errors in a 200', async () => {
    const answer = await call('getItems', { itemIds: [de.inStock, de.unknown, de.notAccessible, de.absentHere] });
    expect(answer.status).toBe(200);
    expect(itemsOf(answer.body).map((i) => i.asin)).toEqual([de.inStock]);
    expect(answer.body.errors).toEqual([
      { code: 'InvalidParameterValue', message: `The ItemId ${de.unknown} provided in the request is invalid.` },
      { code: 'ItemNotAccessible', message: `The ItemId ${de.notAccessible} is not accessible through the Product Advertising API.` },
      { code: 'InvalidParameterValue', message: `The ItemId ${de.absentHere} provided in the request is invalid.` },
    ]);
  });

  it('answers 404 ResourceNotFoundException when nothing is found', async () => {
    const answer = await call('getItems', { itemIds: [de.unknown] });
    expect(answer.status).toBe(404);
    expect(answer.body).toMatchObject({ type: 'ResourceNotFoundException', resourceId: de.unknown, resourceType: 'Item' });
  });
});

describe('Creators API: searchItems, getVariations, getBrowseNodes', () => {
  it('searches deterministically with pagination and a tagged search URL', async () => {
    const first = await call('searchItems', { keywords: 'bottle', itemCount: 2, itemPage: 1, resources: ['itemInfo.title'] });
    const second = await call('searchItems', { keywords: 'bottle', itemCount: 2, itemPage: 2, resources: ['itemInfo.title'] });
    const again = await call('searchItems', { keywords: 'bottle', itemCount: 2, itemPage: 1, resources: ['itemInfo.title'] });
    expect(first.status).toBe(200);
    const result = first.body.searchResult as { totalResultCount: number; searchURL: string; items: { asin: string; detailPageURL: string }[] };
    expect(result.totalResultCount).toBeGreaterThan(2);
    expect(result.searchURL).toBe(`https://www.amazon.de/s?k=bottle&tag=${demoTag('de')}&linkCode=osi`);
    expect(result.items).toHaveLength(2);
    expect(result.items[0]?.detailPageURL).toContain('linkCode=osi');
    const secondAsins = (second.body.searchResult as { items: { asin: string }[] }).items.map((i) => i.asin);
    expect(secondAsins).not.toContain(result.items[0]?.asin);
    expect(again.body).toEqual(first.body);
  });

  it('answers 404 when a search finds nothing', async () => {
    const answer = await call('searchItems', { keywords: 'zzzqqq-no-such-thing' });
    expect(answer.status).toBe(404);
    expect(answer.body.type).toBe('ResourceNotFoundException');
  });

  it('returns a variation family with its summary', async () => {
    const answer = await call('getVariations', {
      asin: de.variationChild,
      resources: ['itemInfo.title', 'parentASIN', 'variationSummary.price.lowestPrice', 'variationSummary.variationDimension'],
    });
    expect(answer.status).toBe(200);
    const result = answer.body.variationsResult as { items: ItemShape[]; variationSummary: VariationSummaryShape };
    expect(result.items.length).toBeGreaterThanOrEqual(2);
    for (const item of result.items) {
      expect(item.parentASIN).toBe(de.variationParent);
      expect(item.detailPageURL).toContain('linkCode=ogv');
      expect(item.variationAttributes?.[0]?.value).toBeTruthy();
    }
    expect(result.variationSummary).toMatchObject({ pageCount: 1, variationCount: result.items.length });
    expect(result.variationSummary.price?.lowestPrice?.currency).toBe('EUR');
    expect(result.variationSummary.variationDimensions?.[0]?.values).toHaveLength(result.items.length);
  });

  it('returns browse nodes with ancestors and children', async () => {
    const answer = await call('getBrowseNodes', { browseNodeIds: ['3760931', '3375301', '999'], resources: ['browseNodes.ancestor', 'browseNodes.children'] });
    expect(answer.status).toBe(200);
    const [leaf, root] = (answer.body.browseNodesResult as { browseNodes: BrowseNodeShape[] }).browseNodes;
    expect(leaf).toMatchObject({ id: '3760931', isRoot: false, ancestor: { id: '3760921', ancestor: { id: '3760911' } } });
    expect(root?.isRoot).toBe(true);
    expect(root?.children?.map((c) => c.id)).toContain('3375311');
    expect(answer.body.errors).toEqual([{ code: 'InvalidParameterValue', message: 'The BrowseNodeId 999 provided in the request is invalid.' }]);
  });
});

describe('Creators API: region policy', () => {
  it('strict (default) refuses a credential outside its region with 401 InvalidClient', async () => {
    const naToken = await tokenFor(fake.origin, demoCredential('3.1'));
    const answer = await call('getItems', { itemIds: [de.inStock] }, { authorization: bearer(naToken, '3.1') });
    expect(answer.status).toBe(401);
    expect(answer.body).toMatchObject({ type: 'UnauthorizedException', reason: 'InvalidClient' });
  });

  it('lenient lets it through when the store has a tag for it', async () => {
    const na = demoCredential('3.1');
    fake.state.setScenario({ regionPolicy: 'lenient', credentials: [...DEMO_CREDENTIALS.filter((c) => c !== na), { ...na, partnerTags: { ...na.partnerTags, de: ['roaming-21'] } }] });
    try {
      const naToken = await tokenFor(fake.origin, demoCredential('3.1'));
      const answer = await call('getItems', { itemIds: [de.inStock], partnerTag: 'roaming-21' }, { authorization: bearer(naToken, '3.1') });
      expect(answer.status).toBe(200);
    } finally {
      fake.state.setScenario({ regionPolicy: 'strict', credentials: DEMO_CREDENTIALS });
    }
  });
});

describe('Creators API: request log', () => {
  it('records what the client sent, token hidden but its form kept', async () => {
    fake.state.clearLog();
    await call('getItems', { itemIds: [de.inStock] }, { authorization: bearer(v2Token, '2.2') });
    const [entry] = fake.state.requestsTo('creatorsapi.amazon/catalog/v1/getItems');
    expect(entry).toMatchObject({ method: 'POST', host: 'creatorsapi.amazon', path: '/catalog/v1/getItems', status: 200 });
    expect(entry?.headers['x-marketplace']).toBe('www.amazon.de');
    expect(entry?.headers.authorization).toBe('Bearer <redacted>, Version 2.2');
    expect(entry?.body).toEqual({ partnerTag: demoTag('de'), itemIds: [de.inStock] });
  });
});

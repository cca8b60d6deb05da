import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PAAPI_KEY, demoTag, fakeCatalogue, startFakeAmazon, type FakeAmazon } from '../fakes/amazon/index.js';
import { paapiCall, type PaapiCall } from '../fakes/amazon/testing/fake-amazon-client.js';

let fake: FakeAmazon;
const de = fakeCatalogue.wellKnown('de');
const us = fakeCatalogue.wellKnown('us');

beforeAll(async () => {
  fake = await startFakeAmazon({ paapiKeys: [DEMO_PAAPI_KEY], rateLimit: { tps: 10_000, burst: 10_000 } });
});
afterAll(() => fake.close());

const getItems = (itemIds: string[], extra: Partial<PaapiCall> = {}, body: Record<string, unknown> = {}) =>
  paapiCall(fake.origin, {
    key: DEMO_PAAPI_KEY,
    marketplaceCode: 'de',
    operation: 'GetItems',
    body: { PartnerTag: demoTag('de'), PartnerType: 'Associates', Marketplace: 'www.amazon.de', ItemIds: itemIds, Resources: ['ItemInfo.Title', 'OffersV2.Listings.Price', 'Images.Primary.Large', 'CustomerReviews.StarRating'], ...body },
    ...extra,
  });

const errorOf = (body: Record<string, unknown>) => (body.Errors as { Code: string; Message: string }[] | undefined)?.[0];

interface PaapiItem {
  ASIN: string;
  DetailPageURL: string;
  ItemInfo: { Title: { DisplayValue: string; Locale: string } };
  Images: { Primary: { Large: { URL: string; Height: number; Width: number } } };
  OffersV2: { Listings: { Price?: { Money: { Amount: number; Currency: string; DisplayAmount: string } } }[] };
}

describe('PA-API: SigV4', () => {
  it('accepts a request signed with @smithy/signature-v4 for the real host and answers PascalCase', async () => {
    const answer = await getItems([de.onSale]);
    expect(answer.status).toBe(200);
    const item = (answer.body.ItemsResult as { Items: PaapiItem[] }).Items[0];
    const expected = fakeCatalogue.item('de', de.onSale);
    expect(item?.ASIN).toBe(de.onSale);
    expect(item?.DetailPageURL).toContain(`tag=${demoTag('de')}&linkCode=ogi`);
    expect(item?.ItemInfo.Title).toMatchObject({ DisplayValue: expected?.title, Locale: 'de_DE' });
    expect(item?.Images.Primary.Large.URL).toMatch(/^https:\/\/m\.media-amazon\.com\//);
    expect(item?.OffersV2.Listings[0]?.Price?.Money).toEqual({ Amount: expected?.price?.amount, Currency: 'EUR', DisplayAmount: expected?.price?.displayAmount });
  });

  it('refuses a wrong secret with 401 InvalidSignature', async () => {
    const answer = await getItems([de.inStock], { key: { ...DEMO_PAAPI_KEY, secretKey: 'wrong-secret' } });
    expect(answer.status).toBe(401);
    expect(answer.body.__type).toBe('com.amazon.paapi5#InvalidSignatureException');
    expect(errorOf(answer.body)?.Code).toBe('InvalidSignature');
  });

  it('refuses a body changed after signing', async () => {
    const answer = await getItems([de.inStock], { sendBody: JSON.stringify({ PartnerTag: demoTag('de'), PartnerType: 'Associates', ItemIds: [de.onSale] }) });
    expect([answer.status, errorOf(answer.body)?.Code]).toEqual([401, 'InvalidSignature']);
  });

  it('refuses a request dated more than 15 minutes off with 401 RequestExpired', async () => {
    const answer = await getItems([de.inStock], { signingDate: new Date(Date.now() - 20 * 60_000) });
    expect(answer.status).toBe(401);
    expect(answer.body.__type).toBe('com.amazon.paapi5#RequestExpiredException');
    expect(errorOf(answer.body)?.Code).toBe('RequestExpired');
    expect((await getItems([de.inStock], { signingDate: new Date(Date.now() - 10 * 60_000) })).status).toBe(200);
  });

  it('refuses an unknown access key with 401 UnrecognizedClient', async () => {
    const answer = await getItems([de.inStock], { key: { accessKey: 'AKIAUNKNOWN000000000', secretKey: 'x' } });
    expect([answer.status, errorOf(answer.body)?.Code]).toEqual([401, 'UnrecognizedClient']);
  });

  it('refuses a signature scoped to the wrong region or service as InvalidSignature', async () => {
    const region = await getItems([de.inStock], { region: 'us-east-1' });
    expect([region.status, errorOf(region.body)?.Code]).toEqual([401, 'InvalidSignature']);
    const service = await getItems([de.inStock], { service: 'ProductAdvertisingAPIv1' });
    expect([service.status, errorOf(service.body)?.Code]).toEqual([401, 'InvalidSignature']);
    fake.state.setScenario({ paapiServiceNames: ['ProductAdvertisingAPI', 'ProductAdvertisingAPIv1'] });
    try {
      expect((await getItems([de.inStock], { service: 'ProductAdvertisingAPIv1' })).status).toBe(200);
    } finally {
      fake.state.setScenario({ paapiServiceNames: ['ProductAdvertisingAPI'] });
    }
  });

  it('refuses a request without a SigV4 Authorization as IncompleteSignature', async () => {
    const response = await fetch(`${fake.origin}/webservices.amazon.de/paapi5/getitems`, { method: 'POST', body: '{}' });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { Errors: { Code: string }[] }).Errors[0]?.Code).toBe('IncompleteSignature');
  });

  it('logs the scope and signed headers but not the signature', async () => {
    fake.state.clearLog();
    await getItems([de.inStock]);
    const [entry] = fake.state.requestsTo('webservices.amazon.de/paapi5/getitems');
    expect(entry?.headers.authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIAFAKEPAAPI0000001\/\d{8}\/eu-west-1\/ProductAdvertisingAPI\/aws4_request, SignedHeaders=content-encoding;content-type;host;x-amz-date;x-amz-target, Signature=<redacted>$/,
    );
  });
});

describe('PA-API: operations and errors', () => {
  it('answers 404 UnknownOperation when x-amz-target does not match the path', async () => {
    const answer = await getItems([de.inStock], { target: 'com.amazon.paapi5.v1.ProductAdvertisingAPIv1.SearchItems' });
    expect(answer.status).toBe(404);
    expect(answer.body.__type).toBe('com.amazon.paapi5#UnknownOperationException');
  });

  it('requires content-encoding amz-1.0', async () => {
    const answer = await getItems([de.inStock], { omitContentEncoding: true });
    expect(answer.status).toBe(400);
  });

  it('reports missing and invalid parameters', async () => {
    const missing = await getItems([de.inStock], {}, { PartnerType: undefined });
    expect([missing.status, errorOf(missing.body)?.Code]).toEqual([400, 'MissingParameter']);
    const camel = await getItems([de.inStock], {}, { Resources: ['itemInfo.title'] });
    expect([camel.status, errorOf(camel.body)?.Code]).toEqual([400, 'InvalidParameterValue']);
    expect(camel.body.__type).toBe('com.amazon.paapi5#ValidationException');
    const tooMany = await getItems(Array.from({ length: 11 }, () => de.inStock));
    expect(errorOf(tooMany.body)?.Message).toMatch(/^ItemIds:/);
  });

  it('refuses a partner tag of another store with InvalidPartnerTag', async () => {
    const answer = await getItems([de.inStock], {}, { PartnerTag: demoTag('us') });
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ __type: 'com.amazon.paapi5#InvalidPartnerTagException', Errors: [{ Code: 'InvalidPartnerTag' }] });
  });

  it('puts item-level errors in a 200 with ErrorData', async () => {
    const answer = await getItems([de.inStock, de.unknown, de.notAccessible]);
    expect(answer.status).toBe(200);
    expect(answer.body.Errors).toEqual([
      { __type: 'com.amazon.paapi5#ErrorData', Code: 'InvalidParameterValue', Message: `The ItemId ${de.unknown} provided in the request is invalid.` },
      { __type: 'com.amazon.paapi5#ErrorData', Code: 'ItemNotAccessible', Message: `The ItemId ${de.notAccessible} is not accessible through the Product Advertising API.` },
    ]);
  });

  it('answers "nothing found" with 200 and only Errors, or 404 when the knob says so', async () => {
    const plain = await getItems([de.unknown]);
    expect(plain.status).toBe(200);
    expect(Object.keys(plain.body)).toEqual(['Errors']);
    fake.state.setScenario({ paapiNothingFoundStatus: 404 });
    try {
      const notFound = await getItems([de.unknown]);
      expect(notFound.status).toBe(404);
      expect(notFound.body.__type).toBe('com.amazon.paapi5#ResourceNotFoundException');
    } finally {
      fake.state.setScenario({ paapiNothingFoundStatus: 200 });
    }
  });

  it('searches on the US host with the US region', async () => {
    const answer = await paapiCall(fake.origin, {
      key: DEMO_PAAPI_KEY,
      marketplaceCode: 'us',
      operation: 'SearchItems',
      body: { PartnerTag: demoTag('us'), PartnerType: 'Associates', Keywords: 'wireless', ItemCount: 3, Resources: ['ItemInfo.Title', 'SearchRefinements'] },
    });
    expect(answer.status).toBe(200);
    const result = answer.body.SearchResult as { TotalResultCount: number; SearchURL: string; Items: PaapiItem[]; SearchRefinements: object };
    expect(result.Items).toHaveLength(3);
    expect(result.SearchURL).toContain('https://www.amazon.com/s?k=wireless');
    expect(result.Items[0]?.DetailPageURL).toContain('linkCode=osi');
    expect(result.SearchRefinements).toBeTruthy();
  });

  it('serves GetVariations and GetBrowseNodes', async () => {
    const variations = await paapiCall(fake.origin, {
      key: DEMO_PAAPI_KEY, marketplaceCode: 'us', operation: 'GetVariations',
      body: { PartnerTag: demoTag('us'), PartnerType: 'Associates', ASIN: us.variationParent, Resources: ['ParentASIN', 'VariationSummary.Price.HighestPrice'] },
    });
    expect(variations.status).toBe(200);
    const result = variations.body.VariationsResult as { Items: { ParentASIN: string; VariationAttributes: unknown[] }[]; VariationSummary: { VariationCount: number } };
    expect(result.Items.every((i) => i.ParentASIN === us.variationParent && i.VariationAttributes.length === 1)).toBe(true);
    expect(result.VariationSummary.VariationCount).toBe(result.Items.length);
    const nodes = await paapiCall(fake.origin, {
      key: DEMO_PAAPI_KEY, marketplaceCode: 'us', operation: 'GetBrowseNodes',
      body: { PartnerTag: demoTag('us'), PartnerType: 'Associates', BrowseNodeIds: ['172541'], Resources: ['BrowseNodes.Ancestor'] },
    });
    expect(nodes.body).toMatchObject({ BrowseNodesResult: { BrowseNodes: [{ Id: '172541', Ancestor: { Id: '172282' }, IsRoot: false }] } });
  });
});

describe('PA-API: retirement', () => {
  it('answers every call 403 AccessDeniedException when retired', async () => {
    fake.state.setScenario({ paapiRetired: true });
    try {
      const answer = await getItems([de.inStock]);
      expect(answer.status).toBe(403);
      expect(answer.body).toEqual({ __type: 'AccessDeniedException', message: 'Unable to determine service/operation name to be authorized' });
      const unknownKey = await getItems([de.inStock], { key: { accessKey: 'AKIAUNKNOWN000000000', secretKey: 'x' } });
      expect(unknownKey.status).toBe(403);
    } finally {
      fake.state.setScenario({ paapiRetired: false });
    }
  });

  it('can answer 401 InvalidSignature instead', async () => {
    fake.state.setScenario({ paapiRetired: 'invalid_signature' });
    try {
      const answer = await getItems([de.inStock]);
      expect([answer.status, errorOf(answer.body)?.Code]).toEqual([401, 'InvalidSignature']);
    } finally {
      fake.state.setScenario({ paapiRetired: false });
    }
  });
});

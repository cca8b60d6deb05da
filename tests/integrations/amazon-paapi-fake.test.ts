import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { SourceError } from '../../src/domain/products/source-error.js';
import type { Result } from '../../src/shared/result.js';
import { createRequestPacer, type RequestPacer } from '../../src/integrations/amazon/request-pacer.js';
import type { RetryPolicy } from '../../src/integrations/amazon/retry-with-backoff.js';
import { createPaapiClient, type PaapiClientOptions } from '../../src/integrations/amazon-paapi/client.js';
import type { PaapiCredential } from '../../src/integrations/amazon-paapi/paapi-credential.js';
import { DEMO_PAAPI_KEY, demoTag, fakeCatalogue, startFakeAmazon, type FakeAmazon, type FakePaapiKey } from '../fakes/amazon/index.js';
import { LOOPBACK_HTTP } from '../helpers/loopback-http.js';
import { memoryQuota } from '../helpers/memory-quota.js';

/** The PA-API client against the loopback fake Amazon, which verifies SigV4 the way Amazon does. */
const FAST: FakePaapiKey = { ...DEMO_PAAPI_KEY, rateLimit: { tps: 200, burst: 200, daily: 100_000 } };
/** A key with Amazon's starting allowance, for the throttling test. */
const SLOW: FakePaapiKey = { accessKey: 'AKIAFAKEPAAPISLOW001', secretKey: 'fakePaapiSecretKeySlow00000000000000001', partnerTags: DEMO_PAAPI_KEY.partnerTags, rateLimit: { tps: 1, burst: 1 } };
const QUICK_RETRY: RetryPolicy = { maxAttempts: 3, baseDelayMs: 10, maxDelayMs: 50 };
const BASELINE = { paapiRetired: false, overrides: [], paapiNothingFoundStatus: 200 } as const;

let fake: FakeAmazon;

beforeAll(async () => {
  fake = await startFakeAmazon({ paapiKeys: [FAST, SLOW] });
});
afterAll(() => fake.close());
beforeEach(() => {
  fake.state.setScenario(BASELINE);
  fake.state.reset();
});

const fastPacer = (): RequestPacer => createRequestPacer({ quota: memoryQuota(), limitsFor: () => ({ requestsPerSecond: 50, dailyQuota: 10_000 }) });

function client(options: Partial<PaapiClientOptions> & { key?: PaapiCredential } = {}) {
  const { key = { accessKey: FAST.accessKey, secretKey: FAST.secretKey }, ...rest } = options;
  return createPaapiClient({ credential: key, pacer: fastPacer(), http: LOOPBACK_HTTP, endpointOverride: fake.origin, retry: QUICK_RETRY, timeoutMs: 5000, ...rest });
}

const tag = demoTag('de');
const known = fakeCatalogue.wellKnown('de');

async function failureOf(promise: Promise<Result<unknown, SourceError>>): Promise<SourceError> {
  const result = await promise;
  if (result.ok) throw new Error('expected a failure, got a result');
  return result.error;
}

describe('PA-API client against the fake Amazon: data', () => {
  it('gets items, with per-ASIN errors for the inaccessible and the unknown one', async () => {
    const asins = [known.inStock, known.onSale, known.notAccessible, known.unknown];
    const result = await client().getItems({ marketplace: 'de', partnerTag: tag, itemIds: asins });
    if (!result.ok) throw new Error(result.error.message);
    const { items, itemErrors } = result.value;

    expect(items.map((i) => i.asin).sort()).toEqual([known.inStock, known.onSale].sort());
    for (const item of items) {
      const expected = fakeCatalogue.item('de', item.asin);
      expect(item).toMatchObject({ marketplace: 'de', source: 'paapi', title: expected?.title, brand: expected?.brand });
      expect(item.price).toMatchObject({ amount: expected?.price?.amount, currency: 'EUR' });
      expect(item.detailPageUrl).toContain(`tag=${tag}`);
      expect(item.images.primary?.url).toBe(expected?.imageUrl);
    }
    const onSale = items.find((i) => i.asin === known.onSale);
    expect(onSale?.listPrice?.amount).toBe(fakeCatalogue.item('de', known.onSale)?.listPrice?.amount);
    expect(onSale?.savings?.percentage).toBe(fakeCatalogue.item('de', known.onSale)?.savingsPercent);
    expect(itemErrors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ asin: known.notAccessible, cause: 'item_not_accessible' }),
        expect.objectContaining({ asin: known.unknown, cause: 'item_not_found' }),
      ]),
    );
    expect(itemErrors).toHaveLength(2);

    const [logged] = fake.state.requestsTo('webservices.amazon.de/paapi5/getitems');
    expect(logged?.status).toBe(200);
    expect(logged?.headers['x-amz-target']).toBe('com.amazon.paapi5.v1.ProductAdvertisingAPIv1.GetItems');
  });

  it.each([200, 404] as const)('reads "nothing found" (answered %i) as an empty result, not a failure', async (status) => {
    fake.state.setScenario({ paapiNothingFoundStatus: status });
    const items = await client().getItems({ marketplace: 'de', partnerTag: tag, itemIds: [known.unknown] });
    expect(items).toMatchObject({ ok: true, value: { items: [], itemErrors: [{ asin: known.unknown, cause: 'item_not_found' }] } });
    const search = await client().searchItems({ marketplace: 'de', partnerTag: tag, keywords: 'qqqnonexistentqqq' });
    expect(search).toMatchObject({ ok: true, value: { totalResultCount: 0, items: [] } });
  });

  it('searches items', async () => {
    const brand = fakeCatalogue.item('de', known.inStock)?.brand ?? '';
    const result = await client().searchItems({ marketplace: 'de', partnerTag: tag, keywords: brand, itemCount: 3 });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.totalResultCount).toBeGreaterThan(0);
    expect(result.value.items.length).toBeGreaterThan(0);
    expect(result.value.items.length).toBeLessThanOrEqual(3);
    expect(result.value.searchUrl).toMatch(/^https:\/\/www\.amazon\.de\//);
    expect(result.value.items.every((i) => i.source === 'paapi' && i.marketplace === 'de')).toBe(true);
  });

  it('gets variations of a parent', async () => {
    const result = await client().getVariations({ marketplace: 'de', partnerTag: tag, asin: known.variationParent });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.items.length).toBeGreaterThan(0);
    expect(result.value.items.every((i) => i.parentAsin === known.variationParent)).toBe(true);
    expect(result.value.variationCount).toBeGreaterThanOrEqual(result.value.items.length);
    expect(result.value.pageCount).toBeGreaterThanOrEqual(1);
  });

  it('gets browse nodes with ancestors and children', async () => {
    const result = await client().getBrowseNodes({ marketplace: 'de', partnerTag: tag, browseNodeIds: ['3760921'], resources: ['browseNodes.ancestor', 'browseNodes.children'] });
    if (!result.ok) throw new Error(result.error.message);
    const [node] = result.value.browseNodes;
    expect(node).toMatchObject({ id: '3760921', displayName: 'Kitchen & Dining', ancestor: { id: '3760911' } });
    expect(node?.children.map((c) => c.id)).toContain('3760931');
  });

  it('signs for each marketplace’s own host and region', async () => {
    for (const code of ['us', 'jp', 'uk']) {
      const result = await client().getItems({ marketplace: code, partnerTag: demoTag(code), itemIds: [fakeCatalogue.wellKnown(code).inStock] });
      expect(result.ok, `${code}: ${result.ok ? '' : result.error.message}`).toBe(true);
    }
  });
});

describe('PA-API client against the fake Amazon: failures', () => {
  const getItems = (c = client(), partnerTag = tag) => c.getItems({ marketplace: 'de', partnerTag, itemIds: [known.inStock] });

  it('partner tag from another store → partner_tag_invalid', async () => {
    expect(await failureOf(getItems(client(), demoTag('us')))).toMatchObject({ cause: 'partner_tag_invalid', httpStatus: 400, vendorCode: 'InvalidPartnerTag' });
  });

  it('key not mapped to an approved store → associate_invalid', async () => {
    fake.state.setScenario({ overrides: [{ credential: FAST.accessKey, fault: 'invalid_associate' }] });
    expect(await failureOf(getItems())).toMatchObject({ cause: 'associate_invalid', httpStatus: 403, vendorCode: 'InvalidAssociate' });
  });

  it('account below the sales threshold → not_eligible', async () => {
    fake.state.setScenario({ overrides: [{ credential: FAST.accessKey, fault: 'not_eligible' }] });
    expect(await failureOf(getItems())).toMatchObject({ cause: 'not_eligible', httpStatus: 403, vendorCode: 'AssociateNotEligible' });
  });

  it('unknown access key → credentials_invalid (UnrecognizedClient), tried once', async () => {
    const error = await failureOf(getItems(client({ key: { accessKey: 'AKIANOSUCHKEY0000000', secretKey: 'whatever' } })));
    expect(error).toMatchObject({ cause: 'credentials_invalid', httpStatus: 401, vendorCode: 'UnrecognizedClient', retryable: false });
    expect(fake.state.requests).toHaveLength(1);
  });

  it('wrong secret → credentials_invalid (InvalidSignature); after 2026-05-15 the message points at the retirement', async () => {
    const error = await failureOf(getItems(client({ key: { accessKey: FAST.accessKey, secretKey: 'not-the-secret' } })));
    expect(error).toMatchObject({ cause: 'credentials_invalid', httpStatus: 401, vendorCode: 'InvalidSignature' });
    expect(error.message).toContain('2026-05-15');
  });

  it('wrong secret before the retirement date → plain credentials_invalid', async () => {
    const shift = Date.parse('2026-03-01T12:00:00Z') - Date.now();
    fake.state.advanceClock(shift);
    try {
      const error = await failureOf(getItems(client({ key: { accessKey: FAST.accessKey, secretKey: 'not-the-secret' }, now: () => Date.now() + shift })));
      expect(error).toMatchObject({ cause: 'credentials_invalid', vendorCode: 'InvalidSignature' });
      expect(error.message).not.toContain('retired');
    } finally {
      fake.state.advanceClock(-shift);
    }
  });

  it('client clock 20 minutes off → clock_skew', async () => {
    const error = await failureOf(getItems(client({ now: () => Date.now() + 20 * 60_000 })));
    expect(error).toMatchObject({ cause: 'clock_skew', httpStatus: 401, vendorCode: 'RequestExpired', retryable: false });
  });

  it('429 with Retry-After: holds off as told, then succeeds', async () => {
    const slow = client({ key: { accessKey: SLOW.accessKey, secretKey: SLOW.secretKey } });
    expect((await getItems(slow)).ok).toBe(true);
    const started = Date.now();
    const second = await getItems(slow);
    expect(second.ok, second.ok ? '' : second.error.message).toBe(true);
    expect(fake.state.throttled(SLOW.accessKey)).toBe(1);
    expect(fake.state.accepted(SLOW.accessKey)).toBe(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  });

  it('429 every time → throttled with the Retry-After Amazon gave', async () => {
    fake.state.setScenario({ throttleRetryAfterSeconds: 0, overrides: [{ credential: FAST.accessKey, fault: 'throttled' }] });
    const error = await failureOf(getItems());
    expect(error).toMatchObject({ cause: 'throttled', httpStatus: 429, vendorCode: 'TooManyRequests', retryAfterMs: 0, retryable: true });
    expect(fake.state.throttled(FAST.accessKey)).toBe(QUICK_RETRY.maxAttempts);
  });

  it('500 is retried, then reported as amazon_unavailable', async () => {
    fake.state.setScenario({ overrides: [{ credential: FAST.accessKey, fault: 'server_error' }] });
    const error = await failureOf(getItems());
    expect(error).toMatchObject({ cause: 'amazon_unavailable', httpStatus: 500, retryable: true });
    expect(fake.state.requestsTo('/paapi5/getitems')).toHaveLength(QUICK_RETRY.maxAttempts);
  });

  it('retired endpoint (403 "Unable to determine service/operation name") → endpoint_retired, not retried', async () => {
    fake.state.setScenario({ paapiRetired: 'access_denied' });
    const error = await failureOf(getItems());
    expect(error).toMatchObject({ cause: 'endpoint_retired', httpStatus: 403, retryable: false });
    expect(error.message).toMatch(/retired PA-API 5\.0 on 2026-05-15.*Creators/);
    expect(fake.state.requests).toHaveLength(1);
  });

  it('retired endpoint answering 401 AccessDenied "has been retired" → endpoint_retired, not credentials_invalid', async () => {
    fake.state.setScenario({ paapiRetired: 'retired_message' });
    const error = await failureOf(getItems());
    expect(error).toMatchObject({ cause: 'endpoint_retired', httpStatus: 401, vendorCode: 'AccessDenied', retryable: false });
    expect(error.fix).toContain('Creators');
    expect(fake.state.requests).toHaveLength(1);
  });

  it('retired endpoint answering 401 InvalidSignature → credentials_invalid that names the retirement', async () => {
    fake.state.setScenario({ paapiRetired: 'invalid_signature' });
    const error = await failureOf(getItems());
    expect(error).toMatchObject({ cause: 'credentials_invalid', vendorCode: 'InvalidSignature' });
    expect(error.message).toContain('retired PA-API 5.0 on 2026-05-15');
  });

  it('an answer slower than timeoutMs → timeout, after the retries', async () => {
    fake.state.setScenario({ overrides: [{ credential: FAST.accessKey, latencyMs: 400 }] });
    const error = await failureOf(getItems(client({ timeoutMs: 100, retry: { maxAttempts: 2, baseDelayMs: 10, maxDelayMs: 20 } })));
    expect(error).toMatchObject({ cause: 'timeout', retryable: true });
    expect(fake.state.requestsTo('/paapi5/getitems')).toHaveLength(2);
  });
});

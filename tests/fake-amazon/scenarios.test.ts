import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CREDENTIALS, DEMO_PAAPI_KEY, demoCredential, demoTag, fakeCatalogue, startFakeAmazon, type FakeAmazon, type ScenarioOverride } from '../fakes/amazon/index.js';
import { bearer, creatorsCall, paapiCall, requestToken, tokenFor } from '../fakes/amazon/testing/fake-amazon-client.js';
import { itemsOf } from '../fakes/amazon/testing/response-shapes.js';

let fake: FakeAmazon;
const eu = demoCredential('3.2');
const euV2 = demoCredential('2.2');
const de = fakeCatalogue.wellKnown('de');
const uk = fakeCatalogue.wellKnown('uk');

beforeAll(async () => {
  fake = await startFakeAmazon({ credentials: DEMO_CREDENTIALS, paapiKeys: [DEMO_PAAPI_KEY], rateLimit: { tps: 10_000, burst: 10_000 } });
});
afterAll(() => fake.close());
afterEach(() => fake.state.setScenario({ overrides: [], inaccessibleAsins: [], latencyMs: 0 }));

const useOverrides = (...overrides: ScenarioOverride[]) => fake.state.setScenario({ overrides });

async function creators(code: 'de' | 'uk', asin: string, partnerTag = demoTag(code)) {
  const token = await tokenFor(fake.origin, eu);
  return creatorsCall(fake.origin, 'getItems', {
    authorization: bearer(token, '3.2'),
    marketplaceDomain: code === 'de' ? 'www.amazon.de' : 'www.amazon.co.uk',
    body: { partnerTag, itemIds: [asin] },
  });
}

const paapi = (asin = de.inStock) =>
  paapiCall(fake.origin, {
    key: DEMO_PAAPI_KEY, marketplaceCode: 'de', operation: 'GetItems',
    body: { PartnerTag: demoTag('de'), PartnerType: 'Associates', ItemIds: [asin] },
  });

const paapiCode = (body: Record<string, unknown>) => (body.Errors as { Code: string }[])[0]?.Code;

describe('scenario knobs', () => {
  it('invalid_client: the token endpoint refuses that credential only', async () => {
    useOverrides({ credential: eu.id, fault: 'invalid_client' }, { credential: euV2.id, fault: 'invalid_client' });
    const lwa = await requestToken(fake.origin, eu);
    expect([lwa.status, lwa.body.error]).toEqual([401, 'invalid_client']);
    const cognito = await requestToken(fake.origin, euV2);
    expect([cognito.status, cognito.body]).toEqual([400, { error: 'invalid_client' }]);
    expect((await requestToken(fake.origin, demoCredential('3.1'))).status).toBe(200);
  });

  it('invalid_partner_tag: refuses a registered tag, per marketplace', async () => {
    useOverrides({ marketplace: 'de', fault: 'invalid_partner_tag' });
    expect((await creators('de', de.inStock)).body).toMatchObject({ type: 'ValidationException', reason: 'InvalidPartnerTag' });
    expect((await creators('uk', uk.inStock)).status).toBe(200);
    expect(paapiCode((await paapi()).body)).toBe('InvalidPartnerTag');
  });

  it('invalid_associate: 400 InvalidAssociate on Creators, 403 on PA-API', async () => {
    useOverrides({ fault: 'invalid_associate' });
    const answer = await creators('de', de.inStock);
    expect([answer.status, answer.body.reason]).toEqual([400, 'InvalidAssociate']);
    const legacy = await paapi();
    expect([legacy.status, paapiCode(legacy.body)]).toEqual([403, 'InvalidAssociate']);
  });

  it('not_eligible: 403 AccessDeniedException AssociateNotEligible, as observed', async () => {
    useOverrides({ credential: eu.id, fault: 'not_eligible' }, { credential: DEMO_PAAPI_KEY.accessKey, fault: 'not_eligible' });
    const answer = await creators('de', de.inStock);
    expect(answer.status).toBe(403);
    expect(answer.body).toEqual({ type: 'AccessDeniedException', message: 'Your account does not currently meet the eligibility requirements.', reason: 'AssociateNotEligible' });
    const legacy = await paapi();
    expect([legacy.status, paapiCode(legacy.body)]).toEqual([403, 'AssociateNotEligible']);
  });

  it('throttled: always 429 with Retry-After, counted', async () => {
    useOverrides({ credential: eu.id, fault: 'throttled' });
    fake.state.setScenario({ throttleRetryAfterSeconds: 7 });
    try {
      const before = fake.state.throttled(eu.id);
      const answer = await creators('de', de.inStock);
      expect([answer.status, answer.headers.get('retry-after')]).toEqual([429, '7']);
      expect(fake.state.throttled(eu.id)).toBe(before + 1);
    } finally {
      fake.state.setScenario({ throttleRetryAfterSeconds: 1 });
    }
  });

  it('server_error: 500 InternalServerException on the catalog; on the token endpoint only when asked', async () => {
    useOverrides({ credential: eu.id, fault: 'server_error' });
    const answer = await creators('de', de.inStock);
    expect([answer.status, answer.body.type]).toEqual([500, 'InternalServerException']);
    expect((await paapi()).status).toBe(200);
    useOverrides({ credential: eu.id, fault: 'server_error', surface: 'token' });
    expect((await requestToken(fake.origin, eu)).status).toBe(500);
  });

  it('latency: slows the matching answers', async () => {
    useOverrides({ marketplace: 'de', latencyMs: 150 });
    const token = await tokenFor(fake.origin, eu);
    const started = performance.now();
    const answer = await creatorsCall(fake.origin, 'getItems', { authorization: bearer(token, '3.2'), marketplaceDomain: 'www.amazon.de', body: { partnerTag: demoTag('de'), itemIds: [de.inStock] } });
    expect(answer.status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('region_mismatch: refuses even an in-region credential', async () => {
    useOverrides({ marketplace: 'de', fault: 'region_mismatch' });
    const answer = await creators('de', de.inStock);
    expect([answer.status, answer.body.reason]).toEqual([401, 'InvalidClient']);
    const legacy = await paapi();
    expect([legacy.status, paapiCode(legacy.body)]).toEqual([401, 'InvalidSignature']);
  });

  it('paapi_retired: per key', async () => {
    useOverrides({ credential: DEMO_PAAPI_KEY.accessKey, fault: 'paapi_retired' });
    const answer = await paapi();
    expect([answer.status, answer.body.__type]).toEqual([403, 'AccessDeniedException']);
  });

  it('token_expires_in: per credential, and expired tokens are refused with TokenExpired', async () => {
    useOverrides({ credential: eu.id, tokenExpiresIn: 60 });
    const granted = await requestToken(fake.origin, eu);
    expect(granted.body.expires_in).toBe(60);
    const token = granted.body.access_token as string;
    const send = () => creatorsCall(fake.origin, 'getItems', { authorization: bearer(token, '3.2'), marketplaceDomain: 'www.amazon.de', body: { partnerTag: demoTag('de'), itemIds: [de.inStock] } });
    expect((await send()).status).toBe(200);
    fake.state.advanceClock(61_000);
    try {
      const expired = await send();
      expect([expired.status, expired.body.reason]).toEqual([401, 'TokenExpired']);
    } finally {
      fake.state.advanceClock(-61_000);
    }
  });

  it('expireTokens: every token issued so far stops working', async () => {
    const token = await tokenFor(fake.origin, euV2);
    fake.state.expireTokens();
    const answer = await creatorsCall(fake.origin, 'getItems', { authorization: bearer(token, '2.2'), marketplaceDomain: 'www.amazon.de', body: { partnerTag: demoTag('de'), itemIds: [de.inStock] } });
    expect(answer.body.reason).toBe('TokenExpired');
  });

  it('overrides can target one partner tag', async () => {
    const other = { ...eu, partnerTags: { ...eu.partnerTags, de: [demoTag('de'), 'second-21'] } };
    fake.state.setScenario({ credentials: [...DEMO_CREDENTIALS.filter((c) => c.id !== eu.id), other], overrides: [{ partnerTag: 'second-21', fault: 'not_eligible' }] });
    try {
      expect((await creators('de', de.inStock)).status).toBe(200);
      expect((await creators('de', de.inStock, 'second-21')).status).toBe(403);
    } finally {
      fake.state.setScenario({ credentials: DEMO_CREDENTIALS });
    }
  });

  it('inaccessibleAsins: turns a normal item into ItemNotAccessible', async () => {
    fake.state.setScenario({ inaccessibleAsins: [de.onSale] });
    const token = await tokenFor(fake.origin, eu);
    const answer = await creatorsCall(fake.origin, 'getItems', { authorization: bearer(token, '3.2'), marketplaceDomain: 'www.amazon.de', body: { partnerTag: demoTag('de'), itemIds: [de.inStock, de.onSale] } });
    expect(itemsOf(answer.body).map((i) => i.asin)).toEqual([de.inStock]);
    expect(answer.body.errors).toEqual([{ code: 'ItemNotAccessible', message: `The ItemId ${de.onSale} is not accessible through the Product Advertising API.` }]);
  });

  it('reset: forgets tokens, counters and the log but keeps the scenario', async () => {
    const token = await tokenFor(fake.origin, eu);
    fake.state.reset();
    expect(fake.state.tokenRequests(eu.id)).toBe(0);
    expect(fake.state.requests).toHaveLength(0);
    const answer = await creatorsCall(fake.origin, 'getItems', { authorization: bearer(token, '3.2'), marketplaceDomain: 'www.amazon.de', body: { partnerTag: demoTag('de'), itemIds: [de.inStock] } });
    expect(answer.body.reason).toBe('InvalidToken');
    expect(fake.state.scenario.credentials).toHaveLength(DEMO_CREDENTIALS.length);
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_CREDENTIALS, DEMO_PAAPI_KEY, demoCredential, demoTag, fakeCatalogue, startFakeAmazon, type FakeAmazon, type FakeAmazonOptions } from '../fakes/amazon/index.js';
import { bearer, creatorsCall, paapiCall, tokenFor } from '../fakes/amazon/testing/fake-amazon-client.js';

const uk = fakeCatalogue.wellKnown('uk');
const credential = demoCredential('3.2');
/** A frozen wall clock: only state.advanceClock moves the fake's time, so pacing is exact and fast. */
const T0 = Date.UTC(2026, 2, 10, 12, 0, 0);

let fake: FakeAmazon | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

async function start(options: FakeAmazonOptions = {}) {
  fake = await startFakeAmazon({ credentials: DEMO_CREDENTIALS, paapiKeys: [DEMO_PAAPI_KEY], clock: () => T0, ...options });
  const token = await tokenFor(fake.origin, credential);
  const running = fake;
  const call = () =>
    creatorsCall(running.origin, 'getItems', { authorization: bearer(token, '3.2'), marketplaceDomain: 'www.amazon.co.uk', body: { partnerTag: demoTag('uk'), itemIds: [uk.inStock] } });
  return { fake: running, call };
}

describe('rate limiting', () => {
  it('allows 1 request per second by default and answers the second at once with 429 + Retry-After', async () => {
    const { fake, call } = await start();
    expect((await call()).status).toBe(200);
    const refused = await call();
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('1');
    expect(refused.body).toEqual({ type: 'ThrottleException', message: 'Rate exceeded.' });
    expect(fake.state.throttled(credential.id)).toBe(1);
    expect(fake.state.accepted(credential.id)).toBe(1);
  });

  it('never refuses a client pacing at 1/s with a few ms of timer jitter, but catches one that is persistently early', async () => {
    const { fake, call } = await start();
    expect((await call()).status).toBe(200);
    for (const gap of [990, 1010, 985, 1000, 1015, 995]) {
      fake.state.advanceClock(gap);
      expect((await call()).status).toBe(200);
    }
    fake.state.advanceClock(900);
    expect((await call()).status).toBe(429);
  });

  it('takes the tolerance from the scenario', async () => {
    const { fake, call } = await start({ rateLimit: { toleranceMs: 0 } });
    expect((await call()).status).toBe(200);
    fake.state.advanceClock(995);
    expect((await call()).status).toBe(429);
  });

  it('enforces the daily quota with a Retry-After until UTC midnight', async () => {
    // Tokens live past the midnight the test jumps to.
    const { fake, call } = await start({ rateLimit: { tps: 100, burst: 100, daily: 3 }, tokenExpiresIn: 86_400 });
    for (let i = 0; i < 3; i++) expect((await call()).status).toBe(200);
    const refused = await call();
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe(String(12 * 3600));
    fake.state.advanceClock(12 * 3600 * 1000);
    expect((await call()).status).toBe(200);
  });

  it('lets a credential have its own limit, and the 429 type be configured', async () => {
    const fast = { ...credential, rateLimit: { tps: 10, burst: 10 } };
    const { call } = await start({ credentials: [fast], throttleExceptionType: 'ThrottlingException' });
    for (let i = 0; i < 10; i++) expect((await call()).status).toBe(200);
    const refused = await call();
    expect([refused.status, refused.body.type]).toEqual([429, 'ThrottlingException']);
  });

  it('throttles PA-API per access key with TooManyRequestsException', async () => {
    const { fake } = await start();
    const signed = () =>
      paapiCall(fake.origin, {
        key: DEMO_PAAPI_KEY, marketplaceCode: 'uk', operation: 'GetItems', signingDate: new Date(T0),
        body: { PartnerTag: demoTag('uk'), PartnerType: 'Associates', ItemIds: [uk.inStock] },
      });
    expect((await signed()).status).toBe(200);
    const refused = await signed();
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('1');
    expect(refused.body).toEqual({
      __type: 'com.amazon.paapi5#TooManyRequestsException',
      Errors: [{ Code: 'TooManyRequests', Message: 'The request was denied due to request throttling. Please verify the number of requests made per second to the Amazon Product Advertising API.' }],
    });
    expect(fake.state.throttled(DEMO_PAAPI_KEY.accessKey)).toBe(1);
  });
});

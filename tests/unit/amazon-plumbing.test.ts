import { describe, expect, it } from 'vitest';
import { sourceError } from '../../src/domain/products/source-error.js';
import { collectItemErrors } from '../../src/integrations/amazon/collect-item-errors.js';
import { parseRetryAfter } from '../../src/integrations/amazon/parse-retry-after.js';
import { createRequestPacer, spacingMs } from '../../src/integrations/amazon/request-pacer.js';
import { resolveAmazonUrl } from '../../src/integrations/amazon/resolve-amazon-url.js';
import { retryWithBackoff } from '../../src/integrations/amazon/retry-with-backoff.js';
import { createTokenCache } from '../../src/integrations/amazon-creators/token-cache.js';
import { withPartnerTag } from '../../src/integrations/amazon-relay/with-partner-tag.js';
import { err, ok } from '../../src/shared/result.js';
import { memoryQuota } from '../helpers/memory-quota.js';

describe('endpoint override', () => {
  it('puts the real host first in the path of the override origin', () => {
    expect(resolveAmazonUrl('https://api.amazon.co.uk/auth/o2/token', 'http://127.0.0.1:8790')).toBe('http://127.0.0.1:8790/api.amazon.co.uk/auth/o2/token');
    expect(resolveAmazonUrl('https://webservices.amazon.de/paapi5/getitems', 'http://127.0.0.1:8790/')).toBe('http://127.0.0.1:8790/webservices.amazon.de/paapi5/getitems');
    expect(resolveAmazonUrl('https://creatorsapi.amazon/catalog/v1/getItems', undefined)).toBe('https://creatorsapi.amazon/catalog/v1/getItems');
  });
});

describe('Retry-After', () => {
  it('reads seconds and HTTP dates', () => {
    expect(parseRetryAfter('3')).toBe(3000);
    expect(parseRetryAfter('Wed, 25 Nov 2026 10:00:05 GMT', Date.parse('Wed, 25 Nov 2026 10:00:00 GMT'))).toBe(5000);
    expect(parseRetryAfter(null)).toBeUndefined();
    expect(parseRetryAfter('soon')).toBeUndefined();
  });
});

describe('token cache', () => {
  it('makes exactly one token request when 50 callers need a token at once, and reuses it', async () => {
    const cache = createTokenCache(() => 0);
    let requests = 0;
    const fetchToken = async () => {
      requests++;
      await new Promise((r) => setTimeout(r, 20));
      return ok({ value: 'tok', expiresAt: 3_600_000 });
    };
    const results = await Promise.all(Array.from({ length: 50 }, () => cache.get('k', fetchToken)));
    expect(requests).toBe(1);
    expect(results.every((r) => r.ok && r.value.value === 'tok')).toBe(true);
    await cache.get('k', fetchToken);
    expect(requests).toBe(1);
  });

  it('renews a token a minute before it expires (half-way for short-lived ones), and after it was invalidated', async () => {
    let now = 0;
    const cache = createTokenCache(() => now);
    let n = 0;
    const fetchToken = async () => ok({ value: `tok${++n}`, expiresAt: now + 3_600_000 });
    await cache.get('k', fetchToken);
    now = 3_600_000 - 59_000;
    expect((await cache.get('k', fetchToken)).ok && n).toBe(2);
    cache.invalidate('k', 'tok2');
    await cache.get('k', fetchToken);
    expect(n).toBe(3);
  });

  it('renews a short-lived token half-way through its life', async () => {
    let now = 0;
    const cache = createTokenCache(() => now);
    let n = 0;
    const fetchToken = async () => ok({ value: `tok${++n}`, expiresAt: now + 30_000 });
    await cache.get('k', fetchToken);
    now = 14_000;
    await cache.get('k', fetchToken);
    expect(n).toBe(1);
    now = 15_001;
    await cache.get('k', fetchToken);
    expect(n).toBe(2);
  });

  it('does not keep a failed token request', async () => {
    const cache = createTokenCache(() => 0);
    let n = 0;
    const failing = async () => (n++ === 0 ? err(sourceError('credentials_invalid')) : ok({ value: 't', expiresAt: 3_600_000 }));
    expect((await cache.get('k', failing)).ok).toBe(false);
    expect((await cache.get('k', failing)).ok).toBe(true);
  });
});

describe('request pacer', () => {
  it('spaces requests of one credential by 1/rate, in order, and counts them per day', async () => {
    let now = 1_000_000;
    const waits: number[] = [];
    const quota = memoryQuota();
    const pacer = createRequestPacer({
      quota,
      limitsFor: () => ({ requestsPerSecond: 2, dailyQuota: 100 }),
      now: () => now,
      sleep: async (ms) => {
        waits.push(ms);
        now += ms;
      },
    });
    for (let i = 0; i < 4; i++) expect((await pacer.acquire('a')).ok).toBe(true);
    expect(waits).toEqual([510, 510, 510]);
    expect(spacingMs(20)).toBe(60);
    expect([...quota.counts.values()]).toEqual([4]);
  });

  it('keeps credentials independent', async () => {
    const slept: number[] = [];
    const pacer = createRequestPacer({ quota: memoryQuota(), limitsFor: () => ({ requestsPerSecond: 1, dailyQuota: 10 }), now: () => 0, sleep: async (ms) => void slept.push(ms) });
    await pacer.acquire('a');
    await pacer.acquire('b');
    expect(slept).toEqual([]);
  });

  it('refuses at once when the daily quota is used up, without counting the refusal', async () => {
    const quota = memoryQuota();
    const pacer = createRequestPacer({ quota, limitsFor: () => ({ requestsPerSecond: 100, dailyQuota: 2 }), sleep: async () => {} });
    await pacer.acquire('a');
    await pacer.acquire('a');
    const third = await pacer.acquire('a');
    expect(!third.ok && third.error.cause).toBe('quota_exhausted');
    expect([...quota.counts.values()]).toEqual([2]);
  });

  it('holds a credential off after a 429', async () => {
    let now = 0;
    const waits: number[] = [];
    const pacer = createRequestPacer({ quota: memoryQuota(), limitsFor: () => ({ requestsPerSecond: 10, dailyQuota: 100 }), now: () => now, sleep: async (ms) => void (waits.push(ms), (now += ms)) });
    await pacer.acquire('a');
    pacer.holdOff('a', 5000);
    await pacer.acquire('a');
    expect(waits).toEqual([5000]);
  });
});

describe('retry with backoff', () => {
  it('retries retryable failures with growing jittered delays, then gives up', async () => {
    const delays: number[] = [];
    let calls = 0;
    const result = await retryWithBackoff(async () => (calls++, err(sourceError('amazon_unavailable'))), { maxAttempts: 3, baseDelayMs: 100, maxDelayMs: 1000 }, async (ms) => void delays.push(ms), () => 1);
    expect(calls).toBe(3);
    expect(delays).toEqual([100, 200]);
    expect(!result.ok && result.error.cause).toBe('amazon_unavailable');
  });

  it('honours Retry-After and stops as soon as an attempt succeeds', async () => {
    const delays: number[] = [];
    let calls = 0;
    const result = await retryWithBackoff(async () => (calls++ === 0 ? err(sourceError('throttled', { retryAfterMs: 1500 })) : ok('done')), undefined, async (ms) => void delays.push(ms));
    expect(result).toEqual({ ok: true, value: 'done' });
    expect(delays).toEqual([1500]);
  });

  it.each(['credentials_invalid', 'not_eligible', 'partner_tag_invalid', 'associate_invalid'] as const)('never retries %s', async (cause) => {
    let calls = 0;
    await retryWithBackoff(async () => (calls++, err(sourceError(cause))), undefined, async () => {});
    expect(calls).toBe(1);
  });
});

describe('per-item errors', () => {
  it('finds the ASIN in the message, classifies the code and reports silently missing ASINs', () => {
    const errors = collectItemErrors(
      ['B000000001', 'B000000002', 'B000000003', 'B000000004'],
      ['B000000001'],
      [
        { code: 'InvalidParameterValue', message: 'The ItemId B000000002 provided in the request is invalid.' },
        { code: 'ItemNotAccessible', message: 'The ItemId B000000003 is not accessible through the Product Advertising API.' },
      ],
    );
    expect(errors.map((e) => [e.asin, e.cause])).toEqual([
      ['B000000002', 'item_not_found'],
      ['B000000003', 'item_not_accessible'],
      ['B000000004', 'item_not_found'],
    ]);
  });
});

describe('relay links', () => {
  it('swap only the tag parameter', () => {
    expect(withPartnerTag('https://www.amazon.de/dp/B000000001?tag=agency-21&linkCode=ogi&th=1&psc=1', 'mine-21')).toBe('https://www.amazon.de/dp/B000000001?tag=mine-21&linkCode=ogi&th=1&psc=1');
  });
});

describe('mapping an Amazon item', () => {
  it('copies detailPageURL byte for byte and prefers the buy-box listing', async () => {
    const { mapAmazonItem } = await import('../../src/integrations/amazon/map-amazon-item.js');
    const url = 'https://www.amazon.co.uk/Some-Slug/dp/B0TESTASIN?tag=my%2Dtag-21&linkCode=ogi&th=1&psc=1&x=%E2%9C%93';
    const product = mapAmazonItem(
      {
        asin: 'B0TESTASIN',
        detailPageURL: url,
        offersV2: {
          listings: [
            { isBuyBoxWinner: false, price: { money: { amount: 30, currency: 'GBP', displayAmount: '£30.00' } } },
            { isBuyBoxWinner: true, price: { money: { amount: 24.99, currency: 'GBP', displayAmount: '£24.99' } }, availability: { type: 'SOMETHING_NEW', message: 'Soon' } },
          ],
        },
      },
      { marketplace: 'uk', source: 'creators', fetchedAt: '2026-11-24T00:00:00.000Z' },
    );
    expect(product.detailPageUrl).toBe(url);
    expect(product.price).toEqual({ amount: 24.99, currency: 'GBP', display: '£24.99' });
    expect(product.availability).toEqual({ type: 'UNKNOWN', message: 'Soon' });
    expect(product).toMatchObject({ title: null, brand: null, features: [], rating: null, savings: null, listPrice: null });
  });
});

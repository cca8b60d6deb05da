import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ProductSource } from '../../src/domain/products/product-source.js';
import { createSourceFactory } from '../../src/integrations/create-source-factory.js';
import { fakeCatalogue, startFakeAmazon, type FakeAmazon } from '../fakes/amazon/index.js';
import { CREDENTIALS } from '../helpers/amazon-clients.js';
import { LOOPBACK_HTTP } from '../helpers/loopback-http.js';
import { memoryQuota } from '../helpers/memory-quota.js';

const GOOD = CREDENTIALS.lwaEu;
const WRONG = { ...GOOD, secret: 'amzn1.oa2-cs.v1.wrong-secret-0001' };

let fake: FakeAmazon;
beforeAll(async () => {
  fake = await startFakeAmazon({ credentials: [GOOD], rateLimit: { tps: 1000, burst: 1000 } });
});
afterAll(() => fake.close());
beforeEach(() => fake.state.reset());

const factory = () => createSourceFactory({ quota: memoryQuota(), http: LOOPBACK_HTTP, endpointOverride: fake.origin, requestsPerSecond: 100, dailyQuota: 10_000, timeoutMs: 5000 });
const items = (source: ProductSource) => source.getItems({ marketplace: 'de', partnerTag: 'mytag-21', itemIds: [fakeCatalogue.wellKnown('de').inStock] });
const tokenAnswers = () => fake.state.requestsTo('/auth/o2/token').map((r) => r.status);

describe('the shared token cache', () => {
  it('never hands the token a secret earned to a client of another secret, and drops it once the credential was replaced', async () => {
    const sources = factory();
    expect((await items(sources.creators(GOOD))).ok).toBe(true);
    expect((await items(sources.creators(GOOD))).ok).toBe(true);
    expect(tokenAnswers()).toEqual([200]);

    // Same Credential ID, another secret (a save replaced it): its own token request, refused.
    const wrong = await items(sources.creators(WRONG));
    expect(!wrong.ok && wrong.error.cause).toBe('credentials_invalid');
    expect(tokenAnswers()).toEqual([200, 401]);

    // Back to the working secret: the token from before the replacement is gone, a new one is fetched.
    expect((await items(sources.creators(GOOD))).ok).toBe(true);
    expect(tokenAnswers()).toEqual([200, 401, 200]);
  });
});

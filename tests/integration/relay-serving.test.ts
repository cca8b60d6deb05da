import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createRelayToken } from '../../src/domain/relay/create-relay-token.js';
import { saveSection } from '../../src/domain/settings/save-section.js';
import type { Engine } from '../../src/main.js';
import { fakeCatalogue, startFakeAmazon, type FakeAmazon } from '../fakes/amazon/index.js';
import { CREDENTIALS } from '../helpers/amazon-clients.js';
import { openTestApp, openTestEngine, testDialect } from '../helpers/start-test-engine.js';

/**
 * The serving side of the relay, attacked by its clients: malformed requests, a token that asks
 * too often, a token that would spend the owner's whole Amazon quota — also through two engines
 * sharing one database.
 */
const de = fakeCatalogue.wellKnown('de');
let fake: FakeAmazon;

beforeAll(async () => {
  fake = await startFakeAmazon({ credentials: Object.values(CREDENTIALS), rateLimit: { tps: 1000, burst: 1000 } });
});
afterAll(() => fake.close());
beforeEach(() => fake.state.reset());

const creators = { mode: 'creators', creatorsCredentialId: CREDENTIALS.lwaEu.id, creatorsCredentialSecret: CREDENTIALS.lwaEu.secret, creatorsCredentialVersion: '3.2', defaultPartnerTag: 'mytag-21' };

/** The middle of a UTC minute, so that "per minute" does not depend on when the test runs. */
const NOON = new Date(`${new Date().toISOString().slice(0, 10)}T12:00:15.000Z`);

function freezeClock(engine: Engine, at: Date): void {
  engine.ctx.clock = { now: () => at };
}

/** A relay engine (its HTTP app) with Creators credentials behind the fake Amazon. */
async function openRelay(dataDir?: string) {
  const env = { PASSIVEWP_AMAZON_ENDPOINT_OVERRIDE: fake.origin, PASSIVEWP_AMAZON_REQUESTS_PER_SECOND: '10', PASSIVEWP_AMAZON_DAILY_QUOTA: '40' };
  const test = await openTestApp({ env, ...(dataDir ? { dataDir } : {}) });
  if (!dataDir) await saveSection(test.engine.ctx, { sectionId: 'amazon', values: creators, actor: 'test', ip: null });
  freezeClock(test.engine, NOON);
  return test;
}

function ask(app: FastifyInstance, token: string, payload: unknown, operation = 'getItems', headers: Record<string, string> = {}) {
  return app.inject({
    method: 'POST',
    url: `/api/relay/v1/${operation}`,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...headers },
    payload: typeof payload === 'string' ? payload : JSON.stringify(payload),
  });
}

const valid = { marketplace: 'de', itemIds: [de.inStock] };
const amazonCalls = () => fake.state.requestsTo('/catalog/v1/getItems').length + fake.state.requestsTo('/catalog/v1/searchItems').length;

describe('malformed relay requests', () => {
  it('answer 400 validation_failed with a plain message, never 502 or 500, and reach neither Amazon nor the token’s daily share', async () => {
    const { app, engine } = await openRelay();
    const { token, id } = await createRelayToken(engine.ctx, { name: 'client', perMinute: 1000, dailyShare: '1' }, 'test');
    const cases: Array<[string, string | unknown, RegExp, string?]> = [
      ['invalid JSON', '{"marketplace": "de", "itemIds": [', /JSON/i],
      ['an array', [valid], /JSON object/],
      ['a string', '"de"', /JSON object/],
      ['no marketplace', { itemIds: [de.inStock] }, /known marketplace/],
      ['an unknown marketplace', { marketplace: 'atlantis', itemIds: [de.inStock] }, /known marketplace/],
      ['itemIds of the wrong type', { marketplace: 'de', itemIds: de.inStock }, /itemIds/],
      ['too many ASINs', { marketplace: 'de', itemIds: fakeCatalogue.asins('de').slice(0, 11) }, /At most 10 ASINs/],
      ['a malformed ASIN', { marketplace: 'de', itemIds: ['<script>'] }, /Not an ASIN/],
      ['a search without terms', { marketplace: 'de' }, /keywords/, 'searchItems'],
      ['a search for 500 items', { marketplace: 'de', keywords: 'kettle', itemCount: 500 }, /itemCount/, 'searchItems'],
      ['a body of 100 KB', { ...valid, padding: 'x'.repeat(100 * 1024) }, /too large/],
    ];
    for (const [name, payload, message, operation] of cases) {
      const response = await ask(app, token, payload, operation);
      expect(response.statusCode, name).toBe(400);
      expect(response.json(), name).toMatchObject({ code: 'validation_failed', message: expect.stringMatching(message) });
    }
    const plain = await ask(app, token, 'marketplace=de', 'getItems', { 'content-type': 'text/plain' });
    expect([400, 415]).toContain(plain.statusCode);
    expect(plain.json()).toMatchObject({ code: 'validation_failed' });

    expect(amazonCalls()).toBe(0);
    // The daily share (1 request) is still there: a valid request is served.
    expect((await ask(app, token, valid)).statusCode).toBe(200);
    expect(amazonCalls()).toBe(1);
    expect((await engine.ctx.stores.relayTokens.list('relay')).find((t) => t.id === id)?.lastUsedAt).not.toBeNull();
  });

  it('are refused for a missing or wrong token before their body is even read', async () => {
    const { app } = await openRelay();
    for (const authorization of ['', 'Bearer pwr_never-issued']) {
      const huge = await app.inject({ method: 'POST', url: '/api/relay/v1/getItems', headers: { authorization, 'content-type': 'application/json' }, payload: `{"x":"${'x'.repeat(2 * 1024 * 1024)}"}` });
      expect(huge.statusCode).toBe(401);
      const broken = await app.inject({ method: 'POST', url: '/api/relay/v1/getItems', headers: { authorization, 'content-type': 'application/json' }, payload: '{"marketplace":' });
      expect(broken.json()).toMatchObject({ code: 'unauthenticated' });
    }
  });
});

describe('per-token limits', () => {
  it('requests per minute: the next one is 429 with Retry-After until the minute ends, other tokens are unaffected, the next minute is open again', async () => {
    const { app, engine } = await openRelay();
    const greedy = await createRelayToken(engine.ctx, { name: 'greedy', perMinute: 3 }, 'test');
    const polite = await createRelayToken(engine.ctx, { name: 'polite' }, 'test');
    // Refused requests count too: the limit protects the engine, whatever is asked.
    for (let i = 0; i < 3; i += 1) expect((await ask(app, greedy.token, { marketplace: 'atlantis' })).statusCode).toBe(400);
    const refused = await ask(app, greedy.token, valid);
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['retry-after']).toBe('45');
    expect(refused.json()).toMatchObject({ code: 'rate_limited', message: expect.stringMatching(/3 requests per minute.*45 seconds/) });
    expect(amazonCalls()).toBe(0);

    expect((await ask(app, polite.token, valid)).statusCode).toBe(200);
    freezeClock(engine, new Date(NOON.getTime() + 60_000));
    expect((await ask(app, greedy.token, valid)).statusCode).toBe(200);
  });

  it('daily share: a percentage of the engine’s Amazon quota, then 429 until midnight UTC; the next day it is open again', async () => {
    const { app, engine } = await openRelay();
    // 10% of the daily quota of 40.
    const client = await createRelayToken(engine.ctx, { name: 'client', dailyShare: '10%' }, 'test');
    const other = await createRelayToken(engine.ctx, { name: 'other' }, 'test');
    for (let i = 0; i < 4; i += 1) expect((await ask(app, client.token, valid)).statusCode).toBe(200);
    const refused = await ask(app, client.token, valid);
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['retry-after']).toBe(String(12 * 3600 - 15));
    expect(refused.json()).toMatchObject({ code: 'rate_limited', message: expect.stringMatching(/10% of this engine’s daily Amazon quota, 4 requests.*midnight UTC/) });
    expect(amazonCalls()).toBe(4);
    expect((await ask(app, other.token, valid)).statusCode).toBe(200);

    freezeClock(engine, new Date(NOON.getTime() + 24 * 3600_000));
    expect((await ask(app, client.token, valid)).statusCode).toBe(200);
  });

  it(`hold across two engines sharing one ${testDialect()} database`, async () => {
    const first = await openRelay();
    const second = await openRelay(first.dataDir);
    const { token } = await createRelayToken(first.engine.ctx, { name: 'client', perMinute: 5, dailyShare: '3' }, 'test');
    const engines = [first.app, second.app];
    const answers = [];
    for (let i = 0; i < 4; i += 1) answers.push((await ask(engines[i % 2]!, token, valid)).statusCode);
    expect(answers).toEqual([200, 200, 200, 429]);
    expect(amazonCalls()).toBe(3);
    // Requests per minute, counted together: 4 so far, so one more each way is the 5th and the 6th.
    expect((await ask(second.app, token, { marketplace: 'atlantis' })).statusCode).toBe(400);
    expect((await ask(first.app, token, { marketplace: 'atlantis' })).statusCode).toBe(429);
  });
});

describe('token limits are validated when the token is created', () => {
  it('refuses bad limits with a plain message and stores no token', async () => {
    const { engine } = await openTestEngine();
    for (const limits of [{ perMinute: 0 }, { perMinute: 'lots' }, { perMinute: 1.5 }, { dailyShare: '0%' }, { dailyShare: '150%' }, { dailyShare: 'half' }, { dailyShare: '-5' }, { dailyShare: 25 }]) {
      await expect(createRelayToken(engine.ctx, { name: 'client', ...limits }, 'test'), JSON.stringify(limits)).rejects.toMatchObject({ code: 'validation_failed' });
    }
    expect(await engine.ctx.stores.relayTokens.list('relay')).toEqual([]);
    const created = await createRelayToken(engine.ctx, { name: 'client', perMinute: '30', dailyShare: ' 025% ' }, 'test');
    expect(created).toMatchObject({ perMinute: 30, dailyShare: '25%' });
    expect(await engine.ctx.stores.relayTokens.list('relay')).toEqual([expect.objectContaining({ name: 'client', perMinute: 30, dailyShare: '25%' })]);
  });
});

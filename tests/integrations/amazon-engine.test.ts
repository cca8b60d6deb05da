import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { lookUpItems } from '../../src/domain/products/look-up-items.js';
import { createRelayToken } from '../../src/domain/relay/create-relay-token.js';
import { saveSection } from '../../src/domain/settings/save-section.js';
import type { Engine } from '../../src/main.js';
import { fakeCatalogue } from '../fakes/amazon/data/fake-catalogue.js';
import { startFakeAmazon, type FakeAmazon } from '../fakes/amazon/index.js';
import { CREDENTIALS } from '../helpers/amazon-clients.js';
import { openTestEngine, startTestServer } from '../helpers/start-test-engine.js';

const PAAPI_KEY = { accessKey: 'AKIAFAKEPAAPI0001', secretKey: 'paapi-secret-key-0001', partnerTags: { de: ['mytag-21'] } };
let fake: FakeAmazon;

beforeAll(async () => {
  fake = await startFakeAmazon({ credentials: Object.values(CREDENTIALS), paapiKeys: [PAAPI_KEY], rateLimit: { tps: 1000, burst: 1000 } });
});
afterAll(() => fake.close());
beforeEach(() => {
  fake.state.reset();
  fake.state.setScenario({ overrides: [] });
});

const de = fakeCatalogue.wellKnown('de');
const amazonEnv = (extra: Record<string, string> = {}) => ({ PASSIVEWP_AMAZON_ENDPOINT_OVERRIDE: fake.origin, PASSIVEWP_AMAZON_REQUESTS_PER_SECOND: '10', ...extra });
const creatorsSettings = { mode: 'creators', creatorsCredentialId: CREDENTIALS.lwaEu.id, creatorsCredentialSecret: CREDENTIALS.lwaEu.secret, creatorsCredentialVersion: '3.2', defaultPartnerTag: 'mytag-21' };

async function configure(engine: Engine, values: Record<string, unknown>): Promise<void> {
  await saveSection(engine.ctx, { sectionId: 'amazon', values, actor: 'test', ip: null });
}

describe('sources chosen from the saved Amazon settings', () => {
  it('says which credentials or tag are missing instead of calling Amazon', async () => {
    const { engine } = await openTestEngine({ env: amazonEnv() });
    const noTag = await lookUpItems(engine.ctx, { asins: [de.inStock], marketplace: 'de' });
    expect(!noTag.ok && noTag.error.cause).toBe('partner_tag_missing');
    await configure(engine, { defaultPartnerTag: 'mytag-21' });
    const noCredentials = await lookUpItems(engine.ctx, { asins: [de.inStock], marketplace: 'de' });
    expect(!noCredentials.ok && noCredentials.error.cause).toBe('credentials_missing');
    expect(fake.state.requests).toHaveLength(0);
  });

  it('fetches with Creators credentials, the marketplace row’s tag winning over the default', async () => {
    const { engine } = await openTestEngine({ env: amazonEnv() });
    await configure(engine, { ...creatorsSettings, defaultPartnerTag: 'unused-21', marketplaces: [{ country: 'de', partnerTag: 'mytag-21', enabled: true }] });
    const outcome = await lookUpItems(engine.ctx, { asins: [de.inStock], marketplace: 'de' });
    expect(outcome).toMatchObject({ ok: true, source: 'creators' });
    expect((fake.state.requestsTo('/catalog/v1/getItems')[0]?.body as { partnerTag: string }).partnerTag).toBe('mytag-21');
  });

  it('in Auto mode moves to PA-API when the Creators API is down, but not when Amazon refuses the account', async () => {
    const { engine } = await openTestEngine({ env: amazonEnv() });
    await configure(engine, { ...creatorsSettings, mode: 'auto', paapiAccessKey: PAAPI_KEY.accessKey, paapiSecretKey: PAAPI_KEY.secretKey });
    fake.state.setScenario({ overrides: [{ credential: CREDENTIALS.lwaEu.id, surface: 'creators', fault: 'server_error' }] });
    const fallback = await lookUpItems(engine.ctx, { asins: [de.inStock], marketplace: 'de' });
    expect(fallback).toMatchObject({ ok: true, source: 'paapi' });

    fake.state.setScenario({ overrides: [{ credential: CREDENTIALS.lwaEu.id, surface: 'creators', fault: 'not_eligible' }] });
    const refused = await lookUpItems(engine.ctx, { asins: [de.inStock], marketplace: 'de' });
    expect(refused).toMatchObject({ ok: false, source: 'creators', error: { cause: 'not_eligible' } });
    expect(fake.state.requestsTo('/paapi5/getitems')).toHaveLength(1);
  });
});

describe('daily quota', () => {
  it('is enforced before sending and survives a restart', async () => {
    const first = await openTestEngine({ env: amazonEnv({ PASSIVEWP_AMAZON_DAILY_QUOTA: '2' }) });
    await configure(first.engine, creatorsSettings);
    for (let i = 0; i < 2; i++) expect((await lookUpItems(first.engine.ctx, { asins: [de.inStock], marketplace: 'de' })).ok).toBe(true);
    const refused = await lookUpItems(first.engine.ctx, { asins: [de.inStock], marketplace: 'de' });
    expect(!refused.ok && refused.error.cause).toBe('quota_exhausted');
    await first.engine.close();

    const restarted = await openTestEngine({ dataDir: first.dataDir, env: amazonEnv({ PASSIVEWP_AMAZON_DAILY_QUOTA: '2' }) });
    const afterRestart = await lookUpItems(restarted.engine.ctx, { asins: [de.inStock], marketplace: 'de' });
    expect(!afterRestart.ok && afterRestart.error.cause).toBe('quota_exhausted');
    expect(fake.state.accepted(CREDENTIALS.lwaEu.id)).toBe(2);
  });
});

describe('PassiveWP relay', () => {
  async function relayPair() {
    const relay = await startTestServer({ env: amazonEnv() });
    await configure(relay.engine, creatorsSettings);
    const { token } = await createRelayToken(relay.engine.ctx, { name: 'client site' }, 'test');
    const client = await openTestEngine({ env: amazonEnv() });
    await configure(client.engine, { mode: 'passivewp', relayUrl: relay.server.url, relayToken: token, marketplaces: [{ country: 'de', partnerTag: 'local-21', enabled: true }] });
    return { relay, client, token };
  }

  it('serves product data from the relay engine’s own credentials, with links carrying the local tag', async () => {
    const { client } = await relayPair();
    const outcome = await lookUpItems(client.engine.ctx, { asins: [de.inStock, de.unknown], marketplace: 'de' });
    if (!outcome.ok) throw new Error(outcome.error.message);
    expect(outcome.source).toBe('relay');
    const [product] = outcome.value.items;
    expect(product).toMatchObject({ asin: de.inStock, source: 'relay', title: fakeCatalogue.item('de', de.inStock)?.title });
    const link = new URL(product!.detailPageUrl);
    expect(link.searchParams.get('tag')).toBe('local-21');
    expect(link.searchParams.get('linkCode')).toBe('ogi');
    expect(outcome.value.itemErrors).toEqual([expect.objectContaining({ asin: de.unknown, cause: 'item_not_found' })]);
    // Amazon checks the tag against the credentials: the relay sends its own.
    expect((fake.state.requestsTo('/catalog/v1/getItems')[0]?.body as { partnerTag: string }).partnerTag).toBe('mytag-21');
  });

  it('reports a refused relay token as relay_unauthorized', async () => {
    const { client } = await relayPair();
    await configure(client.engine, { relayToken: 'pwr_this-token-was-never-issued-by-the-relay' });
    const outcome = await lookUpItems(client.engine.ctx, { asins: [de.inStock], marketplace: 'de' });
    expect(!outcome.ok && outcome.error.cause).toBe('relay_unauthorized');
  });

  it('passes on the relay’s own Amazon diagnosis', async () => {
    const { client } = await relayPair();
    fake.state.setScenario({ overrides: [{ credential: CREDENTIALS.lwaEu.id, fault: 'not_eligible' }] });
    const outcome = await lookUpItems(client.engine.ctx, { asins: [de.inStock], marketplace: 'de' });
    expect(!outcome.ok && outcome.error).toMatchObject({ cause: 'not_eligible', message: expect.stringContaining('The relay reports') });
  });

  it('reports relay_unreachable when the relay engine is gone', async () => {
    const { client, relay } = await relayPair();
    await relay.server.stop();
    const outcome = await lookUpItems(client.engine.ctx, { asins: [de.inStock], marketplace: 'de' });
    expect(!outcome.ok && outcome.error.cause).toBe('relay_unreachable');
  });
});

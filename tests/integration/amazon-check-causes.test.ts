import { createServer } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createRelayToken } from '../../src/domain/relay/create-relay-token.js';
import { saveSection } from '../../src/domain/settings/save-section.js';
import { startFakeAmazon, type FakeAmazon } from '../fakes/amazon/index.js';
import { startTestServer } from '../helpers/start-test-engine.js';
import { creatorsSettings, EU, NA, openCheckEngine, PAAPI, row } from './amazon-check-setup.js';

/** Every cause code the check can show, each produced by a real failure (fake Amazon, a real relay engine, a closed port). */
/** The relay engine's own credential in the Auto test. */
const RELAY_NA = { ...NA, id: 'amzn1.application-oa2-client.checkna0002', secret: 'amzn1.oa2-cs.v1.check-na-secret-0002', partnerTags: { us: ['relaytag-20'] } };
let fake: FakeAmazon;
let closedOrigin: string;

beforeAll(async () => {
  fake = await startFakeAmazon({ credentials: [EU, NA, RELAY_NA], paapiKeys: [PAAPI], rateLimit: { tps: 1000, burst: 1000 } });
  // A port that was free a moment ago: connections to it are refused.
  const probe = createServer();
  await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
  closedOrigin = `http://127.0.0.1:${(probe.address() as { port: number }).port}`;
  await new Promise<void>((r) => probe.close(() => r()));
});
afterAll(() => fake.close());
beforeEach(() => {
  fake.state.reset();
  fake.state.setScenario({ overrides: [], latencyMs: 0, paapiRetired: false, throttleRetryAfterSeconds: 0 });
});

const fault = (f: string, extra: Record<string, unknown> = {}) => fake.state.setScenario({ overrides: [{ credential: EU.id, surface: 'creators', fault: f as never, ...extra }] });

describe('Check API Connections: one cause per failure', () => {
  it('ok: every marketplace answered with its own tag; the Default Country is checked without a row of its own', async () => {
    const engine = await openCheckEngine(fake.origin, { ...creatorsSettings(), defaultCountry: 'fr', defaultPartnerTag: 'mytag-21', marketplaces: [row('de', 'mytag-21'), row('uk', 'mytag-21'), row('it', 'mytag-21', { enabled: false })] });
    const { status, contentType, run, rows } = await engine.check();
    expect(status).toBe(200);
    expect(contentType).toMatch(/^application\/x-ndjson/);
    expect(run.rows.map((r) => r.country)).toEqual(['fr', 'de', 'uk']);
    expect(run.summary).toEqual({ total: 3, ok: 3, warning: 0, error: 0 });
    expect(run.summaryText).toBe('3 marketplaces: 3 ok, 0 warnings, 0 errors');
    expect(rows.de).toMatchObject({ marketplaceName: 'Germany', domain: 'www.amazon.de', partnerTag: 'mytag-21', partnerTagFrom: 'row', source: 'creators', status: 'ok', cause: 'ok', fixField: null, tried: [{ source: 'creators', cause: 'ok' }] });
    expect(rows.fr).toMatchObject({ partnerTag: 'mytag-21', partnerTagFrom: 'default', status: 'ok' });
    expect(typeof rows.de!.latencyMs).toBe('number');
    expect(Date.parse(rows.de!.checkedAt)).not.toBeNaN();
    // The cheapest probe: a one-item search asking for the title only.
    const probe = fake.state.requestsTo('/catalog/v1/searchItems')[0]?.body as Record<string, unknown>;
    expect(probe).toMatchObject({ itemCount: 1, resources: ['itemInfo.title'], partnerTag: 'mytag-21' });
    expect(fake.state.tokenRequests(EU.id)).toBe(1);
  });

  it('tag_suffix_unusual: a warning when Amazon accepts a tag that does not end like the marketplace’s tags', async () => {
    const engine = await openCheckEngine(fake.origin, { ...creatorsSettings(), defaultCountry: 'de', marketplaces: [row('de', 'odd-tag-20')] });
    const { rows, run } = await engine.check();
    expect(rows.de).toMatchObject({ status: 'warning', cause: 'tag_suffix_unusual', fixField: 'marketplaces.0.partnerTag', source: 'creators' });
    expect(rows.de!.message).toContain('-21');
    expect(run.summaryText).toBe('1 marketplace: 0 ok, 1 warning, 0 errors');
  });

  it('partner_tag_missing: no tag on the row and no default, without asking Amazon', async () => {
    const engine = await openCheckEngine(fake.origin, { ...creatorsSettings(), defaultCountry: 'de' });
    const { rows } = await engine.check();
    expect(rows.de).toMatchObject({ status: 'error', cause: 'partner_tag_missing', fixField: 'defaultPartnerTag', source: null, tried: [], partnerTag: null, partnerTagFrom: null });
    expect(fake.state.requests).toHaveLength(0);
  });

  it('credentials_missing: the mode needs credentials that are not set', async () => {
    const engine = await openCheckEngine(fake.origin, { mode: 'paapi', defaultCountry: 'de', defaultPartnerTag: 'mytag-21' });
    const { rows } = await engine.check();
    expect(rows.de).toMatchObject({ status: 'error', cause: 'credentials_missing', fixField: 'paapiAccessKey', source: null });
  });

  it('credentials_invalid: every row on the bad credential says so, after a single token request', async () => {
    const engine = await openCheckEngine(fake.origin, {
      ...creatorsSettings({ ...EU, secret: 'amzn1.oa2-cs.v1.not-the-right-secret' }),
      defaultCountry: 'de',
      marketplaces: [row('de', 'mytag-21'), row('uk', 'mytag-21'), row('fr', 'mytag-21'), row('it', 'mytag-21')],
    });
    const { run } = await engine.check();
    expect(run.rows.map((r) => [r.country, r.cause, r.fixField])).toEqual([
      ['de', 'credentials_invalid', 'creatorsCredentialSecret'],
      ['uk', 'credentials_invalid', 'creatorsCredentialSecret'],
      ['fr', 'credentials_invalid', 'creatorsCredentialSecret'],
      ['it', 'credentials_invalid', 'creatorsCredentialSecret'],
    ]);
    expect(fake.state.tokenRequests(EU.id)).toBe(1);
    expect(fake.state.requestsTo('/catalog/')).toHaveLength(0);
  });

  it('credentials_invalid on a row’s own credentials points at that row’s secret', async () => {
    const engine = await openCheckEngine(fake.origin, {
      ...creatorsSettings(NA),
      defaultCountry: 'us',
      marketplaces: [row('us', 'mytag-20'), row('de', 'mytag-21', { credentials: { creatorsCredentialId: EU.id, creatorsCredentialSecret: 'amzn1.oa2-cs.v1.wrong', creatorsCredentialVersion: '3.2' } })],
    });
    const { rows } = await engine.check();
    expect(rows.us).toMatchObject({ status: 'ok' });
    expect(rows.de).toMatchObject({ cause: 'credentials_invalid', fixField: 'marketplaces.1.credentials.creatorsCredentialSecret' });
  });

  it('partner_tag_invalid: only the row with the wrong tag fails, and its fix points at that row', async () => {
    const engine = await openCheckEngine(fake.origin, { ...creatorsSettings(), defaultCountry: 'de', marketplaces: [row('de', 'mytag-21'), row('uk', 'notmine-21'), row('fr', 'mytag-21')] });
    const { rows, run } = await engine.check();
    expect(rows.uk).toMatchObject({ status: 'error', cause: 'partner_tag_invalid', fixField: 'marketplaces.1.partnerTag', partnerTag: 'notmine-21' });
    expect([rows.de!.status, rows.fr!.status]).toEqual(['ok', 'ok']);
    expect(run.summaryText).toBe('3 marketplaces: 2 ok, 0 warnings, 1 error');
  });

  it('not_eligible: says what the sales threshold means', async () => {
    fault('not_eligible');
    const engine = await openCheckEngine(fake.origin, { ...creatorsSettings(), defaultCountry: 'de', defaultPartnerTag: 'mytag-21' });
    const { rows } = await engine.check();
    expect(rows.de).toMatchObject({ status: 'error', cause: 'not_eligible', fixField: null });
    expect(rows.de!.fix).toMatch(/10 qualifying sales/);
  });

  it('throttled: a warning that says the credentials look fine', async () => {
    fault('throttled');
    const engine = await openCheckEngine(fake.origin, { ...creatorsSettings(), defaultCountry: 'de', defaultPartnerTag: 'mytag-21' });
    const { rows } = await engine.check();
    expect(rows.de).toMatchObject({ status: 'warning', cause: 'throttled', source: 'creators' });
    expect(rows.de!.message).toMatch(/credentials look fine/);
  });

  it('quota_exhausted: a warning once today’s quota is used up', async () => {
    const engine = await openCheckEngine(fake.origin, { ...creatorsSettings(), defaultCountry: 'de', marketplaces: [row('de', 'mytag-21'), row('uk', 'mytag-21')] }, { PASSIVEWP_AMAZON_DAILY_QUOTA: '1' });
    const { rows } = await engine.check();
    expect(rows.de).toMatchObject({ status: 'ok' });
    expect(rows.uk).toMatchObject({ status: 'warning', cause: 'quota_exhausted' });
  });

  it('amazon_unavailable: an error that says to retry, not to change keys', async () => {
    fault('server_error');
    const engine = await openCheckEngine(fake.origin, { ...creatorsSettings(), defaultCountry: 'de', defaultPartnerTag: 'mytag-21' });
    const { rows } = await engine.check();
    expect(rows.de).toMatchObject({ status: 'error', cause: 'amazon_unavailable', fixField: null });
    expect(rows.de!.fix).toMatch(/try again later; nothing is wrong with your settings/i);
  });

  it('network_error: Amazon cannot be reached at all', async () => {
    const engine = await openCheckEngine(closedOrigin, { ...creatorsSettings(), defaultCountry: 'de', defaultPartnerTag: 'mytag-21' });
    const { rows } = await engine.check();
    expect(rows.de).toMatchObject({ status: 'error', cause: 'network_error', fixField: null });
    expect(rows.de!.fix).toMatch(/internet connection/);
  });

  it('timeout: Amazon does not answer in time', async () => {
    fake.state.setScenario({ overrides: [{ credential: EU.id, surface: 'creators', latencyMs: 1500 }] });
    const engine = await openCheckEngine(fake.origin, { ...creatorsSettings(), defaultCountry: 'de', defaultPartnerTag: 'mytag-21' }, { PASSIVEWP_AMAZON_TIMEOUT_MS: '500' });
    const { rows } = await engine.check();
    expect(rows.de).toMatchObject({ status: 'error', cause: 'timeout' });
    expect(rows.de!.fix).toMatch(/try again later/i);
  });

  it('endpoint_retired: PA-API mode against the retired endpoint says to switch to Creators', async () => {
    fake.state.setScenario({ paapiRetired: true });
    const engine = await openCheckEngine(fake.origin, { mode: 'paapi', paapiAccessKey: PAAPI.accessKey, paapiSecretKey: PAAPI.secretKey, defaultCountry: 'de', defaultPartnerTag: 'mytag-21' });
    const { rows } = await engine.check();
    expect(rows.de).toMatchObject({ status: 'error', cause: 'endpoint_retired', source: 'paapi', fixField: 'mode' });
    expect(rows.de!.fix).toMatch(/Switch Amazon API Mode to Creators/);
  });

  it('credential_region_mismatch: a European credential used for the US store', async () => {
    const engine = await openCheckEngine(fake.origin, { ...creatorsSettings(), defaultCountry: 'us', marketplaces: [row('us', 'mytag-20')] });
    const { rows } = await engine.check();
    expect(rows.us).toMatchObject({ status: 'error', cause: 'credential_region_mismatch', fixField: 'creatorsCredentialVersion' });
  });

  it('associate_invalid: the credential is not linked to an approved store', async () => {
    fault('invalid_associate');
    const engine = await openCheckEngine(fake.origin, { ...creatorsSettings(), defaultCountry: 'de', defaultPartnerTag: 'mytag-21' });
    const { rows } = await engine.check();
    expect(rows.de).toMatchObject({ status: 'error', cause: 'associate_invalid', fixField: 'creatorsCredentialId' });
  });

  it('relay_unreachable: mode PassiveWP with a relay that is not there', async () => {
    const engine = await openCheckEngine(fake.origin, { mode: 'passivewp', relayUrl: closedOrigin, relayToken: 'pwr_a-token-that-is-long-enough', defaultCountry: 'de', defaultPartnerTag: 'mytag-21' });
    const { rows } = await engine.check();
    expect(rows.de).toMatchObject({ status: 'error', cause: 'relay_unreachable', source: 'relay', fixField: 'relayUrl' });
  });

  it('relay_unauthorized: the relay refuses the token', async () => {
    const relay = await startTestServer({ env: { PASSIVEWP_AMAZON_ENDPOINT_OVERRIDE: fake.origin, PASSIVEWP_DAILY_CHECKS: 'false' } });
    const engine = await openCheckEngine(fake.origin, { mode: 'passivewp', relayUrl: relay.server.url, relayToken: 'pwr_this-token-was-never-issued', defaultCountry: 'de', defaultPartnerTag: 'mytag-21' });
    const { rows } = await engine.check();
    expect(rows.de).toMatchObject({ status: 'error', cause: 'relay_unauthorized', source: 'relay', fixField: 'relayToken' });
  });
});

describe('Auto mode', () => {
  it('falls back from the Creators API to the PassiveWP relay and says which sources were tried', async () => {
    const relay = await startTestServer({ env: { PASSIVEWP_AMAZON_ENDPOINT_OVERRIDE: fake.origin, PASSIVEWP_AMAZON_REQUESTS_PER_SECOND: '10', PASSIVEWP_DAILY_CHECKS: 'false' } });
    await saveSection(relay.engine.ctx, { sectionId: 'amazon', values: { ...creatorsSettings(RELAY_NA), defaultCountry: 'us', defaultPartnerTag: 'relaytag-20' }, actor: 'test', ip: null });
    const { token } = await createRelayToken(relay.engine.ctx, { name: 'client site' }, 'test');
    // The client's own Creators credential is down; the relay's (another credential) works.
    fake.state.setScenario({ overrides: [{ credential: NA.id, surface: 'creators', fault: 'server_error' }] });
    const engine = await openCheckEngine(fake.origin, { ...creatorsSettings(NA), mode: 'auto', relayUrl: relay.server.url, relayToken: token, defaultCountry: 'us', marketplaces: [row('us', 'mytag-20')] });
    const { rows } = await engine.check();
    expect(rows.us).toMatchObject({ status: 'ok', cause: 'ok', source: 'relay', tried: [{ source: 'creators', cause: 'amazon_unavailable' }, { source: 'relay', cause: 'ok' }] });
    expect(rows.us!.message).toMatch(/PassiveWP relay after Creators API \(amazon_unavailable\) failed/);
  });
});

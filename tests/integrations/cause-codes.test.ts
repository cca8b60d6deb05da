import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CAUSE_CODES, CAUSES, type CauseCode } from '../../src/domain/connection-checks/cause-codes.js';
import { lookUpItems } from '../../src/domain/products/look-up-items.js';
import { saveSection } from '../../src/domain/settings/save-section.js';
import type { GetItemsResult, ProductSource } from '../../src/domain/products/product-source.js';
import type { SourceError } from '../../src/domain/products/source-error.js';
import { createRequestPacer } from '../../src/integrations/amazon/request-pacer.js';
import { createPaapiClient } from '../../src/integrations/amazon-paapi/client.js';
import { createRelayClient } from '../../src/integrations/amazon-relay/client.js';
import type { Result } from '../../src/shared/result.js';
import { fakeCatalogue } from '../fakes/amazon/data/fake-catalogue.js';
import { startFakeAmazon, type FakeAmazon } from '../fakes/amazon/index.js';
import { CREDENTIALS, creatorsClientFor, FAST_RETRY } from '../helpers/amazon-clients.js';
import { LOOPBACK_HTTP } from '../helpers/loopback-http.js';
import { memoryQuota } from '../helpers/memory-quota.js';
import { openTestEngine, startTestServer } from '../helpers/start-test-engine.js';

/**
 * Every cause code, produced by a real failure against the fake Amazon (or a real engine, or a real
 * socket), end to end through the clients. Codes only a connection check can produce (`ok`,
 * `tag_suffix_unusual`) are listed separately; nothing else may be left without a row.
 */
const PRODUCED_BY_CONNECTION_CHECK: CauseCode[] = ['ok', 'tag_suffix_unusual'];

const PAAPI_KEY = { accessKey: 'AKIAFAKECAUSES0001', secretKey: 'paapi-secret-causes', partnerTags: { de: ['mytag-21'] } };
const de = fakeCatalogue.wellKnown('de');
let fake: FakeAmazon;
let junk: Server;
let junkOrigin: string;

beforeAll(async () => {
  fake = await startFakeAmazon({ credentials: Object.values(CREDENTIALS), paapiKeys: [PAAPI_KEY], rateLimit: { tps: 1000, burst: 1000 } });
  // Answers 200 with HTML, like a captive portal or a misconfigured proxy in front of Amazon.
  junk = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<html>hello</html>'));
  await new Promise<void>((r) => junk.listen(0, '127.0.0.1', r));
  junkOrigin = `http://127.0.0.1:${(junk.address() as AddressInfo).port}`;
});
afterAll(async () => {
  junk.close();
  await fake.close();
});
beforeEach(() => {
  fake.state.reset();
  fake.state.setScenario({ overrides: [], latencyMs: 0, paapiRetired: false });
});

const items = (source: ProductSource, tag = 'mytag-21', itemIds = [de.inStock]) => source.getItems({ marketplace: 'de', partnerTag: tag, itemIds });
const creators = (extra: Parameters<typeof creatorsClientFor>[0] extends infer O ? Partial<O> : never = {}) => creatorsClientFor({ origin: fake.origin, ...extra }).client;
const paapi = (options: { now?: () => number } = {}) =>
  createPaapiClient({
    credential: PAAPI_KEY,
    pacer: createRequestPacer({ quota: memoryQuota(), limitsFor: () => ({ requestsPerSecond: 200, dailyQuota: 1000 }) }),
    http: LOOPBACK_HTTP,
    endpointOverride: fake.origin,
    timeoutMs: 5000,
    retry: FAST_RETRY,
    ...options,
  });
const fault = (f: string, surface?: 'token' | 'creators' | 'paapi') => fake.state.setScenario({ overrides: [{ credential: CREDENTIALS.lwaEu.id, fault: f as never, ...(surface ? { surface } : {}) }] });
const causeOf = (result: { ok: true } | { ok: false; error: SourceError }): CauseCode => (result.ok ? 'ok' : result.error.cause);
const itemCauses = (result: Result<GetItemsResult, SourceError>) => (result.ok ? result.value.itemErrors.map((e) => e.cause) : []);

const ROWS: Array<[CauseCode, () => Promise<CauseCode | CauseCode[]>]> = [
  ['credentials_missing', async () => {
    const { engine } = await openTestEngine();
    await saveSection(engine.ctx, { sectionId: 'amazon', values: { defaultPartnerTag: 'mytag-21' }, actor: 'test', ip: null });
    return causeOf(await lookUpItems(engine.ctx, { asins: [de.inStock], marketplace: 'de' }));
  }],
  ['partner_tag_missing', async () => {
    const { engine } = await openTestEngine();
    return causeOf(await lookUpItems(engine.ctx, { asins: [de.inStock], marketplace: 'de' }));
  }],
  ['credentials_invalid', async () => (fault('invalid_client'), causeOf(await items(creators())))],
  ['credential_region_mismatch', async () => causeOf(await items(creators({ credential: CREDENTIALS.cognitoNa })))],
  ['partner_tag_invalid', async () => causeOf(await items(creators(), 'not-registered-21'))],
  ['associate_invalid', async () => (fault('invalid_associate'), causeOf(await items(creators())))],
  ['not_eligible', async () => (fault('not_eligible'), causeOf(await items(creators())))],
  ['throttled', async () => (fault('throttled', 'creators'), causeOf(await items(creators())))],
  ['quota_exhausted', async () => {
    const client = creators({ limits: { requestsPerSecond: 100, dailyQuota: 1 } });
    await items(client);
    return causeOf(await items(client));
  }],
  ['clock_skew', async () => causeOf(await items(paapi({ now: () => Date.now() - 20 * 60_000 })))],
  ['endpoint_retired', async () => (fake.state.setScenario({ paapiRetired: true }), causeOf(await items(paapi())))],
  ['amazon_unavailable', async () => (fault('server_error', 'creators'), causeOf(await items(creators())))],
  ['network_error', async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const origin = `http://127.0.0.1:${(closed.address() as AddressInfo).port}`;
    await new Promise((r) => closed.close(r));
    return causeOf(await items(creatorsClientFor({ origin }).client));
  }],
  ['timeout', async () => (fake.state.setScenario({ latencyMs: 400 }), causeOf(await items(creators({ timeoutMs: 100 }))))],
  ['tls_error', async () => causeOf(await items(creatorsClientFor({ origin: fake.origin.replace('http:', 'https:') }).client))],
  ['request_invalid', async () => causeOf(await items(creators(), 'mytag-21', fakeCatalogue.asins('de').slice(0, 11)))],
  ['item_not_found', async () => itemCauses(await items(creators(), 'mytag-21', [de.unknown]))],
  ['item_not_accessible', async () => itemCauses(await items(creators(), 'mytag-21', [de.inStock, de.notAccessible]))],
  ['unexpected_response', async () => causeOf(await items(creatorsClientFor({ origin: junkOrigin }).client))],
  ['relay_unreachable', async () => {
    const url = junkOrigin.replace(/:\d+$/, ':9');
    return causeOf(await items(createRelayClient({ url, token: 't', tokenBoundTo: url, http: LOOPBACK_HTTP, timeoutMs: 2000 })));
  }],
  ['relay_unauthorized', async () => {
    const { server } = await startTestServer();
    return causeOf(await items(createRelayClient({ url: server.url, token: 'pwr_not-a-token-of-this-engine', tokenBoundTo: server.url, http: LOOPBACK_HTTP, timeoutMs: 5000 })));
  }],
  // A Relay URL that points at an ordinary website: 200, but HTML instead of a relay's JSON.
  ['relay_invalid_answer', async () => causeOf(await items(createRelayClient({ url: junkOrigin, token: 't', tokenBoundTo: junkOrigin, http: LOOPBACK_HTTP, timeoutMs: 2000 })))],
];

describe('every cause code comes from a real failure', () => {
  it.each(ROWS)('%s', async (expected, produce) => {
    const produced = await produce();
    expect([produced].flat()).toContain(expected);
  });

  it('leaves no cause code without a row, and every code has a message and a fix', () => {
    const covered = new Set<CauseCode>([...ROWS.map(([code]) => code), ...PRODUCED_BY_CONNECTION_CHECK]);
    expect(CAUSE_CODES.filter((code) => !covered.has(code))).toEqual([]);
    for (const code of CAUSE_CODES) {
      expect(CAUSES[code].message.length, code).toBeGreaterThan(10);
      expect(CAUSES[code].fix.length, code).toBeGreaterThan(5);
    }
  });

  it('marks auth and eligibility failures as not retryable, transient ones as retryable', () => {
    for (const code of ['credentials_invalid', 'credential_region_mismatch', 'not_eligible', 'associate_invalid', 'partner_tag_invalid', 'relay_unauthorized', 'endpoint_retired'] as const) {
      expect(CAUSES[code].retryable, code).toBe(false);
    }
    for (const code of ['throttled', 'amazon_unavailable', 'network_error', 'timeout', 'relay_unreachable'] as const) expect(CAUSES[code].retryable, code).toBe(true);
  });
});

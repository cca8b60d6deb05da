import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createRequestPacer, type RequestPacer } from '../../src/integrations/amazon/request-pacer.js';
import { createPaapiClient } from '../../src/integrations/amazon-paapi/client.js';
import { paapiCredentialKey } from '../../src/integrations/amazon-paapi/paapi-credential.js';
import { LOOPBACK_HTTP } from '../helpers/loopback-http.js';
import { memoryQuota } from '../helpers/memory-quota.js';

/** A throwaway loopback server that records what reaches it and answers an empty GetItems result. */
const received: Array<{ url: string; headers: IncomingMessage['headers']; body: string }> = [];
let server: Server;
let endpoint: string;

beforeAll(async () => {
  server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    request.on('end', () => {
      received.push({ url: request.url ?? '', headers: request.headers, body });
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ ItemsResult: { Items: [] } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

let acquired: string[];
function countingPacer(): RequestPacer {
  const pacer = createRequestPacer({ quota: memoryQuota(), limitsFor: () => ({ requestsPerSecond: 50, dailyQuota: 10_000 }) });
  return { acquire: (key) => (acquired.push(key), pacer.acquire(key)), holdOff: pacer.holdOff };
}

const credential = { accessKey: 'AKIAPAAPITEST', secretKey: 'paapi-test-secret' };
const client = () => createPaapiClient({ credential, pacer: countingPacer(), http: LOOPBACK_HTTP, endpointOverride: endpoint, now: () => Date.parse('2026-03-01T12:00:00Z') });

beforeEach(() => {
  received.length = 0;
  acquired = [];
});

describe('PA-API request validation', () => {
  it.each([
    ['11 ItemIds', () => client().getItems({ marketplace: 'de', partnerTag: 'mytag-21', itemIds: Array.from({ length: 11 }, (_, i) => `B0000000${String(i).padStart(2, '0')}`) }), /itemIds/],
    ['a partner tag with a space', () => client().getItems({ marketplace: 'de', partnerTag: 'my tag-21', itemIds: ['B0PAAPI001'] }), /partnerTag/],
    ['an empty partner tag', () => client().searchItems({ marketplace: 'de', partnerTag: '', keywords: 'kettle' }), /partnerTag/],
    ['a search without any term', () => client().searchItems({ marketplace: 'de', partnerTag: 'mytag-21' }), /keywords/],
    ['an unknown marketplace', () => client().getVariations({ marketplace: 'xx', partnerTag: 'mytag-21', asin: 'B0PAAPI001' }), /marketplace/],
    ['11 browse nodes', () => client().getBrowseNodes({ marketplace: 'de', partnerTag: 'mytag-21', browseNodeIds: Array.from({ length: 11 }, (_, i) => String(i + 1)) }), /browseNodeIds/],
  ])('refuses %s before pacing or sending anything', async (_name, run, field) => {
    const result = await run();
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.cause).toBe('request_invalid');
    expect(result.error.message).toMatch(field);
    expect(acquired).toEqual([]);
    expect(received).toEqual([]);
  });

  it('sends a valid request once, paced under the access key, signed for the real host behind the override', async () => {
    const result = await client().getItems({ marketplace: 'de', partnerTag: 'mytag-21', itemIds: ['B0PAAPI001'] });
    expect(result).toMatchObject({ ok: true, value: { items: [], itemErrors: [{ asin: 'B0PAAPI001', cause: 'item_not_found' }] } });
    expect(acquired).toEqual([paapiCredentialKey(credential)]);
    expect(paapiCredentialKey(credential)).toBe('paapi:AKIAPAAPITEST');
    expect(received).toHaveLength(1);
    const [request] = received;
    expect(request?.url).toBe('/webservices.amazon.de/paapi5/getitems');
    expect(request?.headers).toMatchObject({
      'content-type': 'application/json; charset=utf-8',
      'content-encoding': 'amz-1.0',
      'x-amz-target': 'com.amazon.paapi5.v1.ProductAdvertisingAPIv1.GetItems',
      'x-amz-date': '20260301T120000Z',
    });
    expect(request?.headers.authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIAPAAPITEST\/20260301\/eu-west-1\/ProductAdvertisingAPI\/aws4_request, SignedHeaders=content-encoding;content-type;host;x-amz-date;x-amz-target, Signature=[0-9a-f]{64}$/,
    );
    expect(JSON.stringify(request?.headers)).not.toContain(credential.secretKey);
    expect(JSON.parse(request?.body ?? '{}')).toMatchObject({
      PartnerTag: 'mytag-21',
      PartnerType: 'Associates',
      Marketplace: 'www.amazon.de',
      ItemIds: ['B0PAAPI001'],
      ItemIdType: 'ASIN',
      Resources: expect.arrayContaining(['ItemInfo.Title', 'OffersV2.Listings.Price', 'Images.Primary.Large', 'CustomerReviews.StarRating', 'ParentASIN']),
    });
  });
});

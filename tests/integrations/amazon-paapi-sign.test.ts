import { createHash, createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { findMarketplace } from '../../src/domain/marketplaces/find-marketplace.js';
import type { Marketplace } from '../../src/domain/marketplaces/catalogue.js';
import { signRequest } from '../../src/integrations/amazon-paapi/sign-request.js';

/**
 * Known-answer test: the signature from @smithy/signature-v4 must equal one computed here step by
 * step from the SigV4 specification, with nothing but node:crypto.
 */
const credential = { accessKey: 'AKIAIOSFODNN7EXAMPLE', secretKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' };
const body = JSON.stringify({ ItemIds: ['B0TESTASIN'], ItemIdType: 'ASIN', PartnerTag: 'mytag-21', PartnerType: 'Associates', Marketplace: 'www.amazon.de', Resources: ['ItemInfo.Title'] });
const signingDate = new Date('2026-03-01T12:34:56Z');

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const hmac = (key: string | Buffer, text: string) => createHmac('sha256', key).update(text, 'utf8').digest();

function expectedSignature(marketplace: Marketplace, target: string, path: string): string {
  const headers: Array<[string, string]> = [
    ['content-encoding', 'amz-1.0'],
    ['content-type', 'application/json; charset=utf-8'],
    ['host', marketplace.paapiHost],
    ['x-amz-date', '20260301T123456Z'],
    ['x-amz-target', target],
  ];
  const canonicalRequest = [
    'POST',
    path,
    '',
    ...headers.map(([name, value]) => `${name}:${value}`),
    '',
    headers.map(([name]) => name).join(';'),
    sha256(body),
  ].join('\n');
  const scope = `20260301/${marketplace.paapiRegion}/ProductAdvertisingAPI/aws4_request`;
  const stringToSign = ['AWS4-HMAC-SHA256', '20260301T123456Z', scope, sha256(canonicalRequest)].join('\n');
  let key = hmac(`AWS4${credential.secretKey}`, '20260301');
  for (const part of [marketplace.paapiRegion, 'ProductAdvertisingAPI', 'aws4_request']) key = hmac(key, part);
  return createHmac('sha256', key).update(stringToSign, 'utf8').digest('hex');
}

describe('signRequest (PA-API SigV4)', () => {
  it.each([
    ['de', 'GetItems', '/paapi5/getitems'],
    ['us', 'SearchItems', '/paapi5/searchitems'],
    ['jp', 'GetVariations', '/paapi5/getvariations'],
    ['uk', 'GetBrowseNodes', '/paapi5/getbrowsenodes'],
  ] as const)('signs %s %s exactly as an independent SigV4 computation does', async (code, operation, path) => {
    const marketplace = findMarketplace(code) as Marketplace;
    const signed = await signRequest({ credential, marketplace, operation, body, signingDate });
    const target = `com.amazon.paapi5.v1.ProductAdvertisingAPIv1.${operation}`;

    expect(signed.url).toBe(`https://${marketplace.paapiHost}${path}`);
    expect(signed.headers).toMatchObject({
      host: marketplace.paapiHost,
      'content-type': 'application/json; charset=utf-8',
      'content-encoding': 'amz-1.0',
      'x-amz-target': target,
      'x-amz-date': '20260301T123456Z',
    });
    expect(signed.headers.authorization).toBe(
      `AWS4-HMAC-SHA256 Credential=${credential.accessKey}/20260301/${marketplace.paapiRegion}/ProductAdvertisingAPI/aws4_request, ` +
        `SignedHeaders=content-encoding;content-type;host;x-amz-date;x-amz-target, Signature=${expectedSignature(marketplace, target, path)}`,
    );
  });

  it('never adds a payload-hash header and never puts the secret in a header', async () => {
    const signed = await signRequest({ credential, marketplace: findMarketplace('de') as Marketplace, operation: 'GetItems', body, signingDate });
    expect(Object.keys(signed.headers).sort()).toEqual(['authorization', 'content-encoding', 'content-type', 'host', 'x-amz-date', 'x-amz-target']);
    expect(JSON.stringify(signed.headers)).not.toContain(credential.secretKey);
  });

  it('changes the signature when a single byte of the body changes', async () => {
    const marketplace = findMarketplace('de') as Marketplace;
    const a = await signRequest({ credential, marketplace, operation: 'GetItems', body, signingDate });
    const b = await signRequest({ credential, marketplace, operation: 'GetItems', body: body.replace('mytag-21', 'mytag-22'), signingDate });
    expect(a.headers.authorization).not.toBe(b.headers.authorization);
  });
});

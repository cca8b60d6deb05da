import { describe, expect, it } from 'vitest';
import { CREDENTIAL_VERSIONS, MARKETPLACES } from '../../src/domain/marketplaces/catalogue.js';
import { findMarketplace } from '../../src/domain/marketplaces/find-marketplace.js';
import { inferCredentialVersion } from '../../src/domain/products/infer-credential-version.js';

describe('marketplace catalogue', () => {
  it('has the 22 Creators API marketplaces, each once', () => {
    expect(MARKETPLACES).toHaveLength(22);
    for (const field of ['code', 'country', 'domain', 'paapiHost'] as const) {
      expect(new Set(MARKETPLACES.map((m) => m[field])).size, field).toBe(22);
    }
  });

  it('fills every field with a well-formed value', () => {
    for (const m of MARKETPLACES) {
      expect(m.code).toMatch(/^[a-z]{2}$/);
      expect(m.country).toMatch(/^[A-Z]{2}$/);
      expect(m.name.length).toBeGreaterThan(2);
      expect(m.domain).toMatch(/^www\.amazon\.[a-z.]+$/);
      expect(m.paapiHost).toBe(m.domain.replace('www.', 'webservices.'));
      expect(['us-east-1', 'eu-west-1', 'us-west-2']).toContain(m.paapiRegion);
      expect(m.currency).toMatch(/^[A-Z]{3}$/);
      expect(m.language).toMatch(/^[a-z]{2}_[A-Z]{2}$/);
      expect(m.tagSuffix).toMatch(/^-2[0-2]$/);
      expect(m.creatorsVersions).toHaveLength(2);
      for (const v of m.creatorsVersions) expect(CREDENTIAL_VERSIONS).toContain(v);
    }
  });

  it('groups regions consistently: credential versions, PA-API region and tag suffix agree', () => {
    const byRegion = { NA: ['2.1', '3.1', 'us-east-1', '-20'], EU: ['2.2', '3.2', 'eu-west-1', '-21'], FE: ['2.3', '3.3', 'us-west-2', '-22'] };
    for (const m of MARKETPLACES) expect([...m.creatorsVersions, m.paapiRegion, m.tagSuffix]).toEqual(byRegion[m.region]);
    expect(MARKETPLACES.filter((m) => m.region === 'NA').map((m) => m.code)).toEqual(['us', 'ca', 'mx', 'br']);
    expect(MARKETPLACES.filter((m) => m.region === 'FE').map((m) => m.code)).toEqual(['jp', 'sg', 'au']);
  });

  it.each([
    ['de', 'de'],
    ['UK', 'uk'],
    ['GB', 'uk'],
    ['www.amazon.co.uk', 'uk'],
    ['amazon.co.jp', 'jp'],
    ['https://www.amazon.com.au/dp/B000000000?tag=x-22', 'au'],
    ['smile.amazon.de', 'de'],
    ['www.amazon.com', 'us'],
    ['www.amazon.com.be', 'be'],
  ])('finds %s → %s', (key, code) => {
    expect(findMarketplace(key)?.code).toBe(code);
  });

  it.each(['', 'xx', 'www.amazon.cn', 'example.com'])('finds nothing for %j', (key) => {
    expect(findMarketplace(key)).toBeUndefined();
  });
});

describe('inferCredentialVersion', () => {
  const de = findMarketplace('de')!;
  const us = findMarketplace('us')!;
  it('reads Login with Amazon IDs as 3.x and Cognito IDs as 2.x, the region from the marketplace', () => {
    expect(inferCredentialVersion('amzn1.application-oa2-client.0123456789abcdef', de)).toBe('3.2');
    expect(inferCredentialVersion('abcdefghij0123456789klmnop', us)).toBe('2.1');
    expect(inferCredentialVersion('something-else', us)).toBeUndefined();
  });
});

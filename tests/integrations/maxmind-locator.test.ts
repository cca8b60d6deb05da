import type { CityResponse, Reader } from 'maxmind';
import { describe, expect, it } from 'vitest';
import type { GeoDatabaseInfo } from '../../src/domain/geo/geo-gateway.js';
import { createGeoLocator } from '../../src/integrations/maxmind/create-geo-locator.js';

const INFO: GeoDatabaseInfo = { path: '/test.mmdb', databaseType: 'GeoIP2-City', precision: 'city', buildDate: '2026-11-01T00:00:00.000Z', ipVersion: 6, sizeBytes: 1 };

/** A reader that answers from a table, so records the public test data lacks can be tried. */
const readerOf = (records: Record<string, Partial<CityResponse>>) => ({ get: (ip: string) => (records[ip] as CityResponse | undefined) ?? null }) as unknown as Reader<CityResponse>;

describe('the locator’s answers', () => {
  it('falls back to the country a network is registered in when the record locates no country', () => {
    const locator = createGeoLocator(readerOf({ '198.51.100.1': { registered_country: { iso_code: 'AT', names: { en: 'Austria' }, geoname_id: 2782113 } } as Partial<CityResponse> }), INFO);
    expect(locator.lookup('198.51.100.1', 'country')).toEqual({ ip: '198.51.100.1', countryCode: 'AT', countryName: 'Austria', city: null, subdivision: null });
  });

  it('prefers the located country over the registered one', () => {
    const locator = createGeoLocator(
      readerOf({ '198.51.100.2': { country: { iso_code: 'NZ', names: { en: 'New Zealand' }, geoname_id: 2186224 }, registered_country: { iso_code: 'AU', names: { en: 'Australia' }, geoname_id: 2077456 } } as Partial<CityResponse> }),
      INFO,
    );
    expect(locator.lookup('198.51.100.2', 'country').countryCode).toBe('NZ');
  });
});

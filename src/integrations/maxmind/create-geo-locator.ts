import { isIP } from 'node:net';
import { LRUCache } from 'lru-cache';
import type { CityResponse, Reader } from 'maxmind';
import type { GeoDatabaseInfo, GeoLocation, GeoLocator, GeoPrecision } from '../../domain/geo/geo-gateway.js';
import { unknownLocation } from './unknown-location.js';

export interface MaxMindLocator extends GeoLocator {
  /** Lookups the decoder threw on (answered with nulls); stays 0 for a file that passed the open checks. */
  readonly decodeErrors: number;
}

/** Repeated visitors: 50 000 answers of ~200 bytes each is ~10 MB per precision in use. */
const CACHED_ANSWERS = 50_000;

/**
 * Lookups in an opened file, answered from memory for repeated visitors. One cache per precision,
 * keyed by the address alone, so a hit costs a map lookup and builds no key string.
 */
export function createGeoLocator(reader: Reader<CityResponse>, info: GeoDatabaseInfo): MaxMindLocator {
  const caches: Record<GeoPrecision, LRUCache<string, GeoLocation>> = {
    country: new LRUCache({ max: CACHED_ANSWERS }),
    city: new LRUCache({ max: CACHED_ANSWERS }),
  };
  const withCity = info.precision === 'city';
  let decodeErrors = 0;

  function decode(ip: string, precision: GeoPrecision): GeoLocation {
    let record: CityResponse | null;
    try {
      record = reader.get(ip);
    } catch {
      decodeErrors++;
      return unknownLocation(ip);
    }
    if (!record) return unknownLocation(ip);
    const cityLevel = withCity && precision === 'city';
    // Some networks (anycast, satellite, new allocations) have no located country; the country the
    // network is registered in is a better guess for the store than none at all.
    const country = record.country ?? record.registered_country;
    return Object.freeze({
      ip,
      countryCode: country?.iso_code ?? null,
      countryName: country?.names?.en ?? null,
      city: cityLevel ? (record.city?.names?.en ?? null) : null,
      subdivision: cityLevel ? (record.subdivisions?.[0]?.names?.en ?? null) : null,
    });
  }

  return {
    info,
    get decodeErrors() {
      return decodeErrors;
    },
    lookup(ip, precision) {
      const cache = caches[precision];
      const cached = cache.get(ip);
      if (cached) return cached;
      // mmdb-lib reads any string as some address ("foo" walks to 0.0.0.0), and an IPv6 address
      // walks off an IPv4-only tree; neither is cached, so junk from a header cannot evict visitors.
      const version = isIP(ip);
      if (info.precision === 'none' || version === 0 || (version === 6 && info.ipVersion === 4)) return unknownLocation(ip);
      const location = decode(ip, precision);
      cache.set(ip, location);
      return location;
    },
  };
}

import type { GeoLocation } from '../../domain/geo/geo-gateway.js';

/** The answer for an address the source knows nothing about. Frozen, because answers are shared through caches. */
export function unknownLocation(ip: string): GeoLocation {
  return Object.freeze({ ip, countryCode: null, countryName: null, city: null, subdivision: null });
}

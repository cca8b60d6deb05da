import type { Result } from '../../shared/result.js';
import type { GeolocationCause } from '../connection-checks/geolocation-causes.js';

/**
 * What the domain needs from MaxMind: database files (read, described, downloaded) and the web
 * service. src/integrations/maxmind implements it with @maxmind/geoip2-node.
 */
export type GeoPrecision = 'country' | 'city';

export interface GeoFailure {
  cause: GeolocationCause;
  /** What went wrong, in a sentence the admin can act on (names the file or MaxMind's error code). */
  detail: string;
}

export interface GeoDatabaseInfo {
  /** Where the file is, every link resolved (always inside the geo folder). */
  path: string;
  /** MaxMind's database type: `GeoLite2-Country`, `GeoIP2-City`, `GeoLite2-ASN` … */
  databaseType: string;
  /** What the file can answer: 'country', 'city', or 'none' for databases without a location. */
  precision: GeoPrecision | 'none';
  buildDate: string;
  ipVersion: number;
  sizeBytes: number;
}

export interface GeoLocation {
  ip: string;
  /** ISO 3166-1 alpha-2, or null when the address is not in the data (private ranges …). */
  countryCode: string | null;
  countryName: string | null;
  /** Only with city precision and when the source knows it. */
  city: string | null;
  subdivision: string | null;
}

export interface WebServiceCredentials {
  accountId: string;
  licenseKey: string;
}

/** The MaxMind editions the engine can download. */
export const GEO_EDITIONS = ['GeoLite2-Country', 'GeoLite2-City', 'GeoIP2-Country', 'GeoIP2-City'] as const;
export type GeoEdition = (typeof GEO_EDITIONS)[number];

export interface DatabaseDownload {
  edition: GeoEdition;
  credentials: WebServiceCredentials;
  /** The file to replace, by its name inside the geo folder; written only after the new one passed every check. */
  targetName: string;
}

export type DownloadOutcome =
  | { outcome: 'updated'; info: GeoDatabaseInfo; sha256: string }
  /** MaxMind has nothing newer than the file in place (same checksum): nothing was written. */
  | { outcome: 'unchanged'; info: GeoDatabaseInfo; sha256: string };

/** A database opened for lookups; repeated visitors are answered from memory. */
export interface GeoLocator {
  readonly info: GeoDatabaseInfo;
  lookup(ip: string, precision: GeoPrecision): GeoLocation;
}

/**
 * Database files are named relative to the geo folder of the data directory (see database-name.ts);
 * the gateway reads, creates and replaces files inside that folder only, and never looks at
 * anything outside it, not even through a link.
 */
export interface GeoGateway {
  /** Opens (or reuses while the file is unchanged) the database called `name` in the geo folder. */
  openDatabase(name: string): Promise<Result<GeoLocator, GeoFailure>>;
  /** Where `name` leads, without opening anything: null when it stays in the geo folder (the file may be missing), else why not. */
  checkDatabaseName(name: string): Promise<GeoFailure | null>;
  lookupWebService(credentials: WebServiceCredentials, precision: GeoPrecision, ip: string): Promise<Result<GeoLocation, GeoFailure>>;
  /** Downloads to a temporary file, verifies checksum, type and that it opens, then swaps it in atomically; the old file stays on any failure. */
  downloadDatabase(request: DatabaseDownload): Promise<Result<DownloadOutcome, GeoFailure>>;
}

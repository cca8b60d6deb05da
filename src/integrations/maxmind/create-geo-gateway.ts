import type { GeoGateway } from '../../domain/geo/geo-gateway.js';
import { createDatabaseCache } from './create-database-cache.js';
import { downloadGeoDatabase } from './download-geo-database.js';
import { lookupWebService } from './lookup-web-service.js';

export interface GeoGatewayOptions {
  /** Origin of the download API: `https://download.maxmind.com`, or the fake's origin in tests. */
  downloadUrl: string;
  /** `geoip.maxmind.com` (spoken to over HTTPS), or a full origin such as `http://127.0.0.1:PORT` in tests. */
  webServiceHost: string;
  /** Per request; for archive downloads, the longest pause between two chunks. 10 s by default. */
  timeoutMs?: number;
}

/** MaxMind for the domain: database files (opened, looked up, downloaded) and the GeoIP2 web service. */
export function createGeoGateway(options: GeoGatewayOptions): GeoGateway {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const downloadUrl = options.downloadUrl.replace(/\/+$/, '');
  const host = options.webServiceHost.replace(/\/+$/, '');
  const origin = /^https?:\/\//.test(host) ? host : `https://${host}`;
  const databases = createDatabaseCache();
  return {
    openDatabase: (path) => databases.open(path),
    lookupWebService: (credentials, precision, ip) => lookupWebService({ origin, timeoutMs }, credentials, precision, ip),
    downloadDatabase: (request) => downloadGeoDatabase({ downloadUrl, timeoutMs, databases }, request),
  };
}

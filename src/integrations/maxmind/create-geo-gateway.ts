import type { GeoGateway } from '../../domain/geo/geo-gateway.js';
import type { OutboundHttp } from '../http/create-outbound-http.js';
import { createDatabaseCache } from './create-database-cache.js';
import { downloadGeoDatabase } from './download-geo-database.js';
import { lookupWebService } from './lookup-web-service.js';
import { resolveGeoFile } from './resolve-geo-file.js';
import { webServiceOrigin } from './web-service-origin.js';

export interface GeoGatewayOptions {
  /** The geo folder of the data directory: every database file is read, created and replaced in it, and nowhere else. */
  folder: string;
  /** The guarded way out (these origins come from configuration: the operator's own, allowed whatever they resolve to). */
  http: OutboundHttp;
  /** Origin of the download API: `https://download.maxmind.com`, or the fake's origin in tests. */
  downloadUrl: string;
  /** `geoip.maxmind.com` (spoken to over HTTPS), or a full origin such as `http://127.0.0.1:PORT` in tests. */
  webServiceHost: string;
  /** Per request; for archive downloads, the longest pause between two chunks. 10 s by default. */
  timeoutMs?: number;
}

/** MaxMind for the domain: database files in the geo folder (opened, looked up, downloaded) and the GeoIP2 web service. */
export function createGeoGateway(options: GeoGatewayOptions): GeoGateway {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const downloadUrl = options.downloadUrl.replace(/\/+$/, '');
  const origin = webServiceOrigin(options.webServiceHost);
  const { folder } = options;
  const databases = createDatabaseCache(folder);
  return {
    openDatabase: (name) => databases.open(name),
    checkDatabaseName: async (name) => {
      const resolved = await resolveGeoFile(folder, name);
      return resolved.ok ? null : resolved.error;
    },
    lookupWebService: (credentials, precision, ip) => lookupWebService({ http: options.http, origin, timeoutMs }, credentials, precision, ip),
    downloadDatabase: (request) => downloadGeoDatabase({ http: options.http, downloadUrl, timeoutMs, databases, folder }, request),
  };
}

import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { Reader, type CityResponse } from 'maxmind';
import type { GeoEdition } from '../../../src/domain/geo/geo-gateway.js';
import { text, type FakeAnswer } from './fake-answer.js';
import { FakeMaxMindState, type FakeMaxMindAccount } from './fake-maxmind-state.js';
import { serveDownload, servePresigned, type DownloadShelf } from './serve-download.js';
import { readBasicAuth } from './read-basic-auth.js';
import { serveWebService } from './serve-web-service.js';

export type { FakeMaxMindAccount, FakeMaxMindRequest } from './fake-maxmind-state.js';
export { FakeMaxMindState } from './fake-maxmind-state.js';

const FIXTURES = resolve(import.meta.dirname, '../../fixtures/maxmind');
const CITY_TEST_DATA = resolve(FIXTURES, 'GeoLite2-City-Test.mmdb');
const COUNTRY_TEST_DATA = resolve(FIXTURES, 'GeoLite2-Country-Test.mmdb');

export interface FakeMaxMindOptions {
  accounts: FakeMaxMindAccount[];
  /** The .mmdb served per edition; Country editions serve GeoLite2-Country-Test.mmdb, City editions GeoLite2-City-Test.mmdb. */
  databases?: Partial<Record<GeoEdition, string>>;
  /** 0 (default) picks a free port. */
  port?: number;
}

export interface FakeMaxMind {
  /** `http://127.0.0.1:PORT` */
  origin: string;
  /** The value for PASSIVEWP_MAXMIND_DOWNLOAD_URL (the origin). */
  downloadUrl: string;
  /** The value for PASSIVEWP_MAXMIND_WEB_SERVICE_HOST (the origin, scheme included, since the fake speaks plain HTTP). */
  webServiceHost: string;
  state: FakeMaxMindState;
  close(): Promise<void>;
}

/**
 * A fake MaxMind on loopback speaking the real protocols: the database download API (checksum,
 * 302 to a presigned archive link, tar.gz built on the fly) and the GeoIP2 Precision web service.
 */
export async function startFakeMaxMind(options: FakeMaxMindOptions): Promise<FakeMaxMind> {
  const state = new FakeMaxMindState(options.accounts, {
    'GeoLite2-Country': COUNTRY_TEST_DATA,
    'GeoIP2-Country': COUNTRY_TEST_DATA,
    'GeoLite2-City': CITY_TEST_DATA,
    'GeoIP2-City': CITY_TEST_DATA,
    ...options.databases,
  });
  const cityData = new Reader<CityResponse>(readFileSync(CITY_TEST_DATA));
  const shelf: DownloadShelf = { archives: new Map(), presigned: new Map() };

  async function answer(request: IncomingMessage, url: URL): Promise<FakeAnswer> {
    if (state.outage !== null) return text(state.outage, 'Service Unavailable');
    if (request.method !== 'GET') return text(405, 'Method Not Allowed');
    const download = /^\/geoip\/databases\/([^/]+)\/download$/.exec(url.pathname);
    if (download) return serveDownload(request, download[1]!, url.searchParams.get('suffix'), state, shelf);
    if (url.pathname.startsWith('/presigned/')) return servePresigned(url.searchParams.get('X-Amz-Signature'), state, shelf);
    const lookup = /^\/geoip\/v2\.1\/(country|city)\/([^/]+)$/.exec(url.pathname);
    if (lookup) return serveWebService(request, lookup[1] as 'country' | 'city', lookup[2]!, state, cityData);
    return text(404, 'Not Found');
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://fake-maxmind');
    const answered = await answer(request, url).catch((error: unknown) => text(500, `fake MaxMind failed: ${(error as Error).message}`));
    state.requests.push({
      method: request.method ?? 'GET',
      path: url.pathname + url.search,
      hadAuthorization: request.headers.authorization !== undefined,
      accountId: readBasicAuth(request, state.accounts).accountId,
      status: answered.status,
    });
    response.writeHead(answered.status, answered.headers).end(answered.body);
  }

  const server = createServer((request, response) => void handle(request, response));
  await new Promise<void>((ready, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, '127.0.0.1', () => ready());
  });
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    downloadUrl: origin,
    webServiceHost: origin,
    state,
    close: () =>
      new Promise<void>((closed, fail) => {
        server.closeAllConnections();
        server.close((error) => (error ? fail(error) : closed()));
      }),
  };
}

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GeoGateway } from '../../src/domain/geo/geo-gateway.js';
import { createGeoGateway } from '../../src/integrations/maxmind/create-geo-gateway.js';
import { startFakeMaxMind, type FakeMaxMind } from '../fakes/maxmind/start-fake-maxmind.js';
import { closedPort } from '../helpers/closed-port.js';
import { LOOPBACK_HTTP } from '../helpers/loopback-http.js';

const ACCOUNT = { accountId: '123456', licenseKey: 'test_license_key_0001_mmk' };
const BROKE = { accountId: '777777', licenseKey: 'broke_license_key_0001_mmk' };
const NO_WEB_SERVICE = { accountId: '888888', licenseKey: 'download_only_key_0001_mmk' };
/** The web service needs no database folder; this one is never looked at. */
const NO_FILES = { folder: '/nonexistent/geo' };

let fake: FakeMaxMind;
let geo: GeoGateway;
beforeAll(async () => {
  fake = await startFakeMaxMind({ accounts: [ACCOUNT, { ...BROKE, webService: 'insufficient_funds' }, { ...NO_WEB_SERVICE, webService: 'permission_required' }] });
  geo = createGeoGateway({ ...NO_FILES, http: LOOPBACK_HTTP, downloadUrl: fake.downloadUrl, webServiceHost: fake.webServiceHost, timeoutMs: 2000 });
});
afterAll(() => fake.close());

/** A server that answers every request with one scripted reply, for answers the fake never gives. */
async function scripted(reply: (respond: (status: number, body: string, type?: string) => void) => void): Promise<{ gateway: GeoGateway; server: Server }> {
  const server = createServer((_request, response) =>
    reply((status, body, type = 'application/vnd.maxmind.com-error+json; charset=UTF-8; version=2.0') => response.writeHead(status, { 'content-type': type }).end(body)),
  );
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { gateway: createGeoGateway({ ...NO_FILES, http: LOOPBACK_HTTP, downloadUrl: origin, webServiceHost: origin, timeoutMs: 300 }), server };
}

async function scriptedFailure(status: number, body: string, type?: string) {
  const { gateway, server } = await scripted((respond) => respond(status, body, type));
  try {
    const result = await gateway.lookupWebService(ACCOUNT, 'city', '81.2.69.142');
    if (result.ok) throw new Error('the lookup succeeded');
    return result.error;
  } finally {
    server.closeAllConnections();
    server.close();
  }
}

describe('MaxMind web service: answers', () => {
  it('answers City with country, city and subdivision, sending Basic auth and asking for JSON', async () => {
    const result = await geo.lookupWebService(ACCOUNT, 'city', '81.2.69.142');
    expect(result).toEqual({ ok: true, value: { ip: '81.2.69.142', countryCode: 'GB', countryName: 'United Kingdom', city: 'London', subdivision: 'England' } });
    expect(fake.state.requests.at(-1)).toMatchObject({ method: 'GET', path: '/geoip/v2.1/city/81.2.69.142', hadAuthorization: true, accountId: '123456', status: 200 });
  });

  it('answers Country without a city, for IPv6 too', async () => {
    expect(await geo.lookupWebService(ACCOUNT, 'country', '81.2.69.142')).toEqual({ ok: true, value: { ip: '81.2.69.142', countryCode: 'GB', countryName: 'United Kingdom', city: null, subdivision: null } });
    expect(fake.state.requests.at(-1)?.path).toBe('/geoip/v2.1/country/81.2.69.142');
    expect(await geo.lookupWebService(ACCOUNT, 'city', '2001:218::1')).toMatchObject({ ok: true, value: { countryCode: 'JP', city: null } });
  });

  it.each([
    ['IP_ADDRESS_NOT_FOUND', '1.1.1.1'],
    ['IP_ADDRESS_RESERVED', '10.1.2.3'],
  ])('answers nulls when MaxMind says %s', async (code, ip) => {
    expect(await geo.lookupWebService(ACCOUNT, 'city', ip)).toEqual({ ok: true, value: { ip, countryCode: null, countryName: null, city: null, subdivision: null } });
    expect(fake.state.requests.at(-1)).toMatchObject({ path: `/geoip/v2.1/city/${ip}`, status: 404 });
  });

  it('does not spend a paid query on something that is not an address', async () => {
    const before = fake.state.requests.length;
    expect(await geo.lookupWebService(ACCOUNT, 'city', 'hello')).toMatchObject({ ok: true, value: { ip: 'hello', countryCode: null } });
    expect(fake.state.requests.length).toBe(before);
  });
});

describe('MaxMind web service: failures', () => {
  it.each([
    ['a wrong license key (AUTHORIZATION_INVALID)', { ...ACCOUNT, licenseKey: 'wrong_license_key_000_mmk' }, 'credentials_invalid', 'AUTHORIZATION_INVALID'],
    ['an unknown account (ACCOUNT_ID_UNKNOWN)', { accountId: '999999', licenseKey: 'whatever_license_key_mmk' }, 'credentials_invalid', 'ACCOUNT_ID_UNKNOWN'],
    ['no license key (LICENSE_KEY_REQUIRED)', { accountId: '123456', licenseKey: '' }, 'credentials_invalid', 'LICENSE_KEY_REQUIRED'],
    ['an account without funds (INSUFFICIENT_FUNDS)', BROKE, 'insufficient_funds', 'INSUFFICIENT_FUNDS'],
    ['an account without the service (PERMISSION_REQUIRED)', NO_WEB_SERVICE, 'permission_required', 'PERMISSION_REQUIRED'],
  ])('explains %s, without the license key', async (_label, credentials, cause, code) => {
    const result = await geo.lookupWebService(credentials, 'city', '81.2.69.142');
    expect(!result.ok && result.error.cause).toBe(cause);
    expect(!result.ok && result.error.detail).toContain(code);
    if (credentials.licenseKey) expect(JSON.stringify(result)).not.toContain(credentials.licenseKey);
  });

  it('explains an outage as service_unavailable', async () => {
    fake.state.outage = 503;
    try {
      expect(await geo.lookupWebService(ACCOUNT, 'city', '81.2.69.142')).toMatchObject({ ok: false, error: { cause: 'service_unavailable', detail: expect.stringContaining('503') } });
    } finally {
      fake.state.outage = null;
    }
  });

  it('explains OUT_OF_QUERIES (402) as insufficient_funds and ACCOUNT_ID_REQUIRED (401) as credentials_invalid', async () => {
    expect(await scriptedFailure(402, '{"code":"OUT_OF_QUERIES","error":"The license key you have provided is out of queries."}')).toMatchObject({ cause: 'insufficient_funds', detail: expect.stringContaining('OUT_OF_QUERIES') });
    expect(await scriptedFailure(401, '{"code":"ACCOUNT_ID_REQUIRED","error":"You have not supplied a MaxMind account ID in the Authorization header."}')).toMatchObject({ cause: 'credentials_invalid' });
  });

  it('explains a server error with an HTML page, an answer that is not GeoIP2 JSON, and an error code it does not know', async () => {
    expect(await scriptedFailure(500, '<html>Internal Server Error</html>', 'text/html')).toMatchObject({ cause: 'service_unavailable' });
    expect(await scriptedFailure(200, '<html>Welcome to the hotel Wi-Fi</html>', 'text/html')).toMatchObject({ cause: 'unexpected_response' });
    expect(await scriptedFailure(200, '{"country":{"iso_code":"GB"}}', 'application/json')).toMatchObject({ cause: 'unexpected_response' });
    expect(await scriptedFailure(400, '{"code":"IP_ADDRESS_INVALID","error":"The value is not a valid IP address."}')).toMatchObject({ cause: 'unexpected_response', detail: expect.stringContaining('IP_ADDRESS_INVALID') });
  });

  it('never quotes an answer that echoes the license key', async () => {
    const failure = await scriptedFailure(401, `{"code":"AUTHORIZATION_INVALID","error":"License key ${ACCOUNT.licenseKey} is not valid."}`);
    expect(failure).toEqual({ cause: 'credentials_invalid', detail: 'the MaxMind web service answered 401 AUTHORIZATION_INVALID' });
  });

  it('explains an answer that does not come in time as timeout', async () => {
    const { gateway, server } = await scripted(() => undefined);
    try {
      expect(await gateway.lookupWebService(ACCOUNT, 'city', '81.2.69.142')).toMatchObject({ ok: false, error: { cause: 'timeout' } });
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });

  it('explains a host that cannot be reached as network_error', async () => {
    const gateway = createGeoGateway({ ...NO_FILES, http: LOOPBACK_HTTP, downloadUrl: 'http://127.0.0.1:9', webServiceHost: `http://127.0.0.1:${await closedPort()}`, timeoutMs: 2000 });
    expect(await gateway.lookupWebService(ACCOUNT, 'city', '81.2.69.142')).toMatchObject({ ok: false, error: { cause: 'network_error', detail: expect.stringContaining('ECONNREFUSED') } });
  });
});

describe('the fake MaxMind web service speaks the real protocol', () => {
  const ask = (path: string, authorization?: string) => fetch(`${fake.origin}${path}`, { headers: authorization ? { authorization } : {} });
  const basic = `Basic ${Buffer.from(`${ACCOUNT.accountId}:${ACCOUNT.licenseKey}`).toString('base64')}`;

  it('answers the GeoIP2 City JSON shape with the network and the queries left', async () => {
    const response = await ask('/geoip/v2.1/city/81.2.69.142', basic);
    expect(response.headers.get('content-type')).toMatch(/^application\/vnd\.maxmind\.com-city\+json/);
    const body = await response.json();
    expect(body).toMatchObject({
      continent: { code: 'EU' },
      country: { iso_code: 'GB', geoname_id: 2635167, names: { en: 'United Kingdom' } },
      registered_country: { iso_code: 'US' },
      city: { names: { en: 'London' } },
      subdivisions: [{ iso_code: 'ENG' }],
      location: { latitude: 51.5142, longitude: -0.0931 },
      traits: { ip_address: '81.2.69.142', network: '81.2.69.142/31' },
      maxmind: { queries_remaining: expect.any(Number) },
    });
    expect((await (await ask('/geoip/v2.1/country/2001:218::1', basic)).json()).traits).toEqual({ ip_address: '2001:218::1', network: '2001:218::/32' });
    expect(await (await ask('/geoip/v2.1/country/81.2.69.142', basic)).json()).not.toHaveProperty('city');
  });

  it.each([
    ['/geoip/v2.1/city/81.2.69.142', undefined, 401, 'ACCOUNT_ID_REQUIRED'],
    ['/geoip/v2.1/city/not-an-ip', basic, 400, 'IP_ADDRESS_INVALID'],
    ['/geoip/v2.1/city/192.168.1.1', basic, 404, 'IP_ADDRESS_RESERVED'],
    ['/geoip/v2.1/city/1.1.1.1', basic, 404, 'IP_ADDRESS_NOT_FOUND'],
  ])('answers %s with %s → %i %s', async (path, authorization, status, code) => {
    const response = await ask(path, authorization);
    expect(response.status).toBe(status);
    expect(await response.json()).toMatchObject({ code, error: expect.any(String) });
  });
});

describe('an answer without a located country', () => {
  it('uses the country the network is registered in', async () => {
    const body = JSON.stringify({ registered_country: { iso_code: 'AT', geoname_id: 2782113, names: { en: 'Austria' } }, traits: { ip_address: '198.51.100.1', network: '198.51.100.0/24' } });
    const { gateway, server } = await scripted((respond) => respond(200, body, 'application/vnd.maxmind.com-country+json; charset=UTF-8; version=2.1'));
    try {
      expect(await gateway.lookupWebService(ACCOUNT, 'country', '198.51.100.1')).toMatchObject({ ok: true, value: { countryCode: 'AT', countryName: 'Austria', city: null } });
    } finally {
      server.close();
    }
  });
});

import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IntegrationCheck } from '../../src/domain/connection-checks/integration-check.js';
import { runScheduledGeoUpdate } from '../../src/domain/geo/run-scheduled-geo-update.js';
import { startFakeMaxMind, type FakeMaxMind } from '../fakes/maxmind/start-fake-maxmind.js';
import { openAdminApp, type AdminApp } from '../helpers/open-admin-app.js';

const FIXTURES = path.resolve('tests/fixtures/maxmind');
const CITY = path.join(FIXTURES, 'GeoLite2-City-Test.mmdb');
const COUNTRY = path.join(FIXTURES, 'GeoLite2-Country-Test.mmdb');
const ACCOUNT = { accountId: '123456', licenseKey: 'test_license_key_0001_mmk' };

let fake: FakeMaxMind;
beforeAll(async () => {
  fake = await startFakeMaxMind({
    accounts: [
      ACCOUNT,
      { accountId: '777777', licenseKey: 'broke_license_key_0001_mmk', webService: 'insufficient_funds' },
      { accountId: '888888', licenseKey: 'country_plan_key_0001_mmk', webService: 'permission_required' },
    ],
  });
});
afterAll(() => fake.close());

const maxmindEnv = () => ({ PASSIVEWP_MAXMIND_DOWNLOAD_URL: fake.downloadUrl, PASSIVEWP_MAXMIND_WEB_SERVICE_HOST: fake.webServiceHost });

async function engineWith(values: Record<string, unknown>, env: Record<string, string> = {}): Promise<AdminApp> {
  const admin = await openAdminApp({ ...maxmindEnv(), ...env });
  const saved = await admin.save('geolocation', values);
  if (saved.statusCode !== 200) throw new Error(saved.body);
  return admin;
}

const check = async (admin: AdminApp) => {
  const response = await admin.call('POST', '/api/checks/geolocation');
  expect(response.statusCode, response.body).toBe(200);
  return response.json<IntegrationCheck>();
};

/** The test databases were built years ago: for an "ok" without the age warning, the check runs a week after the build. */
async function freezeClockNearBuild(admin: AdminApp) {
  const described = await admin.get<{ info: { buildDate: string } }>('/api/geolocation/database');
  const now = new Date(Date.parse(described.info.buildDate) + 7 * 86_400_000);
  admin.engine.ctx.clock = { now: () => now };
}

describe('Settings → Geolocation rules', () => {
  const storedRows = (admin: AdminApp) => admin.engine.db.selectFrom('settings').selectAll().orderBy('key').execute();

  it.each([
    ['a proxy entry that is not an address', { trustedProxies: '10.0.0.0/8\nmy-cdn' }, 'trustedProxies'],
    ['the web service without an account', { source: 'web_service' }, 'accountId'],
    ['weekly updates without a license key', { autoUpdate: 'weekly', accountId: '123456' }, 'licenseKey'],
    ['a country listed twice', { visitorMarketplaces: [{ country: 'AT', marketplace: 'de' }, { country: 'AT', marketplace: 'uk' }] }, 'visitorMarketplaces.1.country'],
    ['an unknown country', { visitorMarketplaces: [{ country: 'XX', marketplace: 'de' }] }, 'visitorMarketplaces.0.country'],
    ['an unknown store', { visitorMarketplaces: [{ country: 'AT', marketplace: 'amazon.at' }] }, 'visitorMarketplaces.0.marketplace'],
    ['a precision that does not exist', { precision: 'street' }, 'precision'],
  ])('refuses %s, naming the field, and changes nothing', async (_label, values, field) => {
    const admin = await openAdminApp();
    await admin.save('geolocation', { precision: 'city', trustedProxies: 'loopback' });
    const before = await storedRows(admin);
    const response = await admin.save('geolocation', { databasePath: '/elsewhere.mmdb', ...values });
    expect(response.statusCode).toBe(400);
    expect(response.json().fields.map((f: { field: string }) => f.field)).toContain(field);
    expect(await storedRows(admin)).toEqual(before);
  });

  it('stores trusted proxies one per line and an edited country map, and locks the database path set by PASSIVEWP_MAXMIND_DATABASE_PATH', async () => {
    const admin = await openAdminApp({ PASSIVEWP_MAXMIND_DATABASE_PATH: CITY });
    const map = [{ country: 'IE', marketplace: 'uk' }, { country: 'AT', marketplace: 'de' }];
    const saved = await admin.save('geolocation', { trustedProxies: '10.0.0.0/8, 2001:db8::/32 loopback', visitorMarketplaces: map });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().fields.trustedProxies.value).toBe('10.0.0.0/8\n2001:db8::/32\nloopback');
    expect(saved.json().fields.visitorMarketplaces.value).toEqual(map);
    expect(saved.json().fields.databasePath).toMatchObject({ locked: true, value: CITY });
    expect((await admin.save('geolocation', { databasePath: '/tmp/other.mmdb' })).statusCode).toBe(400);
  });
});

describe('Check Geolocation with a database file', () => {
  it('reports the type, build date and age of a City database, and that it serves City precision', async () => {
    const admin = await engineWith({ databasePath: CITY, precision: 'city' });
    await freezeClockNearBuild(admin);
    const result = await check(admin);
    expect(result).toMatchObject({ status: 'ok', findings: [{ cause: 'ok' }] });
    expect(result.details).toMatchObject({ source: 'database', databaseType: 'GeoLite2-City', ageDays: 7, matchesPrecision: true, databasePath: CITY });
  });

  it('warns when precision is City but the file knows only countries, and when the file is older than 30 days', async () => {
    const admin = await engineWith({ databasePath: COUNTRY, precision: 'city' });
    const result = await check(admin);
    expect(result.status).toBe('warning');
    expect(result.findings.map((f) => [f.cause, f.fixField])).toEqual([
      ['ok', null],
      ['precision_mismatch', 'precision'],
      ['database_outdated', 'autoUpdate'],
    ]);
    expect(result.details).toMatchObject({ databaseType: 'GeoLite2-Country', matchesPrecision: false });
  });

  it.each([
    ['a missing file', '/nonexistent/GeoLite2-City.mmdb', 'database_missing'],
    ['a directory', FIXTURES, 'database_unreadable'],
    ['a file that is not a MaxMind database', path.join(FIXTURES, 'GeoLite2-City-Test.json'), 'database_unreadable'],
    ['a database with a broken data section', path.join(FIXTURES, 'GeoIP2-City-Test-Broken-Double-Format.mmdb'), 'database_unreadable'],
    ['a database with a broken search tree', path.join(FIXTURES, 'GeoIP2-City-Test-Invalid-Node-Count.mmdb'), 'database_unreadable'],
  ])('explains %s', async (_label, databasePath, cause) => {
    const admin = await engineWith({ databasePath });
    const result = await check(admin);
    expect(result.status).toBe('error');
    expect(result.findings).toEqual([expect.objectContaining({ cause, fixField: 'databasePath' })]);
  });

  it('explains that nothing is set up yet: no path and no automatic updates', async () => {
    const admin = await openAdminApp(maxmindEnv());
    const result = await check(admin);
    expect(result.findings[0]).toMatchObject({ cause: 'database_missing' });
    const overview = await admin.get<{ integrations: Array<{ id: string; configured: boolean }> }>('/api/checks/overview');
    expect(overview.integrations.find((i) => i.id === 'geolocation')?.configured).toBe(false);
  });
});

describe('Test lookup', () => {
  it('shows country, city and the store the visitor goes to, with the reason', async () => {
    const admin = await engineWith({ databasePath: CITY, precision: 'city' });
    await admin.save('amazon', { defaultCountry: 'us', defaultPartnerTag: 'mysite-20', marketplaces: [{ country: 'uk', partnerTag: 'mysite-21', enabled: true }] });
    const response = await admin.call('POST', '/api/geolocation/lookup', { ip: '81.2.69.142' });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ ip: '81.2.69.142', source: 'database', countryCode: 'GB', countryName: 'United Kingdom', city: 'London', marketplace: { code: 'uk', domain: 'www.amazon.co.uk' }, reason: 'own_store', problem: null });
    // Sweden has a store, but it is not enabled: the Default Country's store, never an untagged one.
    expect((await admin.call('POST', '/api/geolocation/lookup', { ip: '89.160.20.115' })).json()).toMatchObject({ countryCode: 'SE', city: 'Linköping', marketplace: { code: 'us' }, reason: 'store_not_enabled' });
  });

  it('answers with the country only at Country precision, and with the Default Country for an address that is not in the data', async () => {
    const admin = await engineWith({ databasePath: CITY, precision: 'country' });
    expect((await admin.call('POST', '/api/geolocation/lookup', { ip: '81.2.69.142' })).json()).toMatchObject({ countryCode: 'GB', city: null });
    expect((await admin.call('POST', '/api/geolocation/lookup', { ip: '10.1.2.3' })).json()).toMatchObject({ countryCode: null, reason: 'unknown_country', problem: null });
  });

  it('reports a lookup that cannot work, and still names the store the visitor would get', async () => {
    const admin = await engineWith({ databasePath: '/nonexistent.mmdb' });
    expect((await admin.call('POST', '/api/geolocation/lookup', { ip: '81.2.69.142' })).json()).toMatchObject({ countryCode: null, problem: { cause: 'database_missing' }, marketplace: { code: 'us' } });
  });

  it.each([['not an address', 'hello'], ['an empty field', ''], ['a number', 42], ['a range', '10.0.0.0/8']])('refuses %s with a message on the ip field', async (_label, ip) => {
    const admin = await engineWith({ databasePath: CITY });
    const response = await admin.call('POST', '/api/geolocation/lookup', { ip });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'validation_failed', fields: [{ field: 'ip' }] });
  });
});

describe('the caller’s own address', () => {
  it('ignores a spoofed X-Forwarded-For from an untrusted address, and honours it from a trusted proxy', async () => {
    const admin = await engineWith({});
    const spoofed = await admin.app.inject({ method: 'GET', url: '/api/geolocation/client-ip', remoteAddress: '198.51.100.7', headers: { cookie: admin.auth.cookie, 'x-forwarded-for': '81.2.69.142' } });
    expect(spoofed.json()).toEqual({ ip: '198.51.100.7', socketAddress: '198.51.100.7', forwardedFor: '81.2.69.142', usedForwardedFor: false });
    await admin.save('geolocation', { trustedProxies: '198.51.100.0/24' });
    const proxied = await admin.app.inject({ method: 'GET', url: '/api/geolocation/client-ip', remoteAddress: '198.51.100.7', headers: { cookie: admin.auth.cookie, 'x-forwarded-for': '1.2.3.4, 81.2.69.142' } });
    expect(proxied.json()).toMatchObject({ ip: '81.2.69.142', usedForwardedFor: true });
  });
});

describe('the MaxMind web service', () => {
  it('checks with one lookup and serves test lookups', async () => {
    const admin = await engineWith({ source: 'web_service', precision: 'city', ...ACCOUNT });
    const result = await check(admin);
    expect(result).toMatchObject({ status: 'ok', details: { source: 'web_service', probeCountry: 'GB' } });
    expect((await admin.call('POST', '/api/geolocation/lookup', { ip: '81.2.69.142' })).json()).toMatchObject({ source: 'web_service', countryCode: 'GB', city: 'London' });
  });

  it.each([
    ['a wrong license key', { ...ACCOUNT, licenseKey: 'wrong_license_key_000_mmk' }, 'credentials_invalid', 'licenseKey'],
    ['an account without funds', { accountId: '777777', licenseKey: 'broke_license_key_0001_mmk' }, 'insufficient_funds', 'source'],
    ['a plan without this service (City on a Country plan)', { accountId: '888888', licenseKey: 'country_plan_key_0001_mmk' }, 'permission_required', 'precision'],
  ])('explains %s', async (_label, account, cause, fixField) => {
    const admin = await engineWith({ source: 'web_service', precision: 'city', ...account });
    const response = await admin.call('POST', '/api/checks/geolocation');
    expect(response.json().findings[0]).toMatchObject({ cause, fixField });
    expect(response.body).not.toContain(account.licenseKey);
    expect(admin.logs()).not.toContain(account.licenseKey);
  });
});

describe('downloading the database', () => {
  it('downloads into the data directory, records it, and reports "unchanged" when MaxMind has nothing newer', async () => {
    const admin = await engineWith({ autoUpdate: 'weekly', edition: 'GeoLite2-City', precision: 'city', ...ACCOUNT });
    const first = await admin.call('POST', '/api/geolocation/database/update');
    expect(first.json()).toMatchObject({ outcome: 'updated', edition: 'GeoLite2-City', finding: { cause: 'ok' } });
    expect(existsSync(path.join(admin.dataDir, 'geoip', 'GeoLite2-City.mmdb'))).toBe(true);
    expect((await admin.call('POST', '/api/geolocation/database/update')).json()).toMatchObject({ outcome: 'unchanged' });
    const described = await admin.get<Record<string, unknown>>('/api/geolocation/database');
    expect(described).toMatchObject({ managed: true, canDownload: true, autoUpdate: 'weekly', info: { databaseType: 'GeoLite2-City' }, lastUpdate: { outcome: 'unchanged' }, problem: null });
    expect((await check(admin)).details).toMatchObject({ databaseType: 'GeoLite2-City' });
    expect(JSON.stringify(described)).not.toContain(ACCOUNT.licenseKey);
  });

  it('keeps the old file when the download fails, and tries again a day later rather than every tick', async () => {
    const admin = await engineWith({ autoUpdate: 'weekly', edition: 'GeoLite2-Country', ...ACCOUNT, licenseKey: 'wrong_license_key_000_mmk' });
    const managed = path.join(admin.dataDir, 'geoip', 'GeoLite2-Country.mmdb');
    mkdirSync(path.dirname(managed), { recursive: true });
    copyFileSync(COUNTRY, managed);
    const before = readFileSync(managed);
    const ctx = admin.engine.ctx;
    const failed = await runScheduledGeoUpdate(ctx);
    expect(failed).toMatchObject({ outcome: 'failed', actor: 'scheduler', finding: { cause: 'credentials_invalid', fixField: 'licenseKey' } });
    expect(readFileSync(managed).equals(before)).toBe(true);
    expect(readdirSync(path.dirname(managed))).toEqual(['GeoLite2-Country.mmdb']);
    expect(await runScheduledGeoUpdate(ctx)).toBeNull();
    const start = ctx.clock.now().getTime();
    ctx.clock = { now: () => new Date(start + 25 * 3600_000) };
    expect(await runScheduledGeoUpdate(ctx)).toMatchObject({ outcome: 'failed' });
  });

  it('downloads at once when the file is missing, then waits a week', async () => {
    const admin = await engineWith({ autoUpdate: 'weekly', ...ACCOUNT });
    const ctx = admin.engine.ctx;
    expect(await runScheduledGeoUpdate(ctx)).toMatchObject({ outcome: 'updated' });
    expect(await runScheduledGeoUpdate(ctx)).toBeNull();
    const start = ctx.clock.now().getTime();
    ctx.clock = { now: () => new Date(start + 6 * 86_400_000) };
    expect(await runScheduledGeoUpdate(ctx)).toBeNull();
    ctx.clock = { now: () => new Date(start + 7 * 86_400_000 + 60_000) };
    expect(await runScheduledGeoUpdate(ctx)).toMatchObject({ outcome: 'unchanged' });
  });

  it('does nothing on schedule while automatic updates are off', async () => {
    const admin = await engineWith({ ...ACCOUNT });
    expect(await runScheduledGeoUpdate(admin.engine.ctx)).toBeNull();
    const update = await admin.call('POST', '/api/geolocation/database/update');
    expect(update.json()).toMatchObject({ outcome: 'updated' });
  });
});

import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import type { IntegrationCheck } from '../../src/domain/connection-checks/integration-check.js';
import { runGeolocationCheck } from '../../src/domain/connection-checks/run-geolocation-check.js';
import { describeGeoDatabase } from '../../src/domain/geo/describe-geo-database.js';
import { runScheduledGeoUpdate } from '../../src/domain/geo/run-scheduled-geo-update.js';
import { saveSection } from '../../src/domain/settings/save-section.js';
import { startFakeMaxMind, type FakeMaxMind } from '../fakes/maxmind/start-fake-maxmind.js';
import { openAdminApp, type AdminApp } from '../helpers/open-admin-app.js';
import { openTestEngine } from '../helpers/start-test-engine.js';

const FIXTURES = path.resolve('tests/fixtures/maxmind');
/** MaxMind's test databases, by their names in the engine's geo folder (engineWith puts them there). */
const CITY = 'GeoLite2-City-Test.mmdb';
const COUNTRY = 'GeoLite2-Country-Test.mmdb';
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

/** The engine's geo folder, holding every test database under its own name, a sub-folder named like a database, and a JSON file named like one. */
function stockGeoFolder(dataDir: string): void {
  const folder = path.join(dataDir, 'geo');
  mkdirSync(path.join(folder, 'folder.mmdb'), { recursive: true });
  for (const file of readdirSync(FIXTURES).filter((name) => name.endsWith('.mmdb'))) copyFileSync(path.join(FIXTURES, file), path.join(folder, file));
  copyFileSync(path.join(FIXTURES, 'GeoLite2-City-Test.json'), path.join(folder, 'json.mmdb'));
}

async function engineWith(values: Record<string, unknown>, env: Record<string, string> = {}): Promise<AdminApp> {
  const admin = await openAdminApp({ ...maxmindEnv(), ...env });
  stockGeoFolder(admin.dataDir);
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

/** Every stored setting row, to prove a refused save changed nothing. */
const storedRows = (admin: AdminApp) => admin.engine.db.selectFrom('settings').selectAll().orderBy('key').execute();

describe('Settings → Geolocation rules', () => {

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
    const response = await admin.save('geolocation', { databasePath: 'elsewhere.mmdb', ...values });
    expect(response.statusCode).toBe(400);
    expect(response.json().fields.map((f: { field: string }) => f.field)).toContain(field);
    expect(await storedRows(admin)).toEqual(before);
  });

  it('stores trusted proxies one per line and an edited country map, and locks the database file set by PASSIVEWP_MAXMIND_DATABASE_PATH', async () => {
    const admin = await openAdminApp({ PASSIVEWP_MAXMIND_DATABASE_PATH: CITY });
    const map = [{ country: 'IE', marketplace: 'uk' }, { country: 'AT', marketplace: 'de' }];
    const saved = await admin.save('geolocation', { trustedProxies: '10.0.0.0/8, 2001:db8::/32 loopback', visitorMarketplaces: map });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().fields.trustedProxies.value).toBe('10.0.0.0/8\n2001:db8::/32\nloopback');
    expect(saved.json().fields.visitorMarketplaces.value).toEqual(map);
    expect(saved.json().fields.databasePath).toMatchObject({ locked: true, value: CITY });
    expect((await admin.save('geolocation', { databasePath: 'other.mmdb' })).statusCode).toBe(400);
  });
});

describe('the database file stays inside the geo folder of the data directory', () => {
  const keyOf = (admin: AdminApp) => readFileSync(path.join(admin.dataDir, 'secret.key'));

  /** A value as an older version may have stored it: written straight into the settings table, past every rule. */
  async function storeUnchecked(admin: AdminApp, databasePath: string) {
    await admin.engine.db
      .insertInto('settings')
      .values({ section: 'geolocation', key: 'databasePath', value: JSON.stringify(databasePath), is_secret: 0, updated_at: new Date().toISOString(), updated_by: 'an older version' })
      .execute();
  }

  /** What the check (without its id and times) and the database panel say, asked of a fresh engine on the admin's data (nothing remembered from before). */
  async function answers(admin: AdminApp) {
    const { engine } = await openTestEngine({ dataDir: admin.dataDir, env: maxmindEnv() });
    const { findings, details, status } = await runGeolocationCheck(engine.ctx, { actor: 'test' });
    return { check: { findings, details, status }, panel: await describeGeoDatabase(engine.ctx) };
  }

  it.each([
    ['a way up to the engine key', '../secret.key', /go up a folder/],
    ['an absolute path', '/etc/passwd', /not a full path/],
    ['an absolute .mmdb path', '/tmp/x.mmdb', /not a full path/],
    ['a detour through the folder', 'geo/../../secret.key', /go up a folder/],
    ['a name that is not a .mmdb file', 'secret.key', /\.mmdb file/],
    ['a line break', 'GeoLite2\nCity.mmdb', /control characters/],
    ['a 10 kB name', `${'a'.repeat(10_000)}.mmdb`, /at most 200 characters/],
  ])('refuses %s on save, with a plain message on the field, and stores nothing', async (_label, databasePath, message) => {
    const admin = await engineWith({ databasePath: CITY, precision: 'city' });
    const before = await storedRows(admin);
    const response = await admin.save('geolocation', { databasePath, precision: 'country' });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'validation_failed', fields: [{ field: 'databasePath', message: expect.stringMatching(message) }] });
    expect(await storedRows(admin)).toEqual(before);
  });

  it.each([
    ['a link to the engine key', (dataDir: string) => path.join(dataDir, 'secret.key')],
    ['a relative link out of the folder', () => '../elsewhere/GeoLite2-City.mmdb'],
    ['a link to /etc/passwd', () => '/etc/passwd'],
  ])('refuses a name that is %s, and stores nothing', async (_label, target) => {
    const admin = await engineWith({ databasePath: CITY });
    symlinkSync(target(admin.dataDir), path.join(admin.dataDir, 'geo', 'linked.mmdb'));
    const before = await storedRows(admin);
    const response = await admin.save('geolocation', { databasePath: 'linked.mmdb' });
    expect(response.statusCode).toBe(400);
    expect(response.json().fields).toEqual([{ field: 'databasePath', message: `Not saved: ${path.join(admin.dataDir, 'geo', 'linked.mmdb')} is a link that leads outside ${path.join(admin.dataDir, 'geo')}. The engine opens no file outside the geo folder of its data directory.` }]);
    expect(await storedRows(admin)).toEqual(before);
  });

  it('saves a name in a sub-folder, a link that stays inside, and a file that is not there yet', async () => {
    const admin = await engineWith({});
    const folder = path.join(admin.dataDir, 'geo');
    mkdirSync(path.join(folder, 'city'));
    copyFileSync(path.join(FIXTURES, CITY), path.join(folder, 'city', 'GeoLite2-City.mmdb'));
    symlinkSync('city/GeoLite2-City.mmdb', path.join(folder, 'current.mmdb'));
    for (const databasePath of ['city/GeoLite2-City.mmdb', 'current.mmdb', 'later/GeoLite2-City.mmdb']) {
      const response = await admin.save('geolocation', { databasePath });
      expect(response.statusCode, response.body).toBe(200);
    }
    expect((await admin.save('geolocation', { databasePath: 'current.mmdb' })).statusCode).toBe(200);
    expect(await admin.get('/api/geolocation/database')).toMatchObject({ path: path.join(folder, 'current.mmdb'), info: { databaseType: 'GeoLite2-City' }, problem: null });
  });

  it.each([
    ['an absolute path', (outside: string) => outside],
    ['a way up and out', (outside: string, dataDir: string) => path.relative(path.join(dataDir, 'geo'), outside)],
  ])('%s stored before the rule: the check, the panel and a lookup refuse it, and never tell whether that file exists', async (_label, stored) => {
    const admin = await engineWith({ precision: 'city' });
    const outside = path.join(admin.dataDir, 'elsewhere', 'GeoLite2-City.mmdb');
    await storeUnchecked(admin, stored(outside, admin.dataDir));
    mkdirSync(path.dirname(outside));
    copyFileSync(path.join(FIXTURES, CITY), outside);
    const withFile = await answers(admin);
    rmSync(outside);
    const withoutFile = await answers(admin);
    expect(withFile.check).toMatchObject({ status: 'error', findings: [{ cause: 'database_path_invalid', fixField: 'databasePath' }] });
    expect(withFile.panel).toMatchObject({ info: null, problem: { cause: 'database_path_invalid', fixField: 'databasePath' } });
    expect(withoutFile).toEqual(withFile);
    expect((await admin.call('POST', '/api/geolocation/lookup', { ip: '81.2.69.142' })).json()).toMatchObject({ countryCode: null, problem: { cause: 'database_path_invalid' } });
  });

  it('a link in the geo folder to a file outside: the check and the panel answer the same whether that file exists or not', async () => {
    const admin = await engineWith({ precision: 'city', databasePath: 'GeoLite2-City.mmdb' });
    const outside = path.join(admin.dataDir, 'elsewhere', 'GeoLite2-City.mmdb');
    symlinkSync(outside, path.join(admin.dataDir, 'geo', 'GeoLite2-City.mmdb'));
    mkdirSync(path.dirname(outside));
    copyFileSync(path.join(FIXTURES, CITY), outside);
    const withFile = await answers(admin);
    rmSync(outside);
    expect(await answers(admin)).toEqual(withFile);
    expect(withFile.check.findings).toEqual([expect.objectContaining({ cause: 'database_path_invalid', message: expect.stringMatching(/is a link that leads outside/) })]);
  });

  it.each([
    ['a stored way up to the engine key', async (admin: AdminApp) => storeUnchecked(admin, '../secret.key')],
    ['the default file being a link to the engine key', async (admin: AdminApp) => symlinkSync(path.join(admin.dataDir, 'secret.key'), path.join(admin.dataDir, 'geo', 'GeoLite2-Country.mmdb'))],
  ])('"Download now" and the weekly update refuse %s: the key stays byte-identical and MaxMind is not asked', async (_label, arrange) => {
    const admin = await engineWith({ autoUpdate: 'weekly', edition: 'GeoLite2-Country', ...ACCOUNT });
    await arrange(admin);
    const key = keyOf(admin);
    fake.state.reset();
    const now = await admin.call('POST', '/api/geolocation/database/update');
    expect(now.json()).toMatchObject({ outcome: 'failed', finding: { cause: 'database_path_invalid', fixField: 'databasePath' } });
    expect(await runScheduledGeoUpdate(admin.engine.ctx)).toBeNull();
    const ctx = admin.engine.ctx;
    const start = ctx.clock.now().getTime();
    ctx.clock = { now: () => new Date(start + 25 * 3600_000) };
    expect(await runScheduledGeoUpdate(ctx)).toMatchObject({ outcome: 'failed', finding: { cause: 'database_path_invalid' } });
    expect(keyOf(admin).equals(key)).toBe(true);
    expect(fake.state.requests).toEqual([]);
  });

  it('refuses to start with PASSIVEWP_MAXMIND_DATABASE_PATH outside the geo folder, naming the variable', async () => {
    await expect(openAdminApp({ PASSIVEWP_MAXMIND_DATABASE_PATH: '/etc/passwd' })).rejects.toThrow(/PASSIVEWP_MAXMIND_DATABASE_PATH: Enter the name of a file in the geo folder/);
    await expect(openAdminApp({ PASSIVEWP_MAXMIND_DATABASE_PATH: '../secret.key' })).rejects.toThrow(/PASSIVEWP_MAXMIND_DATABASE_PATH: A file name cannot go up a folder/);
  });

  it('moves a database downloaded to the old place (geoip/) into the geo folder at start, once, never over a file already there', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'pwp-geo-legacy-'));
    onTestFinished(() => rmSync(dataDir, { recursive: true, force: true }));
    const legacy = path.join(dataDir, 'geoip');
    mkdirSync(legacy);
    copyFileSync(path.join(FIXTURES, CITY), path.join(legacy, 'GeoLite2-City.mmdb'));
    writeFileSync(path.join(legacy, 'GeoLite2-City.mmdb.sha256'), `${'a'.repeat(64)}  GeoLite2-City_20260101.tar.gz\n`);
    const first = await openTestEngine({ dataDir, env: { PASSIVEWP_MAXMIND_DOWNLOAD_URL: fake.downloadUrl } });
    expect(readdirSync(path.join(dataDir, 'geo')).sort()).toEqual(['GeoLite2-City.mmdb', 'GeoLite2-City.mmdb.sha256']);
    expect(existsSync(legacy)).toBe(false);
    expect(first.logs()).toContain('moved the MaxMind databases into the geo folder');
    await saveSection(first.engine.ctx, { sectionId: 'geolocation', values: { edition: 'GeoLite2-City' }, actor: 'test', ip: null });
    expect(await describeGeoDatabase(first.engine.ctx)).toMatchObject({ managed: true, info: { databaseType: 'GeoLite2-City' }, problem: null });
    await first.engine.close();

    // Once: a file put in the old place again does not replace the one in use.
    mkdirSync(legacy);
    copyFileSync(path.join(FIXTURES, COUNTRY), path.join(legacy, 'GeoLite2-City.mmdb'));
    symlinkSync(path.join(dataDir, 'secret.key'), path.join(legacy, 'GeoLite2-Country.mmdb'));
    await openTestEngine({ dataDir });
    expect(readFileSync(path.join(dataDir, 'geo', 'GeoLite2-City.mmdb')).equals(readFileSync(path.join(FIXTURES, CITY)))).toBe(true);
    expect(readdirSync(legacy).sort()).toEqual(['GeoLite2-City.mmdb', 'GeoLite2-Country.mmdb']);
  });
});

describe('Check Geolocation with a database file', () => {
  it('reports the type, build date and age of a City database, and that it serves City precision', async () => {
    const admin = await engineWith({ databasePath: CITY, precision: 'city' });
    await freezeClockNearBuild(admin);
    const result = await check(admin);
    expect(result).toMatchObject({ status: 'ok', findings: [{ cause: 'ok' }] });
    expect(result.details).toMatchObject({ source: 'database', databaseType: 'GeoLite2-City', ageDays: 7, matchesPrecision: true, databasePath: path.join(admin.dataDir, 'geo', CITY) });
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
    ['a missing file', 'nonexistent/GeoLite2-City.mmdb', 'database_missing'],
    ['a directory', 'folder.mmdb', 'database_unreadable'],
    ['a file that is not a MaxMind database', 'json.mmdb', 'database_unreadable'],
    ['a database with a broken data section', 'GeoIP2-City-Test-Broken-Double-Format.mmdb', 'database_unreadable'],
    ['a database with a broken search tree', 'GeoIP2-City-Test-Invalid-Node-Count.mmdb', 'database_unreadable'],
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
    const admin = await engineWith({ databasePath: 'nonexistent.mmdb' });
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
    expect(existsSync(path.join(admin.dataDir, 'geo', 'GeoLite2-City.mmdb'))).toBe(true);
    expect((await admin.call('POST', '/api/geolocation/database/update')).json()).toMatchObject({ outcome: 'unchanged' });
    const described = await admin.get<Record<string, unknown>>('/api/geolocation/database');
    expect(described).toMatchObject({ managed: true, canDownload: true, autoUpdate: 'weekly', info: { databaseType: 'GeoLite2-City' }, lastUpdate: { outcome: 'unchanged' }, problem: null });
    expect((await check(admin)).details).toMatchObject({ databaseType: 'GeoLite2-City' });
    expect(JSON.stringify(described)).not.toContain(ACCOUNT.licenseKey);
  });

  it('keeps the old file when the download fails, and tries again a day later rather than every tick', async () => {
    const admin = await engineWith({ autoUpdate: 'weekly', edition: 'GeoLite2-Country', ...ACCOUNT, licenseKey: 'wrong_license_key_000_mmk' });
    const managed = path.join(admin.dataDir, 'geo', 'GeoLite2-Country.mmdb');
    copyFileSync(path.join(FIXTURES, COUNTRY), managed);
    const before = readFileSync(managed);
    const listing = readdirSync(path.dirname(managed));
    const ctx = admin.engine.ctx;
    const failed = await runScheduledGeoUpdate(ctx);
    expect(failed).toMatchObject({ outcome: 'failed', actor: 'scheduler', finding: { cause: 'credentials_invalid', fixField: 'licenseKey' } });
    expect(readFileSync(managed).equals(before)).toBe(true);
    expect(readdirSync(path.dirname(managed))).toEqual(listing);
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

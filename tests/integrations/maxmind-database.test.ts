import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, realpathSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createDatabaseCache } from '../../src/integrations/maxmind/create-database-cache.js';
import { createGeoGateway } from '../../src/integrations/maxmind/create-geo-gateway.js';
import { openDatabaseFile } from '../../src/integrations/maxmind/open-database-file.js';
import { resolveGeoFile } from '../../src/integrations/maxmind/resolve-geo-file.js';
import { writeRetypedDatabase } from '../fakes/maxmind/write-retyped-database.js';
import { LOOPBACK_HTTP } from '../helpers/loopback-http.js';

const FIXTURES = path.resolve('tests/fixtures/maxmind');
const CITY = path.join(FIXTURES, 'GeoLite2-City-Test.mmdb');
const COUNTRY = path.join(FIXTURES, 'GeoLite2-Country-Test.mmdb');
const BROKEN_NODE_COUNT = path.join(FIXTURES, 'GeoIP2-City-Test-Invalid-Node-Count.mmdb');
const workDir = realpathSync(mkdtempSync(path.join(tmpdir(), 'pwp-maxmind-db-')));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

/** A gateway whose geo folder is `folder` (the fixtures by default: lookups only read). */
const gateway = (folder = FIXTURES) => createGeoGateway({ folder, http: LOOPBACK_HTTP, downloadUrl: 'http://127.0.0.1:9', webServiceHost: 'http://127.0.0.1:9' });

let folders = 0;
/** A fresh geo folder inside a fresh data directory, which holds a secret.key like the engine's. */
function dataDirWithGeo(): { dataDir: string; folder: string } {
  const dataDir = path.join(workDir, `data-${++folders}`);
  const folder = path.join(dataDir, 'geo');
  mkdirSync(folder, { recursive: true });
  writeFileSync(path.join(dataDir, 'secret.key'), 'the engine key');
  return { dataDir, folder };
}

async function open(name: string, folder = FIXTURES) {
  const result = await gateway(folder).openDatabase(name);
  if (!result.ok) throw new Error(`${name}: ${result.error.cause} ${result.error.detail}`);
  return result.value;
}

async function failureOf(name: string, folder = FIXTURES) {
  const result = await gateway(folder).openDatabase(name);
  if (result.ok) throw new Error(`${name} opened`);
  return result.error;
}

describe('opening a database file', () => {
  it('describes a City database from its metadata', async () => {
    const { info } = await open('GeoLite2-City-Test.mmdb');
    expect(info).toEqual({ path: realpathSync(CITY), databaseType: 'GeoLite2-City', precision: 'city', buildDate: '2026-02-04T22:49:29.000Z', ipVersion: 6, sizeBytes: 21088 });
  });

  it('describes a Country database from its metadata', async () => {
    expect((await open('GeoLite2-Country-Test.mmdb')).info).toMatchObject({ databaseType: 'GeoLite2-Country', precision: 'country', sizeBytes: 18012 });
  });

  it('opens a database of another type (ASN) with precision "none", so the domain can say database_wrong_type', async () => {
    const { folder } = dataDirWithGeo();
    writeRetypedDatabase(COUNTRY, 'GeoLite2-ASN-xyz', path.join(folder, 'asn.mmdb'));
    const locator = await open('asn.mmdb', folder);
    expect(locator.info).toMatchObject({ databaseType: 'GeoLite2-ASN-xyz', precision: 'none' });
    expect(locator.lookup('81.2.69.142', 'country')).toEqual({ ip: '81.2.69.142', countryCode: null, countryName: null, city: null, subdivision: null });
  });

  it('opens a file in a sub-folder, and through a link that stays inside the geo folder', async () => {
    const { folder } = dataDirWithGeo();
    mkdirSync(path.join(folder, 'city'));
    copyFileSync(CITY, path.join(folder, 'city', 'GeoLite2-City.mmdb'));
    symlinkSync('city/GeoLite2-City.mmdb', path.join(folder, 'current.mmdb'));
    symlinkSync(path.join(folder, 'city'), path.join(folder, 'latest'));
    for (const name of ['city/GeoLite2-City.mmdb', 'current.mmdb', 'latest/GeoLite2-City.mmdb']) {
      expect((await open(name, folder)).info).toMatchObject({ path: path.join(folder, 'city', 'GeoLite2-City.mmdb'), databaseType: 'GeoLite2-City' });
    }
  });

  it.each([
    ['a missing file', 'nowhere/GeoLite2-City.mmdb', 'database_missing', /no file at .*nowhere/],
    ['a path through a file', 'GeoLite2-City-Test.mmdb/GeoLite2-City.mmdb', 'database_missing', /GeoLite2-City-Test\.mmdb/],
    ['an empty name', '', 'database_path_invalid', /cannot be empty/],
    // Opens in mmdb-lib, and every lookup answers, but each double (latitude, longitude) is stored in 1–9 bytes instead of 8: garbage coordinates, no exception.
    ['a database whose data breaks the format', 'GeoIP2-City-Test-Broken-Double-Format.mmdb', 'database_unreadable', /double stored in \d bytes/],
    // Opens in mmdb-lib, but declares 100 000 nodes in a 22 kB file: lookups throw or walk into the data.
    ['a database whose search tree is larger than the file', 'GeoIP2-City-Test-Invalid-Node-Count.mmdb', 'database_unreadable', /claims 100000 nodes/],
  ])('explains %s', async (_label, name, cause, detail) => {
    const failure = await failureOf(name);
    expect(failure.cause).toBe(cause);
    expect(failure.detail).toMatch(detail);
  });

  it('explains a folder, a file that is not a MaxMind database, an empty file and a gzip archive', async () => {
    const { folder } = dataDirWithGeo();
    mkdirSync(path.join(folder, 'folder.mmdb'));
    expect(await failureOf('folder.mmdb', folder)).toMatchObject({ cause: 'database_unreadable', detail: expect.stringMatching(/is a directory/) });
    copyFileSync(path.join(FIXTURES, 'GeoLite2-City-Test.json'), path.join(folder, 'json.mmdb'));
    expect(await failureOf('json.mmdb', folder)).toMatchObject({ cause: 'database_unreadable', detail: expect.stringMatching(/not a MaxMind database/) });
    writeFileSync(path.join(folder, 'empty.mmdb'), '');
    expect(await failureOf('empty.mmdb', folder)).toEqual({ cause: 'database_unreadable', detail: `${path.join(folder, 'empty.mmdb')} is empty` });
    writeFileSync(path.join(folder, 'GeoLite2-City.tar.gz.mmdb'), Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0x00]));
    expect((await failureOf('GeoLite2-City.tar.gz.mmdb', folder)).detail).toMatch(/compressed \(gzip\); extract the \.mmdb/);
  });

  // root reads any file, so the refusal only shows for an ordinary user.
  it.skipIf(process.getuid?.() === 0)('explains a file the engine may not read', async () => {
    const { folder } = dataDirWithGeo();
    const locked = path.join(folder, 'locked.mmdb');
    copyFileSync(CITY, locked);
    chmodSync(locked, 0o000);
    expect(await failureOf('locked.mmdb', folder)).toEqual({ cause: 'database_unreadable', detail: `the engine has no permission to read ${locked}` });
  });
});

describe('nothing outside the geo folder is opened or looked at', () => {
  /** The answer for `name` while `outside` exists and after it is gone: they must not differ. */
  async function answersWithAndWithout(outside: string, name: string, folder: string) {
    mkdirSync(path.dirname(outside), { recursive: true });
    copyFileSync(CITY, outside);
    const withFile = await gateway(folder).openDatabase(name);
    rmSync(outside);
    const withoutFile = await gateway(folder).openDatabase(name);
    return { withFile, withoutFile };
  }

  it.each([
    ['a way up and out', '../secret.key', /go up a folder/],
    ['an absolute path', '/etc/passwd', /not a full path/],
    ['an absolute .mmdb path', '/tmp/x.mmdb', /not a full path/],
    ['a detour through the folder', 'geo/../../secret.key', /go up a folder/],
    ['a name that is not .mmdb', 'secret.key', /\.mmdb file/],
    ['a hidden name', '.GeoLite2-City.mmdb', /start with a dot/],
    ['a line break', 'GeoLite2\nCity.mmdb', /control characters/],
    ['a 10 kB name', `${'a'.repeat(10_000)}.mmdb`, /at most 200 characters/],
  ])('refuses %s by its text alone', async (_label, name, detail) => {
    const { folder } = dataDirWithGeo();
    expect(await failureOf(name, folder)).toEqual({ cause: 'database_path_invalid', detail: expect.stringMatching(detail) });
  });

  it('gives the same answer for an absolute path whether or not a file is there', async () => {
    const { dataDir, folder } = dataDirWithGeo();
    const outside = path.join(dataDir, 'elsewhere', 'x.mmdb');
    const { withFile, withoutFile } = await answersWithAndWithout(outside, outside, folder);
    expect(withFile).toMatchObject({ ok: false, error: { cause: 'database_path_invalid' } });
    expect(withoutFile).toEqual(withFile);
  });

  it.each([
    ['a link to the engine key', (dataDir: string) => path.join(dataDir, 'secret.key'), 'GeoLite2-City.mmdb'],
    ['a relative link out of the folder', () => '../elsewhere/GeoLite2-City.mmdb', 'GeoLite2-City.mmdb'],
    ['a link to a database outside', (dataDir: string) => path.join(dataDir, 'elsewhere', 'GeoLite2-City.mmdb'), 'GeoLite2-City.mmdb'],
    ['a linked sub-folder that leads outside', (dataDir: string) => path.join(dataDir, 'elsewhere'), 'sub/GeoLite2-City.mmdb'],
  ])('refuses %s, and its answer does not tell whether the target exists', async (_label, target, name) => {
    const { dataDir, folder } = dataDirWithGeo();
    symlinkSync(target(dataDir), path.join(folder, name.split('/')[0]!));
    const { withFile, withoutFile } = await answersWithAndWithout(path.join(dataDir, 'elsewhere', 'GeoLite2-City.mmdb'), name, folder);
    expect(withFile).toEqual({ ok: false, error: { cause: 'database_path_invalid', detail: `${path.join(folder, name)} is a link that leads outside ${folder}` } });
    expect(withoutFile).toEqual(withFile);
  });

  it('refuses a geo folder that is itself a link, and a loop of links', async () => {
    const { dataDir, folder } = dataDirWithGeo();
    copyFileSync(CITY, path.join(dataDir, 'GeoLite2-City.mmdb'));
    const linked = path.join(dataDir, 'linked-geo');
    symlinkSync(dataDir, linked);
    expect(await failureOf('GeoLite2-City.mmdb', linked)).toMatchObject({ cause: 'database_path_invalid', detail: expect.stringMatching(/is a link; the geo folder must be a real folder/) });
    symlinkSync('b.mmdb', path.join(folder, 'a.mmdb'));
    symlinkSync('a.mmdb', path.join(folder, 'b.mmdb'));
    expect(await failureOf('a.mmdb', folder)).toMatchObject({ cause: 'database_path_invalid', detail: expect.stringMatching(/more than 16 links/) });
  });

  it('refuses a file replaced after it was found: by another file, or by a link to a file outside', async () => {
    const { dataDir, folder } = dataDirWithGeo();
    const file = path.join(folder, 'GeoLite2-City.mmdb');
    copyFileSync(COUNTRY, file);
    const found = await resolveGeoFile(folder, 'GeoLite2-City.mmdb');
    if (!found.ok || !found.value.found) throw new Error('not found');
    copyFileSync(CITY, `${file}.new`);
    renameSync(`${file}.new`, file);
    expect(await openDatabaseFile(file, 'the file', found.value.found)).toEqual({ ok: false, error: { cause: 'database_unreadable', detail: 'the file was replaced while it was being opened; check again' } });

    copyFileSync(CITY, path.join(dataDir, 'outside.mmdb'));
    rmSync(file);
    symlinkSync(path.join(dataDir, 'outside.mmdb'), file);
    expect(await openDatabaseFile(file, 'the file', found.value.found)).toEqual({ ok: false, error: { cause: 'database_unreadable', detail: 'the file was replaced by a link while it was being opened; check again' } });
  });
});

describe('looking addresses up', () => {
  it('answers country, city and subdivision from a City database, in English', async () => {
    const locator = await open('GeoLite2-City-Test.mmdb');
    expect(locator.lookup('81.2.69.142', 'city')).toEqual({ ip: '81.2.69.142', countryCode: 'GB', countryName: 'United Kingdom', city: 'London', subdivision: 'England' });
    expect(locator.lookup('89.160.20.115', 'city')).toMatchObject({ countryCode: 'SE', city: 'Linköping', subdivision: 'Östergötland County' });
    expect(locator.lookup('2001:218::1', 'city')).toEqual({ ip: '2001:218::1', countryCode: 'JP', countryName: 'Japan', city: null, subdivision: null });
    expect(locator.lookup('::ffff:81.2.69.142', 'city')).toMatchObject({ countryCode: 'GB', city: 'London' });
  });

  it('leaves city and subdivision out at Country precision, and has none in a Country database', async () => {
    expect((await open('GeoLite2-City-Test.mmdb')).lookup('81.2.69.142', 'country')).toEqual({ ip: '81.2.69.142', countryCode: 'GB', countryName: 'United Kingdom', city: null, subdivision: null });
    expect((await open('GeoLite2-Country-Test.mmdb')).lookup('81.2.69.142', 'city')).toEqual({ ip: '81.2.69.142', countryCode: 'GB', countryName: 'United Kingdom', city: null, subdivision: null });
  });

  it.each([
    ['a private address', '10.1.2.3'],
    ['an address not in the test data', '1.1.1.1'],
    ['a network known only by its continent', '2a02:d500::1'],
    ['no address at all', 'hello'],
    ['a range', '10.0.0.0/8'],
  ])('answers nulls, never throws, for %s', async (_label, ip) => {
    const locator = await open('GeoLite2-City-Test.mmdb');
    expect(locator.lookup(ip, 'city')).toEqual({ ip, countryCode: null, countryName: null, city: null, subdivision: null });
  });

  it('answers a repeated visitor from memory with the same frozen answer', async () => {
    const locator = await open('GeoLite2-City-Test.mmdb');
    const first = locator.lookup('216.160.83.56', 'city');
    expect(first).toMatchObject({ countryCode: 'US', city: 'Milton', subdivision: 'Washington' });
    expect(locator.lookup('216.160.83.56', 'city')).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    expect(locator.lookup('216.160.83.56', 'country')).not.toBe(first);
    expect(locator.lookup('216.160.83.56', 'country').city).toBeNull();
    expect((locator as { decodeErrors?: number }).decodeErrors).toBe(0);
  });
});

describe('reusing an opened database', () => {
  it('hands out the same locator while the file is unchanged', async () => {
    const geo = gateway();
    const name = 'GeoLite2-City-Test.mmdb';
    const [a, b] = await Promise.all([geo.openDatabase(name), geo.openDatabase(name)]);
    const c = await geo.openDatabase(name);
    expect(a.ok && b.ok && c.ok).toBe(true);
    expect(a.ok && b.ok && a.value === b.value).toBe(true);
    expect(a.ok && c.ok && a.value === c.value).toBe(true);
  });

  it('looks at the file at most every 5 s, and picks up a file swapped in by an update', async () => {
    let now = 1_000_000;
    const { folder } = dataDirWithGeo();
    const databases = createDatabaseCache(folder, () => now);
    const file = path.join(folder, 'swapped.mmdb');
    copyFileSync(COUNTRY, file);
    const before = await databases.open('swapped.mmdb');
    expect(before.ok && before.value.info.databaseType).toBe('GeoLite2-Country');

    const replacement = path.join(folder, 'replacement.mmdb');
    copyFileSync(CITY, replacement);
    renameSync(replacement, file);
    now += 4000;
    expect(await databases.open('swapped.mmdb')).toBe(before);
    now += 1500;
    const after = await databases.open('swapped.mmdb');
    expect(after.ok && after.value.info.databaseType).toBe('GeoLite2-City');
    now += 6000;
    expect(await databases.open('swapped.mmdb')).toBe(after);

    rmSync(file);
    now += 6000;
    expect(await databases.open('swapped.mmdb')).toMatchObject({ ok: false, error: { cause: 'database_missing' } });
  });

  it('opens the file again right away after forget (the downloader replaced it)', async () => {
    const { folder } = dataDirWithGeo();
    const databases = createDatabaseCache(folder, () => 0);
    const file = path.join(folder, 'forgotten.mmdb');
    copyFileSync(COUNTRY, file);
    await databases.open('forgotten.mmdb');
    copyFileSync(CITY, file);
    databases.forget('forgotten.mmdb');
    const reopened = await databases.open('forgotten.mmdb');
    expect(reopened.ok && reopened.value.info.databaseType).toBe('GeoLite2-City');
  });

  it('names a temporary file as the caller describes it', async () => {
    const result = await openDatabaseFile(BROKEN_NODE_COUNT, 'the .mmdb file in GeoIP2-City_20240101.tar.gz');
    expect(!result.ok && result.error.detail).toMatch(/^the \.mmdb file in GeoIP2-City_20240101\.tar\.gz is damaged: /);
  });
});

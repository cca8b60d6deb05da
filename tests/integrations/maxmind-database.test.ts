import { chmodSync, copyFileSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createDatabaseCache } from '../../src/integrations/maxmind/create-database-cache.js';
import { createGeoGateway } from '../../src/integrations/maxmind/create-geo-gateway.js';
import { openDatabaseFile } from '../../src/integrations/maxmind/open-database-file.js';
import { writeRetypedDatabase } from '../fakes/maxmind/write-retyped-database.js';

const FIXTURES = path.resolve('tests/fixtures/maxmind');
const CITY = path.join(FIXTURES, 'GeoLite2-City-Test.mmdb');
const COUNTRY = path.join(FIXTURES, 'GeoLite2-Country-Test.mmdb');
const BROKEN_DOUBLES = path.join(FIXTURES, 'GeoIP2-City-Test-Broken-Double-Format.mmdb');
const BROKEN_NODE_COUNT = path.join(FIXTURES, 'GeoIP2-City-Test-Invalid-Node-Count.mmdb');
const workDir = mkdtempSync(path.join(tmpdir(), 'pwp-maxmind-db-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

const gateway = () => createGeoGateway({ downloadUrl: 'http://127.0.0.1:9', webServiceHost: 'http://127.0.0.1:9' });

async function open(file: string) {
  const result = await gateway().openDatabase(file);
  if (!result.ok) throw new Error(`${file}: ${result.error.cause} ${result.error.detail}`);
  return result.value;
}

async function failureOf(file: string) {
  const result = await gateway().openDatabase(file);
  if (result.ok) throw new Error(`${file} opened`);
  return result.error;
}

describe('opening a database file', () => {
  it('describes a City database from its metadata', async () => {
    const { info } = await open(CITY);
    expect(info).toEqual({ path: CITY, databaseType: 'GeoLite2-City', precision: 'city', buildDate: '2026-02-04T22:49:29.000Z', ipVersion: 6, sizeBytes: 21088 });
  });

  it('describes a Country database from its metadata', async () => {
    expect((await open(COUNTRY)).info).toMatchObject({ databaseType: 'GeoLite2-Country', precision: 'country', sizeBytes: 18012 });
  });

  it('opens a database of another type (ASN) with precision "none", so the domain can say database_wrong_type', async () => {
    const asn = path.join(workDir, 'asn.mmdb');
    writeRetypedDatabase(COUNTRY, 'GeoLite2-ASN-xyz', asn);
    const locator = await open(asn);
    expect(locator.info).toMatchObject({ databaseType: 'GeoLite2-ASN-xyz', precision: 'none' });
    expect(locator.lookup('81.2.69.142', 'country')).toEqual({ ip: '81.2.69.142', countryCode: null, countryName: null, city: null, subdivision: null });
  });

  it.each([
    ['a missing file', path.join(workDir, 'nowhere', 'GeoLite2-City.mmdb'), 'database_missing', /no file at .*nowhere/],
    ['a path through a file', path.join(CITY, 'GeoLite2-City.mmdb'), 'database_missing', /GeoLite2-City-Test\.mmdb/],
    ['an empty path', '  ', 'database_missing', /no database path/],
    ['a directory', FIXTURES, 'database_unreadable', /is a directory/],
    ['a file that is not a MaxMind database', path.join(FIXTURES, 'GeoLite2-City-Test.json'), 'database_unreadable', /not a MaxMind database/],
    // Opens in mmdb-lib, and every lookup answers, but each double (latitude, longitude) is stored in 1–9 bytes instead of 8: garbage coordinates, no exception.
    ['a database whose data breaks the format', BROKEN_DOUBLES, 'database_unreadable', /double stored in \d bytes/],
    // Opens in mmdb-lib, but declares 100 000 nodes in a 22 kB file: lookups throw or walk into the data.
    ['a database whose search tree is larger than the file', BROKEN_NODE_COUNT, 'database_unreadable', /claims 100000 nodes/],
  ])('explains %s', async (_label, file, cause, detail) => {
    const failure = await failureOf(file);
    expect(failure.cause).toBe(cause);
    expect(failure.detail).toMatch(detail);
  });

  it('explains an empty file and a gzip archive', async () => {
    const empty = path.join(workDir, 'empty.mmdb');
    writeFileSync(empty, '');
    expect(await failureOf(empty)).toEqual({ cause: 'database_unreadable', detail: `${empty} is empty` });
    const gzipped = path.join(workDir, 'GeoLite2-City.tar.gz');
    writeFileSync(gzipped, Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0x00]));
    expect((await failureOf(gzipped)).detail).toMatch(/compressed \(gzip\); extract the \.mmdb/);
  });

  // root reads any file, so the refusal only shows for an ordinary user.
  it.skipIf(process.getuid?.() === 0)('explains a file the engine may not read', async () => {
    const locked = path.join(workDir, 'locked.mmdb');
    copyFileSync(CITY, locked);
    chmodSync(locked, 0o000);
    expect(await failureOf(locked)).toEqual({ cause: 'database_unreadable', detail: `the engine has no permission to read ${locked}` });
  });
});

describe('looking addresses up', () => {
  it('answers country, city and subdivision from a City database, in English', async () => {
    const locator = await open(CITY);
    expect(locator.lookup('81.2.69.142', 'city')).toEqual({ ip: '81.2.69.142', countryCode: 'GB', countryName: 'United Kingdom', city: 'London', subdivision: 'England' });
    expect(locator.lookup('89.160.20.115', 'city')).toMatchObject({ countryCode: 'SE', city: 'Linköping', subdivision: 'Östergötland County' });
    expect(locator.lookup('2001:218::1', 'city')).toEqual({ ip: '2001:218::1', countryCode: 'JP', countryName: 'Japan', city: null, subdivision: null });
    expect(locator.lookup('::ffff:81.2.69.142', 'city')).toMatchObject({ countryCode: 'GB', city: 'London' });
  });

  it('leaves city and subdivision out at Country precision, and has none in a Country database', async () => {
    expect((await open(CITY)).lookup('81.2.69.142', 'country')).toEqual({ ip: '81.2.69.142', countryCode: 'GB', countryName: 'United Kingdom', city: null, subdivision: null });
    expect((await open(COUNTRY)).lookup('81.2.69.142', 'city')).toEqual({ ip: '81.2.69.142', countryCode: 'GB', countryName: 'United Kingdom', city: null, subdivision: null });
  });

  it.each([
    ['a private address', '10.1.2.3'],
    ['an address not in the test data', '1.1.1.1'],
    ['a network known only by its continent', '2a02:d500::1'],
    ['no address at all', 'hello'],
    ['a range', '10.0.0.0/8'],
  ])('answers nulls, never throws, for %s', async (_label, ip) => {
    const locator = await open(CITY);
    expect(locator.lookup(ip, 'city')).toEqual({ ip, countryCode: null, countryName: null, city: null, subdivision: null });
  });

  it('answers a repeated visitor from memory with the same frozen answer', async () => {
    const locator = await open(CITY);
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
    const [a, b] = await Promise.all([geo.openDatabase(CITY), geo.openDatabase(CITY)]);
    const c = await geo.openDatabase(CITY);
    expect(a.ok && b.ok && c.ok).toBe(true);
    expect(a.ok && b.ok && a.value === b.value).toBe(true);
    expect(a.ok && c.ok && a.value === c.value).toBe(true);
  });

  it('looks at the file at most every 5 s, and picks up a file swapped in by an update', async () => {
    let now = 1_000_000;
    const databases = createDatabaseCache(() => now);
    const file = path.join(workDir, 'swapped.mmdb');
    copyFileSync(COUNTRY, file);
    const before = await databases.open(file);
    expect(before.ok && before.value.info.databaseType).toBe('GeoLite2-Country');

    const replacement = path.join(workDir, 'replacement.mmdb');
    copyFileSync(CITY, replacement);
    renameSync(replacement, file);
    now += 4000;
    expect(await databases.open(file)).toBe(before);
    now += 1500;
    const after = await databases.open(file);
    expect(after.ok && after.value.info.databaseType).toBe('GeoLite2-City');
    now += 6000;
    expect(await databases.open(file)).toBe(after);

    rmSync(file);
    now += 6000;
    expect(await databases.open(file)).toMatchObject({ ok: false, error: { cause: 'database_missing' } });
  });

  it('opens the file again right away after forget (the downloader replaced it)', async () => {
    const databases = createDatabaseCache(() => 0);
    const file = path.join(workDir, 'forgotten.mmdb');
    copyFileSync(COUNTRY, file);
    await databases.open(file);
    copyFileSync(CITY, file);
    databases.forget(file);
    const reopened = await databases.open(file);
    expect(reopened.ok && reopened.value.info.databaseType).toBe('GeoLite2-City');
  });

  it('names a temporary file as the caller describes it', async () => {
    const result = await openDatabaseFile(BROKEN_NODE_COUNT, 'the .mmdb file in GeoIP2-City_20240101.tar.gz');
    expect(!result.ok && result.error.detail).toMatch(/^the \.mmdb file in GeoIP2-City_20240101\.tar\.gz is damaged: /);
  });
});

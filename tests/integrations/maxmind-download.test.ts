import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { create } from 'tar';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseDownload, GeoEdition, GeoGateway } from '../../src/domain/geo/geo-gateway.js';
import { createGeoGateway } from '../../src/integrations/maxmind/create-geo-gateway.js';
import { extractDatabaseEntry } from '../../src/integrations/maxmind/extract-database-entry.js';
import { startFakeMaxMind, type FakeMaxMind } from '../fakes/maxmind/start-fake-maxmind.js';
import { writeRetypedDatabase } from '../fakes/maxmind/write-retyped-database.js';
import { closedPort } from '../helpers/closed-port.js';
import { LOOPBACK_HTTP } from '../helpers/loopback-http.js';

const FIXTURES = path.resolve('tests/fixtures/maxmind');
const CITY = path.join(FIXTURES, 'GeoLite2-City-Test.mmdb');
const COUNTRY = path.join(FIXTURES, 'GeoLite2-Country-Test.mmdb');
const ACCOUNT = { accountId: '123456', licenseKey: 'test_license_key_0001_mmk' };
const LITE_ONLY = { accountId: '222222', licenseKey: 'lite_only_license_key_mmk' };
const workDir = mkdtempSync(path.join(tmpdir(), 'pwp-maxmind-dl-'));
const ASN = path.join(workDir, 'GeoLite2-ASN-xyz.mmdb');

let fake: FakeMaxMind;
beforeAll(async () => {
  writeRetypedDatabase(COUNTRY, 'GeoLite2-ASN-xyz', ASN);
  fake = await startFakeMaxMind({
    accounts: [ACCOUNT, { ...LITE_ONLY, editions: ['GeoLite2-Country', 'GeoLite2-City'] }],
    databases: { 'GeoIP2-Country': ASN, 'GeoIP2-City': COUNTRY },
  });
});
afterEach(() => fake.state.reset());
afterAll(async () => {
  await fake.close();
  rmSync(workDir, { recursive: true, force: true });
});

/** A gateway on `folder` that downloads from `origin` (the fake by default). */
const gatewayOn = (folder: string, origin = fake.downloadUrl, timeoutMs = 2000): GeoGateway => createGeoGateway({ folder, http: LOOPBACK_HTTP, downloadUrl: origin, webServiceHost: origin, timeoutMs });

let folders = 0;
/** A fresh data directory (with a secret.key) and its geo folder; with `existing`, the folder already holds that database as `<edition>.mmdb`. */
function targetIn(edition: GeoEdition, existing?: string): string {
  const dataDir = path.join(workDir, `data-${++folders}`);
  mkdirSync(path.join(dataDir, 'geo'), { recursive: true });
  writeFileSync(path.join(dataDir, 'secret.key'), 'the engine key');
  const target = path.join(dataDir, 'geo', `${edition}.mmdb`);
  if (existing) copyFileSync(existing, target);
  return target;
}

/** Downloads `edition` into the geo folder `target` is in, as `target`'s name there. */
const download = (edition: GeoEdition, target: string, credentials = ACCOUNT, geo = gatewayOn(path.dirname(target))) =>
  geo.downloadDatabase({ edition, credentials, targetName: path.basename(target) } satisfies DatabaseDownload);

/** The download failed with `cause`, the old file is byte-identical, and no temporary file was left behind. */
async function expectFailureKeepingOldFile(edition: GeoEdition, cause: string, credentials = ACCOUNT) {
  const target = targetIn(edition, COUNTRY);
  const result = await download(edition, target, credentials);
  expect(!result.ok && result.error.cause).toBe(cause);
  expect(readFileSync(target).equals(readFileSync(COUNTRY))).toBe(true);
  expect(readdirSync(path.dirname(target))).toEqual([path.basename(target)]);
  expect(JSON.stringify(result)).not.toContain(credentials.licenseKey);
  return !result.ok ? result.error : null;
}

describe('downloading a database', () => {
  it('downloads, checks and swaps in the edition, creating the folder (0700), and writes the checksum beside it', async () => {
    const target = path.join(workDir, 'fresh', 'geo', 'GeoLite2-City.mmdb');
    const result = await download('GeoLite2-City', target);
    expect(result).toMatchObject({ ok: true, value: { outcome: 'updated', info: { path: target, databaseType: 'GeoLite2-City', precision: 'city', sizeBytes: 21088 } } });
    expect(readFileSync(target).equals(readFileSync(CITY))).toBe(true);
    expect(statSync(path.dirname(target)).mode & 0o777).toBe(0o700);
    expect(readdirSync(path.dirname(target)).sort()).toEqual(['GeoLite2-City.mmdb', 'GeoLite2-City.mmdb.sha256']);
    const sha256 = result.ok ? result.value.sha256 : '';
    expect(readFileSync(`${target}.sha256`, 'utf8')).toMatch(new RegExp(`^${sha256}  GeoLite2-City_\\d{8}\\.tar\\.gz\\n$`));

    // The protocol: checksum, then the archive through a 302 to a presigned link.
    expect(fake.state.requests.map((r) => [r.path.replace(/\?X-Amz.*/, ''), r.status])).toEqual([
      ['/geoip/databases/GeoLite2-City/download?suffix=tar.gz.sha256', 200],
      ['/geoip/databases/GeoLite2-City/download?suffix=tar.gz', 302],
      [expect.stringMatching(/^\/presigned\/GeoLite2-City_\d{8}\.tar\.gz$/), 200],
    ]);
    expect(fake.state.requests.slice(0, 2).every((r) => r.hadAuthorization && r.accountId === ACCOUNT.accountId)).toBe(true);
  });

  it('replaces an older file, and the next open answers from the new one at once', async () => {
    const target = targetIn('GeoLite2-City', COUNTRY);
    const geo = gatewayOn(path.dirname(target));
    const before = await geo.openDatabase('GeoLite2-City.mmdb');
    expect(before.ok && before.value.info.databaseType).toBe('GeoLite2-Country');
    expect(await download('GeoLite2-City', target, ACCOUNT, geo)).toMatchObject({ ok: true, value: { outcome: 'updated' } });
    const after = await geo.openDatabase('GeoLite2-City.mmdb');
    expect(after.ok && after.value.lookup('81.2.69.142', 'city').city).toBe('London');
  });

  it('reports "unchanged" without downloading the archive when MaxMind publishes the same checksum', async () => {
    const target = targetIn('GeoLite2-Country');
    const first = await download('GeoLite2-Country', target);
    fake.state.reset();
    const second = await download('GeoLite2-Country', target);
    expect(second).toEqual({ ok: true, value: { outcome: 'unchanged', info: expect.objectContaining({ databaseType: 'GeoLite2-Country' }), sha256: first.ok && first.value.sha256 } });
    expect(fake.state.requests.map((r) => r.path)).toEqual(['/geoip/databases/GeoLite2-Country/download?suffix=tar.gz.sha256']);
  });

  it('downloads again when the checksum matches but the file in place no longer opens', async () => {
    const target = targetIn('GeoLite2-Country');
    await download('GeoLite2-Country', target);
    writeFileSync(target, 'damaged');
    expect(await download('GeoLite2-Country', target)).toMatchObject({ ok: true, value: { outcome: 'updated' } });
    expect(readFileSync(target).equals(readFileSync(COUNTRY))).toBe(true);
  });
});

describe('a download writes inside the geo folder only', () => {
  /** The data directory of a target made by targetIn, and its secret.key as it is now. */
  const keyOf = (target: string) => {
    const key = path.join(path.dirname(path.dirname(target)), 'secret.key');
    return { key, bytes: readFileSync(key) };
  };

  it('refuses a target that is a link to the engine key before asking MaxMind, and leaves the key as it was', async () => {
    const target = targetIn('GeoLite2-Country');
    const { key, bytes } = keyOf(target);
    symlinkSync(key, target);
    const result = await download('GeoLite2-Country', target);
    expect(result).toEqual({ ok: false, error: { cause: 'database_path_invalid', detail: `${target} is a link that leads outside ${path.dirname(target)}` } });
    expect(readFileSync(key).equals(bytes)).toBe(true);
    expect(lstatSync(target).isSymbolicLink()).toBe(true);
    expect(fake.state.requests).toEqual([]);
  });

  it('replaces a checksum file that is a link instead of writing through it', async () => {
    const target = targetIn('GeoLite2-Country');
    const { key, bytes } = keyOf(target);
    symlinkSync(key, `${target}.sha256`);
    expect(await download('GeoLite2-Country', target)).toMatchObject({ ok: true, value: { outcome: 'updated' } });
    expect(readFileSync(key).equals(bytes)).toBe(true);
    expect(lstatSync(`${target}.sha256`).isFile()).toBe(true);
    expect(await download('GeoLite2-Country', target)).toMatchObject({ ok: true, value: { outcome: 'unchanged' } });
  });

  it('keeps its temporary files beside the target, and creates a missing sub-folder inside the geo folder (0700)', async () => {
    const folder = path.dirname(targetIn('GeoLite2-City'));
    let during: string[] = [];
    fake.state.duringArchive = () => void (during = readdirSync(path.join(folder, 'city')));
    const result = await gatewayOn(folder).downloadDatabase({ edition: 'GeoLite2-City', credentials: ACCOUNT, targetName: 'city/GeoLite2-City.mmdb' });
    expect(result).toMatchObject({ ok: true, value: { outcome: 'updated', info: { path: path.join(folder, 'city', 'GeoLite2-City.mmdb') } } });
    expect(during).toEqual([expect.stringMatching(/^\.GeoLite2-City\.mmdb\.[0-9a-f]{8}\.tar\.gz\.partial$/)]);
    expect(statSync(path.join(folder, 'city')).mode & 0o777).toBe(0o700);
    expect(readdirSync(path.join(folder, 'city')).sort()).toEqual(['GeoLite2-City.mmdb', 'GeoLite2-City.mmdb.sha256']);
  });

  it('does not put the new file in place when a folder on the way became a link out of the geo folder during the download', async () => {
    const target = targetIn('GeoLite2-City');
    const folder = path.dirname(target);
    const outside = path.join(path.dirname(folder), 'outside');
    mkdirSync(path.join(folder, 'city'));
    mkdirSync(outside);
    copyFileSync(COUNTRY, path.join(outside, 'GeoLite2-City.mmdb'));
    fake.state.duringArchive = () => {
      renameSync(path.join(folder, 'city'), path.join(folder, 'city-before'));
      symlinkSync(outside, path.join(folder, 'city'));
    };
    const result = await gatewayOn(folder).downloadDatabase({ edition: 'GeoLite2-City', credentials: ACCOUNT, targetName: 'city/GeoLite2-City.mmdb' });
    expect(result).toMatchObject({ ok: false, error: { cause: 'database_path_invalid' } });
    expect(readFileSync(path.join(outside, 'GeoLite2-City.mmdb')).equals(readFileSync(COUNTRY))).toBe(true);
    expect(readdirSync(outside)).toEqual(['GeoLite2-City.mmdb']);
  });
});

describe('a failed download keeps the old file and leaves nothing behind', () => {
  it('explains a wrong license key as credentials_invalid, before asking for the archive', async () => {
    await expectFailureKeepingOldFile('GeoLite2-Country', 'credentials_invalid', { ...ACCOUNT, licenseKey: 'wrong_license_key_000_mmk' });
    expect(fake.state.requests.map((r) => r.status)).toEqual([401]);
  });

  it('explains an archive that does not match its checksum as download_corrupt', async () => {
    fake.state.corruptNextArchive = true;
    const failure = await expectFailureKeepingOldFile('GeoLite2-City', 'download_corrupt');
    expect(failure?.detail).toMatch(/does not match MaxMind's checksum/);
  });

  it('explains an archive whose database is damaged as download_corrupt, with the reason', async () => {
    const damaged = await startFakeMaxMind({ accounts: [ACCOUNT], databases: { 'GeoLite2-City': path.join(FIXTURES, 'GeoIP2-City-Test-Broken-Double-Format.mmdb') } });
    try {
      const target = targetIn('GeoLite2-City', COUNTRY);
      const result = await download('GeoLite2-City', target, ACCOUNT, gatewayOn(path.dirname(target), damaged.downloadUrl));
      expect(!result.ok && result.error).toEqual({ cause: 'download_corrupt', detail: expect.stringMatching(/^the \.mmdb file in GeoLite2-City_\d{8}\.tar\.gz is damaged: .*double stored in/) });
      expect(readFileSync(target).equals(readFileSync(COUNTRY))).toBe(true);
      expect(readdirSync(path.dirname(target))).toEqual(['GeoLite2-City.mmdb']);
    } finally {
      await damaged.close();
    }
  });

  it.each([
    ['a Country file for a City edition', 'GeoIP2-City', /GeoIP2-City is a GeoLite2-Country database, not a city one/],
    ['an ASN file for a Country edition', 'GeoIP2-Country', /GeoIP2-Country is a GeoLite2-ASN-xyz database, not a country one/],
  ] as const)('explains %s as database_wrong_type', async (_label, edition, detail) => {
    expect((await expectFailureKeepingOldFile(edition, 'database_wrong_type'))?.detail).toMatch(detail);
  });

  it('explains an edition the account does not include (403) as permission_required', async () => {
    const failure = await expectFailureKeepingOldFile('GeoIP2-City', 'permission_required', LITE_ONLY);
    expect(failure?.detail).toMatch(/may not download GeoIP2-City/);
  });

  it('explains an edition MaxMind does not know (404) as permission_required, naming it', async () => {
    const failure = await expectFailureKeepingOldFile('GeoLite2-Town' as GeoEdition, 'permission_required');
    expect(failure?.detail).toMatch(/no database edition called GeoLite2-Town/);
  });

  it.each([503, 429])('explains an outage (%i) as service_unavailable', async (status) => {
    fake.state.outage = status;
    await expectFailureKeepingOldFile('GeoLite2-City', 'service_unavailable');
  });

  it('explains an unreachable download service as network_error', async () => {
    const target = targetIn('GeoLite2-City', COUNTRY);
    const gateway = gatewayOn(path.dirname(target), `http://127.0.0.1:${await closedPort()}`);
    expect(await download('GeoLite2-City', target, ACCOUNT, gateway)).toMatchObject({ ok: false, error: { cause: 'network_error' } });
    expect(readdirSync(path.dirname(target))).toEqual(['GeoLite2-City.mmdb']);
  });

  it('explains an archive download that stalls half-way as timeout, and removes the partial file', async () => {
    const stalling = createServer((request, response) => {
      if (request.url?.endsWith('suffix=tar.gz.sha256')) return void response.end(`${'a'.repeat(64)}  GeoLite2-City_20240101.tar.gz\n`);
      response.writeHead(200, { 'content-type': 'application/gzip' }).write(Buffer.alloc(4096));
    });
    await new Promise<void>((ready) => stalling.listen(0, '127.0.0.1', ready));
    const origin = `http://127.0.0.1:${(stalling.address() as AddressInfo).port}`;
    try {
      const target = targetIn('GeoLite2-City', COUNTRY);
      expect(await download('GeoLite2-City', target, ACCOUNT, gatewayOn(path.dirname(target), origin, 300))).toMatchObject({ ok: false, error: { cause: 'timeout' } });
      expect(readdirSync(path.dirname(target))).toEqual(['GeoLite2-City.mmdb']);
    } finally {
      stalling.closeAllConnections();
      stalling.close();
    }
  });

  it('explains a target folder that cannot be created', async () => {
    const blocker = path.join(workDir, 'a-file');
    writeFileSync(blocker, '');
    const result = await download('GeoLite2-City', path.join(blocker, 'geo', 'GeoLite2-City.mmdb'));
    expect(!result.ok && result.error.cause).toBe('database_missing');
    expect(existsSync(path.join(blocker, 'geo'))).toBe(false);
  });
});

describe('unpacking the archive', () => {
  async function archiveOf(files: Record<string, string | Buffer>): Promise<string> {
    const source = mkdtempSync(path.join(workDir, 'archive-'));
    for (const [name, content] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(source, name)), { recursive: true });
      writeFileSync(path.join(source, name), content);
    }
    const file = `${source}.tar.gz`;
    await create({ gzip: true, cwd: source, file }, Object.keys(files));
    return file;
  }

  it('copies the one .mmdb entry and nothing else', async () => {
    const archive = await archiveOf({ 'GeoLite2-City_20240101/COPYRIGHT.txt': 'c', 'GeoLite2-City_20240101/GeoLite2-City.mmdb': readFileSync(CITY), 'GeoLite2-City_20240101/LICENSE.txt': 'l' });
    const target = path.join(workDir, 'unpacked.mmdb');
    expect(await extractDatabaseEntry(archive, target)).toEqual({ ok: true, value: undefined });
    expect(createHash('sha256').update(readFileSync(target)).digest('hex')).toBe(createHash('sha256').update(readFileSync(CITY)).digest('hex'));
  });

  it.each([
    ['no .mmdb file', { 'GeoLite2-City_20240101/LICENSE.txt': 'l' }, /holds 0 \.mmdb files/],
    ['two .mmdb files', { 'a/One.mmdb': 'x', 'a/Two.mmdb': 'y' }, /holds 2 \.mmdb files/],
  ])('refuses an archive with %s as download_corrupt', async (_label, files, detail) => {
    const result = await extractDatabaseEntry(await archiveOf(files), path.join(workDir, 'refused.mmdb'));
    expect(!result.ok && result.error).toEqual({ cause: 'download_corrupt', detail: expect.stringMatching(detail) });
  });

  it('refuses a broken gzip stream and something that is no archive at all', async () => {
    const archive = await archiveOf({ 'a/GeoLite2-City.mmdb': readFileSync(CITY) });
    const broken = readFileSync(archive);
    broken[broken.length >> 1]! ^= 0xff;
    writeFileSync(archive, broken);
    expect(await extractDatabaseEntry(archive, path.join(workDir, 'broken.mmdb'))).toMatchObject({ ok: false, error: { cause: 'download_corrupt', detail: expect.stringMatching(/cannot be unpacked/) } });
    const notAnArchive = path.join(workDir, 'not-an-archive.tar.gz');
    writeFileSync(notAnArchive, 'this is not a tar file, not even gzip');
    expect(await extractDatabaseEntry(notAnArchive, path.join(workDir, 'nothing.mmdb'))).toMatchObject({ ok: false, error: { cause: 'download_corrupt' } });
  });
});

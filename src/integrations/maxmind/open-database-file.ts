import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import { Reader, type CityResponse } from 'maxmind';
import type { GeoFailure } from '../../domain/geo/geo-gateway.js';
import { err, ok, type Result } from '../../shared/result.js';
import { createGeoLocator, type MaxMindLocator } from './create-geo-locator.js';
import { describeDatabase } from './describe-database.js';
import { fileFailure } from './file-failure.js';
import { findDatabaseProblem } from './find-database-problem.js';
import type { FileIdentity } from './resolve-geo-file.js';

const GZIP_MAGIC = Buffer.from([0x1f, 0x8b]);

/**
 * Reads a .mmdb file into memory, opens it and proves that it decodes. No caching here: see
 * createDatabaseCache. Failures name the file as `describedAs` (the downloader's temporary files
 * have names nobody should see). With `expected`, the file opened must be the one resolveGeoFile
 * found: a link or another file swapped in since then is refused, never read.
 *
 * The decoder is the `maxmind` package's Reader, the one @maxmind/geoip2-node's
 * Reader.openBuffer wraps: geoip2-node's ReaderModel keeps it private and answers with model
 * objects that camelCase every key of the whole record, which costs 2.6× the decoding itself on
 * every new visitor. We read four fields and need none of that.
 */
export async function openDatabaseFile(path: string, describedAs = path, expected?: FileIdentity): Promise<Result<MaxMindLocator, GeoFailure>> {
  const unreadable = (why: string) => err<GeoFailure>({ cause: 'database_unreadable', detail: `${describedAs} ${why}` });
  let db: Buffer;
  try {
    // O_NOFOLLOW: a link put in place of the file at the last moment fails to open (ELOOP).
    const handle = await open(path, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0));
    try {
      const opened = await handle.stat();
      if (expected && (opened.dev !== expected.dev || opened.ino !== expected.ino)) return unreadable('was replaced while it was being opened; check again');
      db = await handle.readFile();
    } finally {
      await handle.close();
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOOP') return unreadable('was replaced by a link while it was being opened; check again');
    return err(fileFailure(error, describedAs, 'read'));
  }
  if (db.length === 0) return unreadable('is empty');
  if (db.subarray(0, 2).equals(GZIP_MAGIC)) return unreadable('is compressed (gzip); extract the .mmdb file from the archive first');
  let reader: Reader<CityResponse>;
  try {
    reader = new Reader<CityResponse>(db);
  } catch (error) {
    return unreadable(`is not a MaxMind database: ${(error as Error).message}`);
  }
  const described = describeDatabase(path, reader, db.length);
  if (!described.ok) return unreadable(described.error);
  let problem: string | null;
  try {
    problem = findDatabaseProblem(db, reader);
  } catch (error) {
    problem = `its search tree is damaged: ${(error as Error).message}`;
  }
  if (problem) return unreadable(`is damaged: ${problem}`);
  return ok(createGeoLocator(reader, described.value));
}

import { randomUUID } from 'node:crypto';
import { constants } from 'node:fs';
import { mkdir, open, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { DatabaseDownload, DownloadOutcome, GeoFailure } from '../../domain/geo/geo-gateway.js';
import { err, ok, type Result } from '../../shared/result.js';
import type { DatabaseCache } from './create-database-cache.js';
import type { OutboundHttp } from '../http/create-outbound-http.js';
import { downloadArchive } from './download-archive.js';
import { extractDatabaseEntry } from './extract-database-entry.js';
import { fetchChecksum } from './fetch-checksum.js';
import { fileFailure } from './file-failure.js';
import { openDatabaseFile } from './open-database-file.js';
import { resolveGeoFile, type GeoFile } from './resolve-geo-file.js';

export interface DownloadDependencies {
  http: OutboundHttp;
  downloadUrl: string;
  timeoutMs: number;
  databases: DatabaseCache;
  /** The geo folder of the data directory: the only place a download creates or replaces files. */
  folder: string;
}

/**
 * MaxMind's download API, and the swap: the target is replaced only by a file that matched the
 * published checksum, unpacked, opened and proved to decode, and has the edition's type. On any
 * failure the old file is untouched and every temporary file is gone. Every file written is
 * inside the geo folder: the target is resolved there (a link leading out is refused before
 * MaxMind is asked), temporary files are created new beside it (never through a link), and files
 * are put in place by rename, which replaces a directory entry instead of writing through it.
 */
export async function downloadGeoDatabase(deps: DownloadDependencies, { edition, credentials, targetName }: DatabaseDownload): Promise<Result<DownloadOutcome, GeoFailure>> {
  const endpoint = `${deps.downloadUrl}/geoip/databases/${edition}/download`;
  const { timeoutMs } = deps;
  const before = await resolveGeoFile(deps.folder, targetName);
  if (!before.ok) return before;

  // 1. What MaxMind publishes now: a few bytes, asked before the archive of up to 70 MB.
  const published = await fetchChecksum({ http: deps.http, url: `${endpoint}?suffix=tar.gz.sha256`, edition, credentials, timeoutMs });
  if (!published.ok) return published;
  const { sha256, archiveName } = published.value;

  // 2. The file in place came from this very archive and still opens: nothing to do.
  if (before.value.found && (await readRecordedChecksum(`${before.value.path}.sha256`)) === sha256) {
    const current = await deps.databases.open(targetName);
    if (current.ok) return ok({ outcome: 'unchanged', info: current.value.info, sha256 });
  }

  // 3. Download, check and unpack beside the target, so the final rename stays on one file system.
  const target = await prepareFolder(deps.folder, targetName);
  if (!target.ok) return target;
  const { path: targetPath, shown } = target.value;
  const temporary = join(dirname(targetPath), `.${basename(targetPath)}.${randomUUID().slice(0, 8)}`);
  const archiveFile = `${temporary}.tar.gz.partial`;
  const databaseFile = `${temporary}.mmdb.partial`;
  const checksumFile = `${temporary}.sha256.partial`;
  try {
    // Created new here, so the archive cannot be written through a link already waiting at its name.
    await writeFile(archiveFile, '', { mode: 0o600, flag: 'wx' });
    const downloaded = await downloadArchive({ http: deps.http, url: `${endpoint}?suffix=tar.gz`, edition, credentials, timeoutMs, file: archiveFile });
    if (!downloaded.ok) return downloaded;
    if (downloaded.value.sha256 !== sha256) {
      return err({ cause: 'download_corrupt', detail: `the archive ${archiveName} does not match MaxMind's checksum (sha256 ${downloaded.value.sha256.slice(0, 12)}…, expected ${sha256.slice(0, 12)}…)` });
    }
    const extracted = await extractDatabaseEntry(archiveFile, databaseFile);
    if (!extracted.ok) return extracted;
    const opened = await openDatabaseFile(databaseFile, `the .mmdb file in ${archiveName}`);
    if (!opened.ok) return err({ cause: 'download_corrupt', detail: opened.error.detail });
    const { info } = opened.value;
    const expected = edition.endsWith('City') ? 'city' : 'country';
    if (info.precision !== expected) return err({ cause: 'database_wrong_type', detail: `the download of ${edition} is a ${info.databaseType} database, not a ${expected} one` });

    // 4. The swap: durable first, then atomic, to the place the target still resolves to (a link
    // swapped in during the download is caught here).
    await syncToDisk(databaseFile);
    const still = await resolveGeoFile(deps.folder, targetName);
    if (!still.ok) return still;
    if (still.value.path !== targetPath) return err({ cause: 'database_unreadable', detail: `${shown} was moved or replaced by a link during the download; the new file was not put in place` });
    await rename(databaseFile, targetPath);
    deps.databases.forget(targetName);
    await writeFile(checksumFile, `${sha256}  ${archiveName}\n`, { mode: 0o600, flag: 'wx' })
      .then(() => rename(checksumFile, `${targetPath}.sha256`))
      .catch(() => {
        // The new file is in place either way; without its checksum the next update downloads it once more.
      });
    return ok({ outcome: 'updated', info: { ...info, path: targetPath }, sha256 });
  } catch (error) {
    return err(fileFailure(error, shown, 'write'));
  } finally {
    await Promise.all([archiveFile, databaseFile, checksumFile].map((file) => rm(file, { force: true })));
  }
}

/** Creates the geo folder (0700) and the target's sub-folders, and resolves the target in them again. */
async function prepareFolder(folder: string, name: string): Promise<Result<GeoFile, GeoFailure>> {
  try {
    await mkdir(folder, { recursive: true, mode: 0o700 });
    const first = await resolveGeoFile(folder, name);
    if (!first.ok) return first;
    // Below a real folder inside the geo folder: what is missing is created there, nowhere else.
    await mkdir(dirname(first.value.path), { recursive: true, mode: 0o700 });
  } catch (error) {
    return err(fileFailure(error, join(folder, name), 'write'));
  }
  return resolveGeoFile(folder, name);
}

/** The checksum written beside the file by the last update, or null; a link there is not followed. */
async function readRecordedChecksum(path: string): Promise<string | null> {
  try {
    const handle = await open(path, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0));
    try {
      return /^[0-9a-f]{64}/.exec((await handle.read(Buffer.alloc(64), 0, 64, 0)).buffer.toString('latin1'))?.[0] ?? null;
    } finally {
      await handle.close();
    }
  } catch {
    return null;
  }
}

async function syncToDisk(path: string): Promise<void> {
  const handle = await open(path, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

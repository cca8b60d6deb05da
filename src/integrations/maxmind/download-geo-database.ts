import { randomUUID } from 'node:crypto';
import { mkdir, open, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { DatabaseDownload, DownloadOutcome, GeoFailure } from '../../domain/geo/geo-gateway.js';
import { err, ok, type Result } from '../../shared/result.js';
import type { DatabaseCache } from './create-database-cache.js';
import { downloadArchive } from './download-archive.js';
import { extractDatabaseEntry } from './extract-database-entry.js';
import { fetchChecksum } from './fetch-checksum.js';
import { fileFailure } from './file-failure.js';
import { openDatabaseFile } from './open-database-file.js';

export interface DownloadDependencies {
  downloadUrl: string;
  timeoutMs: number;
  databases: DatabaseCache;
}

/**
 * MaxMind's download API, and the swap: the target is replaced only by a file that matched the
 * published checksum, unpacked, opened and proved to decode, and has the edition's type. On any
 * failure the old file is untouched and every temporary file is gone.
 */
export async function downloadGeoDatabase(deps: DownloadDependencies, { edition, credentials, targetPath }: DatabaseDownload): Promise<Result<DownloadOutcome, GeoFailure>> {
  const endpoint = `${deps.downloadUrl}/geoip/databases/${edition}/download`;
  const { timeoutMs } = deps;

  // 1. What MaxMind publishes now: a few bytes, asked before the archive of up to 70 MB.
  const published = await fetchChecksum({ url: `${endpoint}?suffix=tar.gz.sha256`, edition, credentials, timeoutMs });
  if (!published.ok) return published;
  const { sha256, archiveName } = published.value;

  // 2. The file in place came from this very archive and still opens: nothing to do.
  const checksumFile = `${targetPath}.sha256`;
  if ((await readRecordedChecksum(checksumFile)) === sha256) {
    const current = await deps.databases.open(targetPath);
    if (current.ok) return ok({ outcome: 'unchanged', info: current.value.info, sha256 });
  }

  // 3. Download, check and unpack beside the target, so the final rename stays on one file system.
  const directory = dirname(targetPath);
  const temporary = join(directory, `.${basename(targetPath)}.${randomUUID().slice(0, 8)}`);
  const archiveFile = `${temporary}.tar.gz.partial`;
  const databaseFile = `${temporary}.mmdb.partial`;
  try {
    await mkdir(directory, { recursive: true, mode: 0o700 });
  } catch (error) {
    return err(fileFailure(error, targetPath, 'write'));
  }
  try {
    const downloaded = await downloadArchive({ url: `${endpoint}?suffix=tar.gz`, edition, credentials, timeoutMs, file: archiveFile });
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

    // 4. The swap: durable first, then atomic.
    await syncToDisk(databaseFile);
    await rename(databaseFile, targetPath);
    deps.databases.forget(targetPath);
    await writeFile(checksumFile, `${sha256}  ${archiveName}\n`, { mode: 0o600 }).catch(() => {
      // The new file is in place either way; without its checksum the next update downloads it once more.
    });
    return ok({ outcome: 'updated', info: { ...info, path: targetPath }, sha256 });
  } catch (error) {
    return err(fileFailure(error, targetPath, 'write'));
  } finally {
    await Promise.all([rm(archiveFile, { force: true }), rm(databaseFile, { force: true })]);
  }
}

/** The checksum written beside the file by the last update, or null. */
async function readRecordedChecksum(path: string): Promise<string | null> {
  try {
    return /^[0-9a-f]{64}/.exec(await readFile(path, 'utf8'))?.[0] ?? null;
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

import { LRUCache } from 'lru-cache';
import type { GeoFailure, GeoLocator } from '../../domain/geo/geo-gateway.js';
import { err, type Result } from '../../shared/result.js';
import { openDatabaseFile } from './open-database-file.js';
import { resolveGeoFile, type FileIdentity } from './resolve-geo-file.js';

export interface DatabaseCache {
  /** The locator of the file called `name` in the geo folder, opened again only when the file changed. */
  open(name: string): Promise<Result<GeoLocator, GeoFailure>>;
  /** Drops what is known about `name`, so the next open reads it again (after the downloader replaced it). */
  forget(name: string): void;
}

/** Every lookup asks for the database, so the file is looked at (lstat) at most this often. */
const RECHECK_MS = 5000;
/** A City file takes ~70 MB of memory; an admin trying names must not keep every one of them. */
const OPEN_FILES = 3;

interface Entry {
  /** Failures are kept too, so a missing file costs one look per interval, not one per visitor. */
  result: Result<GeoLocator, GeoFailure>;
  /** The file that was opened, and where it was: a link pointed elsewhere is a different file. */
  identity: (FileIdentity & { path: string }) | null;
  checkedAt: number;
}

/**
 * Opened databases by name, inside `folder` only (see resolveGeoFile). A file swapped by an update
 * (new inode, size or mtime) is picked up within RECHECK_MS; concurrent opens of the same name
 * share one read.
 */
export function createDatabaseCache(folder: string, now: () => number = Date.now): DatabaseCache {
  const entries = new LRUCache<string, Entry>({ max: OPEN_FILES });
  const pending = new Map<string, Promise<Result<GeoLocator, GeoFailure>>>();

  async function refresh(name: string, previous: Entry | undefined): Promise<Result<GeoLocator, GeoFailure>> {
    const checkedAt = now();
    const resolved = await resolveGeoFile(folder, name);
    if (!resolved.ok || !resolved.value.found) {
      const result = resolved.ok ? err<GeoFailure>({ cause: 'database_missing', detail: `there is no file at ${resolved.value.shown}` }) : resolved;
      entries.set(name, { result, identity: null, checkedAt });
      return result;
    }
    const { path, shown, found } = resolved.value;
    const identity = { ...found, path };
    const result = previous?.identity && sameFile(previous.identity, identity) ? previous.result : await openDatabaseFile(path, shown, found);
    entries.set(name, { result, identity, checkedAt });
    return result;
  }

  return {
    async open(name) {
      const entry = entries.get(name);
      if (entry && now() - entry.checkedAt < RECHECK_MS) return entry.result;
      let opening = pending.get(name);
      if (!opening) {
        opening = refresh(name, entry).finally(() => pending.delete(name));
        pending.set(name, opening);
      }
      return opening;
    },
    forget(name) {
      entries.delete(name);
    },
  };
}

function sameFile(a: FileIdentity & { path: string }, b: FileIdentity & { path: string }): boolean {
  return a.path === b.path && a.dev === b.dev && a.ino === b.ino && a.size === b.size && a.mtimeMs === b.mtimeMs;
}

import { stat } from 'node:fs/promises';
import { LRUCache } from 'lru-cache';
import type { GeoFailure, GeoLocator } from '../../domain/geo/geo-gateway.js';
import { err, ok, type Result } from '../../shared/result.js';
import { fileFailure } from './file-failure.js';
import { openDatabaseFile } from './open-database-file.js';

export interface DatabaseCache {
  /** The locator of the file at `path`, opened again only when the file changed. */
  open(path: string): Promise<Result<GeoLocator, GeoFailure>>;
  /** Drops what is known about `path`, so the next open reads it again (after the downloader replaced it). */
  forget(path: string): void;
}

/** Every lookup asks for the database, so the file is looked at (stat) at most this often. */
const RECHECK_MS = 5000;
/** A City file takes ~70 MB of memory; an admin trying paths must not keep every one of them. */
const OPEN_FILES = 3;

interface FileIdentity {
  ino: number;
  size: number;
  mtimeMs: number;
}

interface Entry {
  /** Failures are kept too, so a missing file costs one stat per interval, not one per visitor. */
  result: Result<GeoLocator, GeoFailure>;
  identity: FileIdentity | null;
  checkedAt: number;
}

/**
 * Opened databases by path. A file swapped by an update (new inode, size or mtime) is picked up
 * within RECHECK_MS; concurrent opens of the same path share one read.
 */
export function createDatabaseCache(now: () => number = Date.now): DatabaseCache {
  const entries = new LRUCache<string, Entry>({ max: OPEN_FILES });
  const pending = new Map<string, Promise<Result<GeoLocator, GeoFailure>>>();

  async function refresh(path: string, previous: Entry | undefined): Promise<Result<GeoLocator, GeoFailure>> {
    const checkedAt = now();
    const identity = await identify(path);
    if (!identity.ok) {
      entries.set(path, { result: identity, identity: null, checkedAt });
      return identity;
    }
    const result = previous?.identity && sameFile(previous.identity, identity.value) ? previous.result : await openDatabaseFile(path);
    entries.set(path, { result, identity: identity.value, checkedAt });
    return result;
  }

  return {
    async open(path) {
      if (!path.trim()) return err({ cause: 'database_missing', detail: 'no database path is set' });
      const entry = entries.get(path);
      if (entry && now() - entry.checkedAt < RECHECK_MS) return entry.result;
      let opening = pending.get(path);
      if (!opening) {
        opening = refresh(path, entry).finally(() => pending.delete(path));
        pending.set(path, opening);
      }
      return opening;
    },
    forget(path) {
      entries.delete(path);
    },
  };
}

async function identify(path: string): Promise<Result<FileIdentity, GeoFailure>> {
  try {
    const { ino, size, mtimeMs } = await stat(path);
    return ok({ ino, size, mtimeMs });
  } catch (error) {
    return err(fileFailure(error, path, 'read'));
  }
}

function sameFile(a: FileIdentity, b: FileIdentity): boolean {
  return a.ino === b.ino && a.size === b.size && a.mtimeMs === b.mtimeMs;
}

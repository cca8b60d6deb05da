import { lstat, readlink, realpath } from 'node:fs/promises';
import path from 'node:path';
import { refusedDatabaseName } from '../../domain/geo/database-name.js';
import type { GeoFailure } from '../../domain/geo/geo-gateway.js';
import { err, ok, type Result } from '../../shared/result.js';
import { fileFailure } from './file-failure.js';

/** What makes a file the same file: a swap (rename, new link) changes inode or device. */
export interface FileIdentity {
  dev: number;
  ino: number;
  size: number;
  mtimeMs: number;
}

export interface GeoFile {
  /** The file with every link resolved, inside the folder; when nothing is there, where it would be created. */
  path: string;
  /** As people know it: `<folder>/<name>`. */
  shown: string;
  /** The file found there (never a link), or null when there is none. */
  found: FileIdentity | null;
}

/** Links followed inside the folder before giving up, so a loop of links ends. */
const MAX_LINKS = 16;

const isMissing = (error: unknown) => ['ENOENT', 'ENOTDIR'].includes((error as NodeJS.ErrnoException).code ?? '');
const refused = (detail: string) => err<GeoFailure>({ cause: 'database_path_invalid', detail });

/**
 * Where `name` is inside `folder`, resolved like realpath but one entry at a time, so that nothing
 * outside the folder is ever looked at: a link is read (readlink) and its target checked by its
 * text before anything is opened there. A link that leads outside, or a folder that is itself a
 * link, is refused; the answer never depends on what exists outside the folder.
 */
export async function resolveGeoFile(folder: string, name: string): Promise<Result<GeoFile, GeoFailure>> {
  const shown = path.join(folder, name);
  const refusedName = refusedDatabaseName(name);
  if (refusedName) return refused(refusedName);
  let root: string;
  try {
    const stats = await lstat(folder);
    if (stats.isSymbolicLink() || !stats.isDirectory()) return refused(`${folder} is ${stats.isSymbolicLink() ? 'a link' : 'not a folder'}; the geo folder must be a real folder`);
    root = await realpath(folder);
  } catch (error) {
    if (isMissing(error)) return ok({ path: shown, shown, found: null });
    return err(fileFailure(error, folder, 'read'));
  }

  const pending = name.split('/');
  let current = root;
  let links = 0;
  // Never empty here: a name has a part, and a link adds at least one.
  for (;;) {
    const entry = path.join(current, pending.shift()!);
    try {
      const stats = await lstat(entry);
      if (stats.isSymbolicLink()) {
        const inside = path.relative(root, path.resolve(current, await readlink(entry)));
        if (inside === '' || inside === '..' || inside.startsWith(`..${path.sep}`) || path.isAbsolute(inside)) return refused(`${shown} is a link that leads outside ${folder}`);
        if (++links > MAX_LINKS) return refused(`${shown} goes through more than ${MAX_LINKS} links`);
        pending.unshift(...inside.split(path.sep));
        current = root;
        continue;
      }
      // A file where a folder should be: nothing can be below it.
      if (pending.length > 0 && !stats.isDirectory()) return ok({ path: path.join(entry, ...pending), shown, found: null });
      current = entry;
      if (pending.length === 0) return ok({ path: entry, shown, found: { dev: stats.dev, ino: stats.ino, size: stats.size, mtimeMs: stats.mtimeMs } });
    } catch (error) {
      if (isMissing(error)) return ok({ path: path.join(entry, ...pending), shown, found: null });
      return err(fileFailure(error, shown, 'read'));
    }
  }
}

import { lstat, mkdir, readdir, rename, rmdir } from 'node:fs/promises';
import path from 'node:path';
import { defaultDatabaseName } from '../../domain/geo/database-name.js';
import { GEO_EDITIONS } from '../../domain/geo/geo-gateway.js';
import type { Logger } from '../../shared/logger.js';

/** Where automatic updates put their files before the geo folder existed. */
const LEGACY_FOLDER = 'geoip';

const DOWNLOADED_NAMES = new Set(GEO_EDITIONS.flatMap((edition) => [defaultDatabaseName(edition), `${defaultDatabaseName(edition)}.sha256`]));

/**
 * Moves the files automatic updates downloaded into `<dataDir>/geoip/` to the geo folder, so an
 * existing setup keeps its database; the old folder is removed once empty, so this runs once.
 * Only regular files with an edition's name move, never over a file already in the geo folder;
 * links and anything else stay where they are. Never fails the start: a problem is logged.
 */
export async function moveLegacyGeoDatabases(dataDir: string, folder: string, logger: Logger): Promise<void> {
  const legacy = path.join(dataDir, LEGACY_FOLDER);
  const moved: string[] = [];
  try {
    if (!(await lstat(legacy).catch(() => null))?.isDirectory()) return;
    await mkdir(folder, { recursive: true, mode: 0o700 });
    if (!(await lstat(folder)).isDirectory()) return;
    for (const entry of await readdir(legacy, { withFileTypes: true })) {
      const destination = path.join(folder, entry.name);
      if (!entry.isFile() || !DOWNLOADED_NAMES.has(entry.name) || (await lstat(destination).catch(() => null))) continue;
      await rename(path.join(legacy, entry.name), destination);
      moved.push(entry.name);
    }
    // Only an empty folder is removed; one with other files stays, and so do they.
    await rmdir(legacy).catch(() => undefined);
  } catch (error) {
    logger.warn({ err: error, from: legacy, to: folder }, 'could not move the MaxMind databases of the old geoip folder; move them into the geo folder by hand');
  }
  if (moved.length) logger.info({ files: moved, from: legacy, to: folder }, 'moved the MaxMind databases into the geo folder');
}

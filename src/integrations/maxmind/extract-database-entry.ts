import { createWriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import { list } from 'tar';
import type { GeoFailure } from '../../domain/geo/geo-gateway.js';
import { err, ok, type Result } from '../../shared/result.js';

/**
 * Copies the one `*.mmdb` file of a MaxMind archive (`<edition>_YYYYMMDD/<edition>.mmdb` beside
 * COPYRIGHT.txt and LICENSE.txt) to `target`, without unpacking anything else.
 */
export async function extractDatabaseEntry(archive: string, target: string): Promise<Result<void, GeoFailure>> {
  let found = 0;
  const writes: Promise<void>[] = [];
  try {
    await list({
      file: archive,
      strict: true,
      onReadEntry(entry) {
        if (entry.type !== 'File' || !entry.path.endsWith('.mmdb')) return;
        found++;
        if (found > 1) return;
        const out = createWriteStream(target, { mode: 0o600, flags: 'wx' });
        entry.pipe(out);
        writes.push(finished(out));
      },
    });
    await Promise.all(writes);
  } catch (error) {
    // Let a half-written file close before the caller removes it.
    await Promise.allSettled(writes);
    return err({ cause: 'download_corrupt', detail: `the downloaded archive cannot be unpacked: ${(error as Error).message}` });
  }
  if (found !== 1) return err({ cause: 'download_corrupt', detail: `the downloaded archive holds ${found} .mmdb files instead of one` });
  return ok(undefined);
}

import { mkdtemp, copyFile, mkdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { create } from 'tar';

export interface FakeArchive {
  /** `<edition>_YYYYMMDD.tar.gz` */
  name: string;
  bytes: Buffer;
}

/**
 * The archive MaxMind publishes for an edition: `<edition>_YYYYMMDD/` holding COPYRIGHT.txt,
 * LICENSE.txt and `<edition>.mmdb` (the date is the served file's modification day).
 */
export async function buildArchive(edition: string, databaseFile: string): Promise<FakeArchive> {
  const day = (await stat(databaseFile)).mtime.toISOString().slice(0, 10).replaceAll('-', '');
  const folder = `${edition}_${day}`;
  const workDir = await mkdtemp(join(tmpdir(), 'fake-maxmind-'));
  try {
    await mkdir(join(workDir, folder));
    await copyFile(databaseFile, join(workDir, folder, `${edition}.mmdb`));
    await writeFile(join(workDir, folder, 'COPYRIGHT.txt'), 'Database and Contents Copyright (c) MaxMind, Inc.\n');
    await writeFile(join(workDir, folder, 'LICENSE.txt'), 'Use of this MaxMind product is governed by MaxMind\'s GeoLite2 End User License Agreement.\n');
    const chunks: Buffer[] = [];
    for await (const chunk of create({ gzip: true, cwd: workDir, portable: true }, [folder])) chunks.push(chunk as Buffer);
    return { name: `${folder}.tar.gz`, bytes: Buffer.concat(chunks) };
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}

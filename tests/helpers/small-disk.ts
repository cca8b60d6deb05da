import { execFileSync } from 'node:child_process';
import { chownSync, closeSync, mkdirSync, mkdtempSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { onTestFinished } from 'vitest';

/**
 * A real, small file system (tmpfs) that a test fills up: the full disk is the operating system's
 * ENOSPC, not an imitation. Mounting needs root (or CAP_SYS_ADMIN); tests skip where it is refused.
 */
export interface SmallDisk {
  dir: string;
  /** Writes a filler file until the disk refuses another byte. */
  fill(): void;
  /** Deletes the filler file. */
  free(): void;
}

let mountable: boolean | undefined;

/** Whether this process may mount a tmpfs (checked once, by mounting one). */
export function canMountSmallDisk(): boolean {
  if (mountable === undefined) {
    const dir = mkdtempSync(path.join(tmpdir(), 'pwp-disk-probe-'));
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', dir], { stdio: 'ignore' });
      execFileSync('umount', [dir], { stdio: 'ignore' });
      mountable = true;
    } catch {
      mountable = false;
    }
    rmSync(dir, { recursive: true, force: true });
  }
  return mountable;
}

/** Mounts a tmpfs of `sizeMb` megabytes, unmounted when the test ends. */
export function mountSmallDisk(sizeMb: number): SmallDisk {
  const dir = mkdtempSync(path.join(tmpdir(), 'pwp-disk-'));
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeMb}m,mode=0755`, 'tmpfs', dir]);
  onTestFinished(() => {
    execFileSync('umount', ['--lazy', dir]);
    rmSync(dir, { recursive: true, force: true });
  });
  const filler = path.join(dir, 'filler');
  return {
    dir,
    fill() {
      const fd = openSync(filler, 'a');
      try {
        // Large blocks first, then single pages until not even one fits.
        for (const size of [1024 * 1024, 64 * 1024, 4096, 512]) {
          const block = Buffer.alloc(size, 1);
          try {
            for (;;) writeSync(fd, block);
          } catch (error) {
            if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
          }
        }
      } finally {
        closeSync(fd);
      }
    },
    free: () => rmSync(filler, { force: true }),
  };
}

/**
 * A PostgreSQL database whose tables live on `disk` (a tablespace there), dropped when the test
 * ends; its URL. Filling the disk then makes PostgreSQL answer disk_full (53100) when a table must
 * grow. Needs the server on this machine (it must reach the directory) and a superuser.
 */
export async function createDatabaseOnDisk(serverUrl: string, disk: SmallDisk): Promise<string> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    const { rows } = await admin.query<{ data_directory: string }>('SHOW data_directory');
    const owner = statSync(rows[0]!.data_directory);
    const location = path.join(disk.dir, 'tablespace');
    mkdirSync(location);
    chownSync(location, owner.uid, owner.gid);
    const name = `pwp_full_${process.pid}_${Date.now().toString(36)}`;
    await admin.query(`CREATE TABLESPACE ${name} LOCATION '${location}'`);
    await admin.query(`CREATE DATABASE ${name} TABLESPACE ${name}`);
    onTestFinished(async () => {
      const cleanup = new pg.Client({ connectionString: serverUrl });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.query(`DROP TABLESPACE IF EXISTS ${name}`);
      await cleanup.end();
    });
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    // One connection, as the operator who created it would have made: the server writes its
    // per-database cache file then (on a disk already full, the first connection itself fails).
    const first = new pg.Client({ connectionString: url.toString() });
    await first.connect();
    await first.end();
    return url.toString();
  } finally {
    await admin.end();
  }
}

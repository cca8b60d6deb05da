import { chmodSync, mkdirSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * Keeps the data directory (0700) and the named files in it (0600) to the engine's own user: the
 * database holds password hashes and sealed secrets, and the key file opens them. mkdir's mode
 * only applies to a directory it creates, so one created earlier (by hand, by a container image,
 * often 0755) is tightened here, as are files created with looser modes. Stricter modes are left
 * alone. Returns what could not be done (the engine's user does not own it, a read-only mount),
 * for the start-up log: the engine still runs, but the operator should know.
 */
export function restrictDataDir(dataDir: string, fileNames: readonly string[]): string[] {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const problems: string[] = [];
  const restrict = (target: string, allowed: number) => {
    const mode = statSync(target, { throwIfNoEntry: false })?.mode;
    if (mode === undefined || (mode & 0o777 & ~allowed) === 0) return;
    try {
      chmodSync(target, allowed);
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code ?? String(error);
      problems.push(`${target} is open to other users (mode ${(mode & 0o777).toString(8)}) and could not be changed to ${allowed.toString(8)} (${reason}); change its mode or owner by hand.`);
    }
  };
  restrict(dataDir, 0o700);
  for (const name of fileNames) restrict(path.join(dataDir, name), 0o600);
  return problems;
}

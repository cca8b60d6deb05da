import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

export const REPO_ROOT = path.resolve(import.meta.dirname, '../..');
const BIN = path.join(REPO_ROOT, 'bin/passivewp.js');

function assertBuilt(): void {
  if (!existsSync(path.join(REPO_ROOT, 'dist/server/cli/run.js'))) {
    throw new Error('The engine is not built: run `npm run build` (npm test does it) before the CLI tests.');
  }
}

/** Runs `passivewp <args>` as a real process and waits for it to end. */
export function runCli(args: string[], env: Record<string, string>, input?: string) {
  assertBuilt();
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: REPO_ROOT,
    // The fakes listen on loopback, which outbound requests may reach only when allowed.
    env: { PATH: process.env.PATH ?? '', NODE_ENV: 'test', PASSIVEWP_LOG_FORMAT: 'json', PASSIVEWP_ALLOW_PRIVATE_OUTBOUND: 'loopback', ...env },
    input,
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Starts `passivewp start` as a real process; resolves once it printed its admin URL. */
export async function spawnEngine(env: Record<string, string>): Promise<{ child: ChildProcessWithoutNullStreams; output: () => string; adminUrl: string }> {
  assertBuilt();
  const child = spawn(process.execPath, [BIN, 'start'], {
    cwd: REPO_ROOT,
    env: { PATH: process.env.PATH ?? '', NODE_ENV: 'test', PASSIVEWP_LOG_FORMAT: 'json', PASSIVEWP_PORT: '0', PASSIVEWP_ALLOW_PRIVATE_OUTBOUND: 'loopback', ...env },
  });
  let output = '';
  child.stdout.on('data', (d) => (output += String(d)));
  child.stderr.on('data', (d) => (output += String(d)));
  const adminUrl = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`engine did not start:\n${output}`)), 20_000);
    const check = () => {
      const match = /Admin: (\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout.on('data', check);
    child.on('exit', (code) => reject(new Error(`engine exited with ${code}:\n${output}`)));
  });
  return { child, output: () => output, adminUrl };
}

export function waitForExit(child: ChildProcessWithoutNullStreams): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) resolve({ code: child.exitCode, signal: null });
    else child.once('exit', (code, signal) => resolve({ code, signal }));
  });
}

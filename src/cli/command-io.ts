/** What a command may touch of the outside world; tests pass their own. */
export interface CommandIo {
  env: Record<string, string | undefined>;
  cwd: string;
  out(line: string): void;
  err(line: string): void;
  readStdin(): Promise<string>;
  /** Resolves when the process is asked to stop (SIGTERM / SIGINT). */
  stopSignal: Promise<string>;
}

export class UsageError extends Error {
  override name = 'UsageError';
}

export function engineOptions(io: CommandIo) {
  return { env: io.env, cwd: io.cwd };
}

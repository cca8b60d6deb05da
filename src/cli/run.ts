import { runCli } from './main.js';

/** The process edge: the only file that touches process.env, argv, stdin, signals and the exit code. */
const stopSignal = new Promise<string>((resolve) => {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, () => resolve(signal));
});

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

const code = await runCli(process.argv.slice(2), {
  env: process.env,
  cwd: process.cwd(),
  out: (line) => console.log(line),
  err: (line) => console.error(line),
  readStdin,
  stopSignal,
});
// A pretty-log worker or a stray handle must not keep a finished command alive.
process.exitCode = code;
setTimeout(() => process.exit(code), 200).unref();

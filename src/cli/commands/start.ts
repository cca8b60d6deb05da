import { openEngine, startServer } from '../../main.js';
import { UsageError, engineOptions, type CommandIo } from '../command-io.js';

export async function startCommand(args: string[], io: CommandIo): Promise<number> {
  if (args.length) throw new UsageError(`start takes no arguments (got: ${args.join(' ')}). Use PASSIVEWP_HOST / PASSIVEWP_PORT.`);
  const engine = await openEngine(engineOptions(io));
  const server = await startServer(engine, io.out);
  const signal = await io.stopSignal;
  engine.ctx.logger.info({ signal }, 'stopping: finishing in-flight requests');
  await server.stop();
  return 0;
}

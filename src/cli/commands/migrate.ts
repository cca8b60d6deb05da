import { openEngine } from '../../main.js';
import { engineOptions, type CommandIo } from '../command-io.js';

export async function migrateCommand(_args: string[], io: CommandIo): Promise<number> {
  const engine = await openEngine({ ...engineOptions(io), quiet: true });
  await engine.close();
  io.out(`Database in ${engine.config.dataDir} is up to date.`);
  return 0;
}

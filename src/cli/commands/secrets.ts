import { forgetUnreadableSecrets } from '../../domain/settings/forget-unreadable-secrets.js';
import { openEngine } from '../../main.js';
import { UsageError, engineOptions, type CommandIo } from '../command-io.js';

export async function secretsCommand(args: string[], io: CommandIo): Promise<number> {
  if (args[0] !== 'forget-unreadable') throw new UsageError('Usage: passivewp secrets forget-unreadable');
  const engine = await openEngine({ ...engineOptions(io), quiet: true, allowUnreadableSecrets: true });
  try {
    const forgotten = await forgetUnreadableSecrets(engine.ctx, 'cli');
    io.out(forgotten.length ? `Forgot ${forgotten.join(', ')}. Enter them again in the admin.` : 'Every stored secret opens with the current key; nothing to forget.');
    return 0;
  } finally {
    await engine.close();
  }
}

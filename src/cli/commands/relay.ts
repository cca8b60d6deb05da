import { openEngine } from '../../main.js';
import { UsageError, engineOptions, type CommandIo } from '../command-io.js';
import { manageTokens, TOKEN_VERBS } from './manage-tokens.js';

const USAGE =
  'Usage: passivewp relay token create --name NAME [--per-minute 60] [--daily-share 25%|500] | passivewp relay token list | passivewp relay token revoke ID\n' +
  '  --per-minute: requests per minute the token may make (default 60)\n' +
  '  --daily-share: its share of this engine’s daily Amazon quota, a percentage or a number of requests (default 25%)';

/** Relay tokens let other PassiveWP engines fetch product data from this one (Amazon API Mode "PassiveWP"). */
export async function relayCommand(args: string[], io: CommandIo): Promise<number> {
  const [noun, verb, ...rest] = args;
  if (noun !== 'token' || !verb || !(TOKEN_VERBS as readonly string[]).includes(verb)) throw new UsageError(USAGE);
  const engine = await openEngine({ ...engineOptions(io), quiet: true });
  try {
    return await manageTokens(engine, 'relay', verb, rest, io, USAGE);
  } finally {
    await engine.close();
  }
}

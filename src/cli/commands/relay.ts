import { parseArgs } from 'node:util';
import { createRelayToken } from '../../domain/relay/create-relay-token.js';
import { revokeRelayToken } from '../../domain/relay/revoke-relay-token.js';
import { openEngine, type Engine } from '../../main.js';
import { UsageError, engineOptions, type CommandIo } from '../command-io.js';

const USAGE = 'Usage: passivewp relay token create --name NAME | passivewp relay token list | passivewp relay token revoke ID';

/** Relay tokens let other PassiveWP engines fetch product data from this one (Amazon API Mode "PassiveWP"). */
export async function relayCommand(args: string[], io: CommandIo): Promise<number> {
  const [noun, verb, ...rest] = args;
  if (noun !== 'token' || !verb || !['create', 'list', 'revoke'].includes(verb)) throw new UsageError(USAGE);
  const engine = await openEngine({ ...engineOptions(io), quiet: true });
  try {
    return await run(engine, verb, rest, io);
  } finally {
    await engine.close();
  }
}

async function run(engine: Engine, verb: string, args: string[], io: CommandIo): Promise<number> {
  if (verb === 'create') {
    const { values } = parseArgs({ args, options: { name: { type: 'string' } }, strict: true });
    const created = await createRelayToken(engine.ctx, { name: values.name }, 'cli');
    io.out(`Relay token ${created.id} for "${created.name}":\n\n  ${created.token}\n\nEnter it as "Relay Token" on the other engine. It is shown only now.`);
    return 0;
  }
  if (verb === 'revoke') {
    if (!args[0]) throw new UsageError(USAGE);
    await revokeRelayToken(engine.ctx, args[0], 'cli');
    io.out(`Relay token ${args[0]} revoked.`);
    return 0;
  }
  const tokens = await engine.ctx.stores.relayTokens.list();
  if (!tokens.length) io.out('No relay tokens.');
  for (const t of tokens) {
    io.out(`${t.id}\t${t.name}\t…${t.last4}\tcreated ${t.createdAt}\t${t.revokedAt ? `revoked ${t.revokedAt}` : `last used ${t.lastUsedAt ?? 'never'}`}`);
  }
  return 0;
}

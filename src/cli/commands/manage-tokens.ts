import { parseArgs } from 'node:util';
import { createRelayToken } from '../../domain/relay/create-relay-token.js';
import { revokeRelayToken } from '../../domain/relay/revoke-relay-token.js';
import { SCOPE_NAMES, type TokenScope } from '../../domain/relay/token-scope.js';
import type { Engine } from '../../main.js';
import { UsageError, type CommandIo } from '../command-io.js';

export const TOKEN_VERBS = ['create', 'list', 'revoke'] as const;

/** What to tell the operator with a new key of each scope (it is printed once). */
const HANDOVER: Record<TokenScope, string> = {
  relay: 'Enter it as "Relay Token" on the other engine. It is shown only now.',
  render: 'Give it to the server that renders your pages (the WordPress bridge); it sends it as "Authorization: Bearer …" to /api/render/v1. It is shown only now.',
};

const capitalized = (text: string) => `${text[0]!.toUpperCase()}${text.slice(1)}`;

/** `create --name N`, `list` and `revoke ID` of the bearer keys of one scope (`relay token …`, `render key …`). */
export async function manageTokens(engine: Engine, scope: TokenScope, verb: string, args: string[], io: CommandIo, usage: string): Promise<number> {
  const noun = capitalized(SCOPE_NAMES[scope].noun);
  if (verb === 'create') {
    const { values } = parseArgs({ args, options: { name: { type: 'string' } }, strict: true });
    const created = await createRelayToken(engine.ctx, { name: values.name }, 'cli', scope);
    io.out(`${noun} ${created.id} for "${created.name}":\n\n  ${created.token}\n\n${HANDOVER[scope]}`);
    return 0;
  }
  if (verb === 'revoke') {
    if (!args[0]) throw new UsageError(usage);
    await revokeRelayToken(engine.ctx, args[0], 'cli', scope);
    io.out(`${noun} ${args[0]} revoked.`);
    return 0;
  }
  const tokens = await engine.ctx.stores.relayTokens.list(scope);
  if (!tokens.length) io.out(`No ${SCOPE_NAMES[scope].noun}s.`);
  for (const t of tokens) {
    io.out(`${t.id}\t${t.name}\t…${t.last4}\tcreated ${t.createdAt}\t${t.revokedAt ? `revoked ${t.revokedAt}` : `last used ${t.lastUsedAt ?? 'never'}`}`);
  }
  return 0;
}

import { parseArgs, type ParseArgsConfig } from 'node:util';
import { createRelayToken } from '../../domain/relay/create-relay-token.js';
import { describeRelayLimits } from '../../domain/relay/relay-token-limits.js';
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

/**
 * `create --name N`, `list` and `revoke ID` of the bearer keys of one scope (`relay token …`,
 * `render key …`). A relay token is created with its limits: `--per-minute N` requests per minute
 * and `--daily-share 25%|500`, its share of this engine's daily Amazon quota.
 */
export async function manageTokens(engine: Engine, scope: TokenScope, verb: string, args: string[], io: CommandIo, usage: string): Promise<number> {
  const noun = capitalized(SCOPE_NAMES[scope].noun);
  if (verb === 'create') {
    // Limits belong to relay tokens only: a render key refuses the options as unknown.
    const options: ParseArgsConfig['options'] = { name: { type: 'string' }, ...(scope === 'relay' ? { 'per-minute': { type: 'string' }, 'daily-share': { type: 'string' } } : {}) };
    const given = parseArgs({ args, options, strict: true }).values as { name?: string; 'per-minute'?: string; 'daily-share'?: string };
    const created = await createRelayToken(engine.ctx, { name: given.name, perMinute: given['per-minute'], dailyShare: given['daily-share'] }, 'cli', scope);
    const limitsLine = scope === 'relay' ? `Limits: ${describeRelayLimits(created)}.\n` : '';
    io.out(`${noun} ${created.id} for "${created.name}":\n\n  ${created.token}\n\n${limitsLine}${HANDOVER[scope]}`);
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
    const limits = scope === 'relay' ? `\t${describeRelayLimits(t)}` : '';
    io.out(`${t.id}\t${t.name}\t…${t.last4}${limits}\tcreated ${t.createdAt}\t${t.revokedAt ? `revoked ${t.revokedAt}` : `last used ${t.lastUsedAt ?? 'never'}`}`);
  }
  return 0;
}

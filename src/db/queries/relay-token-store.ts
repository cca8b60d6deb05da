import type { Kysely } from 'kysely';
import type { RelayTokenStore } from '../../domain/ports.js';
import type { TokenScope } from '../../domain/relay/token-scope.js';
import type { Database } from '../schema.js';

const columns = [
  'id',
  'name',
  'scope',
  'last4',
  'created_at as createdAt',
  'last_used_at as lastUsedAt',
  'revoked_at as revokedAt',
  'per_minute as perMinute',
  'daily_share as dailyShare',
] as const;

/** Relay tokens and render keys: one table, told apart by `scope`; every query names the scope it serves. */
export function createRelayTokenStore(db: Kysely<Database>): RelayTokenStore {
  const select = (scope: TokenScope) =>
    db
      .selectFrom('relay_tokens')
      .select(columns)
      .where('scope', '=', scope)
      .$narrowType<{ scope: TokenScope }>();
  return {
    async insert(record, tokenHash) {
      await db
        .insertInto('relay_tokens')
        .values({
          id: record.id,
          name: record.name,
          scope: record.scope,
          token_hash: tokenHash,
          last4: record.last4,
          created_at: record.createdAt,
          last_used_at: null,
          revoked_at: null,
          per_minute: record.perMinute,
          daily_share: record.dailyShare,
        })
        .execute();
    },
    findActive: (tokenHash, scope) => select(scope).where('token_hash', '=', tokenHash).where('revoked_at', 'is', null).executeTakeFirst(),
    async markUsed(id, at) {
      await db.updateTable('relay_tokens').set({ last_used_at: at }).where('id', '=', id).execute();
    },
    async revoke(id, at, scope) {
      const result = await db.updateTable('relay_tokens').set({ revoked_at: at }).where('id', '=', id).where('scope', '=', scope).where('revoked_at', 'is', null).executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
    list: (scope) => select(scope).orderBy('created_at').execute(),
  };
}

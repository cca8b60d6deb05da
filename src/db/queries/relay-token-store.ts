import type { Kysely } from 'kysely';
import type { RelayTokenStore } from '../../domain/ports.js';
import type { Database } from '../schema.js';

const columns = ['id', 'name', 'last4', 'created_at as createdAt', 'last_used_at as lastUsedAt', 'revoked_at as revokedAt'] as const;

export function createRelayTokenStore(db: Kysely<Database>): RelayTokenStore {
  return {
    async insert(record, tokenHash) {
      await db
        .insertInto('relay_tokens')
        .values({ id: record.id, name: record.name, token_hash: tokenHash, last4: record.last4, created_at: record.createdAt, last_used_at: null, revoked_at: null })
        .execute();
    },
    findActive: (tokenHash) => db.selectFrom('relay_tokens').select(columns).where('token_hash', '=', tokenHash).where('revoked_at', 'is', null).executeTakeFirst(),
    async markUsed(id, at) {
      await db.updateTable('relay_tokens').set({ last_used_at: at }).where('id', '=', id).execute();
    },
    async revoke(id, at) {
      const result = await db.updateTable('relay_tokens').set({ revoked_at: at }).where('id', '=', id).where('revoked_at', 'is', null).executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
    list: () => db.selectFrom('relay_tokens').select(columns).orderBy('created_at').execute(),
  };
}

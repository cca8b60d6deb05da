import type { Kysely } from 'kysely';
import type { SetupTokenStore } from '../../domain/ports.js';
import type { Database } from '../schema.js';

export function createSetupTokenStore(db: Kysely<Database>): SetupTokenStore {
  return {
    async replace(tokenHash, createdAt, expiresAt) {
      await db.deleteFrom('setup_tokens').where('used_at', 'is', null).execute();
      await db.insertInto('setup_tokens').values({ token_hash: tokenHash, created_at: createdAt, expires_at: expiresAt, used_at: null }).execute();
    },
    async consume(tokenHash, now) {
      const result = await db
        .updateTable('setup_tokens')
        .set({ used_at: now })
        .where('token_hash', '=', tokenHash)
        .where('used_at', 'is', null)
        .where('expires_at', '>', now)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
    async removeExpired(now) {
      const result = await db.deleteFrom('setup_tokens').where('expires_at', '<=', now).executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}

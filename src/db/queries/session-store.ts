import type { Kysely } from 'kysely';
import type { SessionStore } from '../../domain/ports.js';
import type { Database } from '../schema.js';

export function createSessionStore(db: Kysely<Database>): SessionStore {
  return {
    async insert(tokenHash, s, client) {
      await db
        .insertInto('sessions')
        .values({
          token_hash: tokenHash,
          id: s.id,
          admin_id: s.adminId,
          csrf_token: s.csrfToken,
          created_at: s.createdAt,
          expires_at: s.expiresAt,
          last_seen_at: s.lastSeenAt,
          ip: client.ip,
          user_agent: client.userAgent,
        })
        .execute();
    },
    findValid: (tokenHash, now) =>
      db
        .selectFrom('sessions')
        .innerJoin('admins', 'admins.id', 'sessions.admin_id')
        .select([
          'sessions.id',
          'sessions.admin_id as adminId',
          'admins.email as adminEmail',
          'sessions.csrf_token as csrfToken',
          'sessions.created_at as createdAt',
          'sessions.expires_at as expiresAt',
          'sessions.last_seen_at as lastSeenAt',
        ])
        .where('sessions.token_hash', '=', tokenHash)
        .where('sessions.expires_at', '>', now)
        .executeTakeFirst(),
    async touch(tokenHash, lastSeenAt, expiresAt) {
      await db.updateTable('sessions').set({ last_seen_at: lastSeenAt, expires_at: expiresAt }).where('token_hash', '=', tokenHash).execute();
    },
    async remove(tokenHash) {
      await db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
    },
    async removeExpired(now) {
      const result = await db.deleteFrom('sessions').where('expires_at', '<=', now).executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}

import { sql, type Kysely } from 'kysely';
import type { AttemptLimiter } from '../../domain/auth/attempt-limiter.js';
import type { Database } from '../schema.js';

/** The login limits' counters in the database: one atomic statement per reservation, on both dialects. */
export function createLoginAttemptStore(db: Kysely<Database>): AttemptLimiter {
  return {
    async reserve(key, windowSeconds, now) {
      const at = now.toISOString();
      const freshEnd = new Date(now.getTime() + windowSeconds * 1000).toISOString();
      // Insert-or-increment in one statement, so parallel attempts (from any engine) each get
      // their own count. Columns are qualified: PostgreSQL finds bare ones ambiguous with `excluded`.
      const ended = sql<boolean>`login_attempts.window_ends_at <= ${at}`;
      const row = await db
        .insertInto('login_attempts')
        .values({ key, attempts: 1, window_ends_at: freshEnd })
        .onConflict((oc) =>
          oc.column('key').doUpdateSet({
            attempts: sql<number>`CASE WHEN ${ended} THEN 1 ELSE login_attempts.attempts + 1 END`,
            window_ends_at: sql<string>`CASE WHEN ${ended} THEN ${freshEnd} ELSE login_attempts.window_ends_at END`,
          }),
        )
        .returning(['attempts', 'window_ends_at'])
        .executeTakeFirstOrThrow();
      // A new window is a write anyway: drop the counters whose windows have ended meanwhile.
      if (row.attempts === 1) await db.deleteFrom('login_attempts').where('window_ends_at', '<=', at).execute();
      return { attempts: row.attempts, windowEndsAt: row.window_ends_at };
    },
    async release(key, windowEndsAt) {
      await db
        .updateTable('login_attempts')
        .set({ attempts: sql<number>`attempts - 1` })
        .where('key', '=', key)
        .where('window_ends_at', '=', windowEndsAt)
        .where('attempts', '>', 0)
        .execute();
    },
    async clear(key) {
      await db.deleteFrom('login_attempts').where('key', '=', key).execute();
    },
  };
}

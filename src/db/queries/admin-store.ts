import type { Kysely } from 'kysely';
import type { AdminRecord, AdminStore } from '../../domain/ports.js';
import type { Database } from '../schema.js';

const columns = ['id', 'email', 'password_hash as passwordHash', 'created_at as createdAt'] as const;

export function createAdminStore(db: Kysely<Database>): AdminStore {
  return {
    async count() {
      const row = await db.selectFrom('admins').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      return Number(row.n);
    },
    findByEmail: (email) => db.selectFrom('admins').select(columns).where('email', '=', email).executeTakeFirst(),
    list: () => db.selectFrom('admins').select(columns).orderBy('created_at').execute() as Promise<AdminRecord[]>,
    async insert(admin, createdAt) {
      await db
        .insertInto('admins')
        .values({ id: admin.id, email: admin.email, password_hash: admin.passwordHash, created_at: createdAt, updated_at: createdAt })
        .execute();
    },
  };
}

import { sql, type Insertable, type Kysely, type Selectable } from 'kysely';
import type { CauseCode } from '../../domain/connection-checks/cause-codes.js';
import type { ProductStore } from '../../domain/ports.js';
import type { Product, ProductSourceName } from '../../domain/products/product.js';
import type { ProductRecord, RefreshOutcome } from '../../domain/products/product-record.js';
import { PRODUCT_STATES, type ProductState } from '../../domain/products/product-state.js';
import type { Database, ProductsTable } from '../schema.js';
import { productStateSql } from './product-state-sql.js';
import { attemptColumns, claimRows, releaseRows } from './lease-rows.js';

export function createProductStore(db: Kysely<Database>): ProductStore {
  const filtered = (filter: { search?: string; marketplace?: string }) => {
    let query = db.selectFrom('products');
    if (filter.marketplace) query = query.where('marketplace', '=', filter.marketplace);
    if (filter.search) {
      const like = `%${filter.search.toLowerCase()}%`;
      query = query.where((eb) => eb.or([eb(eb.fn('lower', ['asin']), 'like', like), eb(eb.fn('lower', ['title']), 'like', like)]));
    }
    return query;
  };

  return {
    async insert(record) {
      const result = await db.insertInto('products').values(toRow(record)).onConflict((oc) => oc.columns(['asin', 'marketplace']).doNothing()).executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
    },
    async find(id) {
      const row = await db.selectFrom('products').selectAll().where('id', '=', id).executeTakeFirst();
      return row && fromRow(row);
    },
    async findMany(ids) {
      if (!ids.length) return [];
      return (await db.selectFrom('products').selectAll().where('id', 'in', [...ids]).execute()).map(fromRow);
    },
    async findByAsin(asin, marketplace) {
      const row = await db.selectFrom('products').selectAll().where('asin', '=', asin).where('marketplace', '=', marketplace).executeTakeFirst();
      return row && fromRow(row);
    },
    async findByAsins(asins, marketplace) {
      if (!asins.length) return [];
      return (await db.selectFrom('products').selectAll().where('marketplace', '=', marketplace).where('asin', 'in', [...asins]).execute()).map(fromRow);
    },
    async remove(id) {
      const result = await db.deleteFrom('products').where('id', '=', id).executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
    async list(query, clock) {
      let base = filtered(query);
      if (query.state) base = base.where(productStateSql(clock), '=', query.state);
      const [rows, total] = await Promise.all([
        base.selectAll().orderBy('added_at', 'desc').orderBy('id').limit(query.limit).offset(query.offset).execute(),
        base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      ]);
      return { products: rows.map(fromRow), total: Number(total.n) };
    },
    async countByState(clock, filter) {
      const state = productStateSql(clock);
      const rows = await filtered(filter).select([state.as('state'), (eb) => eb.fn.countAll<number>().as('n')]).groupBy(sql`1`).execute(); // by position: PostgreSQL sees a repeated expression with new parameters as a different one
      const counts = Object.fromEntries(PRODUCT_STATES.map((s) => [s, 0])) as Record<ProductState, number>;
      for (const row of rows) counts[row.state as ProductState] = Number(row.n);
      return counts;
    },
    async marketplaces() {
      const rows = await db.selectFrom('products').select(['marketplace', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('marketplace').orderBy('marketplace').execute();
      return rows.map((row) => ({ marketplace: row.marketplace, count: Number(row.n) }));
    },
    async listDue({ marketplaces, now, dueBefore, fillBefore, limit }) {
      if (!marketplaces.length || limit <= 0) return [];
      const rows = await db
        .selectFrom('products')
        .select(['id', 'marketplace', 'views', 'fetched_at'])
        .where('marketplace', 'in', [...marketplaces])
        .where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<=', now)]))
        .where((eb) => eb.or([eb('retry_after', 'is', null), eb('retry_after', '<=', now)]))
        // A fetch time after now (another server's clock, an old damaged row) can never be shown, so it is due at once.
        .where((eb) => eb.or([eb('fetched_at', 'is', null), eb('fetched_at', '<', fillBefore), eb('fetched_at', '>', now)]))
        // Due first; among them the most viewed, then the stalest (never fetched before all); early ones stalest first.
        .orderBy((eb) => eb.case().when(eb.or([eb('fetched_at', 'is', null), eb('fetched_at', '<', dueBefore), eb('fetched_at', '>', now)])).then(0).else(1).end())
        .orderBy((eb) => eb.case().when(eb('fetched_at', 'is', null)).then(0).else(1).end())
        .orderBy('views', 'desc')
        .orderBy('fetched_at')
        .orderBy('id')
        .limit(limit)
        .execute();
      return rows.map((row) => ({ id: row.id, marketplace: row.marketplace, views: row.views, fetchedAt: row.fetched_at }));
    },
    claim: (ids, claimToken, until, now) => claimRows(db, 'products', ids, claimToken, until, now),
    release: (ids, claimToken) => releaseRows(db, 'products', ids, claimToken),
    async saveResults(results, claimToken) {
      if (!results.length) return 0;
      return db.transaction().execute(async (trx) => {
        let saved = 0;
        for (const result of results) {
          const snapshot = result.snapshot
            ? { snapshot: JSON.stringify(result.snapshot.product), title: result.snapshot.product.title, source: result.snapshot.source, fetched_at: result.snapshot.fetchedAt }
            : {};
          const updated = await trx
            .updateTable('products')
            .set({ ...attemptColumns(result), ...snapshot })
            .where('id', '=', result.id)
            .where('claimed_by', '=', claimToken)
            .executeTakeFirst();
          saved += Number(updated.numUpdatedRows);
        }
        return saved;
      });
    },
    async saveSnapshots(records) {
      if (!records.length) return;
      await db
        .insertInto('products')
        .values(records.map(toRow))
        .onConflict((oc) =>
          oc
            .columns(['asin', 'marketplace'])
            .doUpdateSet((eb) => ({
              snapshot: eb.ref('excluded.snapshot'),
              title: eb.ref('excluded.title'),
              source: eb.ref('excluded.source'),
              fetched_at: eb.ref('excluded.fetched_at'),
              attempted_at: eb.ref('excluded.attempted_at'),
              outcome: eb.ref('excluded.outcome'),
              cause: null,
              message: null,
              failures: 0,
              retry_after: null,
            }))
            // A refresh that answered later than this snapshot was fetched keeps its own.
            .where((eb) => eb.or([eb('products.fetched_at', 'is', null), eb('products.fetched_at', '<', eb.ref('excluded.fetched_at'))])),
        )
        .execute();
    },
    async dropSnapshotsBefore(before) {
      const result = await db.updateTable('products').set({ snapshot: null }).where('snapshot', 'is not', null).where('fetched_at', '<', before).executeTakeFirst();
      return Number(result.numUpdatedRows);
    },
    async addViews(ids, n) {
      if (!ids.length) return;
      await db.updateTable('products').set((eb) => ({ views: eb('views', '+', n) })).where('id', 'in', [...ids]).execute();
    },
  };
}

function toRow(record: ProductRecord): Insertable<ProductsTable> {
  return {
    id: record.id,
    asin: record.asin,
    marketplace: record.marketplace,
    added_at: record.addedAt,
    added_by: record.addedBy,
    views: record.views,
    outcome: record.outcome,
    cause: record.cause,
    message: record.message,
    snapshot: record.snapshot ? JSON.stringify(record.snapshot) : null,
    title: record.snapshot?.title ?? null,
    source: record.source,
    fetched_at: record.fetchedAt,
    attempted_at: record.attemptedAt,
    failures: record.failures,
    retry_after: record.retryAfter,
    claimed_by: record.claimedBy,
    claimed_until: record.claimedUntil,
  };
}

function fromRow(row: Selectable<ProductsTable>): ProductRecord {
  return {
    id: row.id,
    asin: row.asin,
    marketplace: row.marketplace,
    addedAt: row.added_at,
    addedBy: row.added_by,
    views: Number(row.views),
    outcome: row.outcome as RefreshOutcome,
    cause: row.cause as CauseCode | null,
    message: row.message,
    snapshot: row.snapshot ? readJson(row.snapshot) : null,
    source: row.source as ProductSourceName | null,
    fetchedAt: row.fetched_at,
    attemptedAt: row.attempted_at,
    failures: Number(row.failures),
    retryAfter: row.retry_after,
    claimedBy: row.claimed_by,
    claimedUntil: row.claimed_until,
  };
}

/** A snapshot that is not JSON (a damaged row) reads as none; its fields are checked where they are shown (displayableSnapshot). */
function readJson(text: string): Product | null {
  try {
    return JSON.parse(text) as Product;
  } catch {
    return null;
  }
}

import type { Insertable, Kysely, Selectable } from 'kysely';
import type { CauseCode } from '../../domain/connection-checks/cause-codes.js';
import type { SavedSearchStore } from '../../domain/ports.js';
import type { SavedSearchOutcome, SavedSearchRecord, SavedSearchSort } from '../../domain/searches/saved-search.js';
import type { Database, SavedSearchesTable } from '../schema.js';
import { attemptColumns, claimRows, releaseRows } from './lease-rows.js';

export function createSavedSearchStore(db: Kysely<Database>): SavedSearchStore {
  return {
    async insert(record) {
      const result = await db.insertInto('saved_searches').values(toRow(record)).onConflict((oc) => oc.column('search_key').doNothing()).executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
    },
    async find(id) {
      const row = await db.selectFrom('saved_searches').selectAll().where('id', '=', id).executeTakeFirst();
      return row && fromRow(row);
    },
    async findByKey(key) {
      const row = await db.selectFrom('saved_searches').selectAll().where('search_key', '=', key).executeTakeFirst();
      return row && fromRow(row);
    },
    async marketplaces() {
      const rows = await db.selectFrom('saved_searches').select(['marketplace', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('marketplace').orderBy('marketplace').execute();
      return rows.map((row) => ({ marketplace: row.marketplace, count: Number(row.n) }));
    },
    async listDue({ marketplaces, now, dueBefore, limit }) {
      if (!marketplaces.length || limit <= 0) return [];
      const rows = await db
        .selectFrom('saved_searches')
        .select(['id', 'marketplace', 'views', 'fetched_at'])
        .where('marketplace', 'in', [...marketplaces])
        .where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<=', now)]))
        .where((eb) => eb.or([eb('retry_after', 'is', null), eb('retry_after', '<=', now)]))
        .where((eb) => eb.or([eb('fetched_at', 'is', null), eb('fetched_at', '<', dueBefore)]))
        .orderBy('views', 'desc')
        .orderBy((eb) => eb.case().when('fetched_at', 'is', null).then(0).else(1).end())
        .orderBy('fetched_at')
        .orderBy('id')
        .limit(limit)
        .execute();
      return rows.map((row) => ({ id: row.id, marketplace: row.marketplace, views: Number(row.views), fetchedAt: row.fetched_at }));
    },
    claim: (ids, claimToken, until, now) => claimRows(db, 'saved_searches', ids, claimToken, until, now),
    release: (ids, claimToken) => releaseRows(db, 'saved_searches', ids, claimToken),
    async saveResult(result, claimToken) {
      const answer = result.result ? { result_asins: JSON.stringify(result.result.asins), search_url: result.result.searchUrl, fetched_at: result.result.fetchedAt } : {};
      const updated = await db
        .updateTable('saved_searches')
        .set({ ...attemptColumns(result), ...answer })
        .where('id', '=', result.id)
        .where('claimed_by', '=', claimToken)
        .executeTakeFirst();
      return Number(updated.numUpdatedRows) > 0;
    },
    async addViews(id, n) {
      await db.updateTable('saved_searches').set((eb) => ({ views: eb('views', '+', n) })).where('id', '=', id).execute();
    },
  };
}

function toRow(record: SavedSearchRecord): Insertable<SavedSearchesTable> {
  return {
    id: record.id,
    search_key: record.key,
    marketplace: record.params.marketplace,
    keywords: record.params.keywords,
    browse_node: record.params.browseNode,
    sort: record.params.sort,
    item_count: record.params.count,
    result_asins: JSON.stringify(record.resultAsins),
    search_url: record.searchUrl,
    fetched_at: record.fetchedAt,
    attempted_at: record.attemptedAt,
    outcome: record.outcome,
    cause: record.cause,
    message: record.message,
    failures: record.failures,
    retry_after: record.retryAfter,
    claimed_by: record.claimedBy,
    claimed_until: record.claimedUntil,
    views: record.views,
    created_at: record.createdAt,
  };
}

function fromRow(row: Selectable<SavedSearchesTable>): SavedSearchRecord {
  return {
    id: row.id,
    key: row.search_key,
    params: { marketplace: row.marketplace, keywords: row.keywords, browseNode: row.browse_node, sort: row.sort as SavedSearchSort, count: Number(row.item_count) },
    resultAsins: JSON.parse(row.result_asins) as string[],
    searchUrl: row.search_url,
    fetchedAt: row.fetched_at,
    attemptedAt: row.attempted_at,
    outcome: row.outcome as SavedSearchOutcome,
    cause: row.cause as CauseCode | null,
    message: row.message,
    failures: Number(row.failures),
    retryAfter: row.retry_after,
    claimedBy: row.claimed_by,
    claimedUntil: row.claimed_until,
    views: Number(row.views),
    createdAt: row.created_at,
  };
}

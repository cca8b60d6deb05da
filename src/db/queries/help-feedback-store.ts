import type { Kysely } from 'kysely';
import type { HelpFeedbackRecord, HelpFeedbackStore } from '../../domain/ports.js';
import type { Database, HelpFeedbackTable } from '../schema.js';

export function createHelpFeedbackStore(db: Kysely<Database>): HelpFeedbackStore {
  return {
    async insert(record) {
      await db
        .insertInto('help_feedback')
        .values({ id: record.id, article_id: record.articleId, helpful: record.helpful ? 1 : 0, comment: record.comment, actor: record.actor, created_at: record.createdAt })
        .execute();
    },
    async totals() {
      const rows = await db
        .selectFrom('help_feedback')
        .select(['article_id', 'helpful', (eb) => eb.fn.countAll<number>().as('n')])
        .groupBy(['article_id', 'helpful'])
        .orderBy('article_id')
        .execute();
      const byArticle = new Map<string, { articleId: string; yes: number; no: number }>();
      for (const row of rows) {
        const entry = byArticle.get(row.article_id) ?? { articleId: row.article_id, yes: 0, no: 0 };
        if (row.helpful === 1) entry.yes += Number(row.n);
        else entry.no += Number(row.n);
        byArticle.set(row.article_id, entry);
      }
      return [...byArticle.values()];
    },
    async latestComments(articleId, limit) {
      const rows = await db
        .selectFrom('help_feedback')
        .selectAll()
        .where('article_id', '=', articleId)
        .where('comment', 'is not', null)
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit)
        .execute();
      return rows.map(toRecord);
    },
  };
}

function toRecord(row: HelpFeedbackTable): HelpFeedbackRecord {
  return { id: row.id, articleId: row.article_id, helpful: row.helpful === 1, comment: row.comment, actor: row.actor, createdAt: row.created_at };
}

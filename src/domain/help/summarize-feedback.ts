import type { EngineContext } from '../context.js';
import { findArticle } from './articles/index.js';

/** How many comments per article the summary shows. */
export const COMMENTS_PER_ARTICLE = 10;

export interface ArticleFeedbackSummary {
  articleId: string;
  /** The article's title; the id itself for feedback on an article that no longer exists. */
  title: string;
  yes: number;
  no: number;
  /** Newest first. */
  comments: Array<{ at: string; helpful: boolean; comment: string; actor: string }>;
}

/** Per article with any feedback: yes and no answers and the latest comments; most answered first. */
export async function summarizeFeedback(ctx: EngineContext): Promise<{ articles: ArticleFeedbackSummary[] }> {
  const totals = await ctx.stores.helpFeedback.totals();
  const articles = await Promise.all(
    totals.map(async ({ articleId, yes, no }) => {
      const latest = await ctx.stores.helpFeedback.latestComments(articleId, COMMENTS_PER_ARTICLE);
      return {
        articleId,
        title: findArticle(articleId)?.title ?? articleId,
        yes,
        no,
        comments: latest.map((entry) => ({ at: entry.createdAt, helpful: entry.helpful, comment: entry.comment ?? '', actor: entry.actor })),
      };
    }),
  );
  articles.sort((a, b) => b.yes + b.no - (a.yes + a.no) || a.articleId.localeCompare(b.articleId));
  return { articles };
}

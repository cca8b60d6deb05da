import { z } from 'zod';
import { newId } from '../../shared/ids.js';
import { AppError } from '../../shared/errors.js';
import type { EngineContext } from '../context.js';
import { parseInput } from '../parse-input.js';
import { findArticle } from './articles/index.js';

export const MAX_FEEDBACK_COMMENT = 1000;

export const feedbackInput = z.object({
  helpful: z.boolean({ error: 'Say whether the article helped: true or false.' }),
  comment: z
    .string({ error: 'A comment is text.' })
    .trim()
    .max(MAX_FEEDBACK_COMMENT, { error: `Keep the comment to ${MAX_FEEDBACK_COMMENT} characters.` })
    .nullish()
    .transform((comment) => comment || null),
});

/** "Was this article helpful?": one answer, stored with who gave it. */
export async function recordFeedback(ctx: EngineContext, input: { articleId: string; body: unknown; actor: string }): Promise<{ recorded: true }> {
  const article = findArticle(input.articleId);
  if (!article) throw new AppError('not_found', `There is no help article "${input.articleId}".`);
  const { helpful, comment } = parseInput(feedbackInput, input.body, 'Bad feedback');
  await ctx.stores.helpFeedback.insert({ id: newId('helpFeedback'), articleId: article.id, helpful, comment, actor: input.actor, createdAt: ctx.clock.now().toISOString() });
  return { recorded: true };
}

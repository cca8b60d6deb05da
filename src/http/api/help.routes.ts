import type { FastifyInstance } from 'fastify';
import type { EngineContext } from '../../domain/context.js';
import { evaluateConfirmations } from '../../domain/help/evaluate-confirmations.js';
import { recordFeedback } from '../../domain/help/record-feedback.js';
import { summarizeFeedback } from '../../domain/help/summarize-feedback.js';

/** The help center: live "Confirm" cues of the articles, and "Was this article helpful?". */
export async function helpRoutes(app: FastifyInstance, { ctx }: { ctx: EngineContext }): Promise<void> {
  app.get('/api/help/confirmations', async () => ({ confirmations: await evaluateConfirmations(ctx) }));

  app.post<{ Params: { id: string } }>('/api/help/articles/:id/feedback', async (request, reply) => {
    const result = await recordFeedback(ctx, { articleId: request.params.id, body: request.body, actor: request.session!.adminEmail });
    return reply.code(201).send(result);
  });

  app.get('/api/help/feedback', () => summarizeFeedback(ctx));
}

import type { FastifyInstance } from 'fastify';
import type { EngineContext } from '../../domain/context.js';
import { listAvailableModels } from '../../domain/ai/list-available-models.js';
import { readAiUsage } from '../../domain/ai/read-ai-usage.js';

/** Settings → OpenAI: the models the saved key can use, and this month's usage against the limits. */
export async function openAiRoutes(app: FastifyInstance, { ctx }: { ctx: EngineContext }): Promise<void> {
  app.get('/api/openai/models', () => listAvailableModels(ctx));
  app.get('/api/openai/usage', () => readAiUsage(ctx));
}

import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { EngineContext } from '../../domain/context.js';
import { parseInput } from '../../domain/parse-input.js';

const query = z.object({ limit: z.coerce.number().int().min(1).max(200).default(20) });

export async function auditRoutes(app: FastifyInstance, { ctx }: { ctx: EngineContext }): Promise<void> {
  app.get('/api/audit-log', async (request) => {
    const { limit } = parseInput(query, request.query, 'Bad query');
    return { entries: await ctx.stores.audit.recent(limit) };
  });
}

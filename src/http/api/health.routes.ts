import type { FastifyInstance } from 'fastify';

export async function healthRoutes(app: FastifyInstance, options: { ping: () => Promise<void> }): Promise<void> {
  app.get('/api/health', { config: { auth: 'public' } }, async (_request, reply) => {
    try {
      await options.ping();
    } catch {
      return reply.status(503).send({ status: 'unavailable' });
    }
    return { status: 'ok' };
  });
}

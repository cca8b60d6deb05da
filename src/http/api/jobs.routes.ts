import type { FastifyInstance } from 'fastify';
import type { EngineContext } from '../../domain/context.js';
import { listJobs } from '../../domain/jobs/list-jobs.js';
import { retryJob } from '../../domain/jobs/retry-job.js';

/** The Jobs screen: durable background jobs by state, and "Retry" for a failed or dead one. */
export async function jobsRoutes(app: FastifyInstance, { ctx }: { ctx: EngineContext }): Promise<void> {
  app.get('/api/jobs', (request) => listJobs(ctx, request.query));

  app.post<{ Params: { id: string } }>('/api/jobs/:id/retry', (request) => retryJob(ctx, request.params.id, request.session!.adminEmail));
}

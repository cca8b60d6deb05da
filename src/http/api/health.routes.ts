import type { FastifyInstance } from 'fastify';

export interface HealthOptions {
  /** Reaches the database; throws when it cannot. */
  ping: () => Promise<void>;
  /** Since when writes fail for lack of disk space; null while they work. */
  storageFullSince: () => Date | null;
}

/**
 * `ok`; `degraded` (HTTP 200) while writes fail because the disk is full; `unavailable` (HTTP 503)
 * when the database cannot be reached. A full disk stays a 200 on purpose: the engine still renders
 * pages and answers every read, and on PostgreSQL every engine shares the full disk, so a load
 * balancer that took them out of rotation would turn "cannot save" into "site down". Monitoring
 * reads `status` and `reason`.
 */
export async function healthRoutes(app: FastifyInstance, options: HealthOptions): Promise<void> {
  app.get('/api/health', { config: { auth: 'public' } }, async (_request, reply) => {
    try {
      await options.ping();
    } catch {
      return reply.status(503).send({ status: 'unavailable' });
    }
    const fullSince = options.storageFullSince();
    if (fullSince) {
      return {
        status: 'degraded',
        reason: 'storage_full',
        message: 'Saving fails because the disk holding the engine’s data is full; pages are still served. Free some space on it.',
        since: fullSince.toISOString(),
      };
    }
    return { status: 'ok' };
  });
}

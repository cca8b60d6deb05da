import { PassThrough } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { EngineContext } from '../../domain/context.js';
import { exportCheckReport } from '../../domain/connection-checks/export-check-report.js';
import { readCheckStatus } from '../../domain/connection-checks/read-check-status.js';
import { readIntegrationsOverview } from '../../domain/connection-checks/read-integrations-overview.js';
import { readLatestIntegrationCheck } from '../../domain/connection-checks/read-latest-integration-check.js';
import { runAllChecks } from '../../domain/connection-checks/run-all-checks.js';
import { SINGLE_INTEGRATIONS } from '../../domain/connection-checks/single-integrations.js';
import { readLatestCheck } from '../../domain/connection-checks/read-latest-check.js';
import { runAmazonCheck } from '../../domain/connection-checks/run-amazon-check.js';
import { isAppError } from '../../shared/errors.js';

/** "Check API Connections" (Amazon: streamed, reports), the OpenAI and Geolocation checks, and the dashboard overview. */
export async function checksRoutes(app: FastifyInstance, { ctx }: { ctx: EngineContext }): Promise<void> {
  // NDJSON, one event per line, written as each marketplace finishes: the table fills while it runs.
  app.post('/api/checks/amazon', async (request, reply) => {
    const stream = new PassThrough();
    const write = (event: object) => {
      if (!stream.destroyed && !stream.writableEnded) stream.write(`${JSON.stringify(event)}\n`);
    };
    const started = new Promise<void>((resolve, reject) => {
      runAmazonCheck(ctx, {
        actor: request.session!.adminEmail,
        onStart: (start) => {
          write({ type: 'start', ...start });
          resolve();
        },
        onRow: (row) => write({ type: 'row', row }),
      }).then(
        ({ run }) => {
          write({ type: 'done', run });
          stream.end();
        },
        (error: unknown) => {
          reject(error);
          // Once the stream has begun, a failure can only be told as its last line.
          request.log.error({ err: error }, 'amazon connection check failed');
          write({ type: 'error', code: isAppError(error) ? error.code : 'internal', message: isAppError(error) ? error.message : 'The check failed on the server. The details are in the engine log.' });
          stream.end();
        },
      );
    });
    await started;
    return reply.header('content-type', 'application/x-ndjson; charset=utf-8').header('cache-control', 'no-store').header('x-accel-buffering', 'no').send(stream);
  });

  app.get('/api/checks/amazon/latest', () => readLatestCheck(ctx));

  app.get('/api/checks/amazon/status', () => readCheckStatus(ctx));

  for (const format of ['json', 'html'] as const) {
    app.get<{ Params: { id: string } }>(`/api/checks/amazon/runs/:id/report.${format}`, async (request, reply) => {
      const report = await exportCheckReport(ctx, { runId: request.params.id, format });
      return reply
        .header('content-type', report.contentType)
        .header('content-disposition', `attachment; filename="${report.filename}"`)
        .header('cache-control', 'no-store')
        .send(report.body);
    });
  }

  for (const integration of Object.values(SINGLE_INTEGRATIONS)) {
    app.post(`/api/checks/${integration.id}`, (request) => integration.run(ctx, { actor: request.session!.adminEmail }));
    app.get(`/api/checks/${integration.id}/latest`, () => readLatestIntegrationCheck(ctx, integration.id));
  }

  app.get('/api/checks/overview', () => readIntegrationsOverview(ctx));

  app.post('/api/checks/all', (request) => runAllChecks(ctx, { actor: request.session!.adminEmail }));
}

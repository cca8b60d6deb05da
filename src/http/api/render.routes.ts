import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { EngineContext } from '../../domain/context.js';
import { parseInput } from '../../domain/parse-input.js';
import { createRenderKeyRateLimit } from '../../domain/render-requests/render-key-rate-limit.js';
import { renderApiInput, renderPreviewInput } from '../../domain/render-requests/render-request.js';
import { renderContent } from '../../render/render-content.js';
import { createRequireApiKey } from '../middleware/require-api-key.js';

/** 1 MB of content, escaped into JSON, can take more than the server's 1 MB body limit. */
const BODY_LIMIT = 3 * 1024 * 1024;
const REFUSED = 'Nothing was rendered';

/**
 * Money-page blocks over HTTP. `/api/render/v1`: a server (the WordPress bridge) renders a page
 * view with a render key, within the key's rate (both checked before the body is read); problems
 * only with `?debug=1`. `/api/render/preview`: the admin's "Test post" (session + CSRF), problems
 * always, no views counted.
 */
export async function renderRoutes(app: FastifyInstance, { ctx }: { ctx: EngineContext }): Promise<void> {
  const requireRenderKey = createRequireApiKey(ctx, 'render');
  const rateLimit = createRenderKeyRateLimit();
  const admitRenderKey = async (request: FastifyRequest) => rateLimit.admit(request.apiKey!.id, ctx.clock.now());

  app.post<{ Querystring: { debug?: string } }>('/api/render/v1', { config: { auth: 'render' }, onRequest: [requireRenderKey, admitRenderKey], bodyLimit: BODY_LIMIT }, async (request) => {
    const input = parseInput(renderApiInput, request.body ?? {}, REFUSED);
    const visitor = { country: input.country ?? null, ip: input.visitorIp ?? null };
    const debug = request.query.debug === '1';
    const { html, css, blocks, problems } = await renderContent(ctx, { content: input.content, visitor, mode: 'visitor', countViews: true, audit: debug });
    return debug ? { html, css, blocks, problems } : { html, css, blocks };
  });

  app.post('/api/render/preview', { bodyLimit: BODY_LIMIT }, async (request) => {
    const input = parseInput(renderPreviewInput, request.body ?? {}, REFUSED);
    const { html, css, problems, blocks } = await renderContent(ctx, { content: input.content, visitor: { country: input.country ?? null }, mode: 'admin', countViews: false });
    return { html, css, problems, blocks };
  });
}

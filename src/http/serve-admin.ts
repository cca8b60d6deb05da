import { readFileSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';

export interface ServeAdminOptions {
  webRoot: string;
  basePath: string;
}

/**
 * Serves the built admin app under `<base>/admin/`. The app learns the base path from a meta tag,
 * so one build works under any mount point (for instance inside the WordPress admin later).
 */
export async function serveAdmin(app: FastifyInstance, { webRoot, basePath }: ServeAdminOptions): Promise<void> {
  const indexFile = path.join(webRoot, 'index.html');
  let template: string;
  try {
    template = readFileSync(indexFile, 'utf8');
  } catch {
    template = `<!doctype html><title>PassiveWP</title><p>The admin app is not built. Run <code>npm run build</code>.</p>`;
  }
  const html = template.replace('<head>', `<head><meta name="passivewp-base-path" content="${escapeAttribute(basePath)}">`);

  await app.register(fastifyStatic, { root: webRoot, prefix: '/admin/', index: false, decorateReply: false });
  const sendIndex = async (_request: unknown, reply: FastifyReply) =>
    reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').send(html);
  app.get('/admin/', sendIndex);
  app.get('/admin', async (_request, reply) => reply.redirect(`${basePath}/admin/`));
  app.get('/', async (_request, reply) => reply.redirect(`${basePath}/admin/`));
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

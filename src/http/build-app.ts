import fastifyCookie from '@fastify/cookie';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { EngineContext } from '../domain/context.js';
import { auditRoutes } from './api/audit.routes.js';
import { checksRoutes } from './api/checks.routes.js';
import { authRoutes } from './api/auth.routes.js';
import { geolocationRoutes } from './api/geolocation.routes.js';
import { healthRoutes } from './api/health.routes.js';
import { helpRoutes } from './api/help.routes.js';
import { jobsRoutes } from './api/jobs.routes.js';
import { openAiRoutes } from './api/openai.routes.js';
import { productsRoutes } from './api/products.routes.js';
import { relayRoutes } from './api/relay.routes.js';
import { renderRoutes } from './api/render.routes.js';
import { settingsRoutes } from './api/settings.routes.js';
import { handleError, handleNotFound } from './middleware/error-handler.js';
import { createRequireSession, rejectCrossSite } from './middleware/require-session.js';
import { addSecurityHeaders } from './middleware/security-headers.js';
import { serveAdmin } from './serve-admin.js';

export interface RouteEntry {
  method: string;
  url: string;
  auth: 'session' | 'public' | 'self' | 'relay' | 'render';
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route with its access rule, for the route-table security test and diagnostics. */
    routeTable: RouteEntry[];
  }
  interface FastifyContextConfig {
    /**
     * `public`: works without a session (health, login, first-run setup). `self`: checks the session
     * in its handler. `relay`: another engine's relay token instead of a session. `render`: a
     * render key instead of a session (the route's own `onRequest` hook checks it). Default: the
     * session guard runs before the handler.
     */
    auth?: 'public' | 'self' | 'relay' | 'render';
  }
}

export interface BuildAppOptions {
  basePath: string;
  webRoot: string;
  trustProxy: boolean;
  ping: () => Promise<void>;
}

/** The HTTP face of the engine: JSON API under `<base>/api`, admin app under `<base>/admin/`. */
export async function buildApp(ctx: EngineContext, options: BuildAppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: ctx.logger as FastifyBaseLogger,
    trustProxy: options.trustProxy,
    bodyLimit: 1024 * 1024,
    // Idle keep-alive sockets would hold a graceful shutdown open; in-flight requests still finish.
    forceCloseConnections: 'idle',
  });
  const routeTable: RouteEntry[] = [];
  app.decorate('routeTable', routeTable);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) routeTable.push({ method, url: route.url, auth: route.config?.auth ?? 'session' });
  });
  app.setErrorHandler(handleError);
  app.setNotFoundHandler(handleNotFound);
  app.addHook('onRequest', addSecurityHeaders);
  await app.register(fastifyCookie);

  const requireSession = createRequireSession(ctx);
  await app.register(
    async (scope) => {
      scope.addHook('onRequest', rejectCrossSite);
      // Every route is private unless it says otherwise; the route-table test walks them all.
      scope.addHook('onRoute', (route) => {
        if (!route.url.includes('/api/') || route.config?.auth) return;
        route.preHandler = [requireSession, ...(route.preHandler ? [route.preHandler].flat() : [])];
      });
      await scope.register(healthRoutes, { ping: options.ping });
      await scope.register(authRoutes, { ctx, basePath: options.basePath, requireSession });
      await scope.register(settingsRoutes, { ctx });
      await scope.register(auditRoutes, { ctx });
      await scope.register(relayRoutes, { ctx });
      await scope.register(checksRoutes, { ctx });
      await scope.register(openAiRoutes, { ctx });
      await scope.register(geolocationRoutes, { ctx });
      await scope.register(productsRoutes, { ctx });
      await scope.register(jobsRoutes, { ctx });
      await scope.register(renderRoutes, { ctx });
      await scope.register(helpRoutes, { ctx });
      await scope.register(serveAdmin, { webRoot: options.webRoot, basePath: options.basePath });
    },
    { prefix: options.basePath },
  );
  return app;
}

import fastifyCookie from '@fastify/cookie';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import proxyaddr from 'proxy-addr';
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
import { createSecurityHeaders } from './middleware/security-headers.js';
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
  /** Reverse proxies whose X-Forwarded-For / -Proto name the client (proxy-addr entries); empty trusts none. */
  trustedProxies: readonly string[];
  /** PASSIVEWP_PUBLIC_URL: when https, the session cookie is always Secure and HSTS is sent. */
  publicUrl: string | undefined;
  ping: () => Promise<void>;
  /** Since when writes fail for lack of disk space; null while they work (`/api/health` reports it). */
  storageFullSince: () => Date | null;
  /** Tests shorten these; the engine uses `REQUEST_TIMEOUTS`. */
  timeouts?: Partial<RequestTimeouts>;
}

export interface RequestTimeouts {
  /** From connecting to the end of the request's headers. */
  headersMs: number;
  /** From connecting to the end of the request's body. Answering takes as long as it needs (a streamed check runs for a minute or more). */
  requestMs: number;
  /** How often the server looks for requests past these times. */
  sweepEveryMs: number;
}

/** A client that stalls while sending its request (slowloris) would otherwise hold a socket forever. */
export const REQUEST_TIMEOUTS: RequestTimeouts = { headersMs: 10_000, requestMs: 30_000, sweepEveryMs: 1_000 };

/** The HTTP face of the engine: JSON API under `<base>/api`, admin app under `<base>/admin/`. */
export async function buildApp(ctx: EngineContext, options: BuildAppOptions): Promise<FastifyInstance> {
  const timeouts = { ...REQUEST_TIMEOUTS, ...options.timeouts };
  const app = Fastify({
    loggerInstance: ctx.logger as FastifyBaseLogger,
    // request.ip and request.protocol follow X-Forwarded-* only from these hops.
    trustProxy: options.trustedProxies.length ? proxyaddr.compile([...options.trustedProxies]) : false,
    bodyLimit: 1024 * 1024,
    // Node's requestTimeout ends when the request has arrived, so long answers are never cut.
    requestTimeout: timeouts.requestMs,
    http: { headersTimeout: timeouts.headersMs, connectionsCheckingInterval: timeouts.sweepEveryMs },
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
  const publicUrlIsHttps = options.publicUrl?.startsWith('https:') ?? false;
  app.addHook('onRequest', createSecurityHeaders(publicUrlIsHttps));
  // A request for no route is answered when it arrives: its body is never read.
  app.addHook('onRequest', async (request, reply) => {
    if (!request.is404) return;
    handleNotFound(request, reply);
    return reply;
  });
  await app.register(fastifyCookie);

  const requireSession = createRequireSession(ctx);
  await app.register(
    async (scope) => {
      scope.addHook('onRequest', rejectCrossSite);
      // Every route is private unless it says otherwise; the route-table test walks them all. The
      // session and its CSRF token are checked when a request arrives, before its body is read.
      scope.addHook('onRoute', (route) => {
        if (!route.url.includes('/api/') || route.config?.auth) return;
        route.onRequest = [requireSession, ...(route.onRequest ? [route.onRequest].flat() : [])];
      });
      await scope.register(healthRoutes, { ping: options.ping, storageFullSince: options.storageFullSince });
      await scope.register(authRoutes, { ctx, requireSession, cookie: { basePath: options.basePath, publicUrlIsHttps } });
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

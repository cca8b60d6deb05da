import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { EngineContext } from '../../domain/context.js';
import { describeGeoDatabase } from '../../domain/geo/describe-geo-database.js';
import { lookUpVisitor } from '../../domain/geo/look-up-visitor.js';
import { readGeoSettings } from '../../domain/geo/read-geo-settings.js';
import { resolveClientIp } from '../../domain/geo/resolve-client-ip.js';
import { updateGeoDatabase } from '../../domain/geo/update-geo-database.js';

/** The raw connection and header: the Trusted proxies setting, not the server's proxy option, decides. */
const clientAddressOf = (request: FastifyRequest) => {
  const header = request.headers['x-forwarded-for'];
  return { socketAddress: request.socket.remoteAddress ?? '', forwardedFor: Array.isArray(header) ? header.join(', ') : header };
};

/** Settings → Geolocation: the caller's own address, test lookups, the database file and its updates. */
export async function geolocationRoutes(app: FastifyInstance, { ctx }: { ctx: EngineContext }): Promise<void> {
  app.get('/api/geolocation/client-ip', async (request) => {
    const { values } = await readGeoSettings(ctx);
    return resolveClientIp(clientAddressOf(request), values.trustedProxies);
  });

  app.post<{ Body: { ip?: unknown } | null }>('/api/geolocation/lookup', (request) => lookUpVisitor(ctx, { ip: request.body?.ip }));

  app.get('/api/geolocation/database', () => describeGeoDatabase(ctx));

  app.post('/api/geolocation/database/update', (request) => updateGeoDatabase(ctx, { actor: request.session!.adminEmail }));
}

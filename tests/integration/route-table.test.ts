import { describe, expect, it } from 'vitest';
import { openTestApp, seedAdmin } from '../helpers/start-test-engine.js';

const PUBLIC_API = new Set(['GET /api/health', 'POST /api/auth/login', 'POST /api/auth/setup']);

describe('the API route table', () => {
  it('requires a session on every /api route except health, login and first-run setup', async () => {
    const { app, engine } = await openTestApp();
    await seedAdmin(engine);
    await app.ready();
    const apiRoutes = app.routeTable.filter((r) => r.url.startsWith('/api/') && r.method !== 'HEAD');
    expect(apiRoutes.length).toBeGreaterThan(6);

    for (const route of apiRoutes) {
      const key = `${route.method} ${route.url}`;
      const url = route.url.replace(/:(\w+)/g, 'general');
      const response = await app.inject({ method: route.method as 'GET', url, payload: route.method === 'GET' ? undefined : {} });
      if (PUBLIC_API.has(key)) {
        expect(route.auth, key).toBe('public');
        expect(response.statusCode, key).not.toBe(401);
      } else {
        expect(response.statusCode, `${key} answered without a session`).toBe(401);
        expect(response.json().code, key).toBe('unauthenticated');
      }
    }
    // Nothing is public by accident: the only public routes are the listed ones.
    expect(apiRoutes.filter((r) => r.auth === 'public').map((r) => `${r.method} ${r.url}`).sort()).toEqual([...PUBLIC_API].sort());
    // Routes for other servers take a scoped key instead of a session: the relay's and the render endpoint.
    expect(apiRoutes.filter((r) => r.auth === 'relay' || r.auth === 'render').map((r) => `${r.auth} ${r.method} ${r.url}`).sort()).toEqual([
      'relay POST /api/relay/v1/:operation',
      'render POST /api/render/v1',
    ]);
  });

  it('also guards the API under a base path', async () => {
    const { app } = await openTestApp({ env: { PASSIVEWP_BASE_PATH: '/passivewp' } });
    expect((await app.inject({ method: 'GET', url: '/passivewp/api/settings/general' })).statusCode).toBe(401);
    expect((await app.inject({ method: 'GET', url: '/passivewp/api/health' })).json()).toEqual({ status: 'ok' });
  });
});

import type { LightMyRequestResponse } from 'fastify';
import { loginByApi, openTestApp, seedAdmin, type TestEngine } from './start-test-engine.js';
import type { FastifyInstance } from 'fastify';

export interface AdminApp extends TestEngine {
  app: FastifyInstance;
  auth: { cookie: string; csrf: string };
  /** Signed-in JSON request through inject (CSRF token on writes). */
  call(method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  /** GET that must answer 200; the parsed body. */
  get<T>(url: string): Promise<T>;
  /** PUT /api/settings/:section; the response, whatever its status. */
  save(section: string, values: Record<string, unknown>): Promise<LightMyRequestResponse>;
}

/** An engine with an administrator, signed in, for API tests through `app.inject`. */
export async function openAdminApp(env: Record<string, string> = {}): Promise<AdminApp> {
  const test = await openTestApp({ env });
  await seedAdmin(test.engine);
  const auth = await loginByApi(test.app);
  const call: AdminApp['call'] = (method, url, payload, headers = {}) =>
    test.app.inject({
      method,
      url,
      headers: { cookie: auth.cookie, ...(method === 'GET' ? {} : { 'x-csrf-token': auth.csrf }), ...headers },
      ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
    });
  return {
    ...test,
    auth,
    call,
    async get<T>(url: string) {
      const response = await call('GET', url);
      if (response.statusCode !== 200) throw new Error(`GET ${url}: ${response.statusCode} ${response.body}`);
      return response.json<T>();
    },
    save: (section, values) => call('PUT', `/api/settings/${section}`, { values }),
  };
}

import type { FastifyInstance } from 'fastify';
import { saveSection } from '../../src/domain/settings/save-section.js';
import type { CheckRowResult, CheckRun } from '../../src/domain/connection-checks/check-run.js';
import type { FakeCreatorsCredential, FakePaapiKey } from '../fakes/amazon/index.js';
import { loginByApi, openTestApp, seedAdmin, type TestEngine } from '../helpers/start-test-engine.js';

/**
 * Shared set-up of the connection-check tests: credentials the fake Amazon knows, an engine with
 * an administrator and saved Amazon settings, and a client for the NDJSON check stream.
 */
export const EU = {
  id: 'amzn1.application-oa2-client.checkeu0001',
  secret: 'amzn1.oa2-cs.v1.check-eu-secret-0001',
  version: '3.2',
  partnerTags: { de: ['mytag-21', 'odd-tag-20'], uk: ['mytag-21'], fr: ['mytag-21'], it: ['mytag-21'] },
} as const satisfies FakeCreatorsCredential;

export const NA = {
  id: 'amzn1.application-oa2-client.checkna0001',
  secret: 'amzn1.oa2-cs.v1.check-na-secret-0001',
  version: '3.1',
  partnerTags: { us: ['mytag-20'], ca: ['mytag-20'] },
} as const satisfies FakeCreatorsCredential;

export const PAAPI = { accessKey: 'AKIAFAKECHECK0000001', secretKey: 'paapi-secret-check-0001', partnerTags: { de: ['mytag-21'] } } as const satisfies FakePaapiKey;

export const creatorsSettings = (credential: { id: string; secret: string; version: string } = EU) => ({
  mode: 'creators',
  creatorsCredentialId: credential.id,
  creatorsCredentialSecret: credential.secret,
  creatorsCredentialVersion: credential.version,
});

export const row = (country: string, partnerTag: string, extra: Record<string, unknown> = {}) => ({ country, partnerTag, enabled: true, ...extra });

export type CheckEvent =
  | { type: 'start'; runId: string; mode: string; total: number; reused: boolean; startedAt: string }
  | { type: 'row'; row: CheckRowResult }
  | { type: 'done'; run: CheckRun }
  | { type: 'error'; code: string; message: string };

export interface CheckEngine extends TestEngine {
  app: FastifyInstance;
  auth: { cookie: string; csrf: string };
  /** POST /api/checks/amazon through inject; the events in the order they were written. */
  check(): Promise<{ status: number; contentType: string | undefined; events: CheckEvent[]; run: CheckRun; rows: Record<string, CheckRowResult> }>;
  save(values: Record<string, unknown>): Promise<void>;
  get<T>(url: string): Promise<T>;
}

export function parseEvents(body: string): CheckEvent[] {
  return body
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as CheckEvent);
}

export async function openCheckEngine(origin: string, settings: Record<string, unknown>, env: Record<string, string> = {}): Promise<CheckEngine> {
  const test = await openTestApp({ env: { PASSIVEWP_AMAZON_ENDPOINT_OVERRIDE: origin, PASSIVEWP_AMAZON_REQUESTS_PER_SECOND: '10', ...env } });
  await seedAdmin(test.engine);
  const save = (values: Record<string, unknown>) => saveSection(test.engine.ctx, { sectionId: 'amazon', values, actor: 'test', ip: null }).then(() => undefined);
  await save(settings);
  const auth = await loginByApi(test.app);
  return {
    ...test,
    auth,
    save,
    async check() {
      const response = await test.app.inject({ method: 'POST', url: '/api/checks/amazon', headers: { cookie: auth.cookie, 'x-csrf-token': auth.csrf } });
      const events = parseEvents(response.body);
      const done = events.find((e): e is Extract<CheckEvent, { type: 'done' }> => e.type === 'done');
      if (!done) throw new Error(`no done event: ${response.statusCode} ${response.body}`);
      return {
        status: response.statusCode,
        contentType: response.headers['content-type'] as string | undefined,
        events,
        run: done.run,
        rows: Object.fromEntries(done.run.rows.map((r) => [r.country, r])),
      };
    },
    async get<T>(url: string) {
      const response = await test.app.inject({ method: 'GET', url, headers: { cookie: auth.cookie } });
      if (response.statusCode !== 200) throw new Error(`${url}: ${response.statusCode} ${response.body}`);
      return response.json<T>();
    },
  };
}

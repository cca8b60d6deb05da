import { connect } from 'node:net';
import { describe, expect, it, onTestFinished } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { saveSection } from '../../src/domain/settings/save-section.js';
import type { RequestTimeouts } from '../../src/http/build-app.js';
import { createHttpApp, WEB_ROOT } from '../../src/main.js';
import { startFakeAmazon } from '../fakes/amazon/index.js';
import { creatorsSettings, NA, parseEvents, row } from './amazon-check-setup.js';
import { loginByApi, openTestEngine, seedAdmin, TEST_ADMIN } from '../helpers/start-test-engine.js';
import { openAdminApp } from '../helpers/open-admin-app.js';

/** What a stranger can make the HTTP server hold or read: requests that stall, bodies sent before the session check or to no route. */
const SHORT: RequestTimeouts = { headersMs: 300, requestMs: 600, sweepEveryMs: 50 };

async function listen(app: FastifyInstance): Promise<{ host: string; port: number; origin: string }> {
  const origin = await app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = new URL(origin);
  return { host: '127.0.0.1', port: Number(port), origin };
}

/** Writes `data` on a raw connection, then sends nothing more; resolves with what the server wrote once it closes the connection. */
function stallAfter(server: { host: string; port: number }, data: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(server.port, server.host, () => socket.write(data));
    const received: Buffer[] = [];
    socket.on('data', (chunk) => received.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => resolve(Buffer.concat(received).toString('latin1')));
    onTestFinished(() => void socket.destroy());
  });
}

async function openShortTimeoutServer(env: Record<string, string> = {}) {
  const test = await openTestEngine({ env });
  await seedAdmin(test.engine);
  const app = await createHttpApp(test.engine, WEB_ROOT, { timeouts: SHORT });
  onTestFinished(() => app.close());
  return { ...test, app, server: await listen(app) };
}

describe('requests that stall', () => {
  it('a client that sends its headers and then stalls the body is answered 408 and disconnected', async () => {
    const { server } = await openShortTimeoutServer();
    const body = JSON.stringify(TEST_ADMIN);
    const answer = await stallAfter(server, `POST /api/auth/login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body.slice(0, 10)}`);
    expect(answer).toMatch(/^HTTP\/1\.1 408 /);
  });

  it('a client that stalls in the middle of its headers is answered 408 and disconnected', async () => {
    const { server } = await openShortTimeoutServer();
    const answer = await stallAfter(server, 'GET /api/health HTTP/1.1\r\nHost: localhost\r\nX-Slow: ');
    expect(answer).toMatch(/^HTTP\/1\.1 408 /);
  });

  it('a long answer is not cut: a streamed Amazon check that outlasts the request timeout completes', async () => {
    const fake = await startFakeAmazon({ credentials: [NA], latencyMs: SHORT.requestMs, rateLimit: { tps: 50, burst: 50 } });
    onTestFinished(() => fake.close());
    const { app, engine, server } = await openShortTimeoutServer({ PASSIVEWP_AMAZON_ENDPOINT_OVERRIDE: fake.origin, PASSIVEWP_AMAZON_REQUESTS_PER_SECOND: '10' });
    await saveSection(engine.ctx, { sectionId: 'amazon', values: { ...creatorsSettings(NA), defaultCountry: 'us', defaultPartnerTag: 'mytag-20', marketplaces: [row('us', 'mytag-20'), row('ca', 'mytag-20')] }, actor: 'test', ip: null });
    const auth = await loginByApi(app);
    const response = await fetch(`${server.origin}/api/checks/amazon`, { method: 'POST', headers: { cookie: auth.cookie, 'x-csrf-token': auth.csrf } });
    const events = parseEvents(await response.text());
    expect(events.at(-1)).toMatchObject({ type: 'done', run: { rows: [expect.objectContaining({ status: 'ok' }), expect.objectContaining({ status: 'ok' })] } });
  });
});

describe('bodies are read only for callers who may send them', () => {
  it('a private route checks the session and its CSRF token before reading the body: a malformed or 900 KB body gets 401 / 403, not 400', async () => {
    const app = await openAdminApp();
    const malformed = '{"values": {"timeZone": ';
    const big = JSON.stringify({ values: { siteName: 'x'.repeat(900 * 1024) } });
    const put = (payload: string, headers: Record<string, string> = {}) =>
      app.app.inject({ method: 'PUT', url: '/api/settings/general', headers: { 'content-type': 'application/json', ...headers }, payload });
    for (const payload of [malformed, big]) {
      expect((await put(payload)).json()).toMatchObject({ code: 'unauthenticated' });
      expect((await put(payload, { cookie: app.auth.cookie })).json()).toMatchObject({ code: 'csrf_failed' });
    }
    // With a session and its token the body is read (and refused as malformed), and nothing was stored on the way.
    const withSession = await put(malformed, { cookie: app.auth.cookie, 'x-csrf-token': app.auth.csrf });
    expect(withSession.statusCode).toBe(400);
    expect(await app.engine.ctx.stores.settings.read('general')).toEqual([]);
  });

  it('a request for no route is answered 404 when it arrives: its body is never read', async () => {
    const app = await openAdminApp();
    for (const url of ['/api/health', '/api/no-such-thing', '/no-such-page']) {
      const response = await app.app.inject({ method: 'POST', url, headers: { 'content-type': 'application/json' }, payload: '{"half": ' });
      expect(response.statusCode, url).toBe(404);
      expect(response.json()).toMatchObject({ code: 'not_found' });
    }
  });
});

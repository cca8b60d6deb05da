import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CheckRowResult, CheckRunRecord, CheckStart } from '../../src/domain/connection-checks/check-run.js';
import { runAmazonCheck } from '../../src/domain/connection-checks/run-amazon-check.js';
import { saveSection } from '../../src/domain/settings/save-section.js';
import { startFakeAmazon, type FakeAmazon } from '../fakes/amazon/index.js';
import { seedAdmin, startTestServer, TEST_ADMIN } from '../helpers/start-test-engine.js';
import { creatorsSettings, EU, openCheckEngine, parseEvents, row, type CheckEvent } from './amazon-check-setup.js';

let fake: FakeAmazon;
beforeAll(async () => {
  fake = await startFakeAmazon({ credentials: [EU], rateLimit: { tps: 1000, burst: 1000 } });
});
afterAll(() => fake.close());
beforeEach(() => {
  fake.state.reset();
  fake.state.setScenario({ overrides: [], latencyMs: 0 });
});

const threeRows = { ...creatorsSettings(), defaultCountry: 'de', marketplaces: [row('de', 'mytag-21'), row('uk', 'mytag-21'), row('fr', 'mytag-21')] };
const probes = () => fake.state.requestsTo('/catalog/v1/searchItems').length;

describe('streaming', () => {
  it('writes each row as its marketplace finishes, before the slow ones', async () => {
    const server = await startTestServer({ env: { PASSIVEWP_AMAZON_ENDPOINT_OVERRIDE: fake.origin, PASSIVEWP_AMAZON_REQUESTS_PER_SECOND: '10', PASSIVEWP_DAILY_CHECKS: 'false' } });
    await seedAdmin(server.engine);
    await saveSection(server.engine.ctx, { sectionId: 'amazon', values: threeRows, actor: 'test', ip: null });
    fake.state.setScenario({ overrides: [{ marketplace: 'uk', surface: 'creators', latencyMs: 900 }] });

    const login = await fetch(`${server.server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(TEST_ADMIN) });
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const response = await fetch(`${server.server.url}/api/checks/amazon`, { method: 'POST', headers: { cookie, 'x-csrf-token': csrfToken } });
    expect(response.headers.get('content-type')).toMatch(/^application\/x-ndjson/);

    const arrivals: Array<{ at: number; event: CheckEvent }> = [];
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += value;
      const lines = buffer.split('\n');
      buffer = lines.pop()!;
      for (const line of lines.filter(Boolean)) arrivals.push({ at: performance.now(), event: JSON.parse(line) as CheckEvent });
    }
    const types = arrivals.map((a) => (a.event.type === 'row' ? `row:${a.event.row.country}` : a.event.type));
    expect(types[0]).toBe('start');
    expect(types.at(-1)).toBe('done');
    expect(types.indexOf('row:uk')).toBe(3);
    const at = (type: string) => arrivals[types.indexOf(type)]!.at;
    // The fast rows reached the client long before the slow one: they were not held back for the end.
    expect(at('row:uk') - at('row:de')).toBeGreaterThan(500);
    expect(at('row:uk') - at('row:fr')).toBeGreaterThan(500);
    const start = arrivals[0]!.event as Extract<CheckEvent, { type: 'start' }>;
    expect(start).toMatchObject({ mode: 'creators', total: 3, reused: false });
    expect(start.runId).toMatch(/^chk_/);
  });
});

describe('one run at a time', () => {
  it('two simultaneous starts share one run and ask Amazon once per marketplace', async () => {
    const engine = await openCheckEngine(fake.origin, threeRows);
    const headers = { cookie: engine.auth.cookie, 'x-csrf-token': engine.auth.csrf };
    const [a, b] = await Promise.all([0, 1].map(() => engine.app.inject({ method: 'POST', url: '/api/checks/amazon', headers })));
    const [eventsA, eventsB] = [parseEvents(a!.body), parseEvents(b!.body)];
    const startA = eventsA[0] as Extract<CheckEvent, { type: 'start' }>;
    const startB = eventsB[0] as Extract<CheckEvent, { type: 'start' }>;
    expect(startB.runId).toBe(startA.runId);
    expect(eventsA.filter((e) => e.type === 'row')).toHaveLength(3);
    expect(eventsB.filter((e) => e.type === 'row')).toHaveLength(3);
    expect(probes()).toBe(3);
    expect(await engine.engine.ctx.stores.checkRuns.recent('amazon', 10)).toHaveLength(1);
  });

  it('a start during a run gets the rows finished so far, then the rest', async () => {
    const engine = await openCheckEngine(fake.origin, threeRows);
    fake.state.setScenario({ overrides: [{ marketplace: 'fr', surface: 'creators', latencyMs: 600 }] });
    let joined: Promise<unknown> | undefined;
    const second: { start?: CheckStart; rows: CheckRowResult[] } = { rows: [] };
    const first = await runAmazonCheck(engine.engine.ctx, {
      actor: 'first',
      onRow: () => {
        joined ??= runAmazonCheck(engine.engine.ctx, { actor: 'second', onStart: (s) => (second.start = s), onRow: (r) => second.rows.push(r) });
      },
    });
    await joined;
    expect(second.start?.runId).toBe(first.run.id);
    expect(second.rows.map((r) => r.country).sort()).toEqual(['de', 'fr', 'uk']);
    expect(first.run.actor).toBe('first');
    expect(probes()).toBe(3);
  });
});

describe('reuse within a minute', () => {
  it('answers a repeated start with the last run without asking Amazon, until the settings change or a minute passes', async () => {
    const engine = await openCheckEngine(fake.origin, threeRows);
    const first = await engine.check();
    expect(probes()).toBe(3);

    const again = await engine.check();
    expect(again.events[0]).toMatchObject({ type: 'start', runId: first.run.id, reused: true, total: 3 });
    expect(again.events.filter((e) => e.type === 'row')).toHaveLength(3);
    expect(again.run).toEqual(first.run);
    expect(probes()).toBe(3);

    await engine.save({ marketplaces: [row('de', 'mytag-21'), row('uk', 'mytag-21')] });
    const changed = await engine.check();
    expect(changed.events[0]).toMatchObject({ type: 'start', reused: false });
    expect(changed.run.id).not.toBe(first.run.id);
    expect(probes()).toBe(5);

    const clock = engine.engine.ctx.clock;
    engine.engine.ctx.clock = { now: () => new Date(clock.now().getTime() + 61_000) };
    const later = await engine.check();
    expect(later.events[0]).toMatchObject({ type: 'start', reused: false });
    expect(probes()).toBe(7);
  });
});

describe('history', () => {
  it('shows the latest run and marks it stale with what changed since', async () => {
    const engine = await openCheckEngine(fake.origin, threeRows);
    expect(await engine.get('/api/checks/amazon/latest')).toEqual({ run: null, stale: false, changed: [] });
    const { run } = await engine.check();
    expect(await engine.get('/api/checks/amazon/latest')).toEqual({ run, stale: false, changed: [] });

    await engine.save({ marketplaces: [row('de', 'mytag-21'), row('uk', 'other-21'), row('fr', 'mytag-21')] });
    expect(await engine.get('/api/checks/amazon/latest')).toMatchObject({ run: { id: run.id }, stale: true, changed: ['tags'] });
    await engine.save({ mode: 'auto' });
    expect(await engine.get('/api/checks/amazon/latest')).toMatchObject({ stale: true, changed: ['mode', 'tags'] });
    await engine.save({ creatorsCredentialSecret: 'amzn1.oa2-cs.v1.a-rotated-secret' });
    expect(await engine.get('/api/checks/amazon/latest')).toMatchObject({ stale: true, changed: ['credentials', 'mode', 'tags'] });
  });

  it('stores who ran it and keeps only the last 100 runs', async () => {
    const engine = await openCheckEngine(fake.origin, threeRows);
    const { run } = await engine.check();
    const [stored] = await engine.engine.ctx.stores.checkRuns.recent('amazon', 1);
    expect(stored).toMatchObject({ id: run.id, actor: 'owner@example.com', mode: 'creators', rows: run.rows });
    // No secret in the stored run, not even inside the fingerprint.
    expect(JSON.stringify(stored)).not.toContain(EU.secret);

    const store = engine.engine.ctx.stores.checkRuns;
    for (let i = 0; i < 105; i++) await store.insert('amazon', { ...(stored as CheckRunRecord), id: `chk_filler${i}` }, 100);
    const kept = await store.recent('amazon', 500);
    expect(kept).toHaveLength(100);
    expect(kept[0]!.id).toBe('chk_filler104');
    expect(await store.find('amazon', run.id)).toBeUndefined();
  });

  it('the status summary for the dashboard', async () => {
    const engine = await openCheckEngine(fake.origin, { ...threeRows, marketplaces: [row('de', 'mytag-21'), row('uk', 'wrong-21')] });
    expect(await engine.get('/api/checks/amazon/status')).toEqual({ lastRun: null, stale: false, changed: [], newlyFailing: [], failingSince: {}, schedule: { enabled: false, nextRunAt: null } });
    const { run } = await engine.check();
    const status = await engine.get<Record<string, unknown>>('/api/checks/amazon/status');
    expect(status).toEqual({
      lastRun: { id: run.id, actor: 'owner@example.com', finishedAt: run.finishedAt, summary: { total: 2, ok: 1, warning: 0, error: 1 }, summaryText: '2 marketplaces: 1 ok, 0 warnings, 1 error' },
      stale: false,
      changed: [],
      newlyFailing: [],
      failingSince: { uk: run.rows[1]!.checkedAt },
      schedule: { enabled: false, nextRunAt: null },
    });
  });
});

describe('reports', () => {
  it('downloads the run as JSON and as a printable HTML page, escaped and without secrets', async () => {
    const engine = await openCheckEngine(fake.origin, { ...threeRows, relayUrl: 'https://relay.example.com', relayToken: 'pwr_relay-token-secret-value-0001' });
    await saveSection(engine.engine.ctx, { sectionId: 'general', values: { siteName: 'Kitchen <b>Gear</b> & "Co"', timeZone: 'Europe/Berlin' }, actor: 'test', ip: null });
    const { run } = await engine.check();
    const get = (suffix: string) => engine.app.inject({ method: 'GET', url: `/api/checks/amazon/runs/${run.id}/${suffix}`, headers: { cookie: engine.auth.cookie } });

    const json = await get('report.json');
    expect(json.statusCode).toBe(200);
    expect(json.headers['content-disposition']).toMatch(/^attachment; filename="passivewp-amazon-check-.*\.json"$/);
    expect(json.json()).toEqual(run);

    const html = await get('report.html');
    expect(html.statusCode).toBe(200);
    expect(html.headers['content-type']).toMatch(/^text\/html/);
    expect(html.headers['content-disposition']).toMatch(/^attachment; filename="passivewp-amazon-check-.*\.html"$/);
    const page = html.body;
    expect(page).toContain('Kitchen &lt;b&gt;Gear&lt;/b&gt; &amp; &quot;Co&quot;');
    expect(page).not.toContain('<b>Gear');
    expect(page).toContain(run.summaryText);
    expect(page).toContain(run.id);
    expect(page).toMatch(/<style>/);
    expect(page).not.toMatch(/<script|<link|src=/i);
    for (const r of run.rows) expect(page).toContain(r.domain);
    expect(page).toMatch(/CES?T/); // the site's time zone

    for (const body of [json.body, page]) {
      for (const secret of [EU.secret, 'pwr_relay-token-secret-value-0001', EU.secret.slice(-12)]) expect(body).not.toContain(secret);
    }
    expect((await get('../chk_unknown/report.json')).statusCode).toBe(404);
    expect((await engine.app.inject({ method: 'GET', url: '/api/checks/amazon/runs/chk_unknown/report.html', headers: { cookie: engine.auth.cookie } })).json()).toMatchObject({ code: 'not_found' });
  });
});

describe('access', () => {
  it('needs a session, and the CSRF token to start a check; a refused start asks Amazon nothing', async () => {
    const engine = await openCheckEngine(fake.origin, threeRows);
    const anonymous = await engine.app.inject({ method: 'POST', url: '/api/checks/amazon' });
    expect(anonymous.statusCode).toBe(401);
    const noCsrf = await engine.app.inject({ method: 'POST', url: '/api/checks/amazon', headers: { cookie: engine.auth.cookie } });
    expect(noCsrf.statusCode).toBe(403);
    expect(noCsrf.json()).toMatchObject({ code: 'csrf_failed' });
    for (const url of ['/api/checks/amazon/latest', '/api/checks/amazon/status', '/api/checks/amazon/runs/chk_x/report.json', '/api/checks/amazon/runs/chk_x/report.html']) {
      expect((await engine.app.inject({ method: 'GET', url })).statusCode, url).toBe(401);
    }
    expect(fake.state.requests).toHaveLength(0);
    expect(await engine.engine.ctx.stores.checkRuns.recent('amazon', 10)).toHaveLength(0);
  });
});

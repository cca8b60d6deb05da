import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IntegrationsOverview } from '../../src/domain/connection-checks/read-integrations-overview.js';
import { runScheduledIntegrationChecks } from '../../src/domain/connection-checks/run-scheduled-integration-checks.js';
import { startFakeOpenAi, type FakeOpenAi } from '../fakes/openai/start-fake-openai.js';
import { openAdminApp } from '../helpers/open-admin-app.js';
import { placeGeoDatabase } from '../helpers/place-geo-database.js';

const KEY = 'sk-proj-overview-key-00000000000000000001';
const DAY = 86_400_000;

let fake: FakeOpenAi;
beforeAll(async () => {
  fake = await startFakeOpenAi({ keys: { [KEY]: {} } });
});
afterAll(() => fake.close());

const byId = (overview: IntegrationsOverview) => Object.fromEntries(overview.integrations.map((i) => [i.id, i]));

describe('the dashboard status overview', () => {
  it('lists Amazon, OpenAI and Geolocation, never checked and not set up, on a fresh engine', async () => {
    const admin = await openAdminApp();
    const overview = await admin.get<IntegrationsOverview>('/api/checks/overview');
    expect(overview.integrations.map((i) => [i.id, i.label, i.settingsRoute, i.configured, i.last])).toEqual([
      ['amazon', 'Amazon', '/settings/amazon', false, null],
      ['openai', 'OpenAI', '/settings/openai', false, null],
      ['geolocation', 'Geolocation', '/settings/geolocation', false, null],
    ]);
  });

  it('"Check all" checks every integration that is set up and shows each result with its time', async () => {
    const admin = await openAdminApp();
    await admin.save('openai', { apiKey: KEY, baseUrl: fake.baseUrl });
    await admin.save('geolocation', { databasePath: placeGeoDatabase(admin.dataDir) });
    const response = await admin.call('POST', '/api/checks/all');
    expect(response.statusCode, response.body).toBe(200);
    const integrations = byId(response.json<IntegrationsOverview>());
    expect(integrations.openai).toMatchObject({ configured: true, stale: false, last: { status: 'ok', actor: 'owner@example.com' }, scheduledFailure: null });
    // The test database is years old: it works, with a warning.
    expect(integrations.geolocation).toMatchObject({ configured: true, last: { status: 'warning' } });
    expect(integrations.amazon).toMatchObject({ configured: false, last: null });
    await admin.save('openai', { model: 'gpt-4o-mini' });
    expect(byId(await admin.get<IntegrationsOverview>('/api/checks/overview')).openai?.stale).toBe(true);
  });

  it('warns when a scheduled re-check finds a failure, and re-checks only what is a day old', async () => {
    const admin = await openAdminApp();
    await admin.save('openai', { apiKey: KEY, baseUrl: fake.baseUrl });
    const ctx = admin.engine.ctx;
    expect((await runScheduledIntegrationChecks(ctx)).map((c) => [c.integration, c.status, c.actor])).toEqual([['openai', 'ok', 'scheduler']]);
    expect(await runScheduledIntegrationChecks(ctx)).toEqual([]);

    fake.state.outage = { status: 500 };
    try {
      const start = ctx.clock.now().getTime();
      ctx.clock = { now: () => new Date(start + DAY + 1000) };
      const [failed] = await runScheduledIntegrationChecks(ctx);
      expect(failed).toMatchObject({ status: 'error', findings: [{ cause: 'service_unavailable' }] });
    } finally {
      fake.state.outage = null;
    }
    expect(admin.logs()).toMatch(/"level":40[^\n]*OpenAI connection check: it worked before and fails now/);
    const openai = byId(await admin.get<IntegrationsOverview>('/api/checks/overview')).openai;
    expect(openai?.scheduledFailure).toMatchObject({ summary: expect.stringContaining('problem answering') });

    // A successful check by hand clears the warning.
    await admin.call('POST', '/api/checks/openai');
    expect(byId(await admin.get<IntegrationsOverview>('/api/checks/overview')).openai?.scheduledFailure).toBeNull();
  });
});

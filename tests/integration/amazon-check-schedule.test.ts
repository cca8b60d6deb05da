import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runScheduledCheck } from '../../src/domain/connection-checks/run-scheduled-check.js';
import { DAILY_CHECKS_JOB, JOBS } from '../../src/jobs/registry.js';
import { startBackgroundWork } from '../../src/jobs/start-background-work.js';
import { nextTickAt } from '../../src/jobs/start-ticker.js';
import { startFakeAmazon, type FakeAmazon } from '../fakes/amazon/index.js';
import { seedAdmin, startTestServer } from '../helpers/start-test-engine.js';
import { creatorsSettings, EU, openCheckEngine, row } from './amazon-check-setup.js';

let fake: FakeAmazon;
beforeAll(async () => {
  fake = await startFakeAmazon({ credentials: [EU], rateLimit: { tps: 1000, burst: 1000 } });
});
afterAll(() => fake.close());
beforeEach(() => {
  fake.state.reset();
  fake.state.setScenario({ overrides: [] });
});

const settings = { ...creatorsSettings(), defaultCountry: 'de', marketplaces: [row('de', 'mytag-21'), row('uk', 'mytag-21')] };
const DAY = 24 * 60 * 60 * 1000;

describe('the daily re-check', () => {
  it('runs only when the last run is a day old, as the scheduler, and reports marketplaces that start failing', async () => {
    const engine = await openCheckEngine(fake.origin, settings);
    const ctx = engine.engine.ctx;
    const first = await runScheduledCheck(ctx);
    expect(first?.run).toMatchObject({ actor: 'scheduler', summary: { ok: 2, error: 0 } });
    expect(await runScheduledCheck(ctx)).toBeNull();

    fake.state.setScenario({ overrides: [{ marketplace: 'uk', surface: 'creators', fault: 'invalid_partner_tag' }] });
    const clock = ctx.clock;
    ctx.clock = { now: () => new Date(clock.now().getTime() + DAY + 1000) };
    const second = await runScheduledCheck(ctx);
    expect(second?.newlyFailing).toEqual(['uk']);
    expect(engine.logs()).toMatch(/"level":40[^\n]*"newlyFailing":\["uk"\]/);
    const status = await engine.get<{ newlyFailing: string[]; failingSince: Record<string, string>; lastRun: { actor: string } }>('/api/checks/amazon/status');
    expect(status).toMatchObject({ newlyFailing: ['uk'], lastRun: { actor: 'scheduler' } });
    expect(Object.keys(status.failingSince)).toEqual(['uk']);

    // Still failing the next day: no longer "newly", but failing since the first failure.
    ctx.clock = { now: () => new Date(clock.now().getTime() + 2 * DAY + 2000) };
    const third = await runScheduledCheck(ctx);
    expect(third?.newlyFailing).toEqual([]);
    const later = await engine.get<{ failingSince: Record<string, string> }>('/api/checks/amazon/status');
    expect(later.failingSince).toEqual(status.failingSince);
  });

  it('does nothing while Amazon has no credentials at all', async () => {
    const engine = await openCheckEngine(fake.origin, { defaultPartnerTag: 'mytag-21' });
    expect(await runScheduledCheck(engine.engine.ctx)).toBeNull();
    expect(await engine.engine.ctx.stores.checkRuns.recent('amazon', 1)).toEqual([]);
  });

  it('is asked for as a job at every multiple of its period, tells the dashboard when it runs next, and stops', async () => {
    const engine = await openCheckEngine(fake.origin, settings);
    const ctx = engine.engine.ctx;
    // A clock that stands still: what the dashboard is told follows from it exactly.
    const now = ctx.clock.now().getTime();
    ctx.clock = { now: () => new Date(now) };
    await ctx.jobs.start();
    // The registry's job, asked for every 50 ms instead of every 10 minutes.
    const dailyChecks = JOBS.filter((job) => job.name === DAILY_CHECKS_JOB).map((job) => ({ ...job, requestEveryMs: 50 }));
    const background = startBackgroundWork(ctx, { dailyChecks: true, jobs: dailyChecks });
    const before = await engine.get<{ schedule: { enabled: boolean; nextRunAt: string } }>('/api/checks/amazon/status');
    expect(before.schedule).toEqual({ enabled: true, nextRunAt: new Date(nextTickAt(now, 50)).toISOString() });

    await expect.poll(() => ctx.stores.checkRuns.recent('amazon', 5).then((r) => r.length), { timeout: 5000 }).toBe(1);
    const [job] = await ctx.jobs.list({ name: DAILY_CHECKS_JOB, limit: 5 });
    expect(job).toMatchObject({ name: DAILY_CHECKS_JOB });
    const after = await engine.get<{ schedule: { nextRunAt: string }; lastRun: { finishedAt: string; actor: string } }>('/api/checks/amazon/status');
    expect(after.lastRun.actor).toBe('scheduler');
    expect(after.schedule.nextRunAt).toBe(new Date(nextTickAt(Date.parse(after.lastRun.finishedAt) + DAY, 50)).toISOString());

    await background.stop();
    expect((await engine.get<{ schedule: unknown }>('/api/checks/amazon/status')).schedule).toEqual({ enabled: false, nextRunAt: null });
    await ctx.jobs.stop();
  });

  it('is started by the server unless PASSIVEWP_DAILY_CHECKS=false', async () => {
    for (const [value, enabled] of [['true', true], ['false', false]] as const) {
      const server = await startTestServer({ env: { PASSIVEWP_DAILY_CHECKS: value } });
      await seedAdmin(server.engine);
      const login = await server.server.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'owner@example.com', password: 'correct horse battery' } });
      const cookie = `passivewp_session=${login.cookies.find((c) => c.name === 'passivewp_session')?.value}`;
      const status = await server.server.app.inject({ method: 'GET', url: '/api/checks/amazon/status', headers: { cookie } });
      expect(status.json().schedule.enabled, value).toBe(enabled);
      await server.server.stop();
    }
  });
});

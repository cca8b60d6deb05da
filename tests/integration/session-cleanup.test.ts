import { describe, expect, it } from 'vitest';
import { createAdmin } from '../../src/domain/auth/create-admin.js';
import { hashToken, startSession } from '../../src/domain/auth/start-session.js';
import { SESSION_CLEANUP_JOB } from '../../src/jobs/registry.js';
import { loginByApi, openTestEngine, startTestServer, TEST_ADMIN } from '../helpers/start-test-engine.js';

const HOUR = 3_600_000;

describe('expired sessions and setup tokens', () => {
  it('are deleted by the server’s clean-up job, while a live session keeps working', async () => {
    // A week ago (the default lifetime): two sessions and a first-run setup token, all expired since.
    const before = await openTestEngine();
    const ctx = before.engine.ctx;
    const weekAgo = Date.now() - 7 * 24 * HOUR - HOUR;
    ctx.clock = { now: () => new Date(weekAgo) };
    const admin = await createAdmin(ctx, TEST_ADMIN);
    const client = { ip: '198.51.100.7', userAgent: 'an old browser' };
    const stale = [await startSession(ctx, admin.id, client), await startSession(ctx, admin.id, client)];
    await ctx.stores.setupTokens.replace(hashToken('old-setup-token'), new Date(weekAgo).toISOString(), new Date(weekAgo + HOUR).toISOString());
    await before.engine.close();

    // The server asks for the clean-up when it starts (then every hour).
    const server = await startTestServer({ dataDir: before.dataDir });
    const live = await loginByApi(server.server.app);
    const rows = () => server.engine.db.selectFrom('sessions').select('token_hash').execute();
    await expect.poll(async () => (await rows()).length, { timeout: 5000 }).toBe(1);
    expect((await rows()).map((row) => row.token_hash)).not.toContain(hashToken(stale[0]!.token));
    expect(await server.engine.db.selectFrom('setup_tokens').selectAll().execute()).toEqual([]);
    const [job] = await server.engine.ctx.jobs.list({ name: SESSION_CLEANUP_JOB, limit: 5 });
    expect(job).toMatchObject({ state: 'done' });
    expect(server.logs()).toMatch(/"sessions":2,"setupTokens":1[^\n]*deleted expired sessions/);

    const me = await server.server.app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie: live.cookie } });
    expect(me.statusCode, me.body).toBe(200);
  });
});

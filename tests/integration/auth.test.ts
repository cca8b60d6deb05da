import { describe, expect, it } from 'vitest';
import { LOGIN_LIMITS } from '../../src/domain/auth/attempt-limiter.js';
import { issueSetupToken } from '../../src/domain/auth/issue-setup-token.js';
import { loginByApi, openTestApp, seedAdmin, TEST_ADMIN } from '../helpers/start-test-engine.js';

describe('login and sessions', () => {
  it('logs in with the right password and sets an HTTP-only SameSite=Lax session cookie', async () => {
    const { app, engine } = await openTestApp();
    await seedAdmin(engine);
    const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload: TEST_ADMIN });
    expect(response.statusCode).toBe(200);
    const cookie = response.cookies.find((c) => c.name === 'passivewp_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    const body = response.json();
    expect(body.email).toBe(TEST_ADMIN.email);
    expect(body.csrfToken).toMatch(/^[\w-]{40,}$/);

    const session = await app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie: `passivewp_session=${cookie?.value}` } });
    expect(session.statusCode).toBe(200);
    expect(session.json()).toMatchObject({ email: TEST_ADMIN.email, csrfToken: body.csrfToken });
  });

  it('refuses a wrong password or unknown email with the same answer', async () => {
    const { app, engine } = await openTestApp();
    await seedAdmin(engine);
    const wrong = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { ...TEST_ADMIN, password: 'not the password' } });
    const unknown = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'nobody@example.com', password: 'whatever123' } });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
    expect(wrong.cookies).toHaveLength(0);
  });

  it('stores only a hash of the session token', async () => {
    const { app, engine } = await openTestApp();
    await seedAdmin(engine);
    const { cookie } = await loginByApi(app);
    const token = cookie.split('=')[1] as string;
    const rows = await engine.db.selectFrom('sessions').selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(token);
  });

  it('logs out: the cookie stops working', async () => {
    const { app, engine } = await openTestApp();
    await seedAdmin(engine);
    const { cookie, csrf } = await loginByApi(app);
    const out = await app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie, 'x-csrf-token': csrf } });
    expect(out.statusCode).toBe(204);
    const after = await app.inject({ method: 'GET', url: '/api/settings/general', headers: { cookie } });
    expect(after.statusCode).toBe(401);
  });

  it('refuses a state-changing request without the session CSRF token and changes nothing', async () => {
    const { app, engine } = await openTestApp();
    await seedAdmin(engine);
    const { cookie } = await loginByApi(app);
    for (const headers of [{ cookie }, { cookie, 'x-csrf-token': 'forged' }]) {
      const response = await app.inject({ method: 'PUT', url: '/api/settings/general', headers, payload: { values: { siteName: 'Hijacked' } } });
      expect(response.statusCode).toBe(403);
      expect(response.json().code).toBe('csrf_failed');
    }
    expect(await engine.db.selectFrom('settings').selectAll().execute()).toEqual([]);
  });

  it('refuses a cross-site login post (login CSRF)', async () => {
    const { app, engine } = await openTestApp();
    await seedAdmin(engine);
    const response = await app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'sec-fetch-site': 'cross-site' }, payload: TEST_ADMIN });
    expect(response.statusCode).toBe(403);
  });

  it('expires sessions after the configured lifetime', async () => {
    const { app, engine } = await openTestApp({ env: { PASSIVEWP_SESSION_TTL_HOURS: '1' } });
    await seedAdmin(engine);
    const { cookie } = await loginByApi(app);
    const realNow = engine.ctx.clock.now;
    engine.ctx.clock = { now: () => new Date(realNow().getTime() + 61 * 60_000) };
    expect((await app.inject({ method: 'GET', url: '/api/settings/general', headers: { cookie } })).statusCode).toBe(401);
  });
});

describe('login rate limits', () => {
  it('locks an account after repeated failures, even with the right password, and says when to retry', async () => {
    const { app, engine } = await openTestApp();
    await seedAdmin(engine);
    for (let i = 0; i < LOGIN_LIMITS.perAccount.maxFailures; i++) {
      const r = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { ...TEST_ADMIN, password: `wrong-${i}` } });
      expect(r.statusCode).toBe(401);
    }
    const blocked = await app.inject({ method: 'POST', url: '/api/auth/login', payload: TEST_ADMIN });
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().code).toBe('rate_limited');
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);

    const realNow = engine.ctx.clock.now;
    engine.ctx.clock = { now: () => new Date(realNow().getTime() + LOGIN_LIMITS.perAccount.windowSeconds * 1000 + 1000) };
    expect((await app.inject({ method: 'POST', url: '/api/auth/login', payload: TEST_ADMIN })).statusCode).toBe(200);
  });

  it('limits one IP address that tries many accounts', async () => {
    const { app, engine } = await openTestApp();
    await seedAdmin(engine);
    for (let i = 0; i < LOGIN_LIMITS.perIp.maxFailures; i++) {
      await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: `guess${i}@example.com`, password: 'guess-password' } });
    }
    const blocked = await app.inject({ method: 'POST', url: '/api/auth/login', payload: TEST_ADMIN });
    expect(blocked.statusCode).toBe(429);
    const otherIp = await app.inject({ method: 'POST', url: '/api/auth/login', payload: TEST_ADMIN, remoteAddress: '10.0.0.9' });
    expect(otherIp.statusCode).toBe(200);
  });
});

describe('first-run setup', () => {
  it('creates the first administrator with the one-time token and logs them in', async () => {
    const { app, engine } = await openTestApp();
    const setup = await issueSetupToken(engine.ctx);
    expect(setup).toBeDefined();
    const response = await app.inject({ method: 'POST', url: '/api/auth/setup', payload: { token: setup?.token, ...TEST_ADMIN } });
    expect(response.statusCode).toBe(201);
    expect(response.cookies.some((c) => c.name === 'passivewp_session')).toBe(true);
    expect(await engine.ctx.stores.admins.count()).toBe(1);

    const again = await app.inject({ method: 'POST', url: '/api/auth/setup', payload: { token: setup?.token, email: 'second@example.com', password: 'another long password' } });
    expect(again.statusCode).toBe(409);
    expect(await engine.ctx.stores.admins.count()).toBe(1);
    expect(await issueSetupToken(engine.ctx)).toBeUndefined();
  });

  it('refuses an expired token, a wrong token and a weak password, leaving no administrator behind', async () => {
    const { app, engine } = await openTestApp();
    const setup = await issueSetupToken(engine.ctx);
    const weak = await app.inject({ method: 'POST', url: '/api/auth/setup', payload: { token: setup?.token, email: 'a@example.com', password: 'short' } });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().fields).toEqual([expect.objectContaining({ field: 'password' })]);

    const wrong = await app.inject({ method: 'POST', url: '/api/auth/setup', payload: { token: 'nope', ...TEST_ADMIN } });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().code).toBe('setup_token_invalid');

    const realNow = engine.ctx.clock.now;
    engine.ctx.clock = { now: () => new Date(realNow().getTime() + 61 * 60_000) };
    const expired = await app.inject({ method: 'POST', url: '/api/auth/setup', payload: { token: setup?.token, ...TEST_ADMIN } });
    expect(expired.json().code).toBe('setup_token_invalid');
    expect(await engine.ctx.stores.admins.count()).toBe(0);
    expect(await engine.db.selectFrom('sessions').selectAll().execute()).toEqual([]);
  });

  it('keeps only the newest setup link valid', async () => {
    const { app, engine } = await openTestApp();
    const first = await issueSetupToken(engine.ctx);
    const second = await issueSetupToken(engine.ctx);
    expect((await app.inject({ method: 'POST', url: '/api/auth/setup', payload: { token: first?.token, ...TEST_ADMIN } })).statusCode).toBe(400);
    expect((await app.inject({ method: 'POST', url: '/api/auth/setup', payload: { token: second?.token, ...TEST_ADMIN } })).statusCode).toBe(201);
  });

  it('tells the admin app whether setup is still needed', async () => {
    const { app, engine } = await openTestApp();
    expect((await app.inject({ method: 'GET', url: '/api/auth/session' })).json()).toMatchObject({ code: 'unauthenticated', setupRequired: true });
    await seedAdmin(engine);
    expect((await app.inject({ method: 'GET', url: '/api/auth/session' })).json()).toMatchObject({ setupRequired: false });
  });
});

import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { LOGIN_LIMITS } from '../../src/domain/auth/attempt-limiter.js';
import { issueSetupToken } from '../../src/domain/auth/issue-setup-token.js';
import { loginByApi, openTestApp, seedAdmin, TEST_ADMIN, testDialect } from '../helpers/start-test-engine.js';

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

const login = (app: FastifyInstance, payload: unknown, options: { from?: string; forwardedFor?: string } = {}) =>
  app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: payload as object,
    ...(options.from ? { remoteAddress: options.from } : {}),
    ...(options.forwardedFor ? { headers: { 'x-forwarded-for': options.forwardedFor } } : {}),
  });
const wrong = (i: number) => ({ ...TEST_ADMIN, password: `wrong password ${i}` });
const statuses = (responses: Array<{ statusCode: number }>) => responses.map((r) => r.statusCode).sort();
const PAIR = LOGIN_LIMITS.perPair.maxAttempts;
const ADDRESS = LOGIN_LIMITS.perAddress.maxAttempts;

describe('login rate limits', () => {
  it('evaluates at most 5 of 60 parallel wrong passwords on one account, then the owner logs in from another address at once', async () => {
    const { app, engine } = await openTestApp();
    await seedAdmin(engine);
    const answers = await Promise.all(Array.from({ length: 60 }, (_, i) => login(app, wrong(i))));
    // Every 401 is a password that was hashed and compared; a 429 never reached the hash.
    expect(statuses(answers)).toEqual([...Array<number>(PAIR).fill(401), ...Array<number>(60 - PAIR).fill(429)]);
    const refused = answers.find((r) => r.statusCode === 429)!;
    expect(refused.json()).toMatchObject({ code: 'rate_limited', message: 'Too many wrong passwords for this email from your IP address. Try again in 15 minutes.' });
    expect(Number(refused.headers['retry-after'])).toBe(LOGIN_LIMITS.perPair.windowSeconds);

    expect((await login(app, TEST_ADMIN, { from: '192.0.2.44' })).statusCode).toBe(200);
  });

  it('locks the account + address pair, even for the right password, until its window ends', async () => {
    const { app, engine } = await openTestApp();
    await seedAdmin(engine);
    for (let i = 0; i < PAIR; i++) expect((await login(app, wrong(i))).statusCode).toBe(401);
    const blocked = await login(app, TEST_ADMIN);
    expect(blocked.statusCode).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    expect(blocked.cookies).toHaveLength(0);

    const realNow = engine.ctx.clock.now;
    engine.ctx.clock = { now: () => new Date(realNow().getTime() + LOGIN_LIMITS.perPair.windowSeconds * 1000 + 1000) };
    expect((await login(app, TEST_ADMIN)).statusCode).toBe(200);
  });

  it('counts unknown emails like real ones and answers them alike', async () => {
    const { app, engine } = await openTestApp();
    await seedAdmin(engine);
    const unknown = { email: 'nobody@example.com', password: 'some password' };
    for (let i = 0; i < PAIR; i++) expect((await login(app, unknown)).statusCode).toBe(401);
    const blockedUnknown = await login(app, unknown);
    for (let i = 0; i < PAIR; i++) await login(app, wrong(i));
    const blockedReal = await login(app, wrong(99));
    expect(blockedUnknown.statusCode).toBe(429);
    expect(blockedUnknown.json()).toEqual(blockedReal.json());
  });

  it('a successful login clears its pair and gives its address attempt back: the owner who mistyped gets fresh tries', async () => {
    const { app, engine } = await openTestApp();
    await seedAdmin(engine);
    for (let i = 0; i < PAIR - 1; i++) await login(app, wrong(i));
    expect((await login(app, TEST_ADMIN)).statusCode).toBe(200);
    for (let i = 0; i < PAIR; i++) expect((await login(app, wrong(i))).statusCode).toBe(401);
    expect((await login(app, wrong(PAIR))).statusCode).toBe(429);

    for (let i = 0; i < ADDRESS - 1; i++) await login(app, { email: `guess${i}@example.com`, password: 'guess password' }, { from: '192.0.2.60' });
    for (let i = 0; i < 3; i++) expect((await login(app, TEST_ADMIN, { from: '192.0.2.60' })).statusCode).toBe(200);
  });

  it('a refused attempt costs nothing: hammering a locked pair does not use up its address', async () => {
    const { app, engine } = await openTestApp();
    await seedAdmin(engine);
    for (let i = 0; i < ADDRESS; i++) expect((await login(app, wrong(i))).statusCode).toBe(i < PAIR ? 401 : 429);
    expect((await login(app, { email: 'colleague@example.com', password: 'a guess' })).statusCode).toBe(401);
  });

  it('limits one address that tries many accounts, and only that address', async () => {
    const { app, engine } = await openTestApp();
    await seedAdmin(engine);
    for (let i = 0; i < ADDRESS; i++) expect((await login(app, { email: `guess${i}@example.com`, password: 'guess password' })).statusCode).toBe(401);
    const blocked = await login(app, TEST_ADMIN);
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().message).toBe('Too many failed logins from your IP address. Try again in 15 minutes.');
    expect((await login(app, TEST_ADMIN, { from: '10.0.0.9' })).statusCode).toBe(200);
  });

  it('counts an IPv6 client by its /64 network, so fresh addresses from it do not buy fresh tries', async () => {
    const { app, engine } = await openTestApp();
    await seedAdmin(engine);
    const answers = [];
    for (let i = 1; i <= PAIR + 1; i++) answers.push(await login(app, wrong(i), { from: `2001:db8:1:2::${i.toString(16)}` }));
    expect(answers.map((r) => r.statusCode)).toEqual([...Array<number>(PAIR).fill(401), 429]);
    expect((await login(app, TEST_ADMIN, { from: '2001:db8:1:2:ffff:ffff:ffff:ffff' })).statusCode).toBe(429);
    expect((await login(app, TEST_ADMIN, { from: '2001:db8:1:3::1' })).statusCode).toBe(200);
  });

  it('an attacker rotating addresses through a trusted proxy cannot lock the owner out of their own address', async () => {
    const { app, engine } = await openTestApp({ env: { PASSIVEWP_TRUST_PROXY: 'loopback' } });
    await seedAdmin(engine);
    const answers = [];
    for (let a = 0; a < 12; a++) {
      for (let i = 0; i <= PAIR; i++) answers.push(await login(app, wrong(i), { forwardedFor: `198.51.100.${a}` }));
    }
    // Each attacking address gets its 5 tries and no more.
    expect(answers.filter((r) => r.statusCode === 401)).toHaveLength(12 * PAIR);
    expect(answers.filter((r) => r.statusCode === 429)).toHaveLength(12);

    const owner = await login(app, TEST_ADMIN, { forwardedFor: '203.0.113.7' });
    expect(owner.statusCode).toBe(200);
    const sessions = await engine.db.selectFrom('sessions').select('ip').execute();
    expect(sessions).toEqual([{ ip: '203.0.113.7' }]);
  });

  it('ignores X-Forwarded-For from a peer that is not a trusted proxy', async () => {
    for (const env of [{}, { PASSIVEWP_TRUST_PROXY: '10.0.0.1' }] as Array<Record<string, string>>) {
      const { app, engine } = await openTestApp({ env });
      await seedAdmin(engine);
      for (let i = 0; i < PAIR; i++) expect((await login(app, wrong(i), { forwardedFor: `198.51.100.${i}` })).statusCode).toBe(401);
      expect((await login(app, TEST_ADMIN, { forwardedFor: '203.0.113.7' })).statusCode).toBe(429);
      expect((await login(app, TEST_ADMIN, { from: '192.0.2.8', forwardedFor: '127.0.0.1' })).statusCode).toBe(200);
      expect(await engine.db.selectFrom('sessions').select('ip').execute()).toEqual([{ ip: '192.0.2.8' }]);
    }
  });

  it('keeps its counts across an engine restart', async () => {
    const first = await openTestApp();
    await seedAdmin(first.engine);
    for (let i = 0; i < PAIR; i++) expect((await login(first.app, wrong(i))).statusCode).toBe(401);
    await first.app.close();
    await first.engine.close();

    const restarted = await openTestApp({ dataDir: first.dataDir });
    expect((await login(restarted.app, TEST_ADMIN)).statusCode).toBe(429);
    expect((await login(restarted.app, TEST_ADMIN, { from: '192.0.2.44' })).statusCode).toBe(200);
  });

  it(`holds across two engines sharing one ${testDialect()} database`, async () => {
    const first = await openTestApp();
    const second = await openTestApp({ dataDir: first.dataDir });
    await seedAdmin(first.engine);
    const answers = await Promise.all(Array.from({ length: 60 }, (_, i) => login(i % 2 ? first.app : second.app, wrong(i))));
    expect(statuses(answers)).toEqual([...Array<number>(PAIR).fill(401), ...Array<number>(60 - PAIR).fill(429)]);
  });

  it('refuses malformed login bodies before counting anything: no attempt is stored', async () => {
    const { app, engine } = await openTestApp();
    await seedAdmin(engine);
    // Over the route's 4 KB limit the body is not even read: `message` proves which refusal it was.
    const bodies: Array<{ payload: string; type?: string; message?: string }> = [
      { payload: '' },
      { payload: '[]' },
      { payload: '{"email": 42, "password": true}' },
      { payload: JSON.stringify({ email: TEST_ADMIN.email }) },
      { payload: JSON.stringify({ email: 'x'.repeat(255), password: 'p' }) },
      { payload: JSON.stringify({ email: TEST_ADMIN.email, password: 'p'.repeat(201) }) },
      { payload: '{"email": "owner@example.com", "password": ' },
      { payload: JSON.stringify({ email: TEST_ADMIN.email, password: 'p'.repeat(5000) }), message: 'The request body is too large.' },
      { payload: 'email=owner@example.com&password=x', type: 'application/x-www-form-urlencoded' },
    ];
    for (const body of bodies) {
      const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload: body.payload, headers: { 'content-type': body.type ?? 'application/json' } });
      expect(response.statusCode, body.payload.slice(0, 40)).toBe(400);
      if (body.message) expect(response.json().message).toBe(body.message);
    }
    expect(await engine.db.selectFrom('login_attempts').selectAll().execute()).toEqual([]);
    expect(await engine.db.selectFrom('sessions').selectAll().execute()).toEqual([]);
    for (let i = 0; i < PAIR; i++) expect((await login(app, wrong(i))).statusCode).toBe(401);
  });

  it('stores no email in clear and drops counters whose window has ended', async () => {
    const { app, engine } = await openTestApp();
    await seedAdmin(engine);
    await login(app, { email: 'typed-my-password-here@example.com', password: 'x' });
    const rows = await engine.db.selectFrom('login_attempts').selectAll().execute();
    expect(rows).toHaveLength(2);
    expect(JSON.stringify(rows)).not.toMatch(/typed-my-password|127\.0\.0\.1/);

    const realNow = engine.ctx.clock.now;
    engine.ctx.clock = { now: () => new Date(realNow().getTime() + LOGIN_LIMITS.perAddress.windowSeconds * 1000 + 1000) };
    await login(app, wrong(1), { from: '192.0.2.44' });
    expect(await engine.db.selectFrom('login_attempts').selectAll().execute()).toHaveLength(2);
  });
});

describe('session cookie and HSTS over https', () => {
  const hsts = (r: { headers: Record<string, unknown> }) => r.headers['strict-transport-security'];
  const sessionCookie = (r: { cookies: Array<{ name: string; secure?: boolean }> }) => r.cookies.find((c) => c.name === 'passivewp_session');

  it('marks the cookie Secure and sends HSTS (one year, no subdomains) when the public URL is https, also behind an untrusted TLS proxy', async () => {
    const { app, engine } = await openTestApp({ env: { PASSIVEWP_PUBLIC_URL: 'https://pwp.example.com' } });
    await seedAdmin(engine);
    const response = await login(app, TEST_ADMIN);
    expect(sessionCookie(response)?.secure).toBe(true);
    expect(hsts(response)).toBe('max-age=31536000');
    expect(hsts(await app.inject({ method: 'GET', url: '/api/health' }))).toBe('max-age=31536000');

    const { cookie, csrf } = await loginByApi(app);
    const out = await app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie, 'x-csrf-token': csrf } });
    expect(sessionCookie(out)?.secure).toBe(true);
  });

  it('sends neither with an http public URL or none', async () => {
    for (const env of [{ PASSIVEWP_PUBLIC_URL: 'http://127.0.0.1:8080' }, {}] as Array<Record<string, string>>) {
      const { app, engine } = await openTestApp({ env });
      await seedAdmin(engine);
      const response = await login(app, TEST_ADMIN, { forwardedFor: '203.0.113.7' });
      expect(sessionCookie(response)?.secure).toBeFalsy();
      expect(hsts(response)).toBeUndefined();
    }
  });

  it('follows X-Forwarded-Proto only from a trusted proxy', async () => {
    const { app, engine } = await openTestApp({ env: { PASSIVEWP_TRUST_PROXY: 'loopback' } });
    await seedAdmin(engine);
    const proto = (from: string) => app.inject({ method: 'POST', url: '/api/auth/login', payload: TEST_ADMIN, remoteAddress: from, headers: { 'x-forwarded-proto': 'https' } });
    const trusted = await proto('127.0.0.1');
    expect(sessionCookie(trusted)?.secure).toBe(true);
    expect(hsts(trusted)).toBe('max-age=31536000');
    const untrusted = await proto('192.0.2.9');
    expect(sessionCookie(untrusted)?.secure).toBeFalsy();
    expect(hsts(untrusted)).toBeUndefined();
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

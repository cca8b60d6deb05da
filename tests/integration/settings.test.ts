import { describe, expect, it } from 'vitest';
import { loginByApi, openTestApp, seedAdmin } from '../helpers/start-test-engine.js';
import { registryWithVault } from '../helpers/test-sections.js';

async function loggedInApp(env: Record<string, string> = {}) {
  const test = await openTestApp({ env, registry: registryWithVault() });
  await seedAdmin(test.engine);
  const auth = await loginByApi(test.app);
  const headers = { cookie: auth.cookie, 'x-csrf-token': auth.csrf };
  const put = (section: string, values: Record<string, unknown>) => test.app.inject({ method: 'PUT', url: `/api/settings/${section}`, headers, payload: { values } });
  const get = (section: string) => test.app.inject({ method: 'GET', url: `/api/settings/${section}`, headers });
  const storedRows = () => test.engine.db.selectFrom('settings').selectAll().orderBy('section').orderBy('key').execute();
  return { ...test, headers, put, get, storedRows };
}

describe('Settings → General through the API', () => {
  it('reports defaults with their source before anything is saved', async () => {
    const { get } = await loggedInApp();
    const view = (await get('general')).json();
    expect(view.fields.timeZone).toEqual({ secret: false, value: 'UTC', source: 'default', locked: false });
    expect(view.fields.siteName.source).toBe('default');
  });

  it('saves, reports the source as stored, and keeps the values for the next read', async () => {
    const { put, get } = await loggedInApp();
    const values = { siteName: 'Gear Lab', siteUrl: 'https://gearlab.example', timeZone: 'Europe/Berlin', affiliateDisclosure: 'We earn from qualifying purchases.' };
    const saved = await put('general', values);
    expect(saved.statusCode).toBe(200);
    expect(saved.json().changedKeys.sort()).toEqual(Object.keys(values).sort());
    const view = (await get('general')).json();
    for (const [key, value] of Object.entries(values)) expect(view.fields[key]).toMatchObject({ value, source: 'stored' });
  });

  it('refuses invalid input with one message per field and stores nothing, not even the valid fields', async () => {
    const { put, storedRows } = await loggedInApp();
    await put('general', { siteName: 'Before' });
    const before = await storedRows();
    const response = await put('general', { siteName: 'After', siteUrl: 'not a url', timeZone: 'Mars/Olympus' });
    expect(response.statusCode).toBe(400);
    const body = response.json();
    expect(body.code).toBe('validation_failed');
    expect(body.fields.map((f: { field: string }) => f.field).sort()).toEqual(['siteUrl', 'timeZone']);
    expect(await storedRows()).toEqual(before);
  });

  it.each([
    ['an unknown setting', { nope: 1 }],
    ['a value of the wrong type', { siteName: 42 }],
    ['a name that is too long', { siteName: 'x'.repeat(101) }],
    ['a non-web URL', { siteUrl: 'ftp://example.com' }],
  ])('refuses %s and changes nothing', async (_label, values) => {
    const { put, storedRows } = await loggedInApp();
    await put('general', { siteName: 'Kept' });
    const before = await storedRows();
    const response = await put('general', values);
    expect(response.statusCode).toBe(400);
    expect(response.json().fields.length).toBeGreaterThan(0);
    expect(await storedRows()).toEqual(before);
  });

  it('refuses a malformed body and an unknown section', async () => {
    const { app, headers, storedRows } = await loggedInApp();
    expect((await app.inject({ method: 'PUT', url: '/api/settings/general', headers, payload: { siteName: 'no values wrapper' } })).statusCode).toBe(400);
    expect((await app.inject({ method: 'PUT', url: '/api/settings/general', headers: { ...headers, 'content-type': 'application/json' }, payload: '{broken' })).statusCode).toBe(400);
    expect((await app.inject({ method: 'PUT', url: '/api/settings/nope', headers, payload: { values: {} } })).statusCode).toBe(404);
    expect(await storedRows()).toEqual([]);
  });

  it('resets a field to its default when sent null', async () => {
    const { put, get } = await loggedInApp();
    await put('general', { timeZone: 'Asia/Tokyo' });
    await put('general', { timeZone: null });
    expect((await get('general')).json().fields.timeZone).toMatchObject({ value: 'UTC', source: 'default' });
  });

  it('records each save in the audit log with who and which keys, never the values', async () => {
    const { put, app, headers } = await loggedInApp();
    await put('general', { siteName: 'Audit Me', siteUrl: 'https://audit.example' });
    const entries = (await app.inject({ method: 'GET', url: '/api/audit-log?limit=5', headers })).json().entries;
    expect(entries[0]).toMatchObject({ actor: 'owner@example.com', action: 'settings.save', subject: 'general', keys: ['siteName', 'siteUrl'] });
    expect(JSON.stringify(entries)).not.toContain('Audit Me');
  });
});

describe('values set in configuration', () => {
  it('win over stored values, report source "config" with the variable, and cannot be changed', async () => {
    const { put, get, storedRows } = await loggedInApp({ PASSIVEWP_SITE_NAME: 'From Config' });
    const view = (await get('general')).json();
    expect(view.fields.siteName).toEqual({ secret: false, value: 'From Config', source: 'config', locked: true, configVariable: 'PASSIVEWP_SITE_NAME' });
    const response = await put('general', { siteName: 'From UI' });
    expect(response.statusCode).toBe(400);
    expect(response.json().fields[0].message).toContain('PASSIVEWP_SITE_NAME');
    expect(response.json().fields[0].message).toContain('change it there, not here');
    expect(await storedRows()).toEqual([]);
    expect((await put('general', { timeZone: 'Europe/Paris' })).statusCode).toBe(200);
  });
});

describe('secret settings', () => {
  const SECRET = 'sk-live-0123456789-SUPERSECRET-wxyz';

  it('are write-only: the API shows whether one is set and its last 4 characters only', async () => {
    const { put, get } = await loggedInApp();
    const saved = await put('vault', { apiKey: SECRET });
    expect(saved.statusCode).toBe(200);
    expect(saved.body).not.toContain(SECRET);
    const view = (await get('vault')).json();
    expect(view.fields.apiKey).toEqual({ secret: true, isSet: true, last4: 'wxyz', readable: true, source: 'stored', locked: false });
    expect(JSON.stringify(view)).not.toContain('SUPERSECRET');
  });

  it('are stored encrypted and appear nowhere in clear: database, logs, API responses, served HTML', async () => {
    const { put, get, app, engine, logs, dataDir, headers } = await loggedInApp();
    await put('vault', { apiKey: SECRET });
    await put('vault', { apiKey: 'short' }); // refused: the error must not echo it either
    const rows = await engine.db.selectFrom('settings').selectAll().where('section', '=', 'vault').execute();
    expect(rows[0]?.is_secret).toBe(1);
    expect(rows[0]?.value).toMatch(/^"pwp1\./);

    const { readFileSync, readdirSync } = await import('node:fs');
    for (const file of readdirSync(dataDir)) {
      expect(readFileSync(`${dataDir}/${file}`).includes(Buffer.from('SUPERSECRET')), file).toBe(false);
    }
    const responses = [await get('vault'), await app.inject({ method: 'GET', url: '/api/audit-log', headers }), await app.inject({ method: 'GET', url: '/admin/' })];
    for (const r of responses) expect(r.body).not.toContain('SUPERSECRET');
    expect(logs()).not.toContain('SUPERSECRET');
    expect(logs()).not.toContain('correct horse battery');
  });

  it('can be cleared, and cross-field rules see the secret without exposing it', async () => {
    const { put, get } = await loggedInApp();
    const refused = await put('vault', { enabled: true });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().fields).toEqual([{ field: 'apiKey', message: 'An enabled vault needs an API key.' }]);
    expect((await put('vault', { apiKey: SECRET, enabled: true })).statusCode).toBe(200);
    expect((await put('vault', { enabled: false })).statusCode).toBe(200);
    expect((await put('vault', { apiKey: null })).statusCode).toBe(200);
    expect((await get('vault')).json().fields.apiKey).toMatchObject({ isSet: false, last4: null, source: 'default' });
  });
});

describe('what a save records', () => {
  it('writes and audits only the fields whose value changes, so untouched defaults keep following the default', async () => {
    const { put, get, app, headers } = await loggedInApp();
    const response = await put('general', { siteName: 'Only This', siteUrl: '', timeZone: 'UTC', affiliateDisclosure: 'As an Amazon Associate I earn from qualifying purchases.' });
    expect(response.json().changedKeys).toEqual(['siteName']);
    const view = (await get('general')).json();
    expect(view.fields.timeZone.source).toBe('default');
    expect((await put('general', { siteName: 'Only This' })).json().changedKeys).toEqual([]);
    const entries = (await app.inject({ method: 'GET', url: '/api/audit-log', headers })).json().entries;
    expect(entries).toHaveLength(1);
  });
});

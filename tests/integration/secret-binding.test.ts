import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readOpenAiSettings } from '../../src/domain/ai/read-openai-settings.js';
import type { CheckRun } from '../../src/domain/connection-checks/check-run.js';
import type { IntegrationCheck } from '../../src/domain/connection-checks/integration-check.js';
import { OPENAI_DEFAULT_BASE_URL } from '../../src/domain/settings/sections/openai.js';
import type { Engine } from '../../src/main.js';
import { startFakeOpenAi, type FakeOpenAi } from '../fakes/openai/start-fake-openai.js';
import { startCaptureServer } from '../helpers/capture-server.js';
import { openAdminApp, type AdminApp } from '../helpers/open-admin-app.js';
import { openTestEngine } from '../helpers/start-test-engine.js';

const KEY = 'sk-proj-bound-key-000000000000000000000001';
const RELAY_TOKEN = 'pwr_relay-token-for-binding-tests-0001';

let fake: FakeOpenAi;
beforeAll(async () => {
  fake = await startFakeOpenAi({ keys: { [KEY]: {} } });
});
afterAll(() => fake.close());

const storedRows = (admin: AdminApp) => admin.engine.db.selectFrom('settings').selectAll().orderBy('section').orderBy('key').execute();
const checkOpenAi = async (admin: AdminApp) => (await admin.call('POST', '/api/checks/openai')).json<IntegrationCheck>();
const checkAmazon = async (admin: AdminApp) => {
  const lines = (await admin.call('POST', '/api/checks/amazon')).body.split('\n').filter(Boolean).map((line) => JSON.parse(line) as { type: string; run?: CheckRun });
  return lines.find((e) => e.type === 'done')!.run!;
};
/** What an attacker with database access (or old data) could leave behind: a stored value changed under the engine. */
const storeUnchecked = (engine: Engine, section: string, key: string, value: unknown) =>
  engine.db.updateTable('settings').set({ value: JSON.stringify(value) }).where('section', '=', section).where('key', '=', key).execute();

async function openAiSaved(env: Record<string, string> = {}): Promise<AdminApp> {
  const admin = await openAdminApp(env);
  const saved = await admin.save('openai', { apiKey: KEY, baseUrl: fake.baseUrl });
  expect(saved.statusCode, saved.body).toBe(200);
  return admin;
}

describe('the OpenAI key goes only to the Base URL it was saved with', () => {
  it('refuses a new Base URL without the key entered again, stores nothing, and the new host never hears of the key', async () => {
    const admin = await openAiSaved();
    const attacker = await startCaptureServer();
    const before = await storedRows(admin);

    const moved = await admin.save('openai', { baseUrl: `${attacker.origin}/v1`, model: 'gpt-4o-mini' });
    expect(moved.statusCode).toBe(400);
    expect(moved.json()).toMatchObject({ code: 'validation_failed', fields: [{ field: 'apiKey', message: expect.stringMatching(/^Enter the OpenAI API Key again/) }] });
    expect(await storedRows(admin)).toEqual(before);

    expect((await checkOpenAi(admin)).findings[0]?.cause).toBe('ok');
    await admin.get('/api/openai/models');
    expect(attacker.connections()).toBe(0);

    // Typing the key in the same save is the owner's decision: the key is then bound to the new address.
    expect((await admin.save('openai', { baseUrl: `${attacker.origin}/v1`, apiKey: KEY })).statusCode).toBe(200);
    await checkOpenAi(admin);
    expect(attacker.requests.map((r) => r.authorization)).toEqual([`Bearer ${KEY}`]);
  });

  it('withholds the key when the stored Base URL was changed behind the engine’s back, and says why', async () => {
    const admin = await openAiSaved();
    const attacker = await startCaptureServer();
    await storeUnchecked(admin.engine, 'openai', 'baseUrl', `${attacker.origin}/v1`);

    // No caller even gets to hold the key: it reads as absent while its address is not the current one.
    expect((await readOpenAiSettings(admin.engine.ctx)).connection.apiKey).toBe('');
    const result = await checkOpenAi(admin);
    expect(result.findings[0]).toMatchObject({ cause: 'key_not_bound', severity: 'error', fixField: 'apiKey' });
    expect((await admin.get<{ problem: { cause: string } }>('/api/openai/models')).problem.cause).toBe('key_not_bound');
    const view = await admin.get<{ fields: Record<string, { isSet?: boolean }>; warnings: Array<{ field: string; message: string }> }>('/api/settings/openai');
    expect(view.fields.apiKey?.isSet).toBe(true);
    expect(view.warnings).toContainEqual({ field: 'apiKey', message: expect.stringContaining('was saved for another Base URL') });
    expect(attacker.connections()).toBe(0);
  });

  it('withholds a key saved before keys were bound (old data) from any Base URL but the default', async () => {
    const admin = await openAiSaved();
    await storeUnchecked(admin.engine, 'openai', 'apiKey', admin.engine.ctx.keyring.encrypt(KEY));
    const requestsBefore = fake.state.requests.length;
    expect((await checkOpenAi(admin)).findings[0]?.cause).toBe('key_not_bound');
    expect(fake.state.requests.length).toBe(requestsBefore);
    await storeUnchecked(admin.engine, 'openai', 'baseUrl', OPENAI_DEFAULT_BASE_URL);
    expect((await readOpenAiSettings(admin.engine.ctx)).connection).toMatchObject({ apiKey: KEY, baseUrl: OPENAI_DEFAULT_BASE_URL, keyBoundTo: OPENAI_DEFAULT_BASE_URL });
  });

  it('locks the Base URL together with a key set by configuration, and refuses a save of it with setting_locked', async () => {
    const admin = await openAdminApp({ PASSIVEWP_OPENAI_API_KEY: KEY });
    const attacker = await startCaptureServer();
    const view = await admin.get<{ fields: Record<string, { locked: boolean; value?: unknown; lockedBy?: string; source: string }> }>('/api/settings/openai');
    expect(view.fields.baseUrl).toMatchObject({ locked: true, lockedBy: 'PASSIVEWP_OPENAI_API_KEY', value: OPENAI_DEFAULT_BASE_URL, source: 'default' });

    const before = await storedRows(admin);
    const refused = await admin.save('openai', { baseUrl: `${attacker.origin}/v1` });
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({ code: 'setting_locked', fields: [{ field: 'baseUrl', message: expect.stringContaining('PASSIVEWP_OPENAI_BASE_URL') }] });
    expect(await storedRows(admin)).toEqual(before);
    expect(attacker.connections()).toBe(0);
  });

  it('ignores a Base URL stored before the key was locked: the configured key goes to the configured (or default) address only', async () => {
    const attacker = await startCaptureServer();
    const first = await openTestEngine();
    const { saveSection } = await import('../../src/domain/settings/save-section.js');
    await saveSection(first.engine.ctx, { sectionId: 'openai', values: { baseUrl: `${attacker.origin}/v1` }, actor: 'test', ip: null });
    await first.engine.close();

    const locked = await openTestEngine({ dataDir: first.dataDir, env: { PASSIVEWP_OPENAI_API_KEY: KEY } });
    expect((await readOpenAiSettings(locked.engine.ctx)).connection).toMatchObject({ baseUrl: OPENAI_DEFAULT_BASE_URL, keyBoundTo: OPENAI_DEFAULT_BASE_URL });
    await locked.engine.close();

    const both = await openAdminApp({ PASSIVEWP_OPENAI_API_KEY: KEY, PASSIVEWP_OPENAI_BASE_URL: fake.baseUrl });
    await storeUnchecked(both.engine, 'openai', 'baseUrl', `${attacker.origin}/v1`);
    expect((await checkOpenAi(both)).findings[0]?.cause).toBe('ok');
    expect(attacker.connections()).toBe(0);
  });
});

describe('the Relay Token goes only to the Relay URL it was saved with', () => {
  const relaySettings = (url: string) => ({ mode: 'passivewp', relayUrl: url, relayToken: RELAY_TOKEN, defaultCountry: 'de', defaultPartnerTag: 'mytag-21' });

  it('refuses a new Relay URL without the token entered again, and stores nothing', async () => {
    const relay = await startCaptureServer();
    const attacker = await startCaptureServer();
    const admin = await openAdminApp();
    expect((await admin.save('amazon', relaySettings(relay.origin))).statusCode).toBe(200);
    const before = await storedRows(admin);
    const moved = await admin.save('amazon', { relayUrl: attacker.origin });
    expect(moved.statusCode).toBe(400);
    expect(moved.json().fields).toEqual([{ field: 'relayToken', message: expect.stringMatching(/^Enter the Relay Token again/) }]);
    expect(await storedRows(admin)).toEqual(before);
    expect(attacker.connections()).toBe(0);
  });

  it('withholds the token from a Relay URL changed in storage: the check says so and the host gets nothing', async () => {
    const relay = await startCaptureServer();
    const attacker = await startCaptureServer();
    const admin = await openAdminApp();
    expect((await admin.save('amazon', relaySettings(relay.origin))).statusCode).toBe(200);
    await storeUnchecked(admin.engine, 'amazon', 'relayUrl', attacker.origin);
    const run = await checkAmazon(admin);
    expect(run.rows[0]).toMatchObject({ country: 'de', status: 'error', cause: 'credentials_missing', message: expect.stringContaining('saved for another Relay URL') });
    expect(attacker.connections()).toBe(0);
    expect(relay.connections()).toBe(0);
  });

  it('locks the Relay URL together with a token set by configuration', async () => {
    const attacker = await startCaptureServer();
    const admin = await openAdminApp({ PASSIVEWP_AMAZON_RELAY_TOKEN: RELAY_TOKEN });
    const view = await admin.get<{ fields: Record<string, { locked: boolean; lockedBy?: string }> }>('/api/settings/amazon');
    expect(view.fields.relayUrl).toMatchObject({ locked: true, lockedBy: 'PASSIVEWP_AMAZON_RELAY_TOKEN' });
    const before = await storedRows(admin);
    const refused = await admin.save('amazon', { mode: 'passivewp', relayUrl: attacker.origin, defaultPartnerTag: 'mytag-21' });
    expect(refused.json()).toMatchObject({ code: 'setting_locked', fields: [{ field: 'relayUrl', message: expect.stringContaining('PASSIVEWP_AMAZON_RELAY_URL') }] });
    expect(await storedRows(admin)).toEqual(before);
  });
});

describe('addresses a secret is sent to are plain http(s) URLs', () => {
  it.each([
    ['user info that hides the real host', 'https://api.openai.com@attacker.example/v1'],
    ['a query that swallows the path', 'https://attacker.example/steal?x='],
    ['a fragment that swallows the path', 'https://attacker.example/steal#'],
    ['another scheme', 'file:///etc/passwd'],
    ['script', 'javascript:alert(1)'],
  ])('refuses %s as Base URL or Relay URL, with the key entered, and stores nothing', async (_label, url) => {
    const admin = await openAiSaved();
    const before = await storedRows(admin);
    const openai = await admin.save('openai', { baseUrl: url, apiKey: KEY });
    expect(openai.statusCode).toBe(400);
    expect(openai.json().fields).toEqual([{ field: 'baseUrl', message: expect.any(String) }]);
    const relay = await admin.save('amazon', { relayUrl: url, relayToken: RELAY_TOKEN });
    expect(relay.json().fields).toEqual([{ field: 'relayUrl', message: expect.any(String) }]);
    expect(await storedRows(admin)).toEqual(before);
  });
});

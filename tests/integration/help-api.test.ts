import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ConfirmationResult, Confirmations } from '../../src/domain/help/evaluate-confirmations.js';
import { startFakeAmazon, type FakeAmazon } from '../fakes/amazon/index.js';
import { openAdminApp, type AdminApp } from '../helpers/open-admin-app.js';
import { TEST_ADMIN } from '../helpers/start-test-engine.js';
import { creatorsSettings, EU, row } from './amazon-check-setup.js';

let fake: FakeAmazon;
beforeAll(async () => {
  fake = await startFakeAmazon({ credentials: [EU], rateLimit: { tps: 1000, burst: 1000 } });
});
afterAll(() => fake.close());
beforeEach(() => {
  fake.state.reset();
  fake.state.setScenario({ overrides: [] });
});

const openApp = () => openAdminApp({ PASSIVEWP_AMAZON_ENDPOINT_OVERRIDE: fake.origin, PASSIVEWP_AMAZON_REQUESTS_PER_SECOND: '10' });
const confirmations = async (admin: AdminApp) => (await admin.get<{ confirmations: Confirmations }>('/api/help/confirmations')).confirmations;
const states = (c: Confirmations) => Object.fromEntries(Object.entries(c).map(([id, r]: [string, ConfirmationResult]) => [id, r.state]));

const amazonSettings = { ...creatorsSettings(), defaultCountry: 'de', defaultPartnerTag: 'mytag-21', marketplaces: [row('de', ''), row('uk', 'mytag-21')] };

describe('GET /api/help/confirmations', () => {
  it('goes from not met to met after saving the settings and a passing check, and back when the settings change', async () => {
    const admin = await openApp();
    const before = await confirmations(admin);
    expect(states(before)).toEqual({
      amazon_check_passed: 'not_met',
      amazon_defaults_set: 'not_met',
      amazon_marketplaces_tagged: 'not_met',
      amazon_settings_saved: 'not_met',
      openai_check_passed: 'not_met',
      geolocation_check_passed: 'not_met',
      general_disclosure_set: 'met',
    });
    expect(before.amazon_check_passed).toEqual({ state: 'not_met', detail: 'No Amazon check has run yet.', at: null });
    expect(before.general_disclosure_set.detail).toMatch(/^Disclosure \(the default text\): “As an Amazon Associate/);

    expect((await admin.save('amazon', amazonSettings)).statusCode).toBe(200);
    const saved = await confirmations(admin);
    expect(saved.amazon_settings_saved).toMatchObject({ state: 'met', detail: expect.stringMatching(/^Saved just now by .+ \(\d+ stored fields\)\.$/) });
    expect(saved.amazon_defaults_set).toMatchObject({ state: 'met', detail: 'Default Country de, Default Partner Tag mytag-21.' });
    expect(saved.amazon_marketplaces_tagged).toMatchObject({ state: 'met', detail: '2 enabled marketplaces, all tagged (1 with the Default Partner Tag).' });
    expect(saved.amazon_check_passed.state).toBe('not_met');

    const check = await admin.call('POST', '/api/checks/amazon');
    expect(check.statusCode).toBe(200);
    expect(check.body).toContain('"type":"done"');
    const passed = await confirmations(admin);
    expect(passed.amazon_check_passed).toMatchObject({ state: 'met', detail: 'Last check just now: 2 ok, 0 errors.' });
    expect(passed.amazon_check_passed.at).toMatch(/^\d{4}-\d{2}-\d{2}T/);

    // A changed tag makes the passing run stale: no longer met until the check runs again.
    expect((await admin.save('amazon', { marketplaces: [row('de', ''), row('uk', 'odd-tag-21')] })).statusCode).toBe(200);
    const stale = await confirmations(admin);
    expect(stale.amazon_check_passed).toMatchObject({ state: 'not_met', detail: 'Last check just now: 2 ok, 0 errors, but the tags settings changed since; run it again.' });

    // A run with an error row is not met either, and says which marketplace fails.
    fake.state.setScenario({ overrides: [{ marketplace: 'uk', surface: 'creators', fault: 'invalid_partner_tag' }] });
    await admin.call('POST', '/api/checks/amazon');
    const failing = await confirmations(admin);
    expect(failing.amazon_check_passed).toMatchObject({ state: 'not_met', detail: expect.stringMatching(/1 error; failing: uk \(partner_tag_invalid\)\.$/) });
  });

  it('reports an empty disclosure as not met', async () => {
    const admin = await openApp();
    expect((await admin.save('general', { affiliateDisclosure: '' })).statusCode).toBe(200);
    expect((await confirmations(admin)).general_disclosure_set).toMatchObject({ state: 'not_met' });
  });
});

describe('help feedback', () => {
  it('is stored and summarized per article, newest comment first', async () => {
    const admin = await openApp();
    const yes = await admin.call('POST', '/api/help/articles/amazon-connection-test/feedback', { helpful: true, comment: '  Clear steps.  ' });
    expect(yes.statusCode).toBe(201);
    expect(yes.json()).toEqual({ recorded: true });
    expect((await admin.call('POST', '/api/help/articles/amazon-connection-test/feedback', { helpful: false, comment: '   ' })).statusCode).toBe(201);
    expect((await admin.call('POST', '/api/help/articles/amazon-connection-test/feedback', { helpful: false })).statusCode).toBe(201);
    expect((await admin.call('POST', '/api/help/articles/openai-setup/feedback', { helpful: false, comment: 'Missing Azure.' })).statusCode).toBe(201);

    const summary = await admin.get<{ articles: unknown[] }>('/api/help/feedback');
    expect(summary.articles).toEqual([
      {
        articleId: 'amazon-connection-test',
        title: 'Check API Connections: prove every Amazon store works',
        yes: 1,
        no: 2,
        comments: [{ at: expect.any(String), helpful: true, comment: 'Clear steps.', actor: TEST_ADMIN.email }],
      },
      { articleId: 'openai-setup', title: expect.any(String), yes: 0, no: 1, comments: [{ at: expect.any(String), helpful: false, comment: 'Missing Azure.', actor: TEST_ADMIN.email }] },
    ]);
  });

  it('refuses bad feedback and stores nothing', async () => {
    const admin = await openApp();
    const missing = await admin.call('POST', '/api/help/articles/amazon-connection-test/feedback', { comment: 'no verdict' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json()).toMatchObject({ code: 'validation_failed', fields: [{ field: 'helpful' }] });
    const long = await admin.call('POST', '/api/help/articles/amazon-connection-test/feedback', { helpful: true, comment: 'x'.repeat(2000) });
    expect(long.statusCode).toBe(400);
    expect(long.json()).toMatchObject({ code: 'validation_failed', fields: [{ field: 'comment' }] });
    expect((await admin.call('POST', '/api/help/articles/amazon-connection-test/feedback', { helpful: 'yes' })).statusCode).toBe(400);
    const unknown = await admin.call('POST', '/api/help/articles/no-such-article/feedback', { helpful: true });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ code: 'not_found' });
    expect(await admin.get('/api/help/feedback')).toEqual({ articles: [] });
  });

  it('requires a session (and the CSRF token to post)', async () => {
    const admin = await openApp();
    for (const [method, url] of [
      ['GET', '/api/help/confirmations'],
      ['GET', '/api/help/feedback'],
      ['POST', '/api/help/articles/amazon-connection-test/feedback'],
    ] as const) {
      const response = await admin.app.inject({ method, url, ...(method === 'POST' ? { payload: { helpful: true } } : {}) });
      expect(response.statusCode, `${method} ${url}`).toBe(401);
    }
    const noCsrf = await admin.app.inject({ method: 'POST', url: '/api/help/articles/amazon-connection-test/feedback', headers: { cookie: admin.auth.cookie }, payload: { helpful: true } });
    expect(noCsrf.statusCode).toBe(403);
    expect(await admin.get('/api/help/feedback')).toEqual({ articles: [] });
  });
});

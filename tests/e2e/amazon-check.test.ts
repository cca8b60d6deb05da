import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createRelayToken } from '../../src/domain/relay/create-relay-token.js';
import { saveSection } from '../../src/domain/settings/save-section.js';
import type { Engine } from '../../src/main.js';
import { startFakeAmazon, type FakeAmazon, type FakeFault } from '../fakes/amazon/index.js';
import { CREDENTIALS } from '../helpers/amazon-clients.js';
import { assertNoHorizontalOverflow, launchBrowser, logInByApi, openPage, screenshot, VIEWPORT_CASES } from '../helpers/browser.js';
import { seedAdmin, startTestServer } from '../helpers/start-test-engine.js';

/** "Check API Connections" in the browser, against the fake Amazon: one scenario per diagnosis. */
const EU = CREDENTIALS.lwaEu;
const NA = CREDENTIALS.lwaNa;
/** The relay engine's own credential in the Auto test: not the one that is down on the client. */
const RELAY_NA = CREDENTIALS.cognitoNa;
const PAAPI = { accessKey: 'AKIAFAKEPAAPI0001', secretKey: 'paapi-secret-key-0001', partnerTags: { de: ['mytag-21'] } };

let browser: Browser;
let fake: FakeAmazon;
beforeAll(async () => {
  browser = await launchBrowser();
  fake = await startFakeAmazon({ credentials: Object.values(CREDENTIALS), paapiKeys: [PAAPI], rateLimit: { tps: 1000, burst: 1000 } });
});
afterAll(async () => {
  await browser?.close();
  await fake?.close();
});
beforeEach(() => {
  fake.state.reset();
  fake.state.setScenario({ overrides: [], paapiRetired: false, throttleRetryAfterSeconds: 0 });
});

const amazonEnv = () => ({ PASSIVEWP_AMAZON_ENDPOINT_OVERRIDE: fake.origin, PASSIVEWP_AMAZON_REQUESTS_PER_SECOND: '10', PASSIVEWP_DAILY_CHECKS: 'false' });
const creators = (credential: { id: string; secret: string; version: string } = EU) => ({
  mode: 'creators',
  creatorsCredentialId: credential.id,
  creatorsCredentialSecret: credential.secret,
  creatorsCredentialVersion: credential.version,
});
const row = (country: string, partnerTag: string) => ({ country, partnerTag, enabled: true });
const EU_ROWS = { defaultCountry: 'de', defaultPartnerTag: 'mytag-21', marketplaces: [row('de', ''), row('uk', 'mytag-21'), row('fr', 'mytag-21')] };
const failOn = (credential: string, fault: FakeFault) => fake.state.setScenario({ overrides: [{ credential, surface: 'creators', fault }] });

async function configure(engine: Engine, values: Record<string, unknown>): Promise<void> {
  await saveSection(engine.ctx, { sectionId: 'amazon', values, actor: 'test', ip: null });
}

/** An engine with an administrator and saved Amazon settings; the page logged in on Settings → Amazon. */
async function openConfigured(viewport: 'desktop' | 'mobile', values: Record<string, unknown>): Promise<{ page: Page; engine: Engine; adminUrl: string }> {
  const { engine, server } = await startTestServer({ env: amazonEnv() });
  await seedAdmin(engine);
  await configure(engine, values);
  const page = await openPage(browser, viewport);
  await logInByApi(page, server.url);
  await page.goto(`${server.adminUrl}#/settings/amazon`);
  await page.locator('#amazon-defaultPartnerTag').waitFor();
  return { page, engine, adminUrl: server.adminUrl };
}

const statusRow = (page: Page, marketplace: string) => page.locator('.check-status-table tbody tr').filter({ has: page.locator('th', { hasText: marketplace }) });

/** Clicks the button and waits for the summary line that ends the run. */
async function runCheck(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Check API Connections' }).click();
  const summary = page.locator('.check-summary');
  await summary.waitFor({ timeout: 20_000 });
  return (await summary.textContent()) ?? '';
}

async function expectRow(page: Page, marketplace: string, expected: { status: 'OK' | 'Warning' | 'Error'; cause: string; source?: string }): Promise<void> {
  const tr = statusRow(page, marketplace);
  expect(await tr.locator('.status-pill').textContent()).toContain(expected.status);
  expect(await tr.locator('.cause-code').textContent()).toBe(expected.cause);
  if (expected.source) expect(await tr.locator('td[data-label="Source"]').textContent()).toContain(expected.source);
}

async function screenshotTable(page: Page, name: string): Promise<void> {
  await assertNoHorizontalOverflow(page);
  await page.locator('.check-panel').scrollIntoViewIfNeeded();
  await screenshot(page, name);
}

describe.each(VIEWPORT_CASES)('Check API Connections (%s)', (viewport) => {
  it('all ok: offers to save pending edits first, streams the rows, sums up, and shows the run again after a reload', async () => {
    const { page, engine } = await openConfigured(viewport, { ...creators(), ...EU_ROWS, marketplaces: [row('de', ''), row('uk', 'mytag-21')] });
    expect(await page.locator('.check-panel .empty-state').textContent()).toContain('No check has run yet');

    // An edit that is not saved yet: the check offers to save it first.
    await page.getByRole('button', { name: 'Add marketplace' }).click();
    await page.locator('#amazon-marketplaces-2-country').selectOption('fr');
    await page.locator('#amazon-marketplaces-2-partnerTag').fill('mytag-21');
    await page.getByRole('button', { name: 'Check API Connections' }).click();
    await page.getByText('The form has unsaved changes.').waitFor();
    await page.getByRole('button', { name: 'Check saved settings' }).waitFor();
    const runs: number[] = [];
    page.on('response', (r) => r.url().endsWith('/api/checks/amazon') && runs.push(r.status()));
    await page.getByRole('button', { name: 'Save and check' }).click();
    const summary = page.locator('.check-summary');
    await summary.waitFor({ timeout: 20_000 });
    expect(await summary.textContent()).toBe('3 marketplaces: 3 ok, 0 warnings, 0 errors');
    expect(runs).toEqual([200]);
    expect((await engine.ctx.stores.settings.read('amazon')).length).toBeGreaterThan(0);

    await expectRow(page, 'Germany', { status: 'OK', cause: 'ok', source: 'Creators' });
    await expectRow(page, 'United Kingdom', { status: 'OK', cause: 'ok' });
    await expectRow(page, 'France', { status: 'OK', cause: 'ok' });
    // Germany's row has no tag of its own: the default applies, and the table says so.
    const germany = statusRow(page, 'Germany');
    expect(await germany.locator('td[data-label="Partner tag"]').textContent()).toBe('mytag-21default');
    expect(await germany.locator('th').textContent()).toContain('amazon.de');
    expect(await germany.locator('td[data-label="Latency"]').textContent()).toMatch(/^\d+ ms$/);
    await screenshotTable(page, 'amazon-check-all-ok');

    // The exports download the run that is shown.
    const json = page.getByRole('link', { name: 'JSON' });
    const href = (await json.getAttribute('href')) ?? '';
    expect(href).toMatch(/\/api\/checks\/amazon\/runs\/[^/]+\/report\.json$/);
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Printable HTML' }).click();
    expect((await download).suggestedFilename()).toMatch(/\.html$/);
    const report = await page.request.get(new URL(href, page.url()).toString());
    expect(report.status()).toBe(200);
    expect(((await report.json()) as { summaryText: string }).summaryText).toBe('3 marketplaces: 3 ok, 0 warnings, 0 errors');

    await page.reload();
    await summary.waitFor();
    expect(await page.locator('.last-run').textContent()).toMatch(/^Last check: .+ by owner@example\.com, Creators mode\.$/);
    expect(await page.locator('.check-status-table tbody tr').count()).toBe(3);

    // A changed tag makes the shown run stale.
    await page.locator('#amazon-marketplaces-1-partnerTag').fill('othertag-21');
    await page.getByRole('button', { name: 'Save Changes' }).click();
    await page.getByRole('status').filter({ hasText: 'Settings saved.' }).waitFor();
    await page.locator('.stale-mark').waitFor();
    expect(await page.locator('.stale-mark').textContent()).toContain('partner tags');
  });

  it('shows each marketplace as soon as it is checked, and keeps the button disabled until the run ends', async () => {
    // France answers slowly: Germany and the UK are in the table while France is still pending.
    fake.state.setScenario({ overrides: [{ marketplace: 'fr', surface: 'creators', latencyMs: 2500 }] });
    const { page } = await openConfigured(viewport, { ...creators(), ...EU_ROWS });
    const posts: string[] = [];
    page.on('request', (r) => r.method() === 'POST' && r.url().endsWith('/api/checks/amazon') && posts.push(r.url()));
    await page.getByRole('button', { name: 'Check API Connections' }).click();
    await statusRow(page, 'United Kingdom').waitFor();
    await statusRow(page, 'Germany').waitFor();
    expect(await statusRow(page, 'France').count()).toBe(0);
    expect(await page.locator('.check-pending').textContent()).toContain('Checking 1 more marketplace…');
    const busy = page.getByRole('button', { name: 'Checking…' });
    expect(await busy.isDisabled()).toBe(true);
    expect(await page.locator('.check-summary').count()).toBe(0);
    await screenshotTable(page, 'amazon-check-running');

    await page.locator('.check-summary').waitFor({ timeout: 20_000 });
    await expectRow(page, 'France', { status: 'OK', cause: 'ok' });
    expect(await page.locator('.check-pending').count()).toBe(0);
    expect(posts).toHaveLength(1);
    expect(await page.getByRole('button', { name: 'Check API Connections' }).isEnabled()).toBe(true);
  });

  it('one bad tag: only that row fails with partner_tag_invalid, and its fix link focuses that row’s tag', async () => {
    const { page } = await openConfigured(viewport, { ...creators(), ...EU_ROWS, marketplaces: [row('de', 'mytag-21'), row('uk', 'nosuchtag-21'), row('fr', 'mytag-21')] });
    expect(await runCheck(page)).toBe('3 marketplaces: 2 ok, 0 warnings, 1 error');
    await expectRow(page, 'Germany', { status: 'OK', cause: 'ok' });
    await expectRow(page, 'United Kingdom', { status: 'Error', cause: 'partner_tag_invalid' });
    await expectRow(page, 'France', { status: 'OK', cause: 'ok' });
    await screenshotTable(page, 'amazon-check-bad-tag');

    await statusRow(page, 'United Kingdom').getByRole('link', { name: /Go to Marketplace row 2 \(United Kingdom\): Partner tag/ }).click();
    await page.waitForFunction(() => document.activeElement?.id === 'amazon-marketplaces-1-partnerTag');
  });

  it('bad secret: every row on the credential says credentials_invalid and links to the secret', async () => {
    const { page } = await openConfigured(viewport, { ...creators({ ...EU, secret: 'amzn1.oa2-cs.v1.not-the-right-secret' }), ...EU_ROWS });
    expect(await runCheck(page)).toBe('3 marketplaces: 0 ok, 0 warnings, 3 errors');
    for (const name of ['Germany', 'United Kingdom', 'France']) await expectRow(page, name, { status: 'Error', cause: 'credentials_invalid' });
    expect(fake.state.tokenRequests(EU.id)).toBe(1);
    await statusRow(page, 'France').getByRole('link', { name: /Go to Creators Credential Secret/ }).click();
    await page.waitForFunction(() => document.activeElement?.id === 'amazon-creatorsCredentialSecret');
    await screenshotTable(page, 'amazon-check-bad-secret');
  });

  it('not eligible: says what the sales threshold means', async () => {
    failOn(EU.id, 'not_eligible');
    const { page } = await openConfigured(viewport, { ...creators(), ...EU_ROWS });
    expect(await runCheck(page)).toBe('3 marketplaces: 0 ok, 0 warnings, 3 errors');
    await expectRow(page, 'Germany', { status: 'Error', cause: 'not_eligible' });
    expect(await statusRow(page, 'Germany').locator('.check-fix').textContent()).toContain('10 qualifying sales');
  });

  it('throttled: a warning, not an error, that leaves the credentials alone', async () => {
    failOn(EU.id, 'throttled');
    const { page } = await openConfigured(viewport, { ...creators(), ...EU_ROWS, marketplaces: [] });
    expect(await runCheck(page)).toBe('1 marketplace: 0 ok, 1 warning, 0 errors');
    await expectRow(page, 'Germany', { status: 'Warning', cause: 'throttled' });
    // Nothing to change in the settings: no field link, only the help center's entry for the cause.
    expect(await statusRow(page, 'Germany').getByRole('link', { name: /^Go to/ }).count()).toBe(0);
    expect(await statusRow(page, 'Germany').getByRole('link').getAttribute('href')).toBe('#/help/amazon-check-troubleshooting?section=cause-throttled');
    await screenshotTable(page, 'amazon-check-throttled');
  });

  it('PA-API mode against the retired endpoint: says to switch to Creators and links to the mode', async () => {
    fake.state.setScenario({ paapiRetired: true });
    const { page } = await openConfigured(viewport, { mode: 'paapi', paapiAccessKey: PAAPI.accessKey, paapiSecretKey: PAAPI.secretKey, defaultCountry: 'de', defaultPartnerTag: 'mytag-21' });
    expect(await runCheck(page)).toBe('1 marketplace: 0 ok, 0 warnings, 1 error');
    await expectRow(page, 'Germany', { status: 'Error', cause: 'endpoint_retired', source: 'PA-API' });
    expect(await statusRow(page, 'Germany').locator('.check-fix').textContent()).toContain('Creators');
    await statusRow(page, 'Germany').getByRole('link', { name: /Go to Amazon API Mode/ }).click();
    await page.waitForFunction(() => document.activeElement?.id === 'amazon-mode-paapi');
  });

  it('Auto falls back from Creators to the PassiveWP relay and says which sources it tried', async () => {
    const relay = await startTestServer({ env: amazonEnv() });
    await configure(relay.engine, { ...creators(RELAY_NA), defaultCountry: 'us', defaultPartnerTag: 'mytag-20' });
    const { token } = await createRelayToken(relay.engine.ctx, { name: 'client site' }, 'test');
    failOn(NA.id, 'server_error');
    const { page } = await openConfigured(viewport, { ...creators(NA), mode: 'auto', relayUrl: relay.server.url, relayToken: token, defaultCountry: 'us', defaultPartnerTag: 'mytag-20' });
    expect(await runCheck(page)).toBe('1 marketplace: 1 ok, 0 warnings, 0 errors');
    await expectRow(page, 'United States', { status: 'OK', cause: 'ok', source: 'PassiveWP relay' });
    expect(await statusRow(page, 'United States').locator('.check-tried').textContent()).toBe('tried: Creators → PassiveWP relay');
    await screenshotTable(page, 'amazon-check-auto-relay');
  });

  it('dashboard: the Amazon row of the integrations card and the checklist follow the last run, and name marketplaces that started failing', async () => {
    const { page, adminUrl } = await openConfigured(viewport, { ...creators(), ...EU_ROWS });
    await page.goto(`${adminUrl}#/dashboard`);
    const card = page.locator('.postbox').filter({ has: page.getByRole('heading', { name: 'Integrations' }) });
    const amazon = card.locator('.integration-row').filter({ has: page.getByRole('link', { name: 'Amazon', exact: true }) });
    await amazon.getByText('Never checked', { exact: true }).waitFor();
    expect(await page.locator('.checklist-item', { hasText: 'Connect Amazon' }).getAttribute('class')).toContain('is-todo');

    await page.goto(`${adminUrl}#/settings/amazon`);
    expect(await runCheck(page)).toBe('3 marketplaces: 3 ok, 0 warnings, 0 errors');
    await page.goto(`${adminUrl}#/dashboard`);
    await amazon.getByText('3 marketplaces: 3 ok, 0 warnings, 0 errors').waitFor();
    expect(await page.locator('.checklist-item', { hasText: 'Amazon connected' }).getAttribute('class')).toContain('is-done');

    // The UK row gets a tag Amazon does not know: the next run fails there, which worked before.
    await page.goto(`${adminUrl}#/settings/amazon?focus=marketplaces.1.partnerTag`);
    await page.waitForFunction(() => document.activeElement?.id === 'amazon-marketplaces-1-partnerTag');
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('nosuchtag-21');
    await page.getByRole('button', { name: 'Save Changes' }).click();
    await page.getByRole('status').filter({ hasText: 'Settings saved.' }).waitFor();
    await page.locator('.stale-mark').waitFor();
    await page.getByRole('button', { name: 'Check API Connections' }).click();
    await page.locator('.check-summary', { hasText: '1 error' }).waitFor({ timeout: 20_000 });

    await page.goto(`${adminUrl}#/dashboard`);
    await amazon.getByText('3 marketplaces: 2 ok, 0 warnings, 1 error').waitFor();
    expect(await card.getByRole('alert').textContent()).toContain('Started failing: United Kingdom');
    expect(await page.locator('.checklist-item', { hasText: 'Fix the Amazon connection' }).getAttribute('class')).toContain('is-todo');
    await assertNoHorizontalOverflow(page);
    await screenshot(page, 'dashboard-amazon-status');
    await amazon.getByRole('link', { name: 'Amazon', exact: true }).click();
    await page.locator('.check-summary').waitFor();
  });
});

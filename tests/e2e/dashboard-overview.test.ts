import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runScheduledIntegrationChecks } from '../../src/domain/connection-checks/run-scheduled-integration-checks.js';
import { saveSection } from '../../src/domain/settings/save-section.js';
import type { Engine } from '../../src/main.js';
import { startFakeOpenAi, type FakeOpenAi } from '../fakes/openai/start-fake-openai.js';
import { assertNoHorizontalOverflow, currentHash, launchBrowser, logInByApi, openPage, screenshot, VIEWPORT_CASES, type ViewportName } from '../helpers/browser.js';
import { placeGeoDatabase } from '../helpers/place-geo-database.js';
import { seedAdmin, startTestServer } from '../helpers/start-test-engine.js';

/** The dashboard's one status overview: Amazon, OpenAI and Geolocation, "Check all", and scheduled failures. */
const KEY = 'sk-proj-e2e-dashboard-key-00000000000000001';

let browser: Browser;
let fake: FakeOpenAi;
beforeAll(async () => {
  browser = await launchBrowser();
  fake = await startFakeOpenAi({ keys: { [KEY]: {} } });
});
afterAll(async () => {
  await browser?.close();
  await fake?.close();
});

const save = (engine: Engine, sectionId: string, values: Record<string, unknown>) => saveSection(engine.ctx, { sectionId, values, actor: 'test', ip: null });

/** An engine with OpenAI (against the fake) and Geolocation (the City test database) set up, Amazon not; the page on the dashboard. */
async function openDashboard(viewport: ViewportName, openAiKey = KEY): Promise<{ page: Page; engine: Engine }> {
  const { engine, server, dataDir } = await startTestServer({ env: { PASSIVEWP_DAILY_CHECKS: 'false' } });
  await seedAdmin(engine);
  await save(engine, 'openai', { apiKey: openAiKey, baseUrl: fake.baseUrl });
  await save(engine, 'geolocation', { databasePath: placeGeoDatabase(dataDir) });
  const page = await openPage(browser, viewport);
  await logInByApi(page, server.url);
  await page.goto(`${server.adminUrl}#/dashboard`);
  await page.locator('.integration-row').first().waitFor();
  return { page, engine };
}

const card = (page: Page) => page.locator('.postbox').filter({ has: page.getByRole('heading', { name: 'Integrations' }) });
const row = (page: Page, label: string) => card(page).locator('.integration-row').filter({ has: page.getByRole('link', { name: label, exact: true }) });

describe.each(VIEWPORT_CASES)('dashboard status overview (%s)', (viewport) => {
  it('lists every integration, runs "Check all", and shows each result with its age; a later save marks one stale', async () => {
    const { page, engine } = await openDashboard(viewport);
    expect(await card(page).locator('.integration-row .integration-name').allTextContents()).toEqual(['Amazon', 'OpenAI', 'Geolocation']);
    expect(await row(page, 'Amazon').textContent()).toContain('Not set up');
    expect(await row(page, 'Amazon').getByRole('link', { name: 'Set up Amazon' }).getAttribute('href')).toBe('#/settings/amazon');
    expect(await row(page, 'OpenAI').locator('.badge').textContent()).toBe('Never checked');
    expect(await row(page, 'Geolocation').locator('.badge').textContent()).toBe('Never checked');
    expect(await page.locator('.checklist-item', { hasText: 'Check the OpenAI connection' }).getAttribute('class')).toContain('is-todo');
    await assertNoHorizontalOverflow(page);
    await screenshot(page, 'dashboard-overview');

    let release = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/api/checks/all', async (route) => {
      await released;
      await route.continue();
    });
    await page.getByRole('button', { name: 'Check all' }).click();
    const busy = page.getByRole('button', { name: 'Checking…' });
    await busy.waitFor();
    expect(await busy.isDisabled()).toBe(true);
    release();
    await page.getByRole('button', { name: 'Check all' }).waitFor();

    expect(await row(page, 'OpenAI').locator('.status-pill').textContent()).toContain('OK');
    expect(await row(page, 'OpenAI').locator('.integration-summary').textContent()).toBe('OpenAI accepted the key and answered with the chosen model.');
    expect(await row(page, 'OpenAI').locator('.activity-meta').textContent()).toBe('Checked just now by owner@example.com');
    // MaxMind's test database works but is years old: a warning.
    expect(await row(page, 'Geolocation').locator('.status-pill').textContent()).toContain('Warning');
    expect(await row(page, 'Geolocation').locator('.integration-summary').textContent()).toContain('more than 30 days old');
    expect(await row(page, 'Amazon').textContent()).toContain('Not set up');
    expect(await page.locator('.checklist-item', { hasText: 'OpenAI connected' }).getAttribute('class')).toContain('is-done');
    await assertNoHorizontalOverflow(page);
    await screenshot(page, 'dashboard-overview-checked');

    await save(engine, 'openai', { model: 'gpt-4o-mini' });
    await page.reload();
    await row(page, 'OpenAI').locator('.badge-stale').waitFor();
    expect(await row(page, 'OpenAI').locator('.activity-meta').textContent()).toContain('Stale settings changed since');
    expect(await page.locator('.checklist-item', { hasText: 'Check the OpenAI connection again' }).getAttribute('class')).toContain('is-todo');
  });

  it('warns when the scheduled re-check found a failure, and links to the settings that need a look', async () => {
    const { page, engine } = await openDashboard(viewport, 'sk-proj-e2e-revoked-key-00000000000000000009');
    await runScheduledIntegrationChecks(engine.ctx);
    await page.reload();
    const warning = card(page).locator('.scheduled-failure');
    await warning.waitFor();
    expect(await warning.textContent()).toMatch(/^The scheduled re-check on .+ found a problem with OpenAI: The service rejected the API key\./);
    expect(await row(page, 'OpenAI').locator('.status-pill').textContent()).toContain('Error');
    expect(await row(page, 'OpenAI').locator('.activity-meta').textContent()).toMatch(/^Checked just now by scheduler/);
    expect(await page.locator('.checklist-item', { hasText: 'Fix the OpenAI connection' }).getAttribute('class')).toContain('is-todo');
    await assertNoHorizontalOverflow(page);
    await screenshot(page, 'dashboard-overview-scheduled-failure');

    await warning.getByRole('link', { name: 'Open Settings → OpenAI' }).click();
    await page.locator('.check-result').waitFor();
    expect(currentHash(page)).toBe('#/settings/openai');
    expect(await page.locator('.check-result .cause-code').first().textContent()).toBe('key_invalid');
  });
});

import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { saveSection } from '../../src/domain/settings/save-section.js';
import { fakeCatalogue, startFakeAmazon, type FakeAmazon } from '../fakes/amazon/index.js';
import { CREDENTIALS } from '../helpers/amazon-clients.js';
import { assertNoHorizontalOverflow, clickMenuItem, currentHash, launchBrowser, logInByApi, openPage, screenshot, VIEWPORT_CASES } from '../helpers/browser.js';
import { seedAdmin, startTestServer } from '../helpers/start-test-engine.js';

/** Amazon refuses the credential: refreshes pause, every screen says so until a connection check shows it works again. */
const EU = CREDENTIALS.lwaEu;
const DE = fakeCatalogue.wellKnown('de');

let browser: Browser;
let fake: FakeAmazon;
beforeAll(async () => {
  browser = await launchBrowser();
  fake = await startFakeAmazon({ credentials: Object.values(CREDENTIALS), rateLimit: { tps: 1000, burst: 1000 } });
});
afterAll(async () => {
  await browser?.close();
  await fake?.close();
});
beforeEach(() => {
  fake.state.reset();
  fake.state.setScenario({ overrides: [] });
});

const banner = (page: Page) => page.locator('.admin-notices .refresh-pause');

describe.each(VIEWPORT_CASES)('paused refreshes (%s)', (viewport) => {
  it('a refused credential pauses refreshes: the banner is on every screen, the dashboard explains, "Fix it" focuses the field, and a passing check lifts it', { timeout: 60_000 }, async () => {
    const { engine, server } = await startTestServer({
      env: { PASSIVEWP_AMAZON_ENDPOINT_OVERRIDE: fake.origin, PASSIVEWP_AMAZON_REQUESTS_PER_SECOND: '10', PASSIVEWP_DAILY_CHECKS: 'false' },
    });
    await seedAdmin(engine);
    await saveSection(engine.ctx, {
      sectionId: 'amazon',
      values: { mode: 'creators', creatorsCredentialId: EU.id, creatorsCredentialSecret: EU.secret, creatorsCredentialVersion: EU.version, defaultCountry: 'de', defaultPartnerTag: 'mytag-21' },
      actor: 'test',
      ip: null,
    });
    // Amazon's token service stops accepting the credential (as after a secret was rotated in Associates Central).
    fake.state.setScenario({ overrides: [{ credential: EU.id, fault: 'invalid_client' }] });

    const page = await openPage(browser, viewport);
    await logInByApi(page, server.url);
    await page.goto(`${server.adminUrl}#/products`);
    await page.getByLabel('ASIN or Amazon product URL').fill(DE.inStock);
    await page.getByRole('button', { name: 'Add product' }).click();
    const tr = page.locator(`.product-table tr[data-asin="${DE.inStock}"]`);
    await tr.waitFor();
    expect(await banner(page).count()).toBe(0);

    await tr.getByRole('button', { name: /Refresh now/ }).click();
    await banner(page).waitFor({ timeout: 20_000 });
    const text = (await banner(page).textContent()) ?? '';
    expect(text).toMatch(/^Product refreshes are paused for Creators API credential …[\w]{4}.* \(Germany\):/);
    expect(await banner(page).getByRole('link', { name: 'Fix it' }).getAttribute('href')).toBe('#/settings/amazon?focus=creatorsCredentialSecret');
    expect(await banner(page).getByRole('link', { name: 'Check API Connections' }).getAttribute('href')).toBe('#/settings/amazon');
    // The product says why it is not refreshed.
    await tr.locator('.product-note', { hasText: 'Refreshes are paused' }).waitFor();
    expect(await tr.locator('td[data-label="Next refresh"]').textContent()).toBe('paused');
    // A blocking condition: nothing to dismiss it with.
    expect(await banner(page).locator('.notice-dismiss').count()).toBe(0);
    await assertNoHorizontalOverflow(page);
    await screenshot(page, 'refresh-pause-products');

    await clickMenuItem(page, 'Dashboard');
    await page.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor();
    await banner(page).waitFor();
    const card = page.locator('.alert-card');
    await card.waitFor();
    expect(await card.locator('.cause-code').textContent()).toBe('credentials_invalid');
    expect(await card.textContent()).toContain('Paused since');
    expect(await card.locator('.check-fix').textContent()).toMatch(/^Fix: \S/);
    await assertNoHorizontalOverflow(page);
    await screenshot(page, 'refresh-pause-dashboard');

    await clickMenuItem(page, 'Settings');
    await page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();
    await banner(page).waitFor();
    await assertNoHorizontalOverflow(page);

    await banner(page).getByRole('link', { name: 'Fix it' }).click();
    await page.waitForFunction(() => document.activeElement?.id === 'amazon-creatorsCredentialSecret');
    expect(currentHash(page)).toBe('#/settings/amazon?focus=creatorsCredentialSecret');
    await screenshot(page, 'refresh-pause-settings');

    // The credential works again; the connection check notices, and the pause ends.
    fake.state.setScenario({ overrides: [] });
    await page.getByRole('button', { name: 'Check API Connections' }).click();
    await page.locator('.check-summary').waitFor({ timeout: 20_000 });
    expect(await page.locator('.check-summary').textContent()).toContain('1 ok');
    await banner(page).waitFor({ state: 'detached', timeout: 10_000 });
    await clickMenuItem(page, 'Dashboard');
    await page.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor();
    await page.locator('.integration-row').first().waitFor();
    expect(await page.locator('.alert-card').count()).toBe(0);
    expect(await banner(page).count()).toBe(0);
  });
});

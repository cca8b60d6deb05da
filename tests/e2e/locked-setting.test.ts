import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertNoHorizontalOverflow, launchBrowser, logInByApi, openPage, screenshot, VIEWPORT_CASES } from '../helpers/browser.js';
import { seedAdmin, startTestServer } from '../helpers/start-test-engine.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe.each(VIEWPORT_CASES)('a setting from the configuration (%s)', (viewport) => {
  it('is shown locked with its variable’s name, and the other fields still save', async () => {
    const { engine, server } = await startTestServer({ env: { PASSIVEWP_SITE_NAME: 'Locked Site' } });
    await seedAdmin(engine);
    const page = await openPage(browser, viewport);
    await logInByApi(page, server.url);
    await page.goto(`${server.adminUrl}#/settings/general`);

    const siteName = page.getByLabel('Site name');
    await siteName.waitFor();
    expect(await siteName.inputValue()).toBe('Locked Site');
    expect(await siteName.getAttribute('readonly')).not.toBeNull();
    const note = page.locator('#general-siteName-locked');
    expect(await note.textContent()).toBe('Locked Set by PASSIVEWP_SITE_NAME in the configuration — change it there, not here.');
    expect(await note.locator('code').textContent()).toBe('PASSIVEWP_SITE_NAME');
    expect(await siteName.getAttribute('aria-describedby')).toContain('general-siteName-locked');
    expect(await page.locator('.admin-bar-site').textContent()).toBe('Locked Site');
    await assertNoHorizontalOverflow(page);
    await screenshot(page, 'settings-general-locked');

    await page.getByLabel('Site URL').fill('https://locked.example.com');
    const request = page.waitForRequest((r) => r.method() === 'PUT');
    const response = page.waitForResponse((r) => r.request().method() === 'PUT');
    await page.getByRole('button', { name: 'Save Changes' }).click();
    const sent = (await request).postDataJSON() as { values: Record<string, unknown> };
    expect((await response).status()).toBe(200);
    await page.getByRole('status').filter({ hasText: 'Settings saved.' }).waitFor();

    expect(Object.keys(sent.values).sort()).toEqual(['affiliateDisclosure', 'siteUrl', 'timeZone']);
    const stored = await engine.ctx.stores.settings.read('general');
    // Only what changed is stored: the untouched fields keep following their defaults.
    expect(stored.map((row) => row.key)).toEqual(['siteUrl']);
    expect(stored.find((row) => row.key === 'siteUrl')?.value).toBe('https://locked.example.com');
    expect(await siteName.inputValue()).toBe('Locked Site');
  });
});

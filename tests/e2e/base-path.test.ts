import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertNoHorizontalOverflow, clickMenuItem, currentHash, launchBrowser, openPage, screenshot, VIEWPORT_CASES } from '../helpers/browser.js';
import { seedAdmin, TEST_ADMIN, startTestServer } from '../helpers/start-test-engine.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe.each(VIEWPORT_CASES)('under a base path (%s)', (viewport) => {
  it('logs in, saves settings and talks to the API under PASSIVEWP_BASE_PATH', async () => {
    const { engine, server } = await startTestServer({ env: { PASSIVEWP_BASE_PATH: '/passivewp' } });
    await seedAdmin(engine);
    expect(new URL(server.adminUrl).pathname).toBe('/passivewp/admin/');
    const page = await openPage(browser, viewport);
    const apiPaths: string[] = [];
    page.on('request', (request) => {
      const { pathname } = new URL(request.url());
      if (pathname.includes('/api/')) apiPaths.push(pathname);
    });

    await page.goto(server.adminUrl);
    await page.getByLabel('Email address').fill(TEST_ADMIN.email);
    await page.getByLabel('Password').fill(TEST_ADMIN.password);
    await page.getByRole('button', { name: 'Log In' }).click();
    await page.getByRole('heading', { name: 'Dashboard' }).waitFor();

    await clickMenuItem(page, 'Settings');
    await page.getByLabel('Site name').fill('Mounted Site');
    await page.getByRole('button', { name: 'Save Changes' }).click();
    await page.getByRole('status').filter({ hasText: 'Settings saved.' }).waitFor();
    await page.reload();
    await page.locator('#general-siteName').waitFor();
    expect(await page.getByLabel('Site name').inputValue()).toBe('Mounted Site');
    expect(new URL(page.url()).pathname).toBe('/passivewp/admin/');
    expect(currentHash(page)).toBe('#/settings/general');
    await assertNoHorizontalOverflow(page);
    await screenshot(page, 'base-path-settings');

    expect(apiPaths.length).toBeGreaterThan(0);
    expect(apiPaths.filter((p) => !p.startsWith('/passivewp/api/'))).toEqual([]);
    expect(apiPaths).toContain('/passivewp/api/settings/general');
  });
});

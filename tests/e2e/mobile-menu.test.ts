import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertNoHorizontalOverflow, currentHash, launchBrowser, logInByApi, openPage, screenshot, VIEWPORT_CASES } from '../helpers/browser.js';
import { seedAdmin, startTestServer } from '../helpers/start-test-engine.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe.each(VIEWPORT_CASES)('the admin menu (%s)', (viewport) => {
  it(viewport === 'mobile' ? 'collapses on a phone and opens from the menu button in the top bar' : 'stays open beside the content on a desktop', async () => {
    const { engine, server } = await startTestServer();
    await seedAdmin(engine);
    const page = await openPage(browser, viewport);
    await logInByApi(page, server.url);
    await page.goto(`${server.adminUrl}#/dashboard`);
    await page.getByRole('heading', { name: 'Dashboard' }).waitFor();

    const menu = page.locator('#admin-menu');
    const toggle = page.getByRole('button', { name: 'Menu' });
    if (viewport === 'desktop') {
      expect(await menu.isVisible()).toBe(true);
      expect(await toggle.isVisible()).toBe(false);
      await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Help' }).click();
      await page.getByRole('heading', { name: 'Help' }).waitFor();
      await screenshot(page, 'help');
      return;
    }

    expect(await menu.isVisible()).toBe(false);
    expect(await toggle.getAttribute('aria-controls')).toBe('admin-menu');
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    await assertNoHorizontalOverflow(page);

    await toggle.click();
    await menu.waitFor({ state: 'visible' });
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    await screenshot(page, 'menu-open');

    await page.keyboard.press('Escape');
    await menu.waitFor({ state: 'hidden' });
    await toggle.click();
    await menu.getByRole('link', { name: 'Help' }).click();
    await page.getByRole('heading', { name: 'Help' }).waitFor();
    expect(currentHash(page)).toBe('#/help');
    await menu.waitFor({ state: 'hidden' });
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    await assertNoHorizontalOverflow(page);
    await screenshot(page, 'help');
  });

  it('shows a page-not-found screen inside the admin for an unknown address', async () => {
    const { engine, server } = await startTestServer();
    await seedAdmin(engine);
    const page = await openPage(browser, viewport);
    await logInByApi(page, server.url);
    await page.goto(`${server.adminUrl}#/no/such/screen`);
    await page.getByRole('heading', { name: 'Page not found' }).waitFor();
    expect(await page.locator('.admin-bar').isVisible()).toBe(true);
    await assertNoHorizontalOverflow(page);
    await screenshot(page, 'not-found');
  });
});

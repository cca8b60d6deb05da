import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertNoHorizontalOverflow, currentHash, launchBrowser, openPage, screenshot, VIEWPORT_CASES } from '../helpers/browser.js';
import { startTestServer } from '../helpers/start-test-engine.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

function setupUrlFrom(printed: string[]): string {
  const url = printed.join('\n').match(/(https?:\/\/\S+#\/setup\/\S+)/)?.[1];
  if (!url) throw new Error(`the engine printed no setup link:\n${printed.join('\n')}`);
  return url;
}

describe.each(VIEWPORT_CASES)('first run (%s)', (viewport) => {
  it('creates the first administrator through the printed setup link and lands on the dashboard', async () => {
    const { printed, engine } = await startTestServer();
    const page = await openPage(browser, viewport);

    await page.goto(setupUrlFrom(printed));
    await page.getByRole('heading', { name: 'Create the first administrator' }).waitFor();
    await page.getByLabel('Email address').fill('first@example.com');
    await page.getByLabel('Password', { exact: true }).fill('a long enough passphrase');
    await page.getByLabel('Confirm password').fill('a different passphrase');
    await page.getByRole('button', { name: 'Create administrator' }).click();
    await page.getByText('The two passwords do not match.').waitFor();
    expect(await page.getByLabel('Confirm password').getAttribute('aria-invalid')).toBe('true');
    expect(await engine.ctx.stores.admins.count()).toBe(0);
    await screenshot(page, 'setup-passwords-differ');

    await page.getByLabel('Confirm password').fill('a long enough passphrase');
    await page.getByRole('button', { name: 'Create administrator' }).click();
    await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
    expect(currentHash(page)).toBe('#/dashboard');
    expect(await page.locator('.admin-bar-email').textContent()).toBe('first@example.com');
    expect(await page.locator('.checklist-item.is-done').first().textContent()).toContain('Administrator created');
    await page.getByText('No changes yet.').waitFor();
    expect(await engine.ctx.stores.admins.count()).toBe(1);
    await assertNoHorizontalOverflow(page);
    await screenshot(page, 'dashboard-after-setup');
  });

  it('refuses a setup link with a wrong token and shows the engine’s message', async () => {
    const { printed } = await startTestServer();
    const setupUrl = setupUrlFrom(printed);
    const page = await openPage(browser, viewport);

    await page.goto(setupUrl.replace(/#\/setup\/.*/, '#/setup/not-the-printed-token'));
    await page.getByLabel('Email address').fill('first@example.com');
    await page.getByLabel('Password', { exact: true }).fill('a long enough passphrase');
    await page.getByLabel('Confirm password').fill('a long enough passphrase');
    await page.getByRole('button', { name: 'Create administrator' }).click();
    await page.getByRole('alert').getByText('This setup link is invalid, used or expired.').waitFor();
    expect(currentHash(page)).toBe('#/setup/not-the-printed-token');
    await screenshot(page, 'setup-link-invalid');
  });

  it('explains at the login screen how to create the first administrator', async () => {
    const { server } = await startTestServer();
    const page = await openPage(browser, viewport);

    await page.goto(server.adminUrl);
    await page.getByRole('heading', { name: 'Create the first administrator' }).waitFor();
    expect(currentHash(page)).toBe('#/login');
    expect(await page.locator('main').textContent()).toContain('npx passivewp admin create --email');
    await assertNoHorizontalOverflow(page);
    await screenshot(page, 'setup-required');
  });
});

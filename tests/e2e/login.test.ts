import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOGIN_LIMITS } from '../../src/domain/auth/attempt-limiter.js';
import { assertNoHorizontalOverflow, currentHash, launchBrowser, openPage, screenshot, VIEWPORT_CASES } from '../helpers/browser.js';
import { seedAdmin, TEST_ADMIN, startTestServer } from '../helpers/start-test-engine.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe.each(VIEWPORT_CASES)('login (%s)', (viewport) => {
  it('logs in with good credentials and opens the dashboard', async () => {
    const { engine, server } = await startTestServer();
    await seedAdmin(engine);
    const page = await openPage(browser, viewport);

    await page.goto(server.adminUrl);
    await page.getByRole('heading', { name: 'Log in' }).waitFor();
    expect(currentHash(page)).toBe('#/login');
    await assertNoHorizontalOverflow(page);
    await screenshot(page, 'login');

    await page.getByLabel('Email address').fill(TEST_ADMIN.email);
    await page.getByLabel('Password').fill(TEST_ADMIN.password);
    await page.getByRole('button', { name: 'Log In' }).click();
    await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
    expect(currentHash(page)).toBe('#/dashboard');
    expect(await page.locator('.admin-bar-email').textContent()).toBe(TEST_ADMIN.email);
  });

  it('shows the engine’s refusal for a wrong password and stays on the login screen', async () => {
    const { engine, server } = await startTestServer();
    await seedAdmin(engine);
    const page = await openPage(browser, viewport);

    await page.goto(`${server.adminUrl}#/login`);
    await page.getByLabel('Email address').fill(TEST_ADMIN.email);
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Log In' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('The email or password is not correct.');
    expect(currentHash(page)).toBe('#/login');
    expect(await page.getByLabel('Password').inputValue()).toBe('');
    expect((await page.request.get(`${server.url}/api/auth/session`)).status()).toBe(401);
    await assertNoHorizontalOverflow(page);
    await screenshot(page, 'login-refused');
  });

  it('after five wrong passwords says how long to wait, while the owner on another address still logs in', async () => {
    // The engine sits behind a proxy on loopback that names each browser's address.
    const { engine, server } = await startTestServer({ env: { PASSIVEWP_TRUST_PROXY: 'loopback' } });
    await seedAdmin(engine);
    const stranger = { 'x-forwarded-for': '198.51.100.7' };
    for (let i = 0; i < LOGIN_LIMITS.perPair.maxAttempts; i++) {
      const answer = await fetch(`${server.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...stranger },
        body: JSON.stringify({ email: TEST_ADMIN.email, password: `wrong password ${i}` }),
      });
      expect(answer.status).toBe(401);
    }

    const page = await openPage(browser, viewport);
    await page.setExtraHTTPHeaders(stranger);
    await page.goto(`${server.adminUrl}#/login`);
    await page.getByLabel('Email address').fill(TEST_ADMIN.email);
    await page.getByLabel('Password').fill(TEST_ADMIN.password);
    await page.getByRole('button', { name: 'Log In' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('Too many wrong passwords for this email from your IP address. Try again in 15 minutes.');
    expect(currentHash(page)).toBe('#/login');
    await assertNoHorizontalOverflow(page);
    await screenshot(page, 'login-rate-limited');

    const owner = await openPage(browser, viewport);
    await owner.setExtraHTTPHeaders({ 'x-forwarded-for': '203.0.113.7' });
    await owner.goto(`${server.adminUrl}#/login`);
    await owner.getByLabel('Email address').fill(TEST_ADMIN.email);
    await owner.getByLabel('Password').fill(TEST_ADMIN.password);
    await owner.getByRole('button', { name: 'Log In' }).click();
    await owner.getByRole('heading', { name: 'Dashboard' }).waitFor();
  });

  it('sends a visitor of a private screen to the login and back to that screen afterwards', async () => {
    const { engine, server } = await startTestServer();
    await seedAdmin(engine);
    const page = await openPage(browser, viewport);

    await page.goto(`${server.adminUrl}#/settings/general?focus=siteUrl`);
    await page.getByRole('heading', { name: 'Log in' }).waitFor();
    expect(currentHash(page)).toBe(`#/login?next=${encodeURIComponent('/settings/general?focus=siteUrl')}`);
    await page.getByLabel('Email address').fill(TEST_ADMIN.email);
    await page.getByLabel('Password').fill(TEST_ADMIN.password);
    await page.getByRole('button', { name: 'Log In' }).click();

    await page.getByRole('heading', { name: 'Settings' }).waitFor();
    expect(currentHash(page)).toBe('#/settings/general?focus=siteUrl');
    await page.waitForFunction(() => document.activeElement?.id === 'general-siteUrl');
  });

  it('logs out from the top bar and ends the session on the engine', async () => {
    const { engine, server } = await startTestServer();
    await seedAdmin(engine);
    const page = await openPage(browser, viewport);

    await page.goto(`${server.adminUrl}#/login`);
    await page.getByLabel('Email address').fill(TEST_ADMIN.email);
    await page.getByLabel('Password').fill(TEST_ADMIN.password);
    await page.getByRole('button', { name: 'Log In' }).click();
    await page.getByRole('heading', { name: 'Dashboard' }).waitFor();

    await page.getByRole('button', { name: 'Log out' }).click();
    await page.getByRole('heading', { name: 'Log in' }).waitFor();
    expect(currentHash(page)).toBe('#/login');
    expect((await page.request.get(`${server.url}/api/auth/session`)).status()).toBe(401);
    await page.reload();
    await page.getByRole('heading', { name: 'Log in' }).waitFor();
  });
});

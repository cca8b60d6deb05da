import type { Browser, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defineSection } from '../../src/domain/settings/define-section.js';
import { createSettingsRegistry } from '../../src/domain/settings/registry.js';
import { generalSection } from '../../src/domain/settings/sections/general.js';
import { assertNoHorizontalOverflow, clickMenuItem, launchBrowser, logInByApi, openPage, screenshot, VIEWPORT_CASES } from '../helpers/browser.js';
import { seedAdmin, startTestServer } from '../helpers/start-test-engine.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** The PUT requests the page sends to save settings, with their JSON bodies. */
function recordSaves(page: Page): Array<{ request: Request; body: { values: Record<string, unknown> } }> {
  const saves: Array<{ request: Request; body: { values: Record<string, unknown> } }> = [];
  page.on('request', (request) => {
    if (request.method() === 'PUT' && request.url().includes('/api/settings/')) saves.push({ request, body: request.postDataJSON() });
  });
  return saves;
}

async function openGeneralSettings(page: Page, adminUrl: string, query = ''): Promise<void> {
  await page.goto(`${adminUrl}#/settings/general${query}`);
  await page.getByRole('heading', { name: 'Settings' }).waitFor();
  await page.locator('#general-siteName').waitFor();
}

describe.each(VIEWPORT_CASES)('Settings → General (%s)', (viewport) => {
  it('saves name, URL, time zone and disclosure, confirms only after the engine did, and keeps them after a reload', async () => {
    const { engine, server } = await startTestServer();
    await seedAdmin(engine);
    const page = await openPage(browser, viewport);
    await logInByApi(page, server.url);
    await openGeneralSettings(page, server.adminUrl);
    await assertNoHorizontalOverflow(page);
    await screenshot(page, 'settings-general');

    await page.getByLabel('Site name').fill('Camping Gear Reviews');
    await page.getByLabel('Site URL').fill('https://camping.example.com');
    await page.getByLabel('Time zone').selectOption('Europe/Berlin');
    await page.getByLabel('Affiliate disclosure').fill('We earn a commission from qualifying purchases.');
    // Hold the save on its way to the engine, to see the form while it waits for the answer.
    let release = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/api/settings/general', async (route) => {
      if (route.request().method() === 'PUT') await released;
      await route.continue();
    });
    const response = page.waitForResponse((r) => r.request().method() === 'PUT');
    await page.getByRole('button', { name: 'Save Changes' }).click();
    const busy = page.getByRole('button', { name: 'Saving…' });
    await busy.waitFor();
    expect(await busy.isDisabled()).toBe(true);
    expect(await page.getByText('Settings saved.').count()).toBe(0);
    release();
    expect((await response).status()).toBe(200);
    const notice = page.getByRole('status').filter({ hasText: 'Settings saved.' });
    await notice.waitFor();
    expect(await page.getByRole('button', { name: 'Save Changes' }).isEnabled()).toBe(true);
    expect(await page.locator('.admin-bar-site').textContent()).toBe('Camping Gear Reviews');
    await screenshot(page, 'settings-general-saved');

    await page.reload();
    await page.locator('#general-siteName').waitFor();
    expect(await page.getByLabel('Site name').inputValue()).toBe('Camping Gear Reviews');
    expect(await page.getByLabel('Site URL').inputValue()).toBe('https://camping.example.com');
    expect(await page.getByLabel('Time zone').inputValue()).toBe('Europe/Berlin');
    expect(await page.getByLabel('Affiliate disclosure').inputValue()).toBe('We earn a commission from qualifying purchases.');
    expect(await page.getByText('Settings saved.').count()).toBe(0);

    await clickMenuItem(page, 'Dashboard');
    await page.getByRole('heading', { name: 'Welcome to the control room of Camping Gear Reviews' }).waitFor();
    const changes = page.locator('.activity-list li');
    await changes.first().waitFor();
    expect(await changes.count()).toBe(1);
    expect(await changes.first().textContent()).toContain('General settings saved: Site name, Site URL, Time zone, Affiliate disclosure');
    expect(await changes.first().textContent()).toContain('owner@example.com');
    expect(await page.locator('.checklist-item.is-done').nth(1).textContent()).toContain('https://camping.example.com');
    await assertNoHorizontalOverflow(page);
    await screenshot(page, 'dashboard-with-changes');
  });

  it('flags a bad site URL under the field before anything is sent', async () => {
    const { engine, server } = await startTestServer();
    await seedAdmin(engine);
    const page = await openPage(browser, viewport);
    const saves = recordSaves(page);
    await logInByApi(page, server.url);
    await openGeneralSettings(page, server.adminUrl);

    const siteUrl = page.getByLabel('Site URL');
    await siteUrl.fill('ftp://example.com');
    await siteUrl.blur();
    const message = page.locator('#general-siteUrl-error');
    await message.waitFor();
    expect(await message.textContent()).toBe('Enter a full address starting with https:// or http://.');
    expect(await siteUrl.getAttribute('aria-invalid')).toBe('true');
    expect(await siteUrl.getAttribute('aria-describedby')).toContain('general-siteUrl-error');

    await page.getByRole('button', { name: 'Save Changes' }).click();
    await page.getByRole('alert').getByRole('link', { name: /Site URL/ }).waitFor();
    expect(saves).toHaveLength(0);
    expect(await engine.ctx.stores.settings.read('general')).toEqual([]);
    await screenshot(page, 'settings-general-inline-error');

    await siteUrl.fill('https://example.com');
    await page.waitForFunction(() => !document.getElementById('general-siteUrl-error'));
  });

  it('shows the engine’s refusal in a banner whose link focuses the field, and stores nothing', async () => {
    // A rule only the engine applies (the admin app checks each field, not the section's cross-field rules).
    const strictGeneral = defineSection({
      ...generalSection,
      check: (values) => (values.siteUrl.includes('staging.') ? [{ field: 'siteUrl', message: 'Use the public address of the site, not a staging one.' }] : []),
    });
    const { engine, server } = await startTestServer({ registry: createSettingsRegistry([strictGeneral as never]) });
    await seedAdmin(engine);
    const page = await openPage(browser, viewport);
    const saves = recordSaves(page);
    await logInByApi(page, server.url);
    await openGeneralSettings(page, server.adminUrl);

    await page.getByLabel('Site name').fill('Camping Gear Reviews');
    await page.getByLabel('Site URL').fill('https://staging.camping.example.com');
    const response = page.waitForResponse((r) => r.request().method() === 'PUT');
    await page.getByRole('button', { name: 'Save Changes' }).click();
    expect((await response).status()).toBe(400);

    const banner = page.getByRole('alert');
    await banner.waitFor();
    expect(await banner.textContent()).toContain('General settings were not saved: 1 problem to fix.');
    expect(await page.getByText('Settings saved.').count()).toBe(0);
    expect(await page.locator('#general-siteUrl-error').textContent()).toBe('Use the public address of the site, not a staging one.');
    expect(await page.getByLabel('Site URL').getAttribute('aria-invalid')).toBe('true');
    await screenshot(page, 'settings-general-server-refused');

    await banner.getByRole('link', { name: 'Site URL: Use the public address of the site, not a staging one.' }).click();
    await page.waitForFunction(() => document.activeElement?.id === 'general-siteUrl');

    expect(saves).toHaveLength(1);
    expect(saves[0]?.body.values).toMatchObject({ siteName: 'Camping Gear Reviews', siteUrl: 'https://staging.camping.example.com' });
    expect(await engine.ctx.stores.settings.read('general')).toEqual([]);
    expect(await engine.ctx.stores.audit.recent(10)).toEqual([]);
    const stored = await page.request.get(`${server.url}/api/settings/general`);
    expect((await stored.json()).fields.siteName).toMatchObject({ value: '', source: 'default' });
  });

  it('says it could not reach the engine when the engine is gone, and keeps what was typed', async () => {
    const { engine, server } = await startTestServer();
    await seedAdmin(engine);
    const page = await openPage(browser, viewport);
    await logInByApi(page, server.url);
    await openGeneralSettings(page, server.adminUrl);

    await page.getByLabel('Site name').fill('Typed before the outage');
    await server.stop();
    await page.getByRole('button', { name: 'Save Changes' }).click();
    const banner = page.getByRole('alert');
    await banner.waitFor();
    expect(await banner.textContent()).toContain('Could not reach the engine.');
    expect(await page.getByText('Settings saved.').count()).toBe(0);
    expect(await page.getByLabel('Site name').inputValue()).toBe('Typed before the outage');
    await screenshot(page, 'settings-general-engine-gone');
  });

  it('focuses the field named by ?focus= in the address', async () => {
    const { engine, server } = await startTestServer();
    await seedAdmin(engine);
    const page = await openPage(browser, viewport);
    await logInByApi(page, server.url);

    await openGeneralSettings(page, server.adminUrl, '?focus=timeZone');
    await page.waitForFunction(() => document.activeElement?.id === 'general-timeZone');
    await page.getByRole('link', { name: 'OpenAI' }).click();
    await page.locator('#openai-apiKey').waitFor();
    await assertNoHorizontalOverflow(page);
    await screenshot(page, 'settings-openai-tab');
  });
});

import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertNoHorizontalOverflow, currentHash, launchBrowser, logInByApi, openPage, screenshot, VIEWPORT_CASES } from '../helpers/browser.js';
import { seedAdmin, startTestServer } from '../helpers/start-test-engine.js';

/** The Ctrl/Cmd+K command palette, driven by the keyboard alone. */
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function openDashboard(viewport: 'desktop' | 'mobile'): Promise<Page> {
  const { engine, server } = await startTestServer({ env: { PASSIVEWP_DAILY_CHECKS: 'false' } });
  await seedAdmin(engine);
  const page = await openPage(browser, viewport);
  await logInByApi(page, server.url);
  await page.goto(`${server.adminUrl}#/dashboard`);
  await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
  return page;
}

const palette = (page: Page) => page.getByRole('dialog', { name: 'Search help and settings' });
const input = (page: Page) => palette(page).getByRole('combobox');
const activeOption = (page: Page) =>
  page.evaluate(() => {
    const id = document.activeElement?.getAttribute('aria-activedescendant');
    return id ? (document.getElementById(id)?.textContent ?? '') : '';
  });
const activeElementId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');

/** Presses ArrowDown until the active option's text contains `text`; fails after `max` presses. */
async function moveTo(page: Page, text: string, max = 12): Promise<void> {
  for (let i = 0; i <= max; i += 1) {
    if ((await activeOption(page)).includes(text)) return;
    await page.keyboard.press('ArrowDown');
  }
  throw new Error(`No option containing "${text}"; the last active one was "${await activeOption(page)}"`);
}

describe.each(VIEWPORT_CASES)('Command palette (%s)', (viewport) => {
  it('Ctrl+K, a misspelled query in any word order, arrows and Enter: the Default Partner Tag field has the focus', async () => {
    const page = await openDashboard(viewport);
    await page.keyboard.press('Control+k');
    await palette(page).waitFor();
    expect(await palette(page).getAttribute('aria-modal')).toBe('true');
    expect(await activeElementId(page)).toBe(await input(page).getAttribute('id'));

    await page.keyboard.type('tag partner defualt');
    const options = palette(page).getByRole('option');
    await options.first().waitFor();
    expect(await options.first().textContent()).toContain('Default Partner Tag');
    expect(await options.first().textContent()).toContain('Settings → Amazon');
    expect(await options.first().getAttribute('aria-selected')).toBe('true');
    // The arrows move the active option (the focus stays in the input) and wrap around.
    const first = await input(page).getAttribute('aria-activedescendant');
    await page.keyboard.press('ArrowDown');
    const second = await input(page).getAttribute('aria-activedescendant');
    expect(second).not.toBe(first);
    expect(await page.locator(`[id="${second}"]`).getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('ArrowUp');
    expect(await input(page).getAttribute('aria-activedescendant')).toBe(first);
    await assertNoHorizontalOverflow(page);
    await screenshot(page, 'command-palette-field');

    await page.keyboard.press('Enter');
    await palette(page).waitFor({ state: 'detached' });
    expect(currentHash(page)).toBe('#/settings/amazon?focus=defaultPartnerTag');
    await page.waitForFunction(() => document.activeElement?.id === 'amazon-defaultPartnerTag');
  });

  it('Escape closes the palette and gives the focus back to what opened it', async () => {
    const page = await openDashboard(viewport);
    const button = page.getByRole('button', { name: 'Search help' });
    await button.focus();
    await page.keyboard.press('Enter');
    await palette(page).waitFor();
    // Before anything is typed the palette lists the articles.
    expect(await palette(page).getByRole('option').count()).toBeGreaterThan(3);
    await page.keyboard.type('openai');
    await page.keyboard.press('Escape');
    await palette(page).waitFor({ state: 'detached' });
    expect(await page.evaluate(() => document.activeElement?.classList.contains('admin-bar-search'))).toBe(true);
    expect(currentHash(page)).toBe('#/dashboard');

    // Opened again, it starts empty.
    await page.keyboard.press('Control+k');
    await palette(page).waitFor();
    expect(await input(page).inputValue()).toBe('');
    await page.keyboard.press('Escape');
    await palette(page).waitFor({ state: 'detached' });
  });

  it('finds an article and a troubleshooting entry and opens them', async () => {
    const page = await openDashboard(viewport);
    await page.keyboard.press('Control+k');
    await page.keyboard.type('amazon conection tset');
    await moveTo(page, 'Check API Connections: prove every Amazon store works');
    expect(await activeOption(page)).toMatch(/^Article/);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Check API Connections: prove every Amazon store works' }).waitFor();
    expect(currentHash(page)).toBe('#/help/amazon-connection-test');

    // A cause code opens the troubleshooting article at its entry.
    await page.keyboard.press('Control+k');
    await page.keyboard.type('partner_tag_invalid');
    await moveTo(page, 'partner_tag_invalid');
    expect(await activeOption(page)).toMatch(/^Troubleshooting/);
    await page.keyboard.press('Enter');
    await page.locator('#help-cause-partner_tag_invalid.is-highlighted').waitFor();
    expect(currentHash(page)).toBe('#/help/amazon-check-troubleshooting?section=cause-partner_tag_invalid');
    expect(await activeElementId(page)).toBe('help-cause-partner_tag_invalid');
  });
});

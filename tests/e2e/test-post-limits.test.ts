import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_NEW_PRODUCTS_PER_RENDER, MAX_SHORTCODES_PER_RENDER } from '../../src/domain/render/render-limits.js';
import { saveSection } from '../../src/domain/settings/save-section.js';
import { assertNoHorizontalOverflow, clickMenuItem, launchBrowser, logInByApi, openPage, screenshot, VIEWPORT_CASES } from '../helpers/browser.js';
import { seedAdmin, startTestServer } from '../helpers/start-test-engine.js';

/** The Test post screen shows what a render left out: shortcodes past the cap, products past the allowance, a slow template override. */
const boxes = (count: number) => Array.from({ length: count }, (_, i) => `[passivewp box asin="B${String(i + 1).padStart(9, '0')}"]`).join('\n');
const SLOW_BOX = '{% for i in (1..5000) %}{% for j in (1..5000) %}{% endfor %}{% endfor %}<div data-pwp-block="box">slow</div>';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Chromium does not paint cross-origin frames outside the viewport: the viewport is made as tall as the page for the shot. */
async function screenshotWithFrames(page: Page, name: string): Promise<void> {
  const size = page.viewportSize()!;
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width: size.width, height: Math.max(size.height, height) });
  await page.waitForTimeout(300);
  await screenshot(page, name);
  await page.setViewportSize(size);
}

describe.each(VIEWPORT_CASES)('Test post limits (%s)', (viewport) => {
  it('lists the limits a long post reached and the override set aside, with warnings on top of both frames', async () => {
    const { engine, server, dataDir } = await startTestServer({ env: { PASSIVEWP_DAILY_CHECKS: 'false' } });
    await seedAdmin(engine);
    const save = (sectionId: string, values: Record<string, unknown>) => saveSection(engine.ctx, { sectionId, values, actor: 'test', ip: null });
    await save('amazon', { defaultCountry: 'us', defaultPartnerTag: 'mytag-20' });
    await save('general', { affiliateDisclosure: 'As an Amazon Associate I earn from qualifying purchases.' });
    mkdirSync(path.join(dataDir, 'templates'));
    writeFileSync(path.join(dataDir, 'templates', 'box.liquid'), SLOW_BOX);
    const page = await openPage(browser, viewport);
    await logInByApi(page, server.url);
    await page.goto(`${server.adminUrl}#/dashboard`);
    await page.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor();
    await clickMenuItem(page, 'Test post');
    await page.getByRole('heading', { name: 'Test post', level: 1 }).waitFor();

    await page.getByLabel('Post content').fill(`<p>A very long buying guide.</p>\n${boxes(MAX_SHORTCODES_PER_RENDER + 50)}`);
    await page.getByRole('button', { name: 'Render' }).click();
    for (const code of ['too_many_shortcodes', 'too_many_new_products', 'template_override_broken']) await page.locator(`.render-problem[data-code="${code}"]`).waitFor();
    expect(await page.locator('.render-problem[data-code="too_many_shortcodes"]').textContent()).toContain(`at most ${MAX_SHORTCODES_PER_RENDER} shortcodes; the 50 after them were left out`);
    expect(await page.locator('.render-problem[data-code="too_many_new_products"]').textContent()).toContain(`at most ${MAX_NEW_PRODUCTS_PER_RENDER} new products`);
    expect(await page.locator('.render-problem[data-code="template_override_broken"]').textContent()).toMatch(/box\.liquid cannot be used \(it took more than 50 ms to render box\)/);
    for (const frameTitle of ['Desktop preview', 'Phone preview']) {
      const frame = page.frameLocator(`iframe[title="${frameTitle}"]`);
      await frame.locator('[data-pwp-block="box"]').first().waitFor();
      expect(await frame.locator('[data-pwp-block="box"]').count(), frameTitle).toBe(MAX_SHORTCODES_PER_RENDER);
      expect(await frame.locator('.pwp-warning').count(), frameTitle).toBe(3);
      expect(await frame.locator('.pwp-warning', { hasText: 'box.liquid cannot be used' }).count(), frameTitle).toBe(1);
    }
    await assertNoHorizontalOverflow(page);
    await screenshotWithFrames(page, 'test-post-limits');
  });
});

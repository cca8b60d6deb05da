import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { EngineContext } from '../../src/domain/context.js';
import { addProduct } from '../../src/domain/products/add-product.js';
import { standaloneDocument } from '../../src/domain/render-requests/standalone-document.js';
import { saveSection } from '../../src/domain/settings/save-section.js';
import { renderContent } from '../../src/render/render-content.js';
import { fakeCatalogue, startFakeAmazon, type FakeAmazon } from '../fakes/amazon/index.js';
import { CREDENTIALS } from '../helpers/amazon-clients.js';
import { assertNoHorizontalOverflow, clickMenuItem, launchBrowser, logInByApi, openPage, screenshot, VIEWPORT_CASES, type ViewportName } from '../helpers/browser.js';
import { seedAdmin, startTestServer } from '../helpers/start-test-engine.js';
import { refreshDue, settleJobs } from '../integration/products-setup.js';

/** Money-page blocks in a browser: every block type fresh and stale at both sizes, and the Test post screen. */
const EU = CREDENTIALS.lwaEu;
const DE = fakeCatalogue.wellKnown('de');
const HOUR = 3_600_000;
/** Amazon's images are not fetched in tests: every one is this grey square. */
const IMAGE = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 500 500" width="500" height="500"><rect width="500" height="500" fill="#c3c4c7"/><circle cx="250" cy="250" r="120" fill="#a7aaad"/></svg>';

const BLOCKS = {
  box: `[passivewp box asin="${DE.inStock}"]`,
  table: `[passivewp table asins="${DE.inStock},${DE.onSale},${DE.noReviews}" attributes="image,price,rating,features,availability" pick="${DE.onSale}"]`,
  list: '[passivewp list search="lamp" sort="bestsellers" count="3"]',
  link: `<p>We carry the [passivewp link asin="${DE.inStock}"]Trailwright bottle[/passivewp] on every hike; it keeps water cold all day.</p>`,
  image: `[passivewp image asin="${DE.onSale}"]`,
} as const;
type BlockType = keyof typeof BLOCKS;
const postWith = (block: string) => `<h2>Our test</h2>\n<p>We tried twelve of them over a month of daily use.</p>\n${block}\n<p>Prices may have changed since.</p>`;

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
beforeEach(() => fake.state.reset());

/** A running engine with German credentials, three products fetched from the fake and the list block's search answered. */
async function openBlocksEngine() {
  const { engine, server } = await startTestServer({
    env: { PASSIVEWP_AMAZON_ENDPOINT_OVERRIDE: fake.origin, PASSIVEWP_AMAZON_REQUESTS_PER_SECOND: '10', PASSIVEWP_DAILY_CHECKS: 'false' },
  });
  const ctx = engine.ctx;
  await seedAdmin(engine);
  const amazon = { mode: 'creators', creatorsCredentialId: EU.id, creatorsCredentialSecret: EU.secret, creatorsCredentialVersion: EU.version, defaultCountry: 'de', defaultPartnerTag: 'mytag-21', marketplaces: [] };
  await saveSection(ctx, { sectionId: 'amazon', values: amazon, actor: 'test', ip: null });
  for (const asin of [DE.inStock, DE.onSale, DE.noReviews]) await addProduct(ctx, { reference: asin, marketplace: 'de' }, 'test');
  await refreshDue(ctx);
  // The first render of a list saves its search and queues the search; the next shows its answer.
  await renderContent(ctx, { content: BLOCKS.list, visitor: {}, mode: 'admin' });
  await settleJobs(ctx);
  return { engine, server, ctx };
}

async function openBrowserPage(viewport: ViewportName): Promise<Page> {
  const page = await openPage(browser, viewport);
  await page.route('https://m.media-amazon.com/**', (route) => route.fulfill({ contentType: 'image/svg+xml', body: IMAGE }));
  return page;
}

/** The block as a visitor's page, now (fresh) or as it would render 30 hours after the refresh (stale: past Amazon's 24 hours). */
async function renderPage(ctx: EngineContext, type: BlockType, state: 'fresh' | 'stale') {
  const at = state === 'fresh' ? ctx : { ...ctx, clock: { now: () => new Date(Date.now() + 30 * HOUR) } };
  const rendered = await renderContent(at, { content: postWith(BLOCKS[type]), visitor: {}, mode: 'visitor' });
  return { rendered, document: standaloneDocument({ html: rendered.html, css: rendered.css, title: `${type} (${state})` }) };
}

/**
 * Chromium does not paint cross-origin frames outside the viewport, so a full-page shot of a
 * phone would show the preview frames blank: the viewport is made as tall as the page for the shot.
 */
async function screenshotWithFrames(page: Page, name: string): Promise<void> {
  const size = page.viewportSize()!;
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width: size.width, height: Math.max(size.height, height) });
  await page.waitForTimeout(300);
  await screenshot(page, name);
  await page.setViewportSize(size);
}

describe.each(VIEWPORT_CASES)('money-page blocks (%s)', (viewport) => {
  it('every block type lays out without sideways scrolling, fresh (with prices) and stale (prices hidden after 24 hours)', async () => {
    const { ctx } = await openBlocksEngine();
    const page = await openBrowserPage(viewport);
    for (const state of ['fresh', 'stale'] as const) {
      for (const type of Object.keys(BLOCKS) as BlockType[]) {
        const { rendered, document } = await renderPage(ctx, type, state);
        const where = `${type} ${state}`;
        expect(rendered.blocks, where).toBe(1);
        expect(rendered.problems, where).toEqual([]);
        await page.setContent(document, { waitUntil: 'load' });
        const block = page.locator(`[data-pwp-block="${type}"]`);
        expect(await block.count(), where).toBe(1);
        expect(await block.isVisible(), where).toBe(true);
        expect(await page.locator('.pwp-disclosure').count(), where).toBe(1);
        const prices = await block.locator('.pwp-price').count();
        if (state === 'stale') expect(prices, where).toBe(0);
        else if (type === 'box' || type === 'table' || type === 'list') expect(prices, where).toBeGreaterThan(0);
        if (type === 'list') expect(await block.locator('a[href*="tag=mytag-21"]').count(), where).toBeGreaterThan(0);
        for (const href of await block.locator('a').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''))) expect(href, where).toContain('tag=mytag-21');
        await assertNoHorizontalOverflow(page);
        await screenshot(page, `block-${type}-${state}`);
      }
    }
  });
});

describe.each(VIEWPORT_CASES)('Test post (%s)', (viewport) => {
  it('renders the example with every block in a desktop and a phone frame, lists a broken shortcode’s problem, and keeps the content', async () => {
    const { server, ctx } = await openBlocksEngine();
    const page = await openBrowserPage(viewport);
    await logInByApi(page, server.url);
    await page.goto(`${server.adminUrl}#/dashboard`);
    await page.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor();
    await clickMenuItem(page, 'Test post');
    await page.getByRole('heading', { name: 'Test post', level: 1 }).waitFor();
    expect(new URL(page.url()).hash).toBe('#/test-post');

    // The example uses every block type and a product from the store.
    const content = page.getByLabel('Post content');
    await page.waitForFunction(() => (document.querySelector<HTMLTextAreaElement>('#test-post-content')?.value ?? '').includes('[passivewp box'));
    const example = await content.inputValue();
    for (const type of Object.keys(BLOCKS)) expect(example).toContain(`[passivewp ${type} `);
    const asin = /\[passivewp box asin="(\w+)" marketplace="de"\]/.exec(example)?.[1];
    expect(asin && (await ctx.stores.products.findByAsin(asin, 'de'))?.snapshot).toBeTruthy();
    expect(await page.locator('#test-post-country option:checked').textContent()).toBe('Anywhere (each block’s own marketplace)');

    await page.getByRole('button', { name: 'Render' }).click();
    await page.locator('.render-problems-none').waitFor();
    expect(await page.locator('.render-problems-none').textContent()).toBe('No problems found.');
    for (const frameTitle of ['Desktop preview', 'Phone preview']) {
      const frame = page.frameLocator(`iframe[title="${frameTitle}"]`);
      await frame.locator('[data-pwp-block="box"]').waitFor();
      for (const type of Object.keys(BLOCKS)) expect(await frame.locator(`[data-pwp-block="${type}"]`).count(), `${frameTitle} ${type}`).toBeGreaterThan(0);
    }
    // A phone stacks the frames; a desktop puts them side by side.
    const desktop = (await page.locator('.test-post-frame.is-desktop').boundingBox())!;
    const phone = (await page.locator('.test-post-frame.is-mobile').boundingBox())!;
    if (viewport === 'mobile') expect(phone.y).toBeGreaterThanOrEqual(desktop.y + desktop.height);
    else expect(phone.x).toBeGreaterThanOrEqual(desktop.x + desktop.width);
    await assertNoHorizontalOverflow(page);
    await screenshotWithFrames(page, 'test-post-example');

    // A broken shortcode: listed with its code, and shown as a warning in the frames.
    await content.fill(`<p>Intro.</p>\n[passivewp box asin="${DE.inStock}"]\n[passivewp box asin="nope"]`);
    await page.locator('#test-post-country').selectOption('AT');
    await page.getByRole('button', { name: 'Render' }).click();
    const problem = page.locator('.render-problem[data-code="broken_shortcode"]');
    await problem.waitFor();
    expect(await problem.locator('.render-problem-code').textContent()).toBe('broken_shortcode');
    expect(await problem.locator('.render-problem-excerpt').textContent()).toContain('asin="nope"');
    expect(await page.locator('.render-problems-none').count()).toBe(0);
    await page.frameLocator('iframe[title="Desktop preview"]').locator('.pwp-warning').waitFor();
    expect(await page.frameLocator('iframe[title="Phone preview"]').locator('[data-pwp-block="box"]').count()).toBe(1);
    await assertNoHorizontalOverflow(page);
    await screenshotWithFrames(page, 'test-post-problems');

    // The last content stays in this browser.
    await page.reload();
    await page.getByRole('heading', { name: 'Test post', level: 1 }).waitFor();
    expect(await content.inputValue()).toContain('asin="nope"');
    // …and the example is one click away once the products are known.
    await page.getByRole('button', { name: 'Use the example' }).click();
    expect(await content.inputValue()).toContain('[passivewp list ');
  });
});

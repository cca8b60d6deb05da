import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { saveSection } from '../../src/domain/settings/save-section.js';
import { fakeCatalogue, startFakeAmazon, type FakeAmazon } from '../fakes/amazon/index.js';
import { CREDENTIALS } from '../helpers/amazon-clients.js';
import { assertNoHorizontalOverflow, currentHash, launchBrowser, logInByApi, openPage, screenshot, VIEWPORT_CASES, type ViewportName } from '../helpers/browser.js';
import { seedAdmin, startTestServer } from '../helpers/start-test-engine.js';

/** The Products screen against the fake Amazon: add by link and by ASIN, refuse bad input, filter, refresh, remove. */
const EU = CREDENTIALS.lwaEu;
const DE = fakeCatalogue.wellKnown('de');
const UK = fakeCatalogue.wellKnown('uk');
/** Amazon's images are not fetched in tests: every one is this grey square. */
const IMAGE = '<svg xmlns="http://www.w3.org/2000/svg" width="80" height="80"><rect width="80" height="80" fill="#c3c4c7"/></svg>';

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

/** An engine with Creators credentials for Germany, the UK and France; the page on an empty Products screen. */
async function openProducts(viewport: ViewportName): Promise<{ page: Page; adminUrl: string }> {
  const { engine, server } = await startTestServer({
    env: { PASSIVEWP_AMAZON_ENDPOINT_OVERRIDE: fake.origin, PASSIVEWP_AMAZON_REQUESTS_PER_SECOND: '10', PASSIVEWP_DAILY_CHECKS: 'false' },
  });
  await seedAdmin(engine);
  await saveSection(engine.ctx, {
    sectionId: 'amazon',
    values: {
      mode: 'creators',
      creatorsCredentialId: EU.id,
      creatorsCredentialSecret: EU.secret,
      creatorsCredentialVersion: EU.version,
      defaultCountry: 'de',
      defaultPartnerTag: 'mytag-21',
      marketplaces: ['uk', 'fr'].map((country) => ({ country, partnerTag: 'mytag-21', enabled: true })),
    },
    actor: 'test',
    ip: null,
  });
  const page = await openPage(browser, viewport);
  await page.route('https://m.media-amazon.com/**', (route) => route.fulfill({ contentType: 'image/svg+xml', body: IMAGE }));
  await logInByApi(page, server.url);
  await page.goto(`${server.adminUrl}#/products`);
  await page.getByRole('heading', { name: 'Products', level: 1 }).waitFor();
  return { page, adminUrl: server.adminUrl };
}

const row = (page: Page, asin: string) => page.locator(`.product-table tbody tr[data-asin="${asin}"]`);
const rows = (page: Page) => page.locator('.product-table tbody tr');
const reference = (page: Page) => page.getByLabel('ASIN or Amazon product URL');
const notice = (page: Page, text: string) => page.locator('.notice-success').filter({ hasText: text });

async function add(page: Page, value: string, marketplace = ''): Promise<void> {
  await reference(page).fill(value);
  await page.locator('#product-marketplace').selectOption(marketplace);
  await page.getByRole('button', { name: 'Add product' }).click();
}

/** Waits until the table shows exactly these ASINs (after a filter, the list is asked for again). */
async function expectAsins(page: Page, asins: string[]): Promise<void> {
  const want = [...asins].sort().join(',');
  await page.waitForFunction(
    (expected) => [...document.querySelectorAll('.product-table tbody tr')].map((tr) => tr.getAttribute('data-asin')).sort().join(',') === expected,
    want,
    { timeout: 8000 },
  );
}

describe.each(VIEWPORT_CASES)('Products (%s)', (viewport) => {
  it('adds a product by its Amazon link and by bare ASIN, and refuses what is neither, inline and without adding anything', async () => {
    const { page } = await openProducts(viewport);
    expect(await page.locator('.empty-list').textContent()).toContain('Paste an ASIN or an Amazon product link');
    expect(await page.locator('#product-marketplace option:checked').textContent()).toBe('Default: Germany (amazon.de)');
    await assertNoHorizontalOverflow(page);
    await screenshot(page, 'products-empty');

    // Not a product: the message sits under the box, the box has the focus, and nothing was added.
    const posts: number[] = [];
    page.on('response', (r) => r.request().method() === 'POST' && r.url().endsWith('/api/products') && posts.push(r.status()));
    await add(page, 'https://www.example.com/not-amazon');
    const error = page.locator('#product-reference-error');
    await error.waitFor();
    expect(await reference(page).getAttribute('aria-invalid')).toBe('true');
    expect(await reference(page).getAttribute('aria-describedby')).toBe('product-reference-error');
    await page.waitForFunction(() => document.activeElement?.id === 'product-reference');
    expect(posts).toEqual([400]);
    expect(await rows(page).count()).toBe(0);
    expect(await page.locator('.empty-list').isVisible()).toBe(true);
    await assertNoHorizontalOverflow(page);
    await screenshot(page, 'products-invalid-reference');

    // A product link names its store; the tracking parts of the address do not matter.
    await add(page, `https://www.amazon.de/-/en/Some-Slug/dp/${DE.inStock}?ref=x&th=1`);
    await notice(page, `Added ${DE.inStock} (Germany).`).waitFor();
    expect(await error.count()).toBe(0);
    expect(await reference(page).inputValue()).toBe('');
    await row(page, DE.inStock).waitFor();
    expect(await row(page, DE.inStock).locator('td[data-label="Marketplace"]').textContent()).toBe('DE Germany');

    // A bare ASIN goes to the chosen store.
    await add(page, UK.onSale, 'uk');
    await notice(page, `Added ${UK.onSale} (United Kingdom).`).waitFor();
    await expectAsins(page, [DE.inStock, UK.onSale]);
    expect(await row(page, UK.onSale).locator('td[data-label="Marketplace"]').textContent()).toBe('UK United Kingdom');
    // Not fetched yet: the ASIN stands in for the title, and there is no price.
    expect(await row(page, UK.onSale).locator('.product-title').textContent()).toBe(UK.onSale);
    expect(await row(page, UK.onSale).locator('td[data-label="Price"]').textContent()).toBe('—');
    expect(await row(page, UK.onSale).locator('td[data-label="State"]').textContent()).toBe('StaleNot fetched yet.');
    expect(await row(page, UK.onSale).locator('td[data-label="Next refresh"]').textContent()).toBe('due now');

    // The same product twice: refused next to the box.
    await add(page, DE.inStock);
    await error.waitFor();
    expect(await error.textContent()).toMatch(/already/i);
    expect(await rows(page).count()).toBe(2);
    expect(posts).toEqual([400, 201, 201, 409]);
    await assertNoHorizontalOverflow(page);
    await screenshot(page, 'products-added');
  });

  it('"Refresh now" shows the row as refreshing, then fresh with title, image, price and its fetch time', async () => {
    const { page } = await openProducts(viewport);
    await add(page, `https://www.amazon.de/dp/${DE.inStock}`);
    await row(page, DE.inStock).waitFor();
    const tr = row(page, DE.inStock);
    await tr.getByRole('button', { name: /Refresh now/ }).click();
    await tr.locator('.product-state', { hasText: /^Fresh$/ }).waitFor({ timeout: 20_000 });

    const item = fakeCatalogue.item('de', DE.inStock);
    expect(item?.price).toBeTruthy();
    expect(await tr.locator('.product-title').textContent()).toBe(item?.title);
    expect(await tr.locator('.product-price-amount').textContent()).toBe(item?.price?.displayAmount);
    expect(await tr.locator('.product-price-time').textContent()).toMatch(/^· as of \d\d:\d\d, just now$/);
    expect(await tr.locator('td[data-label="Source"]').textContent()).toBe('Creators API');
    expect(await tr.locator('td[data-label="Last refreshed"]').textContent()).toBe('just now');
    expect(await tr.locator('td[data-label="Last refreshed"] time').getAttribute('title')).toBeTruthy();
    const image = tr.locator('img.product-thumb');
    expect(await image.getAttribute('src')).toMatch(/^https:\/\/m\.media-amazon\.com\/images\/I\//);
    expect(await image.getAttribute('referrerpolicy')).toBe('no-referrer');
    expect(await image.getAttribute('loading')).toBe('lazy');
    expect(await tr.getByRole('link', { name: /View on Amazon/ }).getAttribute('href')).toContain(`/dp/${DE.inStock}`);
    await assertNoHorizontalOverflow(page);
    await screenshot(page, 'products-refreshed');
  });

  it('searches by title or ASIN (kept in the address over a reload), filters by marketplace and state, and removes after a confirmation', async () => {
    const { page } = await openProducts(viewport);
    await add(page, DE.inStock);
    await notice(page, `Added ${DE.inStock}`).waitFor();
    await add(page, DE.book);
    await notice(page, `Added ${DE.book}`).waitFor();
    await add(page, UK.onSale, 'uk');
    await notice(page, `Added ${UK.onSale}`).waitFor();
    await expectAsins(page, [DE.inStock, DE.book, UK.onSale]);

    // Refresh one, so that titles and states differ.
    await row(page, DE.book).getByRole('button', { name: /Refresh now/ }).click();
    await row(page, DE.book).locator('.product-state', { hasText: /^Fresh$/ }).waitFor({ timeout: 20_000 });
    const title = fakeCatalogue.item('de', DE.book)?.title ?? '';
    const word = title.split(/\s+/).find((w) => w.length >= 5) ?? title;

    await page.getByLabel('Search products').fill(word.toLowerCase());
    await expectAsins(page, [DE.book]);
    expect(currentHash(page)).toContain(`search=${encodeURIComponent(word.toLowerCase())}`);
    await page.reload();
    await expectAsins(page, [DE.book]);
    expect(await page.getByLabel('Search products').inputValue()).toBe(word.toLowerCase());

    await page.getByLabel('Search products').fill(UK.onSale);
    await expectAsins(page, [UK.onSale]);
    await page.getByLabel('Search products').fill('');
    await expectAsins(page, [DE.inStock, DE.book, UK.onSale]);

    await page.getByLabel('Filter by marketplace').selectOption('uk');
    await expectAsins(page, [UK.onSale]);
    expect(currentHash(page)).toBe('#/products?marketplace=uk');
    await page.getByLabel('Filter by marketplace').selectOption('');
    await expectAsins(page, [DE.inStock, DE.book, UK.onSale]);

    const views = page.getByRole('list', { name: 'Filter by state' });
    expect(await views.getByRole('link', { name: /^Fresh/ }).textContent()).toBe('Fresh (1)');
    expect(await views.getByRole('link', { name: /^Stale/ }).textContent()).toBe('Stale (2)');
    await views.getByRole('link', { name: /^Fresh/ }).click();
    await expectAsins(page, [DE.book]);
    expect(await views.getByRole('link', { name: /^Fresh/ }).getAttribute('aria-current')).toBe('page');
    await assertNoHorizontalOverflow(page);
    await screenshot(page, 'products-filtered');
    await views.getByRole('link', { name: /^All/ }).click();
    await expectAsins(page, [DE.inStock, DE.book, UK.onSale]);

    // Remove asks first; Cancel keeps the product.
    await row(page, UK.onSale).getByRole('button', { name: /Remove/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain(`${UK.onSale} (United Kingdom)`);
    await screenshot(page, 'products-remove-dialog');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await rows(page).count()).toBe(3);
    await row(page, UK.onSale).getByRole('button', { name: /Remove/ }).click();
    await dialog.getByRole('button', { name: 'Remove' }).click();
    await notice(page, `Removed ${UK.onSale} (United Kingdom).`).waitFor();
    await expectAsins(page, [DE.inStock, DE.book]);
  });
});

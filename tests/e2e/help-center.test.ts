import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN_SCREENS } from '../../src/domain/help/admin-screens.js';
import { HELP_ARTICLES } from '../../src/domain/help/articles/index.js';
import type { RouteChip } from '../../src/domain/help/help-article.js';
import { saveSection } from '../../src/domain/settings/save-section.js';
import type { Engine } from '../../src/main.js';
import { startFakeAmazon, type FakeAmazon } from '../fakes/amazon/index.js';
import { CREDENTIALS } from '../helpers/amazon-clients.js';
import { assertNoHorizontalOverflow, currentHash, launchBrowser, logInByApi, openPage, screenshot, VIEWPORT_CASES } from '../helpers/browser.js';
import { seedAdmin, startTestServer } from '../helpers/start-test-engine.js';

/** The help center: index, articles, route chips, live confirmations, feedback, and the status table's links into it. */
const EU = CREDENTIALS.lwaEu;
const row = (country: string, partnerTag: string) => ({ country, partnerTag, enabled: true });
const AMAZON = {
  mode: 'creators',
  creatorsCredentialId: EU.id,
  creatorsCredentialSecret: EU.secret,
  creatorsCredentialVersion: EU.version,
  defaultCountry: 'de',
  defaultPartnerTag: 'mytag-21',
  marketplaces: [row('de', ''), row('fr', 'mytag-21')],
};

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
  fake.state.setScenario({ overrides: [], paapiRetired: false, throttleRetryAfterSeconds: 0 });
});

const amazonEnv = () => ({ PASSIVEWP_AMAZON_ENDPOINT_OVERRIDE: fake.origin, PASSIVEWP_AMAZON_REQUESTS_PER_SECOND: '10', PASSIVEWP_DAILY_CHECKS: 'false' });

/** An engine with an administrator (and Amazon settings when asked), the page logged in at `route`. */
async function open(viewport: 'desktop' | 'mobile', route: string, amazon?: Record<string, unknown>): Promise<{ page: Page; engine: Engine; url: string; adminUrl: string }> {
  const { engine, server } = await startTestServer({ env: amazonEnv() });
  await seedAdmin(engine);
  if (amazon) await saveSection(engine.ctx, { sectionId: 'amazon', values: amazon, actor: 'test', ip: null });
  const page = await openPage(browser, viewport);
  await logInByApi(page, server.url);
  await page.goto(`${server.adminUrl}#${route}`);
  return { page, engine, url: server.url, adminUrl: server.adminUrl };
}

const chipRoute = (chip: RouteChip) => (chip.field ? `${chip.route}?focus=${encodeURIComponent(chip.field)}` : chip.route);
const inputId = (chip: RouteChip) => `${ADMIN_SCREENS.find((s) => s.route === chip.route)?.sectionId}-${chip.field?.replaceAll('.', '-')}`;
const liveBadge = (page: Page, where: string, id: string) => page.locator(`${where} [data-confirmation="${id}"]`).first();

async function runCheck(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Check API Connections' }).click();
  await page.locator('.check-summary').waitFor({ timeout: 20_000 });
}

describe.each(VIEWPORT_CASES)('Help center (%s)', (viewport) => {
  it('lists the articles by category, renders an article, and stores "Was this article helpful?"', async () => {
    const { page, url } = await open(viewport, '/help');
    await page.getByRole('heading', { level: 1, name: 'Help Center' }).waitFor();
    const categories = [...new Set(HELP_ARTICLES.map((article) => article.category))];
    expect(await page.locator('.help-category-group > h2').allTextContents()).toEqual(categories);
    expect(await page.locator('.help-card').count()).toBe(HELP_ARTICLES.length);
    await page.getByText('No article has been rated yet.').waitFor();
    await assertNoHorizontalOverflow(page);
    await screenshot(page, 'help-index');

    await page.getByRole('link', { name: 'Check API Connections: prove every Amazon store works' }).click();
    await page.getByRole('heading', { level: 1, name: 'Check API Connections: prove every Amazon store works' }).waitFor();
    expect(currentHash(page)).toBe('#/help/amazon-connection-test');
    const headings = await page.locator('.help-section > h2').allTextContents();
    expect(headings).toEqual([
      'How this article is organized',
      'When to use this guide',
      'Before you start',
      'Exact menu path',
      'Step-by-step walkthrough',
      'Quick troubleshooting',
      'Common mistakes to avoid',
      'Success checklist',
      'Was this article helpful?',
    ]);
    const article = HELP_ARTICLES.find((a) => a.id === 'amazon-connection-test')!;
    expect(await page.locator('.help-step').count()).toBe(article.steps.length);
    expect(await page.locator('.help-step').first().locator('.cue').allTextContents()).toEqual(['Go here', 'Do this', 'Confirm']);
    expect(await page.locator('.help-step').first().locator('.route-chip').textContent()).toContain('PassiveWP');
    // Every live cue has its badge once the engine answered.
    await page.locator('.live-check[data-state]').first().waitFor();
    expect(await page.locator('.live-check.is-loading').count()).toBe(0);
    await assertNoHorizontalOverflow(page);
    await screenshot(page, 'help-article');

    await page.getByLabel('Comment (optional)').fill('Clear steps, thanks.');
    await page.getByRole('button', { name: 'Yes', exact: true }).click();
    await page.getByText('Thank you for your feedback').waitFor();
    const summary = (await (await page.request.get(`${url}/api/help/feedback`)).json()) as { articles: Array<{ articleId: string; yes: number; no: number; comments: Array<{ comment: string; helpful: boolean; actor: string }> }> };
    expect(summary.articles).toHaveLength(1);
    expect(summary.articles[0]).toMatchObject({ articleId: 'amazon-connection-test', yes: 1, no: 0, comments: [{ comment: 'Clear steps, thanks.', helpful: true, actor: 'owner@example.com' }] });

    // The help index sums it up.
    await page.getByRole('link', { name: 'Help Center' }).click();
    const item = page.locator('.help-feedback-item[data-article="amazon-connection-test"]');
    await item.waitFor();
    expect(await item.textContent()).toContain('1 yes');
    expect(await item.textContent()).toContain('“Clear steps, thanks.”');
  });

  it('a route chip opens the exact screen with its field focused; every chip of every article leads to a real screen', async () => {
    const { page, adminUrl } = await open(viewport, '/help/amazon-partner-tags', AMAZON);
    const chip = page.locator('.route-chip[data-route="/settings/amazon?focus=defaultPartnerTag"]').first();
    await chip.click();
    await page.waitForFunction(() => document.activeElement?.id === 'amazon-defaultPartnerTag');
    expect(currentHash(page)).toBe('#/settings/amazon?focus=defaultPartnerTag');
    // The settings screen links back to its articles.
    const links = page.getByRole('navigation', { name: 'Help for this screen' });
    expect(await links.getByRole('link').allTextContents()).toContain('Partner tags: Default Country, Default Partner Tag and marketplace rows');

    const chips = new Map<string, RouteChip>();
    for (const article of HELP_ARTICLES) {
      for (const c of [article.menuPath, ...article.steps.map((s) => s.goHere), ...article.troubleshooting.flatMap((t) => (t.goHere ? [t.goHere] : []))]) chips.set(chipRoute(c), c);
    }
    const failures: string[] = [];
    for (const [route, c] of chips) {
      await page.goto(`${adminUrl}#${route}`);
      const heading = page.locator('.wrap > h1');
      await heading.waitFor();
      if ((await heading.textContent()) === 'Page not found') failures.push(`${route}: not found`);
      if (!c.field) continue;
      const id = inputId(c);
      const focused = await page
        .waitForFunction((target) => {
          const element = document.getElementById(target);
          return Boolean(element && document.activeElement && (element === document.activeElement || element.contains(document.activeElement)));
        }, id, { timeout: 4000 })
        .then(() => true, () => false);
      if (!focused) failures.push(`${route}: #${id} not focused (active: ${await page.evaluate(() => document.activeElement?.id || document.activeElement?.tagName)})`);
    }
    expect(failures).toEqual([]);
    expect(chips.size).toBeGreaterThan(10);
  });

  it('"Amazon check passed" is not met, then met after a successful Check API Connections', async () => {
    const { page } = await open(viewport, '/help/amazon-connection-test', AMAZON);
    const badge = liveBadge(page, '.help-checklist', 'amazon_check_passed');
    await page.locator('.help-checklist .live-check[data-state]').first().waitFor();
    expect(await badge.getAttribute('data-state')).toBe('not_met');
    await badge.scrollIntoViewIfNeeded();
    await screenshot(page, 'help-live-not-met');

    await page.locator('.help-step').first().locator('.route-chip').click();
    await runCheck(page);
    expect(await page.locator('.check-summary').textContent()).toContain('0 errors');

    await page.goBack();
    await page.getByRole('heading', { level: 1, name: 'Check API Connections: prove every Amazon store works' }).waitFor();
    await page.waitForFunction(() => document.querySelector('.help-checklist [data-confirmation="amazon_check_passed"]')?.getAttribute('data-state') === 'met');
    expect(await badge.locator('.live-detail').textContent()).not.toBe('');
    await badge.scrollIntoViewIfNeeded();
    await assertNoHorizontalOverflow(page);
    await screenshot(page, 'help-live-met');
    await page.screenshot({ path: `test-artifacts/e2e/help-live-met-checklist-${viewport}.png` });
  });

  it('a failing row of the status table links to its troubleshooting entry, which is highlighted', async () => {
    fake.state.setScenario({ overrides: [{ marketplace: 'fr', surface: 'creators', fault: 'invalid_partner_tag' }] });
    const { page } = await open(viewport, '/settings/amazon', AMAZON);
    await runCheck(page);
    const france = page.locator('.check-status-table tbody tr').filter({ has: page.locator('th', { hasText: 'France' }) });
    const cause = (await france.locator('.cause-code').textContent()) ?? '';
    expect(cause).toBe('partner_tag_invalid');
    const germany = page.locator('.check-status-table tbody tr').filter({ has: page.locator('th', { hasText: 'Germany' }) });
    expect(await germany.getByRole('link', { name: /How to fix/ }).count()).toBe(0);

    const link = france.getByRole('link', { name: /How to fix/ });
    await assertNoHorizontalOverflow(page);
    await france.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `test-artifacts/e2e/help-status-row-link-${viewport}.png` });
    expect(await link.getAttribute('href')).toBe(`#/help/amazon-check-troubleshooting?section=cause-${cause}`);
    await link.click();
    const entry = page.locator(`#help-cause-${cause}`);
    await entry.waitFor();
    expect(await entry.getAttribute('class')).toContain('is-highlighted');
    expect(await page.locator('.is-highlighted').count()).toBe(1);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(`help-cause-${cause}`);
    const box = await entry.boundingBox();
    expect(box && box.y >= 0 && box.y < (page.viewportSize()?.height ?? 0)).toBe(true);
    await assertNoHorizontalOverflow(page);
    await screenshot(page, 'help-highlighted-entry');
    // What the reader sees on arrival: the entry at the top of the viewport.
    await page.screenshot({ path: `test-artifacts/e2e/help-highlighted-entry-arrival-${viewport}.png` });
  });
});

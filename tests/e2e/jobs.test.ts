import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { EngineContext } from '../../src/domain/context.js';
import type { JobState } from '../../src/domain/jobs/job-queue.js';
import { addProduct } from '../../src/domain/products/add-product.js';
import { REFRESH_BATCH_JOB } from '../../src/domain/products/refresh-jobs.js';
import { requestProductRefresh } from '../../src/domain/products/request-product-refresh.js';
import { saveSection } from '../../src/domain/settings/save-section.js';
import { fakeCatalogue, startFakeAmazon, type FakeAmazon } from '../fakes/amazon/index.js';
import { CREDENTIALS } from '../helpers/amazon-clients.js';
import { assertNoHorizontalOverflow, launchBrowser, logInByApi, openPage, screenshot, VIEWPORT_CASES } from '../helpers/browser.js';
import { seedAdmin, startTestServer } from '../helpers/start-test-engine.js';

/** The Jobs screen: a refresh batch that fails while Amazon is down, runs out of attempts, and is retried once Amazon is back. */
const EU = CREDENTIALS.lwaEu;
const DE = fakeCatalogue.wellKnown('de');

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

/** The engine's clock, moved forward so that retries waiting 30 s, 60 s … come due at once. */
function movableClock(ctx: EngineContext): { advance(ms: number): void } {
  let offset = 0;
  (ctx as { clock: EngineContext['clock'] }).clock = { now: () => new Date(Date.now() + offset) };
  return { advance: (ms) => (offset += ms) };
}

async function waitForJob(ctx: EngineContext, id: string, states: JobState[], attempts?: number): Promise<void> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const job = await ctx.jobs.get(id);
    if (job && states.includes(job.state) && (attempts === undefined || job.attempts === attempts)) return;
    if (Date.now() > deadline) throw new Error(`job ${id} is ${job?.state} after ${job?.attempts} attempts, not ${states.join('/')}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const view = (page: Page, label: string) => page.getByRole('list', { name: 'Jobs by state' }).getByRole('link', { name: new RegExp(`^${label}`) });
const jobRow = (page: Page, id: string) => page.locator(`.job-table tr[data-job-id="${id}"]`);

describe.each(VIEWPORT_CASES)('Jobs (%s)', (viewport) => {
  it('lists a failing refresh batch under Failed, then under Dead with its error once out of attempts; Retry queues it again', { timeout: 60_000 }, async () => {
    // Amazon answers every catalog request with 500 (the client's own retries included).
    fake.state.setScenario({ overrides: [{ credential: EU.id, surface: 'creators', fault: 'server_error' }] });
    const { engine, server } = await startTestServer({
      env: { PASSIVEWP_AMAZON_ENDPOINT_OVERRIDE: fake.origin, PASSIVEWP_AMAZON_REQUESTS_PER_SECOND: '10', PASSIVEWP_DAILY_CHECKS: 'false' },
    });
    await seedAdmin(engine);
    await saveSection(engine.ctx, {
      sectionId: 'amazon',
      values: { mode: 'creators', creatorsCredentialId: EU.id, creatorsCredentialSecret: EU.secret, creatorsCredentialVersion: EU.version, defaultCountry: 'de', defaultPartnerTag: 'mytag-21' },
      actor: 'test',
      ip: null,
    });
    const clock = movableClock(engine.ctx);
    const product = await addProduct(engine.ctx, { reference: DE.inStock }, 'test');
    await requestProductRefresh(engine.ctx, product.id, 'test');
    const [batch] = await engine.ctx.jobs.list({ name: REFRESH_BATCH_JOB, limit: 1 });
    if (!batch) throw new Error('no refresh batch was queued');
    await waitForJob(engine.ctx, batch.id, ['failed'], 1);

    const page = await openPage(browser, viewport);
    await logInByApi(page, server.url);
    await page.goto(`${server.adminUrl}#/jobs?state=failed`);
    await jobRow(page, batch.id).waitFor();
    expect(await view(page, 'Failed').textContent()).toBe('Failed (1)');
    expect(await view(page, 'Failed').getAttribute('aria-current')).toBe('page');
    const failed = jobRow(page, batch.id);
    expect(await failed.locator('th').textContent()).toBe(`Refresh batch${REFRESH_BATCH_JOB}`);
    expect(await failed.locator('td[data-label="About"]').textContent()).toBe('Germany · 1 ASIN');
    expect(await failed.locator('td[data-label="Attempts"]').textContent()).toBe('1 / 5');
    expect(await failed.locator('td[data-label="Last error"]').textContent()).toMatch(/^amazon_unavailable: /);
    expect(await failed.locator('td[data-label="Next attempt"]').textContent()).toMatch(/^in \d+ (s|min)$/);
    await assertNoHorizontalOverflow(page);
    await screenshot(page, 'jobs-failed');

    // Four more attempts, each as soon as its back-off has passed on the engine's clock.
    for (let attempt = 2; attempt <= 5; attempt++) {
      clock.advance(10 * 60_000);
      await waitForJob(engine.ctx, batch.id, attempt === 5 ? ['dead'] : ['failed'], attempt);
    }
    // The screen follows on its own (every 5 s).
    await view(page, 'Dead').filter({ hasText: 'Dead (1)' }).waitFor({ timeout: 10_000 });
    expect(await view(page, 'Failed').textContent()).toBe('Failed (0)');
    await view(page, 'Dead').click();
    const dead = jobRow(page, batch.id);
    await dead.waitFor();
    expect(await dead.locator('td[data-label="Attempts"]').textContent()).toBe('5 / 5');
    expect(await dead.locator('td[data-label="Last error"]').textContent()).toMatch(/^amazon_unavailable: /);
    expect(await dead.locator('td[data-label="Finished"]').textContent()).toBe('just now');
    await assertNoHorizontalOverflow(page);
    await screenshot(page, 'jobs-dead');

    // Amazon is back: Retry runs the batch again, and this time it refreshes the product.
    fake.state.setScenario({ overrides: [] });
    await dead.getByRole('button', { name: /Retry/ }).click();
    await page.locator('.notice-success').filter({ hasText: 'Refresh batch (Germany · 1 ASIN) is queued again.' }).waitFor();
    await view(page, 'Dead').filter({ hasText: 'Dead (0)' }).waitFor();
    await dead.waitFor({ state: 'detached' });
    expect(await page.locator('.empty-state').textContent()).toBe('No job has run out of attempts.');
    await waitForJob(engine.ctx, batch.id, ['done']);
    const refreshed = await engine.ctx.stores.products.find(product.id);
    expect(refreshed?.fetchedAt).toBeTruthy();
    await screenshot(page, 'jobs-retried');
  });
});

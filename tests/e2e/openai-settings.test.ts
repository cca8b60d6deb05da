import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { saveSection } from '../../src/domain/settings/save-section.js';
import { startFakeOpenAi, type FakeOpenAi } from '../fakes/openai/start-fake-openai.js';
import { assertNoHorizontalOverflow, launchBrowser, logInByApi, openPage, screenshot, VIEWPORT_CASES, type ViewportName } from '../helpers/browser.js';
import { seedAdmin, startTestServer } from '../helpers/start-test-engine.js';

/** Settings → OpenAI in the browser, against the fake OpenAI on loopback. */
const KEY = 'sk-proj-e2e-openai-key-0000000000000000001';
const RATE_LIMITED_KEY = 'sk-proj-e2e-rate-limited-000000000000000002';
const UNKNOWN_KEY = 'sk-proj-e2e-not-a-key-00000000000000000009';

let browser: Browser;
let fake: FakeOpenAi;
beforeAll(async () => {
  browser = await launchBrowser();
  fake = await startFakeOpenAi({ keys: { [KEY]: {}, [RATE_LIMITED_KEY]: { rateLimited: true } } });
});
afterAll(async () => {
  await browser?.close();
  await fake?.close();
});
beforeEach(() => fake.state.reset());

/**
 * An engine whose OpenAI Base URL is the fake (saved like any setting: only a locked URL comes from
 * the configuration), the page logged in on Settings → OpenAI.
 */
async function openOpenAiSettings(viewport: ViewportName, values: Record<string, unknown> = {}, env: Record<string, string> = {}): Promise<{ page: Page; adminUrl: string }> {
  const { engine, server } = await startTestServer({ env: { PASSIVEWP_DAILY_CHECKS: 'false', ...env } });
  await seedAdmin(engine);
  await saveSection(engine.ctx, { sectionId: 'openai', values: { baseUrl: fake.baseUrl, ...values }, actor: 'test', ip: null });
  const page = await openPage(browser, viewport);
  await logInByApi(page, server.url);
  await page.goto(`${server.adminUrl}#/settings/openai`);
  await page.locator('#openai-model').waitFor();
  return { page, adminUrl: server.adminUrl };
}

const modelNote = (page: Page) => page.locator('#openai-model-models-note');
const result = (page: Page) => page.locator('.check-result');

/** Clicks the button and waits for the engine's answer to be shown. */
async function runCheck(page: Page): Promise<void> {
  const answered = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/api/checks/openai'));
  await page.getByRole('button', { name: 'Check OpenAI Connection' }).click();
  expect((await answered).status()).toBe(200);
  await page.getByRole('button', { name: 'Check OpenAI Connection' }).waitFor();
}

async function expectOutcome(page: Page, expected: { status: 'OK' | 'Warning' | 'Error'; cause: string }): Promise<void> {
  const outcome = result(page).locator('.check-result-outcome');
  expect(await outcome.locator('.status-pill').textContent()).toContain(expected.status);
  expect(await outcome.locator('.cause-code').textContent()).toBe(expected.cause);
}

const detail = (page: Page, label: string) => page.locator('.check-detail', { has: page.locator('dt', { hasText: label }) }).locator('dd');

describe.each(VIEWPORT_CASES)('Settings → OpenAI (%s)', (viewport) => {
  it('saves the key write-only, keeps it masked after a reload, and suggests the models the saved key can use', async () => {
    const { page } = await openOpenAiSettings(viewport);
    await modelNote(page).filter({ hasText: 'Enter and save an API key to see the models it can use.' }).waitFor();
    expect(await page.locator('#openai-model-models option').count()).toBe(0);
    expect(await page.locator('.check-panel .empty-state').textContent()).toContain('No check has run yet');
    await assertNoHorizontalOverflow(page);
    await screenshot(page, 'settings-openai');

    await page.getByLabel('OpenAI API Key').fill(KEY);
    await page.getByLabel('Monthly token limit').fill('200000');
    const saved = page.waitForRequest((r) => r.method() === 'PUT' && r.url().endsWith('/api/settings/openai'));
    await page.getByRole('button', { name: 'Save Changes' }).click();
    const body = (await saved).postDataJSON() as { values: Record<string, unknown> };
    expect(body.values).toMatchObject({ apiKey: KEY, monthlyTokenLimit: '200000', baseUrl: fake.baseUrl });
    await page.getByRole('status').filter({ hasText: 'Settings saved.' }).waitFor();

    // The list now comes from the saved key: chat models only, sorted.
    await modelNote(page).filter({ hasText: 'models available to this key' }).waitFor();
    const suggestions = await page.locator('#openai-model-models option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
    expect(suggestions).toContain('gpt-5-mini');
    expect(suggestions).toContain('gpt-4o-mini');
    expect(suggestions).not.toContain('text-embedding-3-small');
    expect(suggestions).toEqual([...suggestions].sort());
    expect(await modelNote(page).textContent()).toContain(`${suggestions.length} models available to this key.`);
    // Free text stays allowed, for compatible endpoints that list fewer models than they serve.
    await page.getByLabel('Model', { exact: true }).fill('my-local-model');
    expect(await modelNote(page).textContent()).toContain('my-local-model is not among them.');

    await page.reload();
    await page.locator('#openai-apiKey-status').waitFor();
    expect(await page.locator('#openai-apiKey-status').textContent()).toBe(`Set — ends in ••••${KEY.slice(-4)}`);
    expect(await page.content()).not.toContain(KEY);
    expect(await page.getByLabel('Monthly token limit').inputValue()).toBe('200000');
    expect(await page.getByLabel('Model', { exact: true }).inputValue()).toBe('gpt-5-mini');
    await screenshot(page, 'settings-openai-saved');
  });

  it('check ok: shows the model that answered and the tokens, counts them in the usage, and marks the result stale after a change', async () => {
    const { page } = await openOpenAiSettings(viewport, { apiKey: KEY, monthlyTokenLimit: 100000, monthlyCostLimit: 5 });
    const usage = page.locator('.usage-panel');
    await usage.locator('.usage-meter').first().waitFor();
    expect(await usage.locator('.usage-meter').first().textContent()).toContain('Tokens 0 of 100,000 tokens (0 %)');

    await runCheck(page);
    await expectOutcome(page, { status: 'OK', cause: 'ok' });
    expect(await result(page).locator('.last-run').textContent()).toMatch(/^Checked just now by owner@example\.com\./);
    expect(await detail(page, 'Model that answered').textContent()).toBe('gpt-5-mini-2025-08-07');
    expect(await detail(page, 'Tokens used').textContent()).toMatch(/^\d+ \(\d+ in, \d+ out\)$/);
    expect(await detail(page, 'Latency').textContent()).toMatch(/^\d+ ms$/);
    expect(await result(page).getByRole('link').count()).toBe(0);

    // The check's own tokens are this month's first usage.
    await expect.poll(() => detail(page, 'Requests').textContent()).toBe('1');
    const tokensUsed = Number((await detail(page, 'Tokens used').textContent())?.split(' ')[0]);
    expect(await usage.locator('.usage-meter').first().textContent()).toContain(`Tokens ${tokensUsed} of 100,000 tokens`);
    expect(await usage.locator('.usage-meter').nth(1).textContent()).toMatch(/^Estimated cost \$0\.\d+ of \$5\.00/);
    expect(await usage.locator('meter').count()).toBe(2);
    expect(await usage.textContent()).toMatch(/Resets on [A-Z][a-z]{2} 1\b/);
    await assertNoHorizontalOverflow(page);
    await page.locator('.check-panel').first().scrollIntoViewIfNeeded();
    await screenshot(page, 'settings-openai-check-ok');

    // An unsaved edit: the check says it reads the saved settings.
    await page.getByLabel('Model', { exact: true }).fill('gpt-4o-mini');
    expect(await page.locator('.unsaved-note').textContent()).toContain('the check uses the saved settings');
    await page.getByRole('button', { name: 'Check OpenAI Connection' }).click();
    await page.getByText('The form has unsaved changes.').waitFor();
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('button', { name: 'Save Changes' }).click();
    await page.getByRole('status').filter({ hasText: 'Settings saved.' }).waitFor();
    await result(page).locator('.stale-mark').waitFor();

    await page.reload();
    await result(page).waitFor();
    await expectOutcome(page, { status: 'OK', cause: 'ok' });
    expect(await result(page).locator('.stale-mark').textContent()).toContain('Settings changed since');
  });

  it('bad key: an error that says the key was rejected, with a fix link that focuses the key field', async () => {
    const { page } = await openOpenAiSettings(viewport, { apiKey: UNKNOWN_KEY });
    await modelNote(page).filter({ hasText: 'The list of models could not be loaded: The service rejected the API key.' }).waitFor();
    await runCheck(page);
    await expectOutcome(page, { status: 'Error', cause: 'key_invalid' });
    expect(await result(page).getAttribute('class')).toContain('is-error');
    expect(await result(page).locator('.check-fix').textContent()).toContain('How to fix: Copy the key again');
    await assertNoHorizontalOverflow(page);
    await result(page).scrollIntoViewIfNeeded();
    await screenshot(page, 'settings-openai-check-bad-key');

    const link = result(page).getByRole('link', { name: 'Go to OpenAI API Key' });
    expect(await link.getAttribute('href')).toBe('#/settings/openai?focus=apiKey');
    await link.click();
    await page.waitForFunction(() => document.activeElement?.id === 'openai-apiKey');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Replace');
  });

  it('rate limited: a warning that the key works but is being slowed down, without a fix link', async () => {
    const { page } = await openOpenAiSettings(viewport, { apiKey: RATE_LIMITED_KEY });
    await runCheck(page);
    await expectOutcome(page, { status: 'Warning', cause: 'rate_limited' });
    expect(await result(page).getAttribute('class')).toContain('is-warning');
    expect(await result(page).locator('.check-fix').textContent()).toContain('Wait a minute and check again');
    expect(await detail(page, 'Retry after').textContent()).toMatch(/^\d+ s$/);
    expect(await result(page).getByRole('link').count()).toBe(0);
    await result(page).scrollIntoViewIfNeeded();
    await screenshot(page, 'settings-openai-check-rate-limited');
  });

  it('a reached monthly limit: the check warns next to a working connection, and the usage panel says AI features pause', async () => {
    const { page } = await openOpenAiSettings(viewport, { apiKey: KEY, monthlyTokenLimit: 5 });
    await runCheck(page);
    await expectOutcome(page, { status: 'OK', cause: 'ok' });
    const further = result(page).locator('.check-finding');
    expect(await further.locator('.cause-code').textContent()).toBe('budget_exhausted');
    expect(await further.locator('.status-pill').textContent()).toContain('Warning');
    expect(await result(page).getAttribute('class')).toContain('is-warning');

    const usage = page.locator('.usage-panel');
    await usage.getByText('This month’s limit is reached.').waitFor();
    expect(await usage.locator('.usage-meter.is-exhausted').count()).toBe(1);
    await usage.scrollIntoViewIfNeeded();
    await assertNoHorizontalOverflow(page);
    await screenshot(page, 'settings-openai-usage-exhausted');
    await usage.getByRole('link', { name: 'Raise the limit' }).click();
    await page.waitForFunction(() => document.activeElement?.id === 'openai-monthlyTokenLimit');
  });

  it('a model set by PASSIVEWP_OPENAI_MODEL is locked, and the other fields still save', async () => {
    const { page } = await openOpenAiSettings(viewport, { apiKey: KEY }, { PASSIVEWP_OPENAI_MODEL: 'gpt-4o-mini' });
    const model = page.getByLabel('Model', { exact: true });
    expect(await model.inputValue()).toBe('gpt-4o-mini');
    expect(await model.getAttribute('readonly')).not.toBeNull();
    expect(await page.locator('#openai-model-locked').textContent()).toBe('Locked Set by PASSIVEWP_OPENAI_MODEL in the configuration — change it there, not here.');

    await page.getByLabel('Project').fill('proj_FakeProject00000000000');
    const saved = page.waitForRequest((r) => r.method() === 'PUT');
    await page.getByRole('button', { name: 'Save Changes' }).click();
    const body = (await saved).postDataJSON() as { values: Record<string, unknown> };
    expect(Object.keys(body.values)).not.toContain('model');
    await page.getByRole('status').filter({ hasText: 'Settings saved.' }).waitFor();
    await runCheck(page);
    await expectOutcome(page, { status: 'OK', cause: 'ok' });
    expect(await detail(page, 'Model that answered').textContent()).toBe('gpt-4o-mini-2024-07-18');
    await assertNoHorizontalOverflow(page);
    await screenshot(page, 'settings-openai-locked-model');
  });
});

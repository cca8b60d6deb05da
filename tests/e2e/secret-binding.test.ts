import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveSection } from '../../src/domain/settings/save-section.js';
import { startFakeOpenAi, type FakeOpenAi } from '../fakes/openai/start-fake-openai.js';
import { assertNoHorizontalOverflow, launchBrowser, logInByApi, openPage, screenshot, VIEWPORT_CASES } from '../helpers/browser.js';
import { startCaptureServer } from '../helpers/capture-server.js';
import { seedAdmin, startTestServer } from '../helpers/start-test-engine.js';

/** Settings → OpenAI in the browser: the key goes only to the Base URL it was saved (or configured) with. */
const KEY = 'sk-proj-e2e-bound-key-000000000000000000001';

let browser: Browser;
let fake: FakeOpenAi;
beforeAll(async () => {
  browser = await launchBrowser();
  fake = await startFakeOpenAi({ keys: { [KEY]: {} } });
});
afterAll(async () => {
  await browser?.close();
  await fake?.close();
});

async function openOpenAiScreen(viewport: (typeof VIEWPORT_CASES)[number], env: Record<string, string> = {}, values: Record<string, unknown> = {}) {
  const { engine, server } = await startTestServer({ env: { PASSIVEWP_DAILY_CHECKS: 'false', ...env } });
  await seedAdmin(engine);
  if (Object.keys(values).length) await saveSection(engine.ctx, { sectionId: 'openai', values, actor: 'test', ip: null });
  const page = await openPage(browser, viewport);
  await logInByApi(page, server.url);
  await page.goto(`${server.adminUrl}#/settings/openai`);
  await page.locator('#openai-model').waitFor();
  return { engine, page };
}

describe.each(VIEWPORT_CASES)('a secret bound to its address (%s)', (viewport) => {
  it('shows the Base URL locked together with a key from the configuration, naming both variables', async () => {
    const { page } = await openOpenAiScreen(viewport, { PASSIVEWP_OPENAI_API_KEY: KEY });
    const baseUrl = page.getByLabel('Base URL');
    expect(await baseUrl.inputValue()).toBe('https://api.openai.com/v1');
    expect(await baseUrl.getAttribute('readonly')).not.toBeNull();
    const note = page.locator('#openai-baseUrl-locked');
    expect(await note.textContent()).toBe(
      'Locked Locked together with PASSIVEWP_OPENAI_API_KEY: a secret set in the configuration is sent only to the address configured with it — set PASSIVEWP_OPENAI_BASE_URL there to change it.',
    );
    expect(await note.locator('code').allTextContents()).toEqual(['PASSIVEWP_OPENAI_API_KEY', 'PASSIVEWP_OPENAI_BASE_URL']);
    await assertNoHorizontalOverflow(page);
    await screenshot(page, 'settings-openai-base-url-locked-with-key');
  });

  it('asks for the key again when the Base URL changes, saves nothing until it is entered, and the new host hears nothing before', async () => {
    const attacker = await startCaptureServer();
    const { engine, page } = await openOpenAiScreen(viewport, {}, { apiKey: KEY, baseUrl: fake.baseUrl });
    const before = await engine.ctx.stores.settings.read('openai');

    await page.getByLabel('Base URL').fill(`${attacker.origin}/v1`);
    const refused = page.waitForResponse((r) => r.request().method() === 'PUT');
    await page.getByRole('button', { name: 'Save Changes' }).click();
    expect((await refused).status()).toBe(400);
    const error = page.locator('#openai-apiKey-error');
    await error.waitFor();
    expect(await error.textContent()).toBe('Enter the OpenAI API Key again: it is sent only to the Base URL it was saved with, and this save changes the Base URL.');
    expect(await engine.ctx.stores.settings.read('openai')).toEqual(before);
    expect(attacker.connections()).toBe(0);
    await assertNoHorizontalOverflow(page);
    await screenshot(page, 'settings-openai-base-url-needs-key');

    await page.getByRole('button', { name: 'Replace OpenAI API Key' }).click();
    await page.getByLabel('OpenAI API Key').fill(KEY);
    const saved = page.waitForResponse((r) => r.request().method() === 'PUT');
    await page.getByRole('button', { name: 'Save Changes' }).click();
    expect((await saved).status()).toBe(200);
    await page.getByRole('status').filter({ hasText: 'Settings saved.' }).waitFor();
  });
});

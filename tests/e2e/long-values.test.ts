import { mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { saveSection } from '../../src/domain/settings/save-section.js';
import type { Engine } from '../../src/main.js';
import { startFakeOpenAi, type FakeOpenAi } from '../fakes/openai/start-fake-openai.js';
import { assertNoHorizontalOverflow, launchBrowser, logInByApi, openPage, screenshot, VIEWPORT_CASES, type ViewportName } from '../helpers/browser.js';
import { placeGeoDatabase } from '../helpers/place-geo-database.js';
import { seedAdmin, startTestServer } from '../helpers/start-test-engine.js';

/**
 * Long unbroken values — a data directory deep in the file system, a database name of 190
 * characters, a long Base URL, the error texts that repeat them — wrap where they are shown and
 * never cover a control or push it off screen.
 */
const UNBROKEN = 'x'.repeat(150);
const LONG_NAME = `${'GeoLite2-City-'.repeat(12)}.mmdb`.slice(-190);
const KEY = 'sk-proj-e2e-long-values-key-0000000000001';

let browser: Browser;
let openai: FakeOpenAi;
let longRoot: string;
beforeAll(async () => {
  browser = await launchBrowser();
  openai = await startFakeOpenAi({ keys: { [KEY]: {} } });
  // A checkout or data directory this deep is what made the Database panel cover the button.
  longRoot = mkdtempSync(path.join(tmpdir(), 'pwp-long-'));
  mkdirSync(path.join(longRoot, UNBROKEN, UNBROKEN), { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  await openai?.close();
  rmSync(longRoot, { recursive: true, force: true });
});

/** An engine whose data directory lies deep in the file system, set up by `setUp`; the page on `route`. */
async function openEngineScreen(viewport: ViewportName, route: string, setUp: (engine: Engine, dataDir: string) => Promise<void>): Promise<{ page: Page; engine: Engine }> {
  const dataDir = mkdtempSync(path.join(longRoot, UNBROKEN, UNBROKEN, 'data-'));
  onTestFinished(() => rmSync(dataDir, { recursive: true, force: true }));
  const { engine, server } = await startTestServer({ dataDir, env: { PASSIVEWP_DAILY_CHECKS: 'false', PASSIVEWP_ALLOW_PRIVATE_OUTBOUND: 'loopback' } });
  await seedAdmin(engine);
  await setUp(engine, dataDir);
  const page = await openPage(browser, viewport);
  await logInByApi(page, server.url);
  await page.goto(`${server.adminUrl}#${route}`);
  return { page, engine };
}

const save = (engine: Engine, sectionId: string, values: Record<string, unknown>) => saveSection(engine.ctx, { sectionId, values, actor: 'test', ip: null });

/** The button is on screen, and a click at its centre reaches it: nothing lies over it. */
async function expectReachable(button: Locator): Promise<void> {
  await button.scrollIntoViewIfNeeded();
  expect(await button.isVisible()).toBe(true);
  const box = await button.boundingBox();
  const viewport = button.page().viewportSize();
  expect(box && viewport && box.x >= 0 && box.x + box.width <= viewport.width).toBe(true);
  const onTop = await button.evaluate((element) => {
    const { left, top, width, height } = element.getBoundingClientRect();
    const hit = document.elementFromPoint(left + width / 2, top + height / 2);
    return hit === element || element.contains(hit);
  });
  expect(onTop).toBe(true);
}

describe.each(VIEWPORT_CASES)('long values wrap (%s)', (viewport) => {
  it('Settings → Geolocation: a deep data directory and a 190-character database name, in the panel, the check and its error', async () => {
    const { page, engine } = await openEngineScreen(viewport, '/settings/geolocation', async (opened, dataDir) => {
      renameSync(path.join(dataDir, 'geo', placeGeoDatabase(dataDir)), path.join(dataDir, 'geo', LONG_NAME));
      await save(opened, 'geolocation', { databasePath: LONG_NAME, precision: 'city' });
    });
    const button = page.getByRole('button', { name: 'Check Geolocation' });
    await page.locator('.check-detail dd code').first().waitFor();
    await expectReachable(button);
    await assertNoHorizontalOverflow(page);
    await screenshot(page, 'long-values-geolocation');

    await button.click();
    await page.locator('.check-result').waitFor();
    await expectReachable(button);
    await assertNoHorizontalOverflow(page);

    // A path outside the geo folder is refused on the field, in plain words, and nothing is saved.
    await page.locator('#geolocation-databasePath').fill('/etc/passwd');
    await page.getByRole('button', { name: 'Save Changes' }).click();
    await page.locator('#geolocation-databasePath-error').waitFor();
    expect(await page.locator('#geolocation-databasePath-error').textContent()).toContain('not a full path');
    expect((await engine.ctx.stores.settings.read('geolocation')).find((row) => row.key === 'databasePath')?.value).toBe(LONG_NAME);

    // A name that is not there: the panel's notice and the check's finding repeat the whole path.
    await page.locator('#geolocation-databasePath').fill(`missing-${LONG_NAME}`);
    await page.getByRole('button', { name: 'Save Changes' }).click();
    await page.getByRole('status').filter({ hasText: 'Settings saved.' }).waitFor();
    await page.locator('.check-panel').getByRole('alert').waitFor();
    await button.click();
    await page.locator('.check-result.is-error').waitFor();
    await expectReachable(button);
    await expectReachable(page.getByRole('button', { name: 'Look up' }));
    await assertNoHorizontalOverflow(page);
    await page.locator('.check-result').scrollIntoViewIfNeeded();
    await screenshot(page, 'long-values-geolocation-missing');
  });

  it('Settings → OpenAI: a long Base URL in the field and the check result', async () => {
    const { page } = await openEngineScreen(viewport, '/settings/openai', async (engine) => {
      await save(engine, 'openai', { apiKey: KEY, baseUrl: `${openai.baseUrl}/${UNBROKEN}${UNBROKEN}` });
    });
    const button = page.getByRole('button', { name: 'Check OpenAI Connection' });
    await button.waitFor();
    await expectReachable(button);
    await button.click();
    await page.locator('.check-result').waitFor();
    await expectReachable(button);
    await assertNoHorizontalOverflow(page);
    await page.locator('.check-result').scrollIntoViewIfNeeded();
    await screenshot(page, 'long-values-openai');
  });
});

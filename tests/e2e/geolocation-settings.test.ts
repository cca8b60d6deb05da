import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_VISITOR_MARKETPLACES } from '../../src/domain/geo/default-visitor-marketplaces.js';
import { saveSection } from '../../src/domain/settings/save-section.js';
import type { Engine } from '../../src/main.js';
import { assertNoHorizontalOverflow, launchBrowser, logInByApi, openPage, screenshot, VIEWPORT_CASES, type ViewportName } from '../helpers/browser.js';
import { startFakeMaxMind, type FakeMaxMind } from '../fakes/maxmind/start-fake-maxmind.js';
import { placeGeoDatabase } from '../helpers/place-geo-database.js';
import { seedAdmin, startTestServer } from '../helpers/start-test-engine.js';

/** Settings → Geolocation in the browser, with MaxMind's public test databases. */
const CITY = 'GeoLite2-City-Test.mmdb';
const BROKEN = 'GeoIP2-City-Test-Broken-Double-Format.mmdb';
const ROWS = DEFAULT_VISITOR_MARKETPLACES.length;
const ACCOUNT = { accountId: '123456', licenseKey: 'test_license_key_0001_mmk' };

let browser: Browser;
let maxmind: FakeMaxMind;
beforeAll(async () => {
  browser = await launchBrowser();
  maxmind = await startFakeMaxMind({ accounts: [ACCOUNT] });
});
afterAll(async () => {
  await browser?.close();
  await maxmind?.close();
});

/** An engine with saved Geolocation settings (and the UK store enabled in Settings → Amazon), the page on Settings → Geolocation. */
async function openGeolocationSettings(viewport: ViewportName, values: Record<string, unknown>): Promise<{ page: Page; engine: Engine; dataDir: string }> {
  const { engine, server, dataDir } = await startTestServer({ env: { PASSIVEWP_DAILY_CHECKS: 'false', PASSIVEWP_MAXMIND_DOWNLOAD_URL: maxmind.downloadUrl } });
  await seedAdmin(engine);
  placeGeoDatabase(dataDir, CITY);
  placeGeoDatabase(dataDir, BROKEN);
  await saveSection(engine.ctx, { sectionId: 'amazon', values: { defaultCountry: 'uk', defaultPartnerTag: 'mytag-21' }, actor: 'test', ip: null });
  await saveSection(engine.ctx, { sectionId: 'geolocation', values, actor: 'test', ip: null });
  const page = await openPage(browser, viewport);
  await logInByApi(page, server.url);
  await page.goto(`${server.adminUrl}#/settings/geolocation`);
  await page.locator('#geolocation-visitorMarketplaces').waitFor();
  return { page, engine, dataDir };
}

const panel = (page: Page, title: string) => page.locator('.check-panel', { has: page.getByRole('heading', { name: title, exact: true }) });
const detailIn = (scope: ReturnType<Page['locator']>, label: string) => scope.locator('.check-detail', { has: scope.page().locator('dt', { hasText: label }) }).locator('dd');
const mapRows = (page: Page) => page.locator('.country-map-table tbody tr');

async function runCheck(page: Page): Promise<void> {
  const answered = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/api/checks/geolocation'));
  await page.getByRole('button', { name: 'Check Geolocation' }).click();
  expect((await answered).status()).toBe(200);
  await page.locator('.check-result').waitFor();
}

describe.each(VIEWPORT_CASES)('Settings → Geolocation (%s)', (viewport) => {
  it('shows the City database in use, checks it (type, build date, age warning), and fits a phone', async () => {
    const { page, dataDir } = await openGeolocationSettings(viewport, { databasePath: CITY, precision: 'city' });
    const database = panel(page, 'Database');
    await detailIn(database, 'Type').waitFor();
    expect(await detailIn(database, 'File').textContent()).toBe(path.join(dataDir, 'geo', CITY));
    expect(await detailIn(database, 'Type').textContent()).toBe('GeoLite2-City');
    expect(await detailIn(database, 'Build date').textContent()).toMatch(/^[A-Z][a-z]{2} \d{1,2}, \d{4}$/);
    // MaxMind's test data is years old: the age is flagged.
    expect(await detailIn(database, 'Age').textContent()).toMatch(/^\d+ days — older than 30 days$/);
    expect(await database.locator('.check-detail.is-warning dt').first().textContent()).toBe('Age');
    expect(await detailIn(database, 'Automatic updates').textContent()).toBe('Off');
    expect(await database.getByRole('button', { name: 'Download now' }).isDisabled()).toBe(true);
    expect(await mapRows(page).count()).toBe(ROWS);
    await assertNoHorizontalOverflow(page);
    await screenshot(page, 'settings-geolocation');

    await runCheck(page);
    const result = page.locator('.check-result');
    expect(await result.locator('.check-result-outcome .cause-code').textContent()).toBe('ok');
    expect(await result.locator('.check-result-outcome .status-pill').textContent()).toContain('OK');
    expect(await detailIn(result, 'Database type').textContent()).toBe('GeoLite2-City');
    expect(await detailIn(result, 'Build date').textContent()).toBe(await detailIn(database, 'Build date').textContent());
    expect(await detailIn(result, 'Matches the precision').textContent()).toBe('Yes');
    expect(await result.locator('.check-finding .cause-code').textContent()).toBe('database_outdated');
    expect(await result.getAttribute('class')).toContain('is-warning');
    await assertNoHorizontalOverflow(page);
    await panel(page, 'Test connection').scrollIntoViewIfNeeded();
    await screenshot(page, 'settings-geolocation-check-ok');

    await page.reload();
    await page.locator('.check-result').waitFor();
    expect(await page.locator('.check-result .last-run').textContent()).toMatch(/^Checked just now by owner@example\.com\.$/);
  });

  it('a broken database file: the panel and the check say it is unreadable, and the fix link focuses the path', async () => {
    const { page } = await openGeolocationSettings(viewport, { databasePath: BROKEN });
    const database = panel(page, 'Database');
    await database.getByRole('alert').waitFor();
    expect(await database.getByRole('alert').textContent()).toContain('The file is not a readable MaxMind database');

    await runCheck(page);
    const result = page.locator('.check-result');
    expect(await result.locator('.check-result-outcome .cause-code').textContent()).toBe('database_unreadable');
    expect(await result.getAttribute('class')).toContain('is-error');
    await assertNoHorizontalOverflow(page);
    await result.scrollIntoViewIfNeeded();
    await screenshot(page, 'settings-geolocation-check-broken');
    await result.getByRole('link', { name: 'Go to Database file' }).click();
    await page.waitForFunction(() => document.activeElement?.id === 'geolocation-databasePath');
  });

  it('"Download now" fetches the chosen edition into the data directory, then says when it is already current', async () => {
    // Automatic updates stay off, so only the button downloads; the account is what makes it possible.
    const { page, dataDir } = await openGeolocationSettings(viewport, { edition: 'GeoLite2-City', precision: 'city', ...ACCOUNT });
    const database = panel(page, 'Database');
    await database.getByRole('alert').waitFor();
    expect(await database.getByRole('alert').textContent()).toContain('There is no MaxMind database file at the configured path.');
    expect(await detailIn(database, 'File').textContent()).toBe(`${path.join(dataDir, 'geo', 'GeoLite2-City.mmdb')} (automatic download location)`);

    await database.getByRole('button', { name: 'Download now' }).click();
    const updated = database.getByRole('status').filter({ hasText: 'Database updated:' });
    await updated.waitFor();
    expect(await updated.textContent()).toMatch(/^Database updated: GeoLite2-City, built [A-Z][a-z]{2} \d{1,2}, \d{4}\./);
    await detailIn(database, 'Type').waitFor();
    expect(await detailIn(database, 'Type').textContent()).toBe('GeoLite2-City');
    expect(await detailIn(database, 'Last update').textContent()).toMatch(/^Updated just now \(.+\): GeoLite2-City, built /);
    expect(await database.getByRole('alert').count()).toBe(0);
    await assertNoHorizontalOverflow(page);
    await database.scrollIntoViewIfNeeded();
    await screenshot(page, 'settings-geolocation-downloaded');

    await database.getByRole('button', { name: 'Dismiss this notice.' }).click();
    await database.getByRole('button', { name: 'Download now' }).click();
    await database.getByText('The database was already current:').waitFor();
    expect(maxmind.state.requestsTo('/geoip/databases/GeoLite2-City/download').length).toBeGreaterThanOrEqual(2);
  });

  it('test lookup: pre-filled with the caller’s address; 81.2.69.142 is London and goes to amazon.co.uk; an invalid address is refused inline', async () => {
    const { page } = await openGeolocationSettings(viewport, { databasePath: CITY, precision: 'city' });
    const ip = page.getByLabel('IP address');
    await expect.poll(() => ip.inputValue()).toBe('127.0.0.1');
    expect(await page.locator('#geolocation-test-ip-description').textContent()).toBe('Your address, as the engine sees it.');

    await ip.fill('81.2.69.142');
    await page.getByRole('button', { name: 'Look up' }).click();
    const lookup = page.locator('.lookup-result');
    await lookup.waitFor();
    expect(await detailIn(lookup, 'Country').textContent()).toBe('United Kingdom (GB)');
    expect(await detailIn(lookup, 'City').textContent()).toBe('London');
    expect(await lookup.locator('.lookup-store strong').textContent()).toBe('Visitors from here go to amazon.co.uk');
    expect(await lookup.locator('.lookup-reason').textContent()).toBe('GB has its own store, www.amazon.co.uk.');
    await assertNoHorizontalOverflow(page);
    await panel(page, 'Test lookup').scrollIntoViewIfNeeded();
    await screenshot(page, 'settings-geolocation-lookup');

    await ip.fill('81.2.69.999');
    await page.getByRole('button', { name: 'Look up' }).click();
    const error = page.locator('#geolocation-test-ip-error');
    await error.waitFor();
    expect(await error.textContent()).toContain('Enter an IPv4 address like 81.2.69.142');
    expect(await ip.getAttribute('aria-invalid')).toBe('true');
    expect(await ip.getAttribute('aria-describedby')).toContain('geolocation-test-ip-error');
    expect(await lookup.count()).toBe(0);
  });

  it('country map: a changed and an added row are saved as a list and shown after a reload; Restore defaults brings the shipped map back', async () => {
    const { page, engine } = await openGeolocationSettings(viewport, { databasePath: CITY });
    const ireland = DEFAULT_VISITOR_MARKETPLACES.findIndex((row) => row.country === 'IE');
    await page.locator(`#geolocation-visitorMarketplaces-${ireland}-marketplace`).selectOption('uk');
    expect(await mapRows(page).nth(ireland).locator('.badge').textContent()).toBe('changed: the default is amazon.ie');

    await page.getByRole('button', { name: 'Add country' }).click();
    const added = `#geolocation-visitorMarketplaces-${ROWS}`;
    await page.waitForFunction((id) => document.activeElement?.id === id, `geolocation-visitorMarketplaces-${ROWS}-country`);
    await page.locator(`${added}-country`).selectOption('KE');
    await page.locator(`${added}-marketplace`).selectOption('uk');
    expect(await mapRows(page).nth(ROWS).locator('.badge').textContent()).toBe('changed: not in the defaults');
    await assertNoHorizontalOverflow(page);
    await page.locator(`${added}-country`).scrollIntoViewIfNeeded();
    await screenshot(page, 'settings-geolocation-map-edited');

    const saved = page.waitForRequest((r) => r.method() === 'PUT' && r.url().endsWith('/api/settings/geolocation'));
    await page.getByRole('button', { name: 'Save Changes' }).click();
    const body = (await saved).postDataJSON() as { values: { visitorMarketplaces: Array<{ country: string; marketplace: string }> } };
    expect(body.values.visitorMarketplaces).toHaveLength(ROWS + 1);
    expect(body.values.visitorMarketplaces[ireland]).toEqual({ country: 'IE', marketplace: 'uk' });
    expect(body.values.visitorMarketplaces[ROWS]).toEqual({ country: 'KE', marketplace: 'uk' });
    await page.getByRole('status').filter({ hasText: 'Settings saved.' }).waitFor();
    const stored = await engine.ctx.stores.settings.read('geolocation');
    expect(stored.find((row) => row.key === 'visitorMarketplaces')?.value).toContainEqual({ country: 'KE', marketplace: 'uk' });

    await page.reload();
    await page.locator(`${added}-country`).waitFor();
    expect(await page.locator(`${added}-country`).inputValue()).toBe('KE');
    expect(await page.locator(`${added}-marketplace`).inputValue()).toBe('uk');
    expect(await page.locator(`#geolocation-visitorMarketplaces-${ireland}-marketplace`).inputValue()).toBe('uk');
    expect(await page.locator('.country-map-actions .description').textContent()).toBe(`${ROWS + 1} countries listed, 2 changed from the defaults.`);

    await page.getByRole('button', { name: 'Restore defaults' }).click();
    expect(await mapRows(page).count()).toBe(ROWS);
    expect(await page.locator('.country-map-table .badge-changed').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Restore defaults' }).isDisabled()).toBe(true);
  });

  it('country map: a country listed twice is refused by the engine, and the banner’s link focuses that row', async () => {
    const { page } = await openGeolocationSettings(viewport, { databasePath: CITY });
    const first = DEFAULT_VISITOR_MARKETPLACES.findIndex((row) => row.country === 'IE');
    await page.getByRole('button', { name: 'Add country' }).click();
    const country = page.locator(`#geolocation-visitorMarketplaces-${ROWS}-country`);
    await country.selectOption('IE');
    // The page warns at once; the engine's refusal on save is what counts.
    expect(await page.locator(`#geolocation-visitorMarketplaces-${ROWS}-country-warning`).textContent()).toContain(`Also listed in row ${first + 1}: keep one row per country.`);
    const answered = page.waitForResponse((r) => r.request().method() === 'PUT');
    await page.getByRole('button', { name: 'Save Changes' }).click();
    expect((await answered).status()).toBe(400);

    const banner = page.getByRole('alert').filter({ hasText: 'listed twice' });
    await banner.waitFor();
    const link = banner.getByRole('link', { name: new RegExp(`^Visitor country → Amazon store, row ${ROWS + 1} \\(Ireland\\): Visitor country: IE is listed twice \\(also row ${first + 1}\\)`) });
    expect(await link.getAttribute('href')).toBe(`#/settings/geolocation?focus=visitorMarketplaces.${ROWS}.country`);
    expect(await page.locator(`#geolocation-visitorMarketplaces-${ROWS}-country-error`).textContent()).toContain('IE is listed twice');
    expect(await country.getAttribute('aria-invalid')).toBe('true');
    await assertNoHorizontalOverflow(page);
    await screenshot(page, 'settings-geolocation-map-duplicate');

    await page.locator('#geolocation-precision').focus();
    await link.click();
    await page.waitForFunction((id) => document.activeElement?.id === id, `geolocation-visitorMarketplaces-${ROWS}-country`);
    // Removing the duplicate clears its complaint; the rest of the map is as it was.
    await mapRows(page).nth(ROWS).getByRole('button', { name: /^Remove/ }).click();
    expect(await mapRows(page).count()).toBe(ROWS);
    expect(await page.locator('.country-map .field-error').count()).toBe(0);
    await page.getByRole('button', { name: 'Save Changes' }).click();
    await page.getByRole('status').filter({ hasText: 'Settings saved.' }).waitFor();
  });
});

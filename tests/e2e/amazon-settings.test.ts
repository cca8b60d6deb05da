import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveSection } from '../../src/domain/settings/save-section.js';
import { assertNoHorizontalOverflow, launchBrowser, logInByApi, openPage, screenshot, VIEWPORT_CASES } from '../helpers/browser.js';
import { seedAdmin, startTestServer } from '../helpers/start-test-engine.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function openAmazonSettings(page: Page, adminUrl: string, query = ''): Promise<void> {
  await page.goto(`${adminUrl}#/settings/amazon${query}`);
  await page.locator('#amazon-defaultPartnerTag').waitFor();
}

const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');

describe.each(VIEWPORT_CASES)('Settings → Amazon (%s)', (viewport) => {
  it('adds a marketplace row that is editable at once, saves it, and still shows it after a reload', async () => {
    const { engine, server } = await startTestServer();
    await seedAdmin(engine);
    const page = await openPage(browser, viewport);
    await logInByApi(page, server.url);
    await openAmazonSettings(page, server.adminUrl);
    await assertNoHorizontalOverflow(page);
    await screenshot(page, 'settings-amazon-empty');

    await page.getByRole('radio', { name: 'Creators' }).check();
    await page.getByLabel('Creators Credential ID').fill('amzn1.application-oa2-client.eu0001');
    // The ID's form (Login with Amazon) and the Default Country's region (Germany: Europe) give 3.2.
    await page.getByLabel('Default Country').selectOption('de');
    await page.getByLabel('Creators Credential ID').fill('amzn1.application-oa2-client.eu0002');
    expect(await page.getByLabel('Credential Version').inputValue()).toBe('3.2');
    await page.getByLabel('Default Partner Tag').fill('mytag-21');

    await page.getByRole('button', { name: 'Add marketplace' }).click();
    await page.waitForFunction(() => document.activeElement?.id === 'amazon-marketplaces-0-country');
    const country = page.locator('#amazon-marketplaces-0-country');
    await country.selectOption('uk');
    expect(await page.locator('#amazon-marketplaces-0-partnerTag').getAttribute('placeholder')).toBe('mytag-21 (default)');
    await page.locator('#amazon-marketplaces-0-partnerTag').fill('mytag-uk-21');

    await page.getByRole('button', { name: 'Add marketplace' }).click();
    await page.waitForFunction(() => document.activeElement?.id === 'amazon-marketplaces-1-country');
    await page.locator('#amazon-marketplaces-1-country').selectOption('us');
    await page.locator('#amazon-marketplaces-1-partnerTag').fill('mytag-20');
    await page.locator('#amazon-marketplaces-1-enabled').uncheck();
    // The UK is listed in row 1: the option for it in row 2 says so.
    expect(await page.locator('#amazon-marketplaces-1-country option[value="uk"]').textContent()).toContain('already in row 1');
    await assertNoHorizontalOverflow(page);
    await screenshot(page, 'settings-amazon-rows');

    const response = page.waitForResponse((r) => r.request().method() === 'PUT');
    await page.getByRole('button', { name: 'Save Changes' }).click();
    expect((await response).status()).toBe(200);
    await page.getByRole('status').filter({ hasText: 'Settings saved.' }).waitFor();

    await page.reload();
    await page.locator('#amazon-marketplaces-1-country').waitFor();
    expect(await page.getByRole('radio', { name: 'Creators' }).isChecked()).toBe(true);
    expect(await page.getByLabel('Creators Credential ID').inputValue()).toBe('amzn1.application-oa2-client.eu0002');
    expect(await page.getByLabel('Credential Version').inputValue()).toBe('3.2');
    expect(await page.getByLabel('Default Country').inputValue()).toBe('de');
    expect(await page.getByLabel('Default Partner Tag').inputValue()).toBe('mytag-21');
    expect(await page.locator('#amazon-marketplaces-0-country').inputValue()).toBe('uk');
    expect(await page.locator('#amazon-marketplaces-0-partnerTag').inputValue()).toBe('mytag-uk-21');
    expect(await page.locator('#amazon-marketplaces-1-country').inputValue()).toBe('us');
    expect(await page.locator('#amazon-marketplaces-1-enabled').isChecked()).toBe(false);
    expect(await page.getByText('Settings saved.').count()).toBe(0);
  });

  it('shows duplicate countries, missing tags and malformed tags inline, and warns about unusual suffixes without blocking', async () => {
    const { engine, server } = await startTestServer();
    await seedAdmin(engine);
    const page = await openPage(browser, viewport);
    await logInByApi(page, server.url);
    await openAmazonSettings(page, server.adminUrl);
    const saves: unknown[] = [];
    page.on('request', (r) => r.method() === 'PUT' && saves.push(r.postDataJSON()));

    for (let i = 0; i < 3; i++) await page.getByRole('button', { name: 'Add marketplace' }).click();
    await page.locator('#amazon-marketplaces-0-country').selectOption('de');
    await page.locator('#amazon-marketplaces-1-country').selectOption('de');
    await page.locator('#amazon-marketplaces-2-country').selectOption('fr');
    await page.locator('#amazon-marketplaces-0-partnerTag').fill('my tag');
    await page.locator('#amazon-marketplaces-0-partnerTag').blur();
    await page.getByRole('button', { name: 'Save Changes' }).click();

    const banner = page.getByRole('alert');
    await banner.waitFor();
    expect(await banner.textContent()).toContain('Amazon settings were not saved');
    expect(await page.locator('#amazon-marketplaces-1-country-error').textContent()).toContain('already listed in row 1');
    expect(await page.locator('#amazon-marketplaces-0-partnerTag-error').textContent()).toContain('no spaces');
    expect(await page.locator('#amazon-marketplaces-2-partnerTag-error').textContent()).toContain('Default Partner Tag');
    expect(saves).toHaveLength(0);
    await assertNoHorizontalOverflow(page);
    await screenshot(page, 'settings-amazon-inline-errors');

    await banner.getByRole('link', { name: /Marketplace row 3 \(France\): Partner tag/ }).click();
    await page.waitForFunction(() => document.activeElement?.id === 'amazon-marketplaces-2-partnerTag');

    // Fixed: a UK row instead of the duplicate, tags everywhere, one with an unusual suffix.
    await page.locator('#amazon-marketplaces-1-country').selectOption('uk');
    await page.locator('#amazon-marketplaces-0-partnerTag').fill('mytag-21');
    await page.locator('#amazon-marketplaces-1-partnerTag').fill('mytag-21');
    await page.locator('#amazon-marketplaces-2-partnerTag').fill('mytag-20');
    await page.locator('#amazon-marketplaces-2-partnerTag').blur();
    const warning = page.locator('#amazon-marketplaces-2-partnerTag-warning');
    await warning.waitFor();
    expect(await warning.textContent()).toContain('France usually end in -21');
    const response = page.waitForResponse((r) => r.request().method() === 'PUT');
    await page.getByRole('button', { name: 'Save Changes' }).click();
    expect((await response).status()).toBe(200);
    await page.getByRole('status').filter({ hasText: 'Settings saved.' }).waitFor();
    expect(saves).toHaveLength(1);
  });

  it('focuses the field named by ?focus=, including a marketplace row’s field', async () => {
    const { engine, server } = await startTestServer();
    await seedAdmin(engine);
    await saveSection(engine.ctx, { sectionId: 'amazon', values: { marketplaces: [{ country: 'de', partnerTag: 'mytag-21', enabled: true }, { country: 'fr', partnerTag: 'mytag-21', enabled: true }] }, actor: 'test', ip: null });
    const page = await openPage(browser, viewport);
    await logInByApi(page, server.url);
    await openAmazonSettings(page, server.adminUrl, '?focus=defaultPartnerTag');
    await page.waitForFunction(() => document.activeElement?.id === 'amazon-defaultPartnerTag');
    await openAmazonSettings(page, server.adminUrl, '?focus=marketplaces.1.partnerTag');
    await page.waitForFunction(() => document.activeElement?.id === 'amazon-marketplaces-1-partnerTag');
    expect(await focusedId(page)).toBe('amazon-marketplaces-1-partnerTag');
  });

  it('shows configuration-defined values locked with their variable, and saves the rest without them', async () => {
    const { engine, server } = await startTestServer({ env: { PASSIVEWP_AMAZON_DEFAULT_PARTNER_TAG: 'cfgtag-21', PASSIVEWP_AMAZON_API_MODE: 'creators' } });
    await seedAdmin(engine);
    const page = await openPage(browser, viewport);
    await logInByApi(page, server.url);
    await openAmazonSettings(page, server.adminUrl);

    const tag = page.getByLabel('Default Partner Tag');
    expect(await tag.inputValue()).toBe('cfgtag-21');
    expect(await tag.getAttribute('readonly')).not.toBeNull();
    expect(await page.locator('#amazon-defaultPartnerTag-locked').textContent()).toBe(
      'Locked Set by PASSIVEWP_AMAZON_DEFAULT_PARTNER_TAG in the configuration — change it there, not here.',
    );
    expect(await tag.getAttribute('aria-describedby')).toContain('amazon-defaultPartnerTag-locked');
    expect(await page.getByRole('radio', { name: 'Creators' }).isChecked()).toBe(true);
    expect(await page.getByRole('radio', { name: 'Auto' }).isDisabled()).toBe(true);
    expect(await page.locator('#amazon-mode-locked code').textContent()).toBe('PASSIVEWP_AMAZON_API_MODE');

    // The configured default applies to a row without a tag of its own, so the row may stay empty.
    await page.getByRole('button', { name: 'Add marketplace' }).click();
    await page.locator('#amazon-marketplaces-0-country').selectOption('de');
    expect(await page.locator('#amazon-marketplaces-0-partnerTag').getAttribute('placeholder')).toBe('cfgtag-21 (default)');
    await assertNoHorizontalOverflow(page);
    await screenshot(page, 'settings-amazon-locked');

    const request = page.waitForRequest((r) => r.method() === 'PUT');
    const response = page.waitForResponse((r) => r.request().method() === 'PUT');
    await page.getByRole('button', { name: 'Save Changes' }).click();
    const sent = (await request).postDataJSON() as { values: Record<string, unknown> };
    expect((await response).status()).toBe(200);
    await page.getByRole('status').filter({ hasText: 'Settings saved.' }).waitFor();
    expect(Object.keys(sent.values)).toEqual(['marketplaces']);
    expect(sent.values.marketplaces).toEqual([{ country: 'de', partnerTag: '', enabled: true }]);
    expect(await tag.inputValue()).toBe('cfgtag-21');
  });

  it('keeps a marketplace row’s own credentials, its secret write-only, across a reload', async () => {
    const { engine, server } = await startTestServer();
    await seedAdmin(engine);
    const page = await openPage(browser, viewport);
    await logInByApi(page, server.url);
    await openAmazonSettings(page, server.adminUrl);

    await page.getByLabel('Default Partner Tag').fill('mytag-20');
    await page.getByRole('button', { name: 'Add marketplace' }).click();
    await page.locator('#amazon-marketplaces-0-country').selectOption('jp');
    await page.locator('#amazon-marketplaces-0-partnerTag').fill('mytag-22');
    await page.getByRole('button', { name: /Use other credentials for this marketplace/ }).click();
    await page.locator('#amazon-marketplaces-0-credentials-creatorsCredentialId').fill('amzn1.application-oa2-client.jp0001');
    // A Login with Amazon ID, on a Japanese row: the Far East version of the 3.x family.
    expect(await page.locator('#amazon-marketplaces-0-credentials-creatorsCredentialVersion').inputValue()).toBe('3.3');
    await page.locator('#amazon-marketplaces-0-credentials-creatorsCredentialSecret').fill('jp-secret-value-9876');
    await assertNoHorizontalOverflow(page);
    await screenshot(page, 'settings-amazon-row-credentials');

    const request = page.waitForRequest((r) => r.method() === 'PUT');
    await page.getByRole('button', { name: 'Save Changes' }).click();
    const sent = (await request).postDataJSON() as { values: { marketplaces: unknown } };
    expect(sent.values.marketplaces).toEqual([
      {
        country: 'jp',
        partnerTag: 'mytag-22',
        enabled: true,
        credentials: { creatorsCredentialId: 'amzn1.application-oa2-client.jp0001', creatorsCredentialVersion: '3.3', paapiAccessKey: '', creatorsCredentialSecret: 'jp-secret-value-9876' },
      },
    ]);
    await page.getByRole('status').filter({ hasText: 'Settings saved.' }).waitFor();

    await page.reload();
    await page.locator('#amazon-marketplaces-0-country').waitFor();
    expect(await page.locator('.row-credentials .badge').textContent()).toBe('Own credentials');
    await page.getByRole('button', { name: /Use other credentials for this marketplace/ }).click();
    expect(await page.locator('#amazon-marketplaces-0-credentials-creatorsCredentialSecret-status').textContent()).toBe('Set — ends in ••••9876');
    expect(await page.content()).not.toContain('jp-secret-value-9876');

    // Saving again without touching the secret keeps it.
    await page.locator('#amazon-marketplaces-0-partnerTag').fill('othertag-22');
    const second = page.waitForRequest((r) => r.method() === 'PUT');
    await page.getByRole('button', { name: 'Save Changes' }).click();
    const resent = (await second).postDataJSON() as { values: { marketplaces: Array<{ credentials: Record<string, unknown> }> } };
    expect(resent.values.marketplaces[0]?.credentials).not.toHaveProperty('creatorsCredentialSecret');
    await page.getByRole('status').filter({ hasText: 'Settings saved.' }).waitFor();
    expect(await page.locator('#amazon-marketplaces-0-credentials-creatorsCredentialSecret-status').textContent()).toBe('Set — ends in ••••9876');
  });

  it('lists the engine’s refusal in a banner whose links focus each field', async () => {
    const { engine, server } = await startTestServer();
    await seedAdmin(engine);
    const page = await openPage(browser, viewport);
    await logInByApi(page, server.url);
    await openAmazonSettings(page, server.adminUrl);

    // A row credential ID without its secret: a rule the page also knows; the engine's answer is forced here.
    await page.route('**/api/settings/amazon', async (route) => {
      if (route.request().method() !== 'PUT') return route.continue();
      await route.fulfill({
        status: 400,
        contentType: 'application/json',
        body: JSON.stringify({
          code: 'validation_failed',
          message: 'Amazon settings were not saved: 1 problem to fix.',
          fields: [{ field: 'marketplaces.0.credentials.creatorsCredentialSecret', message: 'Enter the secret of the credential used for Germany.' }],
        }),
      });
    });
    await page.getByLabel('Default Partner Tag').fill('mytag-21');
    await page.getByRole('button', { name: 'Add marketplace' }).click();
    await page.locator('#amazon-marketplaces-0-country').selectOption('de');
    await page.getByRole('button', { name: 'Save Changes' }).click();
    const banner = page.getByRole('alert');
    await banner.waitFor();
    expect(await page.getByText('Settings saved.').count()).toBe(0);
    await screenshot(page, 'settings-amazon-server-refused');
    // The field sits in the row's folded credentials: the link unfolds them, then focuses it.
    await banner.getByRole('link', { name: 'Marketplace row 1 (Germany): Creators Credential Secret: Enter the secret of the credential used for Germany.' }).click();
    await page.waitForFunction(() => document.activeElement?.id === 'amazon-marketplaces-0-credentials-creatorsCredentialSecret');
    expect(await page.locator('#amazon-marketplaces-0-credentials-creatorsCredentialSecret-error').textContent()).toBe('Enter the secret of the credential used for Germany.');
  });
});

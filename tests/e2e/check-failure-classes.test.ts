import { symlinkSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveSection } from '../../src/domain/settings/save-section.js';
import type { Engine } from '../../src/main.js';
import { startFakeMaxMind, type FakeMaxMind } from '../fakes/maxmind/start-fake-maxmind.js';
import { writeRetypedDatabase } from '../fakes/maxmind/write-retyped-database.js';
import { startFakeOpenAi, type FakeOpenAi } from '../fakes/openai/start-fake-openai.js';
import { assertNoHorizontalOverflow, launchBrowser, logInByApi, openPage, screenshot, VIEWPORT_CASES, type ViewportName } from '../helpers/browser.js';
import { closedPort } from '../helpers/closed-port.js';
import { placeGeoDatabase } from '../helpers/place-geo-database.js';
import { seedAdmin, startTestServer } from '../helpers/start-test-engine.js';

/**
 * Every failure class the OpenAI and Geolocation checks can show within seconds, as the admin sees
 * it: status, cause code, and a fix link that puts the cursor in the field to change. (Timeouts
 * take the full 10–15 s per request; they are covered against the fakes in tests/integrations/.)
 */
const GOOD = 'sk-proj-e2e-classes-good-000000000000000001';
const keys = {
  [GOOD]: {},
  'sk-proj-e2e-classes-broke-00000000000000002': { quota: 'exhausted' as const },
  'sk-proj-e2e-classes-limited-000000000000003': { rateLimited: true },
  'sk-proj-e2e-classes-narrow-0000000000000004': { models: ['gpt-4o-mini'] },
  'sk-proj-e2e-classes-region-0000000000000005': { regionBlocked: true },
};
const [, BROKE, LIMITED, NARROW, REGION] = Object.keys(keys);
const ACCOUNTS = [
  { accountId: '100001', licenseKey: 'classes_good_key_0001_mmk' },
  { accountId: '100002', licenseKey: 'classes_broke_key_0002_mmk', webService: 'insufficient_funds' as const },
  { accountId: '100003', licenseKey: 'classes_denied_key_003_mmk', webService: 'permission_required' as const },
];

interface FailureCase {
  name: string;
  values: Record<string, unknown>;
  /** The outcome's pill; warnings next to a working connection follow it as further findings. */
  status: 'OK' | 'Error' | 'Warning';
  cause: string;
  /** The field id the fix link focuses, or null when the fix is outside PassiveWP. */
  focuses: string | null;
  before?: () => void;
}

let browser: Browser;
let openai: FakeOpenAi;
let maxmind: FakeMaxMind;
/** The geo folder of the engine on screen (see openScreen). */
let geoFolder: string;
let openAiCases: FailureCase[];
let geoCases: FailureCase[];

beforeAll(async () => {
  browser = await launchBrowser();
  openai = await startFakeOpenAi({ keys });
  maxmind = await startFakeMaxMind({ accounts: ACCOUNTS });
  const openAiBase = { apiKey: null, organization: '', model: 'gpt-5-mini', baseUrl: openai.baseUrl };
  openAiCases = [
    { name: 'key-missing', values: openAiBase, status: 'Error', cause: 'key_missing', focuses: 'openai-apiKey' },
    { name: 'key-invalid', values: { ...openAiBase, apiKey: 'sk-proj-e2e-classes-unknown-00000000000009' }, status: 'Error', cause: 'key_invalid', focuses: 'openai-apiKey' },
    { name: 'organization', values: { ...openAiBase, apiKey: GOOD, organization: 'org-not-mine' }, status: 'Error', cause: 'organization_mismatch', focuses: 'openai-organization' },
    { name: 'model', values: { ...openAiBase, apiKey: NARROW, model: 'gpt-5' }, status: 'Error', cause: 'model_unavailable', focuses: 'openai-model' },
    { name: 'quota', values: { ...openAiBase, apiKey: BROKE }, status: 'Error', cause: 'quota_exhausted', focuses: null },
    { name: 'region', values: { ...openAiBase, apiKey: REGION }, status: 'Error', cause: 'region_unsupported', focuses: 'openai-baseUrl' },
    { name: 'rate-limited', values: { ...openAiBase, apiKey: LIMITED }, status: 'Warning', cause: 'rate_limited', focuses: null },
    { name: 'outage', values: { ...openAiBase, apiKey: GOOD }, status: 'Error', cause: 'service_unavailable', focuses: null, before: () => (openai.state.outage = { status: 503 }) },
    { name: 'base-url', values: { ...openAiBase, apiKey: GOOD, baseUrl: openai.origin }, status: 'Error', cause: 'base_url_wrong', focuses: 'openai-baseUrl' },
    { name: 'unreachable', values: { ...openAiBase, apiKey: GOOD, baseUrl: `http://127.0.0.1:${await closedPort()}/v1` }, status: 'Error', cause: 'network_error', focuses: 'openai-baseUrl' },
  ];
  const geoBase = { source: 'database', precision: 'country', databasePath: 'GeoLite2-City-Test.mmdb', accountId: '', licenseKey: null };
  const service = (account: (typeof ACCOUNTS)[number]) => ({ ...geoBase, source: 'web_service', accountId: account.accountId, licenseKey: account.licenseKey });
  geoCases = [
    { name: 'missing', values: { ...geoBase, databasePath: 'nonexistent/GeoLite2-City.mmdb' }, status: 'Error', cause: 'database_missing', focuses: 'geolocation-databasePath' },
    // Saved while nothing was there; the link out of the geo folder came later, on disk.
    { name: 'outside', values: { ...geoBase, databasePath: 'linked.mmdb' }, status: 'Error', cause: 'database_path_invalid', focuses: 'geolocation-databasePath', before: () => symlinkSync('/etc/passwd', path.join(geoFolder, 'linked.mmdb')) },
    { name: 'broken-tree', values: { ...geoBase, databasePath: 'GeoIP2-City-Test-Invalid-Node-Count.mmdb' }, status: 'Error', cause: 'database_unreadable', focuses: 'geolocation-databasePath' },
    { name: 'wrong-type', values: { ...geoBase, databasePath: 'GeoLite2-ASN-xyz.mmdb' }, status: 'Error', cause: 'database_wrong_type', focuses: 'geolocation-databasePath' },
    { name: 'precision', values: { ...geoBase, precision: 'city', databasePath: 'GeoLite2-Country-Test.mmdb' }, status: 'OK', cause: 'precision_mismatch', focuses: 'geolocation-precision' },
    { name: 'license-key', values: service({ ...ACCOUNTS[0]!, licenseKey: 'classes_wrong_key_009_mmk' }), status: 'Error', cause: 'credentials_invalid', focuses: 'geolocation-licenseKey' },
    { name: 'funds', values: service(ACCOUNTS[1]!), status: 'Error', cause: 'insufficient_funds', focuses: 'geolocation-source' },
    { name: 'permission', values: service(ACCOUNTS[2]!), status: 'Error', cause: 'permission_required', focuses: 'geolocation-precision' },
    { name: 'outage', values: service(ACCOUNTS[0]!), status: 'Error', cause: 'service_unavailable', focuses: null, before: () => (maxmind.state.outage = 503) },
  ];
});
afterAll(async () => {
  await browser?.close();
  await openai?.close();
  await maxmind?.close();
});

async function openScreen(viewport: ViewportName, section: 'openai' | 'geolocation'): Promise<{ page: Page; engine: Engine; url: string }> {
  const { engine, server, dataDir } = await startTestServer({ env: { PASSIVEWP_DAILY_CHECKS: 'false', PASSIVEWP_MAXMIND_DOWNLOAD_URL: maxmind.downloadUrl, PASSIVEWP_MAXMIND_WEB_SERVICE_HOST: maxmind.webServiceHost } });
  await seedAdmin(engine);
  // The test databases, and one of another type (ASN), in the engine's geo folder.
  for (const fixture of ['GeoLite2-City-Test.mmdb', 'GeoLite2-Country-Test.mmdb', 'GeoIP2-City-Test-Invalid-Node-Count.mmdb']) placeGeoDatabase(dataDir, fixture);
  geoFolder = path.join(dataDir, 'geo');
  writeRetypedDatabase(path.join(geoFolder, 'GeoLite2-Country-Test.mmdb'), 'GeoLite2-ASN-xyz', path.join(geoFolder, 'GeoLite2-ASN-xyz.mmdb'));
  const page = await openPage(browser, viewport);
  await logInByApi(page, server.url);
  return { page, engine, url: `${server.adminUrl}#/settings/${section}` };
}

/** Saves the case's settings, opens the screen afresh, runs the check, and follows the fix link. */
async function showCase(page: Page, engine: Engine, url: string, section: 'openai' | 'geolocation', button: string, failure: FailureCase) {
  openai.state.reset();
  maxmind.state.reset();
  await saveSection(engine.ctx, { sectionId: section, values: failure.values, actor: 'test', ip: null });
  failure.before?.();
  await page.goto('about:blank');
  await page.goto(url);
  const answered = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith(`/api/checks/${section}`));
  await page.getByRole('button', { name: button }).click();
  expect((await answered).status(), failure.name).toBe(200);
  const result = page.locator('.check-result');
  // The screen opened with the previous case's stored result; the new one replaces it a render after the answer.
  await expect.poll(() => result.locator('.cause-code').allTextContents(), { message: failure.name, timeout: 10_000 }).toContain(failure.cause);
  expect(await result.locator('.check-result-outcome .status-pill').textContent(), failure.name).toContain(failure.status);
  await assertNoHorizontalOverflow(page);
  await result.scrollIntoViewIfNeeded();
  await screenshot(page, `check-${section}-${failure.name}`);
  const link = result.locator('.check-fix a').first();
  if (failure.focuses === null) {
    if (failure.status === 'Error') expect(await link.count(), failure.name).toBe(0);
    return;
  }
  await link.click();
  await page.waitForFunction((id) => document.activeElement?.id === id, failure.focuses);
}

/** Each test walks through a whole list of cases; a busy CI machine needs more than the usual 30 s for it. */
const WHOLE_LIST_MS = 150_000;

describe.each(VIEWPORT_CASES)('every check failure class (%s)', (viewport) => {
  it('OpenAI: each cause is named, explained and linked to the field to change', async () => {
    const { page, engine, url } = await openScreen(viewport, 'openai');
    for (const failure of openAiCases) await showCase(page, engine, url, 'openai', 'Check OpenAI Connection', failure);
  }, WHOLE_LIST_MS);

  it('Geolocation: each cause is named, explained and linked to the field to change', async () => {
    const { page, engine, url } = await openScreen(viewport, 'geolocation');
    for (const failure of geoCases) await showCase(page, engine, url, 'geolocation', 'Check Geolocation', failure);
  }, WHOLE_LIST_MS);
});

import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { onTestFinished } from 'vitest';
import { TEST_ADMIN } from './start-test-engine.js';

/** The two sizes every browser test runs at (docs/DESIGN.md §6). */
export const VIEWPORTS = {
  desktop: { width: 1280, height: 800 },
  mobile: { width: 390, height: 844 },
} as const;

export type ViewportName = keyof typeof VIEWPORTS;

/** For `describe.each(VIEWPORT_CASES)`: every browser test runs at both sizes. */
export const VIEWPORT_CASES = Object.keys(VIEWPORTS) as ViewportName[];

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const BUILT_ADMIN_APP = path.join(REPO_ROOT, 'dist/web/index.html');
const ARTIFACTS = path.join(REPO_ROOT, 'test-artifacts/e2e');
/** Debian's `chromium` package; Playwright drives it instead of a downloaded browser. */
const CHROMIUM = '/usr/bin/chromium';

/** One Chromium per test file; each test opens its own context with `openPage`. */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(BUILT_ADMIN_APP)) {
    throw new Error(`The admin app is not built (${BUILT_ADMIN_APP} is missing). Run \`npm run build:web\` before the browser tests.`);
  }
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium is not installed at ${CHROMIUM}. Install Debian's package: apt-get install chromium`);
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic'],
  });
}

const viewportOfPage = new WeakMap<Page, ViewportName>();

/**
 * A fresh context (own cookies) at the given viewport, closed when the test ends. The test also
 * fails if the page threw or logged an error, such as a Content-Security-Policy refusal.
 */
export async function openPage(browser: Browser, viewport: ViewportName): Promise<Page> {
  const context = await browser.newContext({
    viewport: VIEWPORTS[viewport],
    deviceScaleFactor: 1,
    isMobile: viewport === 'mobile',
    hasTouch: viewport === 'mobile',
    locale: 'en-US',
  });
  const page = await context.newPage();
  // Fail a step well before the test's own 30 s limit, with Playwright's explanation of what it waited for.
  page.setDefaultTimeout(8000);
  viewportOfPage.set(page, viewport);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
  page.on('console', (message) => {
    // Answers such as 401 from the session check are expected; Chromium logs each as a failed resource.
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) errors.push(`console: ${message.text()}`);
  });
  onTestFinished(async () => {
    await context.close();
    if (errors.length) throw new Error(`The page reported errors:\n${errors.join('\n')}`);
  });
  return page;
}

/** Saves a full-page PNG to test-artifacts/e2e/<name>-<viewport>.png. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const viewport = viewportOfPage.get(page) ?? `${page.viewportSize()?.width ?? 0}px`;
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}-${viewport}.png`), fullPage: true });
}

/** How far the page scrolls sideways (0 when nothing overflows), and which elements stick out. */
export async function measureHorizontalOverflow(page: Page): Promise<{ overflow: number; culprits: string[] }> {
  return page.evaluate(() => {
    const scroller = document.scrollingElement ?? document.documentElement;
    const width = window.innerWidth;
    const culprits = [...document.querySelectorAll<HTMLElement>('body *')]
      .filter((element) => element.getBoundingClientRect().right > width + 0.5)
      .slice(0, 5)
      .map((element) => `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}.${[...element.classList].join('.')}`);
    return { overflow: Math.max(0, scroller.scrollWidth - width), culprits };
  });
}

/** Fails with the offending elements when the page is wider than the viewport. */
export async function assertNoHorizontalOverflow(page: Page): Promise<void> {
  const { overflow, culprits } = await measureHorizontalOverflow(page);
  if (overflow > 0) throw new Error(`The page overflows the viewport by ${overflow}px; wider elements: ${culprits.join(', ')}`);
}

/** Logs the page's context in through the API (shared cookie jar), for tests about what comes after login. */
export async function logInByApi(page: Page, apiBaseUrl: string, admin = TEST_ADMIN): Promise<void> {
  const response = await page.request.post(`${apiBaseUrl}/api/auth/login`, { data: admin });
  if (response.status() !== 200) throw new Error(`login failed: ${response.status()} ${await response.text()}`);
}

/** The route part of the page's URL, e.g. `#/settings/general`. */
export function currentHash(page: Page): string {
  return new URL(page.url()).hash;
}

/** Follows an item of the admin menu, opening the collapsed menu first on a phone. */
export async function clickMenuItem(page: Page, label: string): Promise<void> {
  const toggle = page.getByRole('button', { name: 'Menu' });
  if (await toggle.isVisible()) await toggle.click();
  await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: label, exact: true }).click();
}

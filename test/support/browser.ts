import { Browser, BrowserContext, chromium, Page } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

/** Debian's Chromium (`apt-get install chromium`), which the pinned playwright-core was made for. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Where every browser suite saves its screenshots, one per page and step, for a person to look at. */
export const SCREENSHOT_DIR = join(__dirname, '..', '..', 'var', 'screenshots');

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-dev-shm-usage'] });
}

/** A context as a person's browser would be: its own cookies, a desktop or phone-sized window, Vietnamese first. */
export async function newContext(browser: Browser, baseURL: string, size: 'desktop' | 'phone' = 'desktop'): Promise<BrowserContext> {
  const viewport = size === 'desktop' ? { width: 1280, height: 800 } : { width: 360, height: 740 };
  const context = await browser.newContext({ baseURL, viewport, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', acceptDownloads: true });
  // A step that waits longer has failed: say so well within the test's own timeout.
  context.setDefaultTimeout(10_000);
  return context;
}

/** Saves a full-page screenshot as `<suite>/<name>.png`. */
export async function screenshot(page: Page, suite: string, name: string): Promise<void> {
  const dir = join(SCREENSHOT_DIR, suite);
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true });
}

/** axe-core's serious and critical violations on the page as it is now, by rule and the elements hit. */
export async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Signs in through the form (in the language `path` asks for) and lands where `path` led. */
export async function signIn(context: BrowserContext, token: string, path = '/?lang=en'): Promise<Page> {
  const page = await context.newPage();
  await page.goto(path);
  await page.getByLabel(/^(Access token|Mã truy cập)$/).fill(token);
  await page.getByRole('button', { name: /^(Sign in|Đăng nhập)$/ }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  return page;
}

// What the browser tests start: the real tadaima server from tests/support (a fresh
// database, migrated, with one organization and its first org_admin; SQLite unless
// TADAIMA_TEST_DB=postgres) and Debian's Chromium driven by playwright-core.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { BINARY } from '../support/server';

export { startServer, type TestServer } from '../support/server';

export const kRepoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const serverBinary = () => BINARY;

export interface TestBrowser {
  browser: Browser;
  context: BrowserContext;
  page: Page;
  close: () => Promise<void>;
}

/** Debian's Chromium, headless, with a fresh profile; one page in Japanese. */
export async function startBrowser(): Promise<TestBrowser> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const context = await browser.newContext({ locale: 'ja-JP', viewport: { width: 1280, height: 900 } });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  return { browser, context, page, close: () => browser.close() };
}

/** Signs in through the sign-in page (the page must show it). */
export async function signIn(page: Page, login: string, password: string): Promise<void> {
  await page.getByLabel('ログインID').fill(login);
  await page.getByLabel('パスワード').fill(password);
  await page.getByRole('button', { name: 'ログイン' }).click();
}

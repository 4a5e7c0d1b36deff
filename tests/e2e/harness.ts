// What the browser tests start: the real tadaima server from tests/support (a fresh
// database, migrated, with one organization and its first org_admin; SQLite unless
// TADAIMA_TEST_DB=postgres) and Debian's Chromium driven by playwright-core, launched the
// same way by every test (chromiumOptions); and signing in through a front end's page.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type LaunchOptions, type Page } from 'playwright-core';
import { BINARY, type Credentials, type TestServer } from '../support/server';

export { startServer, type TestServer } from '../support/server';

export const kRepoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const serverBinary = () => BINARY;

export interface TestBrowser {
  browser: Browser;
  context: BrowserContext;
  page: Page;
  close: () => Promise<void>;
}

/** How long a step may wait for the page (a bound for a busy machine, not a speed claim). */
export const kStepTimeout = 15_000;

/** Debian's Chromium (or $CHROMIUM_PATH), headless and quiet, with `extra` arguments. */
export function chromiumOptions(extra: string[] = []): LaunchOptions & { executablePath: string; args: string[] } {
  return {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync', ...extra],
  };
}

/** A context of `browser` as an office PC: Japanese, 1280×900, its own cookies. */
export async function desktopContext(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext({ locale: 'ja-JP', viewport: { width: 1280, height: 900 } });
  context.setDefaultTimeout(kStepTimeout);
  return context;
}

/** Debian's Chromium, headless, with a fresh profile; one page in Japanese. */
export async function startBrowser(): Promise<TestBrowser> {
  const browser = await chromium.launch(chromiumOptions());
  const context = await desktopContext(browser);
  const page = await context.newPage();
  return { browser, context, page, close: () => browser.close() };
}

/** Signs in through the sign-in page (the page must show it). */
export async function signIn(page: Page, login: string, password: string): Promise<void> {
  await page.getByLabel('ログインID').fill(login);
  await page.getByLabel('パスワード').fill(password);
  await page.getByRole('button', { name: 'ログイン' }).click();
}

/** Opens `path` of the server ("/admin/plans") and signs in there, as the org admin unless `who`. */
export async function signInAt(page: Page, server: TestServer, path: string, who: Credentials = server.admin): Promise<void> {
  await page.goto(server.url + path);
  await signIn(page, who.login, who.password);
}

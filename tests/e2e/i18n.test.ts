// The English switch changes the labels and <html lang>, and the choice is kept.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startBrowser, startServer, type TestBrowser, type TestServer } from './harness';

describe('language switch', () => {
  let server: TestServer;
  let b: TestBrowser;

  beforeAll(async () => {
    server = await startServer();
    b = await startBrowser();
  });
  afterAll(async () => {
    await b?.close();
    await server?.close();
  });

  test('switches the sign-in page to English and back, and remembers it', async () => {
    const { page } = b;
    await page.goto(`${server.url}/admin/`);
    await page.getByLabel('ログインID').waitFor();
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.getByLabel('Login').count()).toBe(1);
    expect(await page.getByLabel('Password').count()).toBe(1);

    await page.reload();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');

    await page.getByLabel('Login').fill(server.admin.login);
    await page.getByLabel('Password').fill(server.admin.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    // No facility yet: the administrator lands on the facility list.
    await page.getByRole('heading', { name: 'Facilities' }).waitFor();
    const nav = page.getByRole('navigation');
    for (const name of ['Families', 'Facilities', 'Staff']) {
      expect(await nav.getByRole('link', { name }).count()).toBe(1);
    }
    await page.getByRole('button', { name: '日本語' }).click();
    await page.getByRole('heading', { name: '施設一覧' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('ja');
    expect(await nav.getByRole('link', { name: '施設' }).count()).toBe(1);
  });
});

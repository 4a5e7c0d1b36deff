// Server validation errors appear next to the field they name, including the
// fields of the second guardian and of a child ("guardians[1].email").
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { signInAt, startBrowser, startServer, type TestBrowser, type TestServer } from './harness';

/** The error text tied to a field by aria-describedby, once the field is invalid. */
async function fieldError(page: Page, name: string): Promise<string> {
  const field = page.locator(`[name="${name}"]`);
  await expect.poll(() => field.getAttribute('aria-invalid')).toBe('true');
  const ids = ((await field.getAttribute('aria-describedby')) ?? '').split(' ').filter((id) => id.endsWith('-error'));
  expect(ids).toHaveLength(1);
  return (await page.locator(`[id="${ids[0]}"]`).textContent()) ?? '';
}

describe('server validation errors', () => {
  let server: TestServer;
  let b: TestBrowser;

  beforeAll(async () => {
    server = await startServer();
    b = await startBrowser();
    await signInAt(b.page, server, '/admin/families/new');
  });
  afterAll(async () => {
    await b?.close();
    await server?.close();
  });

  test('a bad e-mail of the second guardian is shown next to it, and nothing is created', async () => {
    const { page } = b;
    await page.getByRole('heading', { name: '世帯を登録' }).waitFor();
    await page.getByLabel('世帯名').fill('鈴木家');
    await page.getByRole('group', { name: '保護者 1' }).getByLabel('氏名').fill('鈴木 一郎');
    await page.getByRole('button', { name: '保護者を追加' }).click();
    const g2 = page.getByRole('group', { name: '保護者 2' });
    await g2.getByLabel('氏名').fill('鈴木 二子');
    await g2.getByLabel('メールアドレス').fill('not-an-email');
    const c1 = page.getByRole('group', { name: 'こども 1' });
    await c1.getByLabel('氏名').fill('鈴木 さくら');
    await c1.getByLabel('ふりがな').fill('Sakura');
    await c1.getByLabel('生年月日').fill('2018-04-01');
    await page.getByRole('button', { name: '登録', exact: true }).click();

    expect((await fieldError(page, 'guardians[1].email')).length).toBeGreaterThan(0);
    expect((await fieldError(page, 'children[0].name_kana')).length).toBeGreaterThan(0);
    expect(await page.locator('[name="guardians[0].name"]').getAttribute('aria-invalid')).toBeNull();
    // Focus goes to the first invalid field.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('guardians[1].email');

    // Fixing them creates the family.
    await g2.getByLabel('メールアドレス').fill('niko@example.jp');
    await c1.getByLabel('ふりがな').fill('すずき さくら');
    await page.getByRole('button', { name: '登録', exact: true }).click();
    await page.locator('section.credentials').waitFor();
    // The refused attempt created nothing: one 鈴木家 in the list.
    await page.goto(`${server.url}/admin/families?q=${encodeURIComponent('鈴木')}`);
    await page.getByText('1件を表示').waitFor();
  });

  test('opening hours in the wrong order are refused next to the hours', async () => {
    const { page } = b;
    await page.goto(`${server.url}/admin/facilities/new`);
    await page.getByLabel('施設名').fill('夜の施設');
    await page.getByLabel('開所').fill('19:00');
    await page.getByLabel('閉所').fill('09:00');
    await page.getByRole('button', { name: '登録' }).click();
    const opens = page.locator('[name="opens_at"]');
    const closes = page.locator('[name="closes_at"]');
    await expect.poll(async () =>
      (await opens.getAttribute('aria-invalid')) ?? (await closes.getAttribute('aria-invalid'))).toBe('true');
    expect(new URL(page.url()).pathname).toBe('/admin/facilities/new');
  });
});

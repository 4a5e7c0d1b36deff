// axe-core on the sign-in page and the families pages: no serious or critical violations.
import { afterAll, beforeAll, describe, test } from 'vitest';
import { expectAccessible } from './axe';
import { signIn, startBrowser, startServer, type TestBrowser, type TestServer } from './harness';

describe('accessibility (axe-core)', () => {
  let server: TestServer;
  let b: TestBrowser;
  let family_id = '';

  beforeAll(async () => {
    server = await startServer();
    const api = await server.login();
    const facility = await api.createFacility({ name: '中央児童クラブ', kind: 'after_school', opens_at: '14:00', closes_at: '19:00' });
    const family = await api.createFamily({
      name: '高橋家',
      guardians: [{ name: '高橋 健', relation: '父' }],
      children: [{ name: '高橋 ゆい', name_kana: 'たかはし ゆい', birth_date: '2016-09-01' }],
      facility_ids: [facility.id],
    });
    family_id = family.id;
    b = await startBrowser();
  });
  afterAll(async () => {
    await b?.close();
    await server?.close();
  });

  test('sign-in page, in Japanese and with an error shown', async () => {
    const { page } = b;
    await page.goto(`${server.url}/admin/`);
    await page.getByLabel('ログインID').waitFor();
    await expectAccessible(page);
    await signIn(page, 'nobody', 'wrong-password');
    await page.getByRole('alert').waitFor();
    await expectAccessible(page);
  });

  test('signing in works from the keyboard alone', async () => {
    const { page } = b;
    await page.reload();
    await page.getByLabel('ログインID').waitFor();
    // The login field has focus on arrival (the browser gives autofocus at its next frame,
    // which a busy machine may delay: wait for it); Tab reaches the password; Enter submits.
    await page.waitForFunction(() => document.activeElement?.getAttribute('autocomplete') === 'username', null, { timeout: 10_000 });
    await page.keyboard.type(server.admin.login);
    await page.keyboard.press('Tab');
    await page.keyboard.type(server.admin.password);
    await page.keyboard.press('Enter');
    // One facility: the administrator lands on its roster.
    await page.getByRole('heading', { name: /^名簿：/ }).waitFor();
    await page.goto(`${server.url}/admin/families`);
    await page.getByRole('heading', { name: '世帯一覧' }).waitFor();
  });

  test('families list, new family form with errors, and family page', async () => {
    const { page } = b;
    await page.getByRole('row', { name: /高橋家/ }).waitFor();
    await expectAccessible(page);

    await page.getByRole('link', { name: '世帯を登録' }).click();
    await page.getByRole('button', { name: '登録', exact: true }).click();
    await page.getByRole('alert').first().waitFor();
    await expectAccessible(page);

    await page.goto(`${server.url}/admin/families/${family_id}`);
    await page.getByRole('region', { name: 'こども' }).getByRole('row', { name: /高橋 ゆい/ }).waitFor();
    await expectAccessible(page);
  });
});

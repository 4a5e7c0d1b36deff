// The printed login sheet for a family: staff reissue a guardian's password on the family
// page; the panel shows staff the one-time warning, and a letter to the family (addressed
// to the family, what the login is for, the parents' app address, the login and initial
// password, that the password must be changed at the first sign-in). Printed (print media),
// only the letter shows: no staff warning, no buttons. English after the switch; axe-core clean.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { expectAccessible } from './axe';
import { signInAt, startBrowser, startServer, type TestBrowser, type TestServer } from './harness';

describe('admin app: the login sheet printed for a family', () => {
  let server: TestServer;
  let b: TestBrowser;
  let family_id = '';

  beforeAll(async () => {
    server = await startServer();
    const admin = await server.login();
    const family = await admin.createFamily({
      name: '山田家',
      guardians: [{ name: '山田 良子', relation: '母' }],
      children: [{ name: '山田 はな', name_kana: 'やまだ はな', birth_date: '2018-04-02' }],
    });
    family_id = family.id;
    b = await startBrowser();
  });
  afterAll(async () => {
    await b?.close();
    await server?.close();
  });

  const panel = () => b.page.locator('section.credentials');
  const letter = () => panel().locator('.family-letter');

  test('the sheet reads as a letter to the family, Japanese first', async () => {
    const { page } = b;
    await signInAt(page, server, `/admin/families/${family_id}`);
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: 'パスワード再発行: 山田 良子' }).click();
    await panel().waitFor();
    const text = (await letter().textContent()) ?? '';
    for (const part of [
      '山田家 様', '保護者用アプリ「ただいま」ログインのご案内', 'いつもお世話になっております。',
      'お子さまの入館・退館のお知らせ', `${server.url}/app/`, '山田 良子',
      'はじめてログインすると、新しいパスワードの設定を求められます。',
    ]) expect(text).toContain(part);
    expect(await letter().locator('code.initial-password').count()).toBe(1);
    expect(text).not.toContain('二度と表示されません'); // the staff's warning is outside the letter
    expect(await panel().getByRole('alert').textContent()).toContain('二度と表示されません');
    await expectAccessible(page);
  });

  test('printed, only the letter shows', async () => {
    const { page } = b;
    await page.emulateMedia({ media: 'print' });
    try {
      expect(await letter().isVisible()).toBe(true);
      expect(await panel().getByRole('alert').isVisible()).toBe(false);
      expect(await page.locator('#credentials-title').isVisible()).toBe(false);
      expect(await panel().getByRole('button', { name: /伝えました/ }).isVisible()).toBe(false);
      expect(await page.getByRole('region', { name: 'こども' }).isVisible()).toBe(false);
    } finally {
      await page.emulateMedia({ media: 'screen' });
    }
  });

  test('English after the switch', async () => {
    const { page } = b;
    await page.getByRole('button', { name: 'English' }).click();
    await letter().getByText('Dear 山田家,').waitFor();
    const text = (await letter().textContent()) ?? '';
    expect(text).toContain('Signing in to the Tadaima parents’ app');
    expect(text).toContain('asked to set a new password of your own');
    await page.getByRole('button', { name: '日本語' }).click();
    await letter().getByText('山田家 様').waitFor();
    await panel().getByRole('button', { name: /伝えました/ }).click();
    expect(await panel().count()).toBe(0);
  });
});

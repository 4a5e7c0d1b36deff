// axe-core on every page of the parents' app, on a phone in Japanese: no serious or
// critical violations (WCAG 2.1 A/AA and best practice), with errors shown, dialogs open
// and the plans editor in use. Also: tap targets of the tab bar and the calendar are at
// least 44 px, and signing in works from the keyboard alone.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { NewFamily } from '../../web/src/shared/types';
import { clientId, newSite, startCheckinServer, type Site } from '../support/checkin';
import type { TestServer } from '../support/server';
import { changePassword, registerFamily, startPhone, type Phone } from './app_support';
import { expectAccessible } from './axe';

describe('parents app accessibility (axe-core)', () => {
  let server: TestServer;
  let phone: Phone;
  let site: Site;
  let family: NewFamily;

  beforeAll(async () => {
    server = await startCheckinServer();
    const admin = await server.login();
    site = await newSite(server, admin, { duplicate_window_seconds: 0 });
    family = await registerFamily(admin, [site.facility.id], {
      name: '小林家',
      guardians: [{ name: '小林 直子', relation: '母' }],
      children: [{ name: '小林 けんと', birth_date: '2018-10-10' }, { name: '小林 あおい', birth_date: '2020-02-29' }],
    });
    const kento = family.children[0];
    await site.staff.stamp({ facility_id: site.facility.id, client_id: clientId(), child_id: kento.id, direction: 'in' });
    await site.staff.stamp({ facility_id: site.facility.id, client_id: clientId(), child_id: kento.id, direction: 'out', pickup_by: '母 小林 直子' });
    phone = await startPhone();
  });
  afterAll(async () => {
    await phone?.close();
    await server?.close();
  });

  const clean = () => expectAccessible(phone.page);

  test('sign-in, with an error shown, from the keyboard alone; the forced password change', async () => {
    const { page } = phone;
    await page.goto(`${server.url}/app/`);
    await page.getByLabel('ログインID').waitFor();
    await clean();
    // The login field has focus on arrival (autofocus comes at the browser's next frame:
    // wait for it); Tab reaches the password; Enter submits.
    await page.waitForFunction(() => document.activeElement?.getAttribute('autocomplete') === 'username', null, { timeout: 10_000 });
    await page.keyboard.type(family.guardians[0].login);
    await page.keyboard.press('Tab');
    await page.keyboard.type('wrong-password');
    await page.keyboard.press('Enter');
    await page.getByRole('alert').waitFor();
    await clean();
    await page.getByLabel('パスワード').fill(family.guardians[0].initial_password);
    await page.getByLabel('パスワード').press('Enter');
    await page.getByRole('heading', { name: 'パスワードの変更' }).waitFor();
    await clean();
    await changePassword(page, family.guardians[0].initial_password, 'naoko-pass-2027');
    await page.getByRole('article', { name: '小林 けんと' }).getByText('帰りました').waitFor();
  });

  test('home with the children, and the absence dialog', async () => {
    const { page } = phone;
    await clean();
    for (const link of await page.getByRole('navigation').getByRole('link').all()) {
      const box = (await link.boundingBox())!;
      expect(Math.min(box.width, box.height)).toBeGreaterThanOrEqual(44);
    }
    await page.getByRole('article', { name: '小林 あおい' }).getByRole('button', { name: '今日お休みします' }).click();
    await page.getByRole('dialog').waitFor();
    await clean();
    await page.getByRole('dialog').getByRole('button', { name: 'お休みを連絡する' }).click();
    await page.getByRole('article', { name: '小林 あおい' }).getByText('確認中').waitFor();
    await clean();
  });

  test('the QR page', async () => {
    const { page } = phone;
    await page.getByRole('article', { name: '小林 けんと' }).getByRole('link', { name: 'QRコードを表示' }).click();
    await page.getByRole('img', { name: '小林 けんと のQRコード' }).waitFor();
    await clean();
    await page.getByRole('link', { name: '閉じる' }).click();
  });

  test('the plans calendar, the editor, and an error in it', async () => {
    const { page } = phone;
    await page.getByRole('navigation').getByRole('link', { name: '出欠予定' }).click();
    await page.getByRole('heading', { name: '2027年6月' }).waitFor();
    await clean();
    for (const date of ['2027-06-14', '2027-06-15']) await page.locator(`button.pa-day[data-date="${date}"]`).click();
    const box = (await page.locator('button.pa-day[data-date="2027-06-14"]').boundingBox())!;
    expect(Math.min(box.width, box.height)).toBeGreaterThanOrEqual(44);
    const editor = page.getByRole('form', { name: '選んだ 2日の予定' });
    await editor.getByLabel('到着予定').fill('17:00');
    await editor.getByLabel('帰る予定').fill('16:00');
    await editor.getByRole('button', { name: '2日分を保存' }).click();
    await editor.getByRole('alert').waitFor();
    await clean();
    await editor.getByLabel('帰る予定').fill('18:00');
    await editor.getByRole('button', { name: '2日分を保存' }).click();
    await page.getByRole('status').filter({ hasText: '2日分の予定を保存しました。' }).waitFor();
    await clean();
  });

  test('the visit history', async () => {
    const { page } = phone;
    await page.goto(`${server.url}/app/history?child=${family.children[0].id}`);
    await page.getByRole('row', { name: /6月10日（木）/ }).waitFor();
    await clean();
  });

  test('the inbox and the settings', async () => {
    const { page } = phone;
    await page.getByRole('navigation').getByRole('link', { name: /^お知らせ/ }).click();
    await page.getByRole('heading', { name: 'お知らせ', level: 1 }).waitFor();
    await page.getByRole('listitem').filter({ hasText: '小林 けんとさんが退館しました' }).waitFor();
    await clean();
    await page.getByRole('navigation').getByRole('link', { name: '設定' }).click();
    await page.getByRole('region', { name: '通知設定' }).getByRole('button', { name: '保存' }).waitFor();
    await page.getByRole('checkbox', { name: 'この時間はプッシュ通知とメールを控える' }).check();
    await clean();
  });

  test('the family page with new login details shown, and the app in English', async () => {
    const { page } = phone;
    await page.getByRole('link', { name: '家族を見る・招待する' }).click();
    const form = page.getByRole('form', { name: '保護者を招待' });
    await form.getByLabel('氏名').fill('小林 正');
    await form.getByLabel('続柄').fill('父');
    await form.getByRole('button', { name: '招待する' }).click();
    await page.getByRole('region', { name: '小林 正 さんのログイン情報' }).waitFor();
    await clean();
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await page.getByRole('navigation').getByRole('link', { name: 'Home' }).click();
    await page.getByRole('heading', { name: 'Children', level: 1 }).waitFor();
    await clean();
  });
});

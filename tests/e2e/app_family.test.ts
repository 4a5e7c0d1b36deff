// The family in the parents' app: a guardian invites another family member (here a
// grandmother), who gets a login and an initial password shown once, signs in on her own
// phone, must choose her own password, and sees the same children. Also: the English
// switch (remembered, <html lang> follows), and staff who open the app are sent to the
// admin pages instead.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { NewFamily } from '../../web/src/shared/types';
import { newSite, startCheckinServer, type Site } from '../support/checkin';
import { newStaff } from '../support/fixtures';
import type { TestApi, TestServer } from '../support/server';
import { changePassword, registerFamily, signInApp, signInFirstTime, startPhone, type Phone } from './app_support';

describe('parents app: inviting a family member, language, staff', () => {
  let server: TestServer;
  let phone: Phone;
  let site: Site;
  let admin: TestApi;
  let family: NewFamily;
  let invited = { login: '', password: '' };

  beforeAll(async () => {
    server = await startCheckinServer();
    admin = await server.login();
    site = await newSite(server, admin);
    family = await registerFamily(admin, [site.facility.id], {
      name: '伊藤家',
      guardians: [{ name: '伊藤 真理', relation: '母' }],
      children: [{ name: '伊藤 はると', birth_date: '2020-04-20' }, { name: '伊藤 さくら', birth_date: '2017-07-07' }],
    });
    phone = await startPhone();
    await signInFirstTime(phone.page, server, family.guardians[0].login, family.guardians[0].initial_password, 'mari-pass-2027');
  });
  afterAll(async () => {
    await phone?.close();
    await server?.close();
  });

  test('invites the grandmother and shows her login and initial password once', async () => {
    const { page } = phone;
    await page.getByRole('navigation').getByRole('link', { name: '設定' }).click();
    await page.getByRole('link', { name: '家族を見る・招待する' }).click();
    await page.getByRole('heading', { name: '家族', level: 1 }).waitFor();
    const guardians = page.getByRole('region', { name: '保護者' });
    await guardians.getByText('伊藤 真理').waitFor();

    const form = page.getByRole('form', { name: '保護者を招待' });
    await form.getByRole('button', { name: '招待する' }).click();
    const name = form.getByLabel('氏名');
    await expect.poll(() => name.getAttribute('aria-invalid')).toBe('true');

    await name.fill('伊藤 よし子');
    await form.getByLabel('続柄').fill('祖母');
    await form.getByRole('button', { name: '招待する' }).click();
    const panel = page.getByRole('region', { name: '伊藤 よし子 さんのログイン情報' });
    await panel.waitFor();
    invited = {
      login: (await panel.locator('code.login').textContent())!.trim(),
      password: (await panel.locator('code.initial-password').textContent())!.trim(),
    };
    expect(invited.login.length).toBeGreaterThan(2);
    expect(invited.password.length).toBeGreaterThan(7);
    expect(await panel.textContent()).toContain(`${server.url}/app/`);
    await guardians.getByText('伊藤 よし子').waitFor();

    await panel.getByRole('button', { name: '伝えました（閉じる）' }).click();
    expect(await page.getByText(invited.password).count()).toBe(0);
  });

  test('the invited grandmother signs in on her own phone and sees the same children', async () => {
    const grandma = await startPhone();
    try {
      const { page } = grandma;
      await signInApp(page, server, invited.login, invited.password);
      await changePassword(page, invited.password, 'yoshiko-pass-2027');
      await page.getByRole('heading', { name: 'こども', level: 1 }).waitFor();
      await page.getByRole('article', { name: '伊藤 はると' }).waitFor();
      await page.getByRole('article', { name: '伊藤 さくら' }).waitFor();
      expect(await page.getByRole('article').count()).toBe(2);
    } finally {
      await grandma.close();
    }
  });

  test('switches to English and back; the choice is remembered and <html lang> follows', async () => {
    const { page } = phone;
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await page.getByRole('heading', { name: 'Family', level: 1 }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.getByRole('navigation').getByRole('link', { name: 'Home' }).click();
    await page.getByRole('heading', { name: 'Children', level: 1 }).waitFor();
    await page.getByRole('article', { name: '伊藤 はると' }).getByRole('link', { name: 'Show QR code' }).waitFor();
    await page.reload();
    await page.getByRole('heading', { name: 'Children', level: 1 }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.getByRole('button', { name: '日本語に切り替える' }).click();
    await page.getByRole('heading', { name: 'こども', level: 1 }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('ja');
  });

  test('staff who sign in here are sent to the admin pages', async () => {
    const staff_phone = await startPhone();
    try {
      const { page } = staff_phone;
      const staff = await newStaff(server, admin, [site.facility.id]);
      await signInApp(page, server, staff.login, staff.password);
      await page.getByRole('heading', { name: '保護者用アプリです' }).waitFor();
      expect(await page.getByRole('link', { name: '管理画面へ' }).getAttribute('href')).toBe('/admin/');
      expect(await page.getByRole('navigation').count()).toBe(0);
    } finally {
      await staff_phone.close();
    }
  });
});

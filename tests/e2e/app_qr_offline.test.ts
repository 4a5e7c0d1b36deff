// The QR code at a doorway with no signal: a guardian opens /app/qr online, the phone
// loses the network, and a reload still shows the same code, marked as the one saved on
// the phone with its time. Staff reissue the child's card meanwhile; back online, the new
// code replaces the saved one. Signing out forgets the saved codes, and another guardian
// signing in on the same phone never sees them.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { NewFamily } from '../../web/src/shared/types';
import { facilityInput } from '../support/fixtures';
import type { TestApi, TestServer } from '../support/server';
import { expectAccessible } from './axe';
import { changePassword, registerFamily, signInApp, startPhone, type Phone } from './app_support';
import { startServer } from './harness';

describe('parents app: the QR code offline', () => {
  let server: TestServer;
  let admin: TestApi;
  let phone: Phone;
  let family: NewFamily;
  let other: NewFamily;
  const password = 'my-own-pass-2027';

  beforeAll(async () => {
    server = await startServer();
    admin = await server.login();
    const club = await admin.createFacility(facilityInput());
    family = await registerFamily(admin, [club.id], { name: '山田家', children: [{ name: '山田 ひかり', birth_date: '2019-05-02' }] });
    other = await registerFamily(admin, [club.id], { name: '鈴木家', children: [{ name: '鈴木 いちろう', birth_date: '2018-04-10' }] });
    phone = await startPhone();
  });
  afterAll(async () => {
    await phone?.close();
    await server?.close();
  });

  const image = () => phone.page.getByRole('img', { name: /山田 ひかり のQRコード/ });
  const shownCode = () => image().getAttribute('src');
  const savedKeys = () => phone.page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('tadaima-app-qr')));
  const notice = () => phone.page.getByRole('status').filter({ hasText: 'オフラインのため、保存済みのコードを表示しています' });

  test('online, the code shown is the server\'s, and it is saved on the phone', async () => {
    const { page } = phone;
    const g = family.guardians[0];
    await signInApp(page, server, g.login, g.initial_password);
    await changePassword(page, g.initial_password, password);
    await page.getByRole('heading', { name: 'こども', level: 1 }).waitFor();
    await page.goto(`${server.url}/app/qr`);
    await image().waitFor();
    const server_svg = await page.evaluate(async (id) => (await fetch(`/api/v1/children/${id}/qr.svg`)).text(), family.children[0].id);
    expect(decodeURIComponent((await shownCode())!.split(',')[1])).toBe(server_svg);
    expect(await notice().count()).toBe(0);
    expect(await savedKeys()).toHaveLength(2);
    // The reload offline needs the service worker to answer the page.
    await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  });

  test('offline, a reload shows the saved code with the offline notice and its time', async () => {
    const { page, context } = phone;
    const before = await shownCode();
    await context.setOffline(true);
    await page.reload();
    await notice().waitFor();
    expect(await notice().textContent()).toMatch(/\d{1,2}:\d{2} に保存/);
    expect(await shownCode()).toBe(before);
    await expectAccessible(page);
  });

  test('a reissued card: back online, the new code replaces the saved one', async () => {
    const { page, context } = phone;
    const before = await shownCode();
    await admin.reissueChildCredential(family.children[0].id);
    await context.setOffline(false);
    await expect.poll(shownCode).not.toBe(before);
    await expect.poll(() => notice().count()).toBe(0);
    const server_svg = await page.evaluate(async (id) => (await fetch(`/api/v1/children/${id}/qr.svg`)).text(), family.children[0].id);
    expect(decodeURIComponent((await shownCode())!.split(',')[1])).toBe(server_svg);
    // Offline again, the saved code is now the new one.
    const fresh = await shownCode();
    await context.setOffline(true);
    await page.reload();
    await notice().waitFor();
    expect(await shownCode()).toBe(fresh);
    await context.setOffline(false);
  });

  test('signing out forgets the saved codes; another guardian never sees them', async () => {
    const { page, context } = phone;
    await page.goto(`${server.url}/app/settings`);
    await page.getByRole('button', { name: 'ログアウト' }).click();
    await page.getByLabel('ログインID').waitFor();
    expect(await savedKeys()).toEqual([]);

    const g = other.guardians[0];
    await signIn(g.login, g.initial_password);
    await page.goto(`${server.url}/app/qr`);
    await page.getByRole('img', { name: /鈴木 いちろう のQRコード/ }).waitFor();
    await context.setOffline(true);
    await page.reload();
    await notice().waitFor();
    expect(await image().count()).toBe(0);
    await page.getByRole('img', { name: /鈴木 いちろう のQRコード/ }).waitFor();
    await context.setOffline(false);
  });

  async function signIn(login: string, initial: string) {
    await signInApp(phone.page, server, login, initial);
    await changePassword(phone.page, initial, password);
    await phone.page.getByRole('heading', { name: 'こども', level: 1 }).waitFor();
  }
});

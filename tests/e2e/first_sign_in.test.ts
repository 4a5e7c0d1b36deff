// A new staff member must change the initial password at first sign-in; a wrong
// current password comes back as a server error shown next to that field. A guardian who
// signs in to the admin is turned away with the staff-only note and signed out again.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { signIn, signInAt, startBrowser, startServer, type TestBrowser, type TestServer } from './harness';

describe('first sign-in of a staff member', () => {
  let server: TestServer;
  let b: TestBrowser;
  let guardian = { login: '', password: '' };

  beforeAll(async () => {
    server = await startServer();
    const api = await server.login();
    const facility = await api.createFacility({ name: 'こどもルーム中央', kind: 'drop_in', opens_at: '09:00', closes_at: '17:00' });
    await api.createStaff({ login: 'tanaka', name: '田中 一', password: 'initial-pass-1', role: 'facility_staff', facility_ids: [facility.id] });
    const family = await api.createFamily({ name: '木村家', guardians: [{ name: '木村 恵', relation: '母' }], children: [] });
    guardian = { login: family.guardians[0].login, password: family.guardians[0].initial_password };
    b = await startBrowser();
  });
  afterAll(async () => {
    await b?.close();
    await server?.close();
  });

  test('a guardian is turned away by the admin and signed out again', async () => {
    const { page } = b;
    await signInAt(page, server, '/admin/', guardian);
    await page.getByRole('alert').filter({ hasText: 'この画面は職員用です' }).waitFor();
    expect(await page.getByRole('navigation').count()).toBe(0);
    expect((await page.request.get(`${server.url}/api/v1/me`)).status()).toBe(401);
  });

  test('is sent to the password change and cannot go elsewhere', async () => {
    const { page } = b;
    await signInAt(page, server, '/admin/families', { login: 'tanaka', password: 'initial-pass-1' });
    await page.getByRole('heading', { name: 'パスワードの変更' }).waitFor();
    expect(await page.getByRole('navigation').count()).toBe(0);
    await page.reload();
    await page.getByRole('heading', { name: 'パスワードの変更' }).waitFor();
  });

  test('a wrong current password shows the server error next to that field', async () => {
    const { page } = b;
    await page.getByLabel('現在のパスワード').fill('not-my-password');
    await page.getByLabel(/^新しいパスワード\s*\*?$/).fill('brand-new-pass-2');
    await page.getByLabel('新しいパスワード（確認）').fill('brand-new-pass-2');
    await page.getByRole('button', { name: '変更する' }).click();
    const current = page.getByLabel('現在のパスワード');
    await expect.poll(() => current.getAttribute('aria-invalid')).toBe('true');
    const described = await current.getAttribute('aria-describedby');
    const error = page.locator(`[id="${described}"]`);
    expect((await error.textContent())?.length).toBeGreaterThan(0);
    expect(await page.getByRole('alert').first().textContent()).toContain('入力内容を確認してください');
  });

  test('changes the password, then works normally and signs in with the new one', async () => {
    const { page } = b;
    await page.getByLabel('現在のパスワード').fill('initial-pass-1');
    await page.getByRole('button', { name: '変更する' }).click();
    await page.getByRole('heading', { name: '世帯一覧' }).waitFor();
    const nav = page.getByRole('navigation');
    expect(await nav.getByRole('link', { name: '職員' }).count()).toBe(0);
    await nav.getByRole('link', { name: '施設' }).click();
    await page.getByRole('row', { name: /こどもルーム中央/ }).waitFor();
    expect(await page.getByRole('link', { name: '施設を登録' }).count()).toBe(0);

    await page.getByRole('button', { name: 'ログアウト' }).click();
    await page.getByRole('heading', { name: 'ログイン' }).waitFor();
    await signIn(page, 'tanaka', 'initial-pass-1');
    await page.getByText('ログインIDまたはパスワードが正しくありません').waitFor();
    await page.getByLabel('パスワード').fill('brand-new-pass-2');
    await page.getByRole('button', { name: 'ログイン' }).click();
    await page.getByRole('heading', { name: '施設一覧' }).waitFor();
  });
});

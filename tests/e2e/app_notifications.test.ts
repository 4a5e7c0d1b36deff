// Notifications in the parents' app: the inbox fills live as staff stamp (the tab shows
// the unread count), items are marked read one by one or all at once; the channel
// preferences and quiet hours are saved for the guardian; push on this device is
// offered and, where the browser cannot subscribe (permission refused, or headless
// Chromium with no push service), the app says why and registers nothing.
// Server clock pinned (a Thursday afternoon in Tokyo).
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { NewFamily } from '../../web/src/shared/types';
import { clockTime } from '../../web/src/shared/ui/time';
import { clientId, newSite, startCheckinServer, type Site } from '../support/checkin';
import { signIn as apiSignIn } from '../support/fixtures';
import type { TestApi, TestServer } from '../support/server';
import { registerFamily, signInFirstTime, startPhone, type Phone } from './app_support';

describe('parents app: inbox, preferences and push on this device', () => {
  let server: TestServer;
  let phone: Phone;
  let site: Site;
  let family: NewFamily;
  let guardian: TestApi;
  const password = 'kenji-pass-2027';

  beforeAll(async () => {
    server = await startCheckinServer();
    const admin = await server.login();
    site = await newSite(server, admin, { duplicate_window_seconds: 0 });
    family = await registerFamily(admin, [site.facility.id], {
      name: '高橋家',
      guardians: [{ name: '高橋 健二', relation: '父', email: 'kenji@example.jp' }],
      children: [{ name: '高橋 みお', birth_date: '2018-11-03' }],
    });
    phone = await startPhone();
    await signInFirstTime(phone.page, server, family.guardians[0].login, family.guardians[0].initial_password, password);
    guardian = (await apiSignIn(server, family.guardians[0].login, password)).api;
  });
  afterAll(async () => {
    await phone?.close();
    await server?.close();
  });

  const tab = (name: string | RegExp) => phone.page.getByRole('navigation').getByRole('link', { name });

  test('a stamp arrives in the inbox live and the tab counts it unread', async () => {
    const { page } = phone;
    await tab('お知らせ').click();
    await page.getByRole('heading', { name: 'お知らせ', level: 1 }).waitFor();
    await page.getByText('お知らせはありません。').waitFor();

    const child = family.children[0];
    const answer = await site.staff.stamp({ facility_id: site.facility.id, client_id: clientId(), child_id: child.id, direction: 'in' });
    const in_at = 'visit' in answer ? answer.visit.in_at : '';
    const item = page.getByRole('listitem').filter({ hasText: '高橋 みおさんが到着しました' });
    await item.waitFor({ timeout: 45_000 });
    expect(await item.textContent()).toContain(`高橋 みおさんが${clockTime(in_at)}に${site.facility.name}に到着しました。`);
    expect(await item.getByText('未読').count()).toBe(1);
    await tab('お知らせ（未読 1件）').waitFor({ timeout: 45_000 });

    await item.getByRole('button', { name: '「高橋 みおさんが到着しました」を既読にする' }).click();
    await expect.poll(() => item.getByText('未読').count()).toBe(0);
    await tab(/^お知らせ$/).waitFor();
    const inbox = await guardian.notifications();
    expect(inbox.unread_count).toBe(0);
    expect(inbox.items[0].read_at).toEqual(expect.any(String));
  });

  test('a departure with its pick-up person, then all marked read at once', async () => {
    const { page } = phone;
    const child = family.children[0];
    await site.staff.stamp({ facility_id: site.facility.id, client_id: clientId(), child_id: child.id, direction: 'out', pickup_by: '父 高橋 健二' });
    const item = page.getByRole('listitem').filter({ hasText: '高橋 みおさんが退館しました' });
    await item.waitFor({ timeout: 45_000 });
    expect(await item.textContent()).toContain('お迎え：父 高橋 健二');
    // Newest first.
    expect(await page.getByRole('listitem').first().textContent()).toContain('退館しました');
    await page.getByRole('button', { name: 'すべて既読にする' }).click();
    await expect.poll(() => page.getByText('未読', { exact: true }).count()).toBe(0);
    expect((await guardian.notifications()).unread_count).toBe(0);
  });

  test('channel preferences and quiet hours are saved for the guardian', async () => {
    const { page } = phone;
    await tab('設定').click();
    const prefs = page.getByRole('region', { name: '通知設定' });
    const stamps = prefs.getByRole('group', { name: '入館・退館' });
    await stamps.getByRole('checkbox', { name: 'メール' }).uncheck();
    await prefs.getByRole('checkbox', { name: 'この時間はプッシュ通知とメールを控える' }).check();
    await prefs.getByLabel('開始').fill('21:30');
    await prefs.getByLabel('終了').fill('06:45');
    await prefs.getByLabel('メールと通知の言語').selectOption('en');
    await prefs.getByRole('button', { name: '保存' }).click();
    await prefs.getByRole('status').filter({ hasText: '保存しました。' }).waitFor();
    expect(await guardian.notificationPreferences()).toEqual({
      stamps: { push: true, email: false, inapp: true },
      messages: { push: true, email: true, inapp: true },
      quiet_hours: { from: '21:30', to: '06:45' },
      language: 'en',
    });

    await page.reload();
    await prefs.getByLabel('開始').waitFor();
    expect(await stamps.getByRole('checkbox', { name: 'メール' }).isChecked()).toBe(false);
    expect(await prefs.getByLabel('終了').inputValue()).toBe('06:45');

    await prefs.getByRole('checkbox', { name: 'この時間はプッシュ通知とメールを控える' }).uncheck();
    await prefs.getByLabel('メールと通知の言語').selectOption('ja');
    await prefs.getByRole('button', { name: '保存' }).click();
    await prefs.getByRole('status').filter({ hasText: '保存しました。' }).waitFor();
    expect(await guardian.notificationPreferences()).toMatchObject({ quiet_hours: null, language: 'ja' });
  });

  test('push on this device: a refused permission is explained and nothing is registered', async () => {
    const { page } = phone;
    const push = page.getByRole('region', { name: 'この端末への通知（プッシュ通知）' });
    await push.getByText('この端末には通知が届きません。').waitFor();
    await push.getByRole('button', { name: 'この端末で通知を受け取る' }).click();
    await push.getByRole('alert').filter({ hasText: '通知が許可されませんでした' }).waitFor();
    expect(await guardian.listPushSubscriptions()).toEqual([]);
  });

  test('push on this device: a browser without a push service is explained and nothing is registered', async () => {
    const { page, context } = phone;
    await context.grantPermissions(['notifications'], { origin: server.url });
    await page.reload();
    const push = page.getByRole('region', { name: 'この端末への通知（プッシュ通知）' });
    await push.getByText('この端末には通知が届きません。').waitFor();
    await push.getByRole('button', { name: 'この端末で通知を受け取る' }).click();
    await push.getByRole('alert').filter({ hasText: 'このブラウザの通知サービスに接続できませんでした' }).waitFor();
    expect(await guardian.listPushSubscriptions()).toEqual([]);
    expect(await push.getByText('この端末には通知が届きません。').count()).toBe(1);
  });
});

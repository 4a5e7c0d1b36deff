// Messages from the facility in the parents' app and the emergency banner everywhere it
// shows: staff send through the API; the parent's list marks the unread ones (a dot, 未読
// for a screen reader), the message page shows the text with its links and the attached
// file (served to this family) and tells the server the family read it, which staff see in
// the receipts; a family outside the audience sees nothing and is told the message is not
// found; an emergency notice is a banner in the app, on the kiosk and on the roster of its
// facility (not another's) until staff end it; and the whole path in two browsers —
// staff compose in the admin, the parent reads on the phone, the receipt shows it read.
// Server clock pinned (2027-06-10 15:00 Tokyo).
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import type { MessageInput } from '../../web/src/shared/types';
import { newSite, startCheckinServer, type Site } from '../support/checkin';
import { signIn as apiSignIn } from '../support/fixtures';
import type { TestApi, TestServer } from '../support/server';
import { expectAccessible } from './axe';
import { registerFamily, signInFirstTime, startPhone, type Phone } from './app_support';
import { desktopContext, signInAt } from './harness';
import { startKioskBrowser, type KioskBrowser } from './kiosk_support';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');

describe('parents app: messages from the facility and emergency notices', () => {
  let server: TestServer;
  let site: Site;
  let other: Site;
  let phone: Phone;
  let outsider: Phone;
  let kiosk: KioskBrowser;
  let roster: Page;
  let guardian: TestApi;
  const password = 'megumi-pass-2027';

  const to = (s: Site, over: Partial<MessageInput> = {}): MessageInput => ({
    title: '7月のおたより', body: '夏休みの予定です。\n詳しくは https://example.jp/natsu をご覧ください。',
    audience: { facility_ids: [s.facility.id] }, channels: ['inapp'], ...over,
  });

  beforeAll(async () => {
    server = await startCheckinServer();
    const admin = await server.login();
    site = await newSite(server, admin, { name: 'ひまわり児童クラブ' });
    other = await newSite(server, admin, { name: 'さくら児童クラブ' });
    const yamada = await registerFamily(site.staff, [site.facility.id], {
      name: '山田家', guardians: [{ name: '山田 恵', relation: '母' }],
      children: [{ name: '山田 はな', name_kana: 'やまだ はな', birth_date: '2018-05-05' }],
    });
    const suzuki = await registerFamily(other.staff, [other.facility.id], {
      name: '鈴木家', guardians: [{ name: '鈴木 舞', relation: '母' }],
      children: [{ name: '鈴木 そら', name_kana: 'すずき そら', birth_date: '2018-05-05' }],
    });
    phone = await startPhone();
    const g = yamada.guardians[0];
    await signInFirstTime(phone.page, server, g.login, g.initial_password, password);
    guardian = (await apiSignIn(server, g.login, password)).api;
    outsider = await startPhone();
    const s = suzuki.guardians[0];
    await signInFirstTime(outsider.page, server, s.login, s.initial_password, 'mai-pass-2027');
    kiosk = await startKioskBrowser();
    await kiosk.page.goto(`${server.url}/kiosk/#token=${encodeURIComponent(site.kioskToken)}`);
    await kiosk.page.getByRole('heading', { name: /カード/ }).waitFor();
    roster = await (await desktopContext(kiosk.browser)).newPage();
    await signInAt(roster, server, `/admin/roster?facility_id=${site.facility.id}`);
  });
  afterAll(async () => {
    await phone?.close();
    await outsider?.close();
    await kiosk?.close();
    await server?.close();
  });

  const goto = (p: Phone, path: string) => p.page.goto(`${server.url}/app${path}`);

  test('the list marks the unread; the message shows its links and file and is read', async () => {
    const pdf = await site.staff.uploadAttachment(PDF, '7月のおたより.pdf', 'application/pdf');
    const { message: first } = await site.staff.sendMessage(to(site, { attachment_ids: [pdf.id] }));
    await site.staff.sendMessage(to(site, { title: 'プールの持ち物', body: '水着とタオルをお持ちください。' }));

    const { page } = phone;
    await goto(phone, '/messages');
    await page.getByRole('heading', { name: '施設からのお知らせ', level: 1 }).waitFor();
    const items = page.locator('main').getByRole('list', { name: /^お知らせ \d+件$/ }).getByRole('listitem');
    await expect.poll(() => items.count()).toBe(2);
    expect(await page.getByRole('link', { name: /^7月のおたより\s*（未読）$/ }).count()).toBe(1);
    expect(await page.locator('.pa-dot').count()).toBe(2);
    await expectAccessible(page);

    await page.getByRole('link', { name: /^7月のおたより\s*（未読）$/ }).click();
    await page.getByRole('heading', { name: '7月のおたより', level: 1 }).waitFor();
    const link = page.getByRole('link', { name: 'https://example.jp/natsu' });
    expect(await link.getAttribute('href')).toBe('https://example.jp/natsu');
    expect(await link.getAttribute('rel')).toContain('noopener');
    const file = page.getByRole('link', { name: '7月のおたより.pdf' });
    const href = (await file.getAttribute('href'))!;
    const fetched = await page.evaluate(async (url) => {
      const res = await fetch(url);
      return { status: res.status, type: res.headers.get('content-type') };
    }, href);
    expect(fetched).toEqual({ status: 200, type: 'application/pdf' });
    await expectAccessible(page);

    // Opening it told the server: staff see the family read it; the list drops its dot.
    await expect.poll(async () => (await site.staff.messageReceipts(first.id)).read_families).toBe(1);
    await page.getByRole('link', { name: 'お知らせ一覧へ戻る' }).click();
    await page.getByRole('link', { name: /^プールの持ち物\s*（未読）$/ }).waitFor();
    await expect.poll(() => page.locator('.pa-dot').count()).toBe(1);
    expect(await page.getByRole('link', { name: '7月のおたより', exact: true }).count()).toBe(1);

    // A family outside the audience sees none of it, and not the page of one.
    await goto(outsider, '/messages');
    await outsider.page.getByText('施設からのお知らせはまだありません。').waitFor();
    await goto(outsider, `/messages/${first.id}`);
    await outsider.page.getByRole('heading', { name: 'お知らせが見つかりません' }).waitFor();
    expect((await guardian.myMessages()).items.map((m) => m.id)).toContain(first.id);
  });

  test('the inbox links a message notification to its page', async () => {
    const { message } = await site.staff.sendMessage(to(site, { title: '遠足のお知らせ' }));
    const { page } = phone;
    await goto(phone, '/notifications');
    await page.getByRole('link', { name: '遠足のお知らせ' }).click();
    await page.getByRole('heading', { name: '遠足のお知らせ', level: 1 }).waitFor();
    expect(page.url()).toBe(`${server.url}/app/messages/${message.id}`);
  });

  test('an emergency notice is a banner in the app, on the kiosk and on the roster until it is ended', async () => {
    const { message } = await site.staff.sendMessage(to(site, {
      title: '台風のため閉所します', body: '本日は16時で閉所します。お迎えをお願いします。', priority: 'emergency',
    }));
    // Another facility's emergency is not shown here.
    await other.staff.sendMessage(to(other, { title: 'さくらの断水', body: '断水のため閉所します。', priority: 'emergency' }));

    const { page } = phone;
    await goto(phone, '/');
    const banner = page.getByRole('region', { name: '緊急のお知らせ' });
    await banner.waitFor();
    expect(await banner.textContent()).toContain('台風のため閉所します');
    expect(await banner.textContent()).toContain('本日は16時で閉所します。');
    expect(await page.getByText('さくらの断水').count()).toBe(0);
    await expectAccessible(page);
    await banner.getByRole('link', { name: '詳しく見る：台風のため閉所します' }).click();
    await page.getByRole('heading', { name: '台風のため閉所します', level: 1 }).waitFor();

    await kiosk.page.reload();
    const on_kiosk = kiosk.page.getByRole('region', { name: '緊急のお知らせ' });
    await on_kiosk.waitFor();
    expect(await on_kiosk.textContent()).toContain('台風のため閉所します');
    expect(await kiosk.page.getByText('さくらの断水').count()).toBe(0);

    await roster.reload();
    const on_roster = roster.getByRole('region', { name: '緊急のお知らせ' });
    await on_roster.waitFor();
    expect(await on_roster.textContent()).toContain('台風のため閉所します');
    expect(await roster.getByText('さくらの断水').count()).toBe(0);

    // Ended by staff: gone everywhere (each page fetches again when shown).
    await site.staff.endMessage(message.id);
    await goto(phone, '/');
    for (const p of [page, kiosk.page, roster]) {
      if (p !== page) await p.reload();
      await p.locator('main').first().waitFor();
      await expect.poll(() => p.getByText('台風のため閉所します', { exact: true }).count()).toBe(0);
    }
    // The message itself still says it was an emergency, now ended.
    await goto(phone, `/messages/${message.id}`);
    await page.getByText('この緊急連絡は終了しました。').waitFor();
  });

  test('staff compose in the admin, the parent reads it on the phone, the receipt shows it read', async () => {
    await roster.goto(`${server.url}/admin/messages/new`);
    const form = roster.locator('form').filter({ has: roster.getByLabel('件名') });
    await form.getByRole('group', { name: '施設' }).getByLabel('ひまわり児童クラブ').check();
    await expect.poll(() => roster.getByRole('status').filter({ hasText: /届きます/ }).textContent()).toContain('1家庭');
    await form.getByLabel('件名').fill('保護者会のご案内');
    await form.getByLabel('本文').fill('7月15日に保護者会を開きます。');
    await form.getByRole('button', { name: '送信' }).click();
    await roster.getByText('届いた家庭 1 / 既読 0（0%）').waitFor();

    const { page } = phone;
    await goto(phone, '/messages');
    await page.getByRole('link', { name: /^保護者会のご案内\s*（未読）$/ }).click();
    await page.getByRole('heading', { name: '保護者会のご案内', level: 1 }).waitFor();
    await page.getByText('7月15日に保護者会を開きます。').waitFor();

    await expect.poll(async () => {
      await roster.reload();
      await roster.getByText(/届いた家庭 1 \/ 既読/).waitFor();
      return roster.getByText('届いた家庭 1 / 既読 1（100%）').count();
    }).toBe(1);
    expect(await roster.getByRole('row', { name: /山田家/ }).textContent()).toContain('山田 恵');
  });

  test('in English', async () => {
    const { page } = phone;
    await goto(phone, '/messages');
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await page.getByRole('heading', { name: 'Messages from the facility', level: 1 }).waitFor();
    await page.getByRole('button', { name: '日本語に切り替える' }).click();
    await page.getByRole('heading', { name: '施設からのお知らせ', level: 1 }).waitFor();
  });
});

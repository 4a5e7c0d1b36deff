// The staff's admin screens of messages (お知らせ): a staff member of two facilities
// writes a message to one of them, watching the live count of its recipients (2 of the 3
// families); the message's page shows 2 families and none read; a guardian reads it
// through the API and the page shows that family read (1/2); 未読の家庭に再送 reminds the
// other one. An empty title is refused next to its field and sends nothing. An emergency
// asks first (cancelling sends nothing), then is sent and ended. The list, compose and
// detail pages pass axe-core, and the compose page switches to English. A message with an
// attachment scheduled for tomorrow (Tokyo time) is 予約 until cancelled (取消).
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { enrolledFamily, tokyo } from '../support/checkin';
import { newStaff } from '../support/fixtures';
import type { TestApi } from '../support/server';
import { kLive, rowOf } from './admin_support';
import { expectAccessible } from './axe';
import { signInAt, startBrowser, startServer, type TestBrowser, type TestServer } from './harness';

interface Member {
  family_name: string;
  guardian: TestApi;
}

describe('admin app: messages (お知らせ)', () => {
  let server: TestServer;
  let staff: TestApi;
  let sato: Member;
  let suzuki: Member;
  let b: TestBrowser;
  let message_id = '';

  /** A family of one guardian and one child (born 2018-05-05) at `facility_id`. */
  const family = async (facility_id: string, name: string, guardian: string, child: string, kana: string): Promise<Member> => {
    const m = await enrolledFamily(server, staff, [facility_id], {
      name,
      guardians: [{ name: guardian, relation: '母' }],
      children: [{ name: child, name_kana: kana, birth_date: '2018-05-05' }],
    });
    return { family_name: name, guardian: m.guardian };
  };
  const messageCount = async () => (await staff.messages({ limit: 100 })).items.length;

  beforeAll(async () => {
    server = await startServer();
    const admin = await server.login();
    const aozora = await admin.createFacility({ name: 'あおぞら児童クラブ', kind: 'after_school', opens_at: '00:00', closes_at: '23:59' });
    const midori = await admin.createFacility({ name: 'みどり児童クラブ', kind: 'after_school', opens_at: '00:00', closes_at: '23:59' });
    const who = await newStaff(server, admin, [aozora.id, midori.id]);
    staff = who.api;
    sato = await family(aozora.id, '佐藤家', '佐藤 恵', '佐藤 はる', 'さとう はる');
    suzuki = await family(aozora.id, '鈴木家', '鈴木 舞', '鈴木 そら', 'すずき そら');
    await family(midori.id, '田中家', '田中 綾', '田中 りく', 'たなか りく');

    b = await startBrowser();
    await signInAt(b.page, server, '/admin/messages', { login: who.login, password: who.password });
  });
  afterAll(async () => {
    await b?.close();
    await server?.close();
  });

  const compose = async () => {
    const { page } = b;
    await page.goto(`${server.url}/admin/messages/new`);
    await page.getByRole('heading', { name: '新しいお知らせ', level: 1 }).waitFor();
    return page.locator('form').filter({ has: page.getByLabel('件名') });
  };
  const recipients = () => b.page.getByRole('status').filter({ hasText: /届きます|届く家庭|^Reaches/ });

  test('the list starts empty, with the button to write one, and is accessible', async () => {
    const { page } = b;
    await page.getByRole('heading', { name: 'お知らせ', level: 1 }).waitFor();
    expect(await page.getByRole('navigation').getByRole('link', { name: 'お知らせ' }).getAttribute('aria-current')).toBe('page');
    await page.getByText('お知らせはありません。').waitFor();
    await expectAccessible(page);
    await page.getByRole('link', { name: '新しいお知らせ' }).click();
    await page.getByRole('heading', { name: '新しいお知らせ', level: 1 }).waitFor();
  });

  test('an empty title is refused next to its field and sends nothing', async () => {
    const form = await compose();
    await form.getByLabel('本文').fill('本文だけ書きました。');
    await form.getByRole('button', { name: '送信' }).click();
    const title = form.getByLabel('件名');
    await expect.poll(() => title.getAttribute('aria-invalid')).toBe('true');
    await form.getByRole('alert').first().waitFor();
    expect(await form.locator('.field-error').first().textContent()).toContain('入力してください');
    expect(await messageCount()).toBe(0);
    await expectAccessible(b.page);
  });

  test('writing to one facility: the live count follows the audience; sent, the page shows 2 families, none read', async () => {
    const { page } = b;
    const form = await compose();
    // With no facility chosen: every family the staff member may reach (both facilities).
    await expect.poll(() => recipients().textContent()).toBe('3家庭・保護者3人・児童3人に届きます。');
    await form.getByRole('group', { name: '施設' }).getByLabel('あおぞら児童クラブ').check();
    await expect.poll(() => recipients().textContent()).toBe('2家庭・保護者2人・児童2人に届きます。');
    await form.getByLabel('月齢（以上）').fill('300'); // 25 years: none of the children
    await expect.poll(() => recipients().textContent()).toBe('届く家庭がありません。');
    await form.getByLabel('月齢（以上）').fill('');
    await expect.poll(() => recipients().textContent()).toBe('2家庭・保護者2人・児童2人に届きます。');

    await form.getByLabel('件名').fill('遠足のお知らせ');
    await form.getByLabel('本文').fill('6月20日は遠足です。\n詳しくは https://example.jp/ensoku をご覧ください。');
    // The preview shows the text as parents see it: the line break kept, the address a link.
    const preview = page.getByRole('region', { name: 'プレビュー（保護者の画面）' });
    await preview.getByRole('heading', { name: '遠足のお知らせ' }).waitFor();
    expect(await preview.locator('br').count()).toBe(1);
    expect(await preview.getByRole('link', { name: 'https://example.jp/ensoku' }).getAttribute('href')).toBe('https://example.jp/ensoku');
    for (const channel of ['プッシュ通知', 'メール', 'アプリ内']) expect(await form.getByLabel(channel).isChecked()).toBe(true);
    await expectAccessible(page);

    await form.getByRole('button', { name: '送信' }).click();
    await page.getByRole('heading', { name: 'お知らせの詳細' }).waitFor();
    message_id = decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!);
    await page.getByRole('heading', { name: '遠足のお知らせ' }).waitFor();
    await page.getByText('届いた家庭 2 / 既読 0（0%）').waitFor();
    const receipts = page.getByRole('region', { name: '届いた家庭と既読' });
    for (const name of ['佐藤家', '鈴木家']) expect(await rowOf(page, name).textContent()).toContain('未読');
    expect(await receipts.getByRole('row').count()).toBe(3); // the header and the two families
    expect(await page.getByRole('link', { name: 'https://example.jp/ensoku' }).count()).toBe(1);
    expect(await messageCount()).toBe(1);
    await expectAccessible(page);
  });

  test('a guardian reads it: the family shows read, 1 of 2; the reminder goes to the other family', async () => {
    const { page } = b;
    await sato.guardian.readMessage(message_id);
    await page.reload();
    await page.getByText('届いた家庭 2 / 既読 1（50%）').waitFor();
    expect(await rowOf(page, sato.family_name).textContent()).toContain('佐藤 恵');
    expect(await rowOf(page, sato.family_name).textContent()).not.toContain('未読');
    expect(await rowOf(page, suzuki.family_name).textContent()).toContain('未読');

    await page.getByRole('button', { name: '未読の家庭に再送' }).click();
    await page.getByRole('status').filter({ hasText: '未読の1家庭に再送しました。' }).waitFor();
    await expect.poll(() => rowOf(page, suzuki.family_name).locator('td').last().textContent(), kLive).toBe('1');

    await page.getByRole('link', { name: 'お知らせ一覧へ' }).click();
    const row = rowOf(page, '遠足のお知らせ');
    await expect.poll(() => row.textContent()).toContain('1/2（50%）');
    expect(await row.textContent()).toContain('送信済み');
    expect(await row.textContent()).toContain('2家庭');
    await expectAccessible(page);
  });

  test('an emergency asks first: cancelling sends nothing; confirmed, it is in force until ended', async () => {
    const { page } = b;
    const form = await compose();
    await form.getByLabel('件名').fill('台風のため本日休所');
    await form.getByLabel('本文').fill('台風が近づいているため、本日は休所します。');
    await form.getByLabel('緊急').check();
    expect(await form.getByLabel('送信日時（予約）').count(), 'an emergency goes at once').toBe(0);
    await form.getByRole('button', { name: '送信' }).click();
    const dialog = page.getByRole('dialog', { name: '緊急のお知らせを送信しますか？' });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('通知しない時間帯の設定も無視されます');
    await expectAccessible(page);
    await dialog.getByRole('button', { name: 'やめる' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await messageCount()).toBe(1);

    await form.getByRole('button', { name: '送信' }).click();
    await dialog.getByRole('button', { name: '緊急で送信する' }).click();
    await page.getByRole('heading', { name: 'お知らせの詳細' }).waitFor();
    await page.getByText('緊急連絡中').waitFor();
    const sent = (await staff.messages({ limit: 100 })).items.find((m) => m.title === '台風のため本日休所');
    expect(sent?.priority).toBe('emergency');
    expect(await messageCount()).toBe(2);

    await page.getByRole('button', { name: '緊急連絡を終了' }).click();
    const end = page.getByRole('dialog', { name: '緊急連絡を終了しますか？' });
    await end.getByRole('button', { name: '緊急連絡を終了' }).click();
    await page.getByRole('status').filter({ hasText: '緊急連絡を終了しました。' }).waitFor();
    await page.getByText('緊急連絡終了').waitFor();
    expect(await page.getByRole('button', { name: '緊急連絡を終了' }).count()).toBe(0);
    expect((await staff.staffMessage(sent!.id)).ended_at).toEqual(expect.any(String));
    await expectAccessible(page);
  });

  test('scheduled for tomorrow with an attachment: 予約 with its file, then cancelled', async () => {
    const { page } = b;
    const form = await compose();
    await form.getByLabel('件名').fill('保護者会の資料');
    await form.getByLabel('本文').fill('資料を添付します。');
    // The smallest PNG: the signature, and no more is checked.
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a1c5c8b30000000049454e44ae426082', 'hex');
    await form.getByLabel('ファイルを添付').setInputFiles({ name: '資料.png', mimeType: 'image/png', buffer: png });
    await page.getByRole('status').filter({ hasText: '資料.png を添付しました。' }).waitFor();
    expect(await form.getByRole('button', { name: '資料.png を外す' }).count()).toBe(1);
    const tomorrow = tokyo(Date.now() + 24 * 3600_000).slice(0, 16); // "2027-06-11T15:00", Tokyo's wall clock
    await form.getByLabel('送信日時（予約）').fill(tomorrow);
    await form.getByRole('button', { name: '予約する' }).click();
    await page.getByRole('heading', { name: 'お知らせの詳細' }).waitFor();
    await page.getByRole('heading', { name: '保護者会の資料' }).waitFor();
    const id = decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!);
    const scheduled = await staff.staffMessage(id);
    expect(scheduled.status).toBe('scheduled');
    expect(new Date(scheduled.send_at).getTime()).toBe(new Date(`${tomorrow}:00+09:00`).getTime());
    const link = page.getByRole('link', { name: '資料.png' });
    expect(await link.getAttribute('href')).toBe(`/api/v1/attachments/${encodeURIComponent(scheduled.attachments[0].id)}`);
    await page.getByText('予約', { exact: true }).waitFor();
    expect(await page.getByRole('button', { name: '未読の家庭に再送' }).count()).toBe(0);

    await page.getByRole('button', { name: '予約を取り消す' }).click();
    await page.getByRole('dialog', { name: '予約を取り消しますか？' }).getByRole('button', { name: '予約を取り消す' }).click();
    await page.getByRole('status').filter({ hasText: '予約を取り消しました。' }).waitFor();
    await page.getByText('取消', { exact: true }).waitFor();
    expect((await staff.staffMessage(id)).status).toBe('cancelled');

    await page.goto(`${server.url}/admin/messages?status=scheduled`);
    await page.getByText('お知らせはありません。').waitFor();
    await page.goto(`${server.url}/admin/messages?status=cancelled`);
    await expect.poll(() => rowOf(page, '保護者会の資料').textContent()).toContain('取消');
    expect(await rowOf(page, '遠足のお知らせ').count()).toBe(0);
  });

  test('at phone width the compose page needs no sideways scrolling and stays accessible', async () => {
    const { page } = b;
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      await compose();
      await expect.poll(() => recipients().textContent()).toContain('3家庭');
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await expectAccessible(page);
    } finally {
      await page.setViewportSize({ width: 1280, height: 900 });
    }
  });

  test('the compose page switches to English and back', async () => {
    const { page } = b;
    await compose();
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'New message', level: 1 }).waitFor();
    const form = page.locator('form').filter({ has: page.getByLabel('Title') });
    for (const label of ['Title', 'Body', 'Push', 'E-mail', 'In-app', 'Age in months (from)', 'Send at (scheduled)']) {
      expect(await form.getByLabel(label).count(), label).toBe(1);
    }
    expect(await form.getByRole('group', { name: 'Recipients' }).count()).toBe(1);
    await expect.poll(() => recipients().textContent()).toBe('Reaches 3 families, 3 guardians, 3 children.');
    await page.getByRole('button', { name: '日本語' }).click();
    await page.getByRole('heading', { name: '新しいお知らせ', level: 1 }).waitFor();
  });
});

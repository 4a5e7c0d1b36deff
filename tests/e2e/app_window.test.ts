// What a parent on a phone sets for the window, in the parents' app: their own furigana,
// e-mail address and phone (a bad address refused next to its field; staff read the
// change); permission for a child to go home alone (a switch, saved at once); the child's
// allergy (staff read it; the staff's own notes stay theirs and are null for the parent);
// the plan form saying each day's deadline before saving (in the warning style once
// passed, and the server then marks the change late), saving two siblings in one go, and
// starting from the facility's hours, then from the last plan's times; the visit history
// on a narrow phone (no broken dates, "went home alone"); the reason push cannot be turned
// on when the browser blocks notifications; and for a family of a drop-in room only, the
// family's QR code first.
// The server runs on the real clock: plan days are tomorrow or later in Tokyo, and the
// deadline rule (3 days before, 17:00) makes tomorrow's passed and a day 5 days on open at
// any hour.
import type { Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Facility, NewFamily } from '../../web/src/shared/types';
import { clientId } from '../support/checkin';
import { facilityInput, newStaff } from '../support/fixtures';
import type { TestApi, TestServer } from '../support/server';
import { expectAccessible } from './axe';
import { denyNotifications, jaDay, registerFamily, signInFirstTime, startPhone, tokyoDay, type Phone } from './app_support';
import { startServer } from './harness';

describe('parents app: details for the window', () => {
  let server: TestServer;
  let admin: TestApi;
  let staff: TestApi;
  let phone: Phone;
  let club: Facility;
  let room: Facility;
  let family: NewFamily;
  const care_puts: Request[] = [];

  beforeAll(async () => {
    server = await startServer();
    admin = await server.login();
    club = await admin.createFacility(facilityInput({
      opens_at: '14:00', closes_at: '19:00', plan_deadline_days: 3, plan_deadline_time: '17:00', duplicate_window_seconds: 0,
    }));
    room = await admin.createFacility(facilityInput({ name: `こどもルーム ${Date.now()}`, kind: 'drop_in', opens_at: '09:00', closes_at: '17:00' }));
    ({ api: staff } = await newStaff(server, admin, [club.id, room.id]));
    family = await registerFamily(admin, [club.id], {
      name: '高橋家',
      guardians: [
        { name: '高橋 美穂', relation: '母', email: null },
        { name: '高橋 健', relation: '父', name_kana: 'たかはし けん', phone: '090-1111-2222' },
      ],
      children: [
        { name: '高橋 ゆうと', name_kana: 'たかはし ゆうと', birth_date: '2017-05-10' },
        { name: '高橋 みお', name_kana: 'たかはし みお', birth_date: '2019-09-01' },
      ],
    });
    phone = await startPhone();
    phone.page.on('request', (r) => {
      if (r.method() === 'PUT' && r.url().endsWith('/care')) care_puts.push(r);
    });
    await signInFirstTime(phone.page, server, family.guardians[0].login, family.guardians[0].initial_password, 'miho-pass-2027');
  });
  afterAll(async () => {
    await phone?.close();
    await server?.close();
  });

  const yuto = () => family.children.find((c) => c.name === '高橋 ゆうと')!;
  const mio = () => family.children.find((c) => c.name === '高橋 みお')!;
  const childSection = (name: string) =>
    phone.page.getByRole('region', { name: 'こどものこと' }).getByRole('region', { name });

  test('a parent changes their own furigana, e-mail address and phone; staff see them', async () => {
    const { page } = phone;
    await page.getByRole('navigation').getByRole('link', { name: '設定' }).click();
    await page.getByRole('link', { name: '家族を見る・招待する' }).click();
    await page.getByRole('heading', { name: '家族', level: 1 }).waitFor();
    // The other guardian's details are shown, not edited.
    const father = page.getByRole('region', { name: '保護者' }).getByRole('listitem').filter({ hasText: '高橋 健' });
    await father.getByText('ふりがな：たかはし けん').waitFor();
    await father.getByText('電話：090-1111-2222').waitFor();
    expect(await father.getByRole('textbox').count()).toBe(0);

    const form = page.getByRole('form', { name: 'ご自分の連絡先' });
    await form.getByText(/通知をメールで受け取るときの宛先です/).waitFor();
    const email = form.getByLabel('メールアドレス');
    await email.fill('miho-at-example');
    await form.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => email.getAttribute('aria-invalid')).toBe('true');
    const error_id = (await email.getAttribute('aria-describedby'))!.split(' ').pop()!;
    expect(await page.locator(`[id="${error_id}"]`).textContent()).not.toBe('');
    await expectAccessible(page);

    await form.getByLabel('ふりがな').fill('たかはし みほ');
    await email.fill('miho.takahashi@example.jp');
    await form.getByLabel('電話番号').fill('090-1234-5678');
    await form.getByRole('button', { name: '保存' }).click();
    await form.getByRole('status').filter({ hasText: '連絡先を保存しました。' }).waitFor();
    expect(await email.getAttribute('aria-invalid')).toBeNull();
    const me = (await staff.getFamily(family.id)).guardians.find((g) => g.id === family.guardians[0].id)!;
    expect([me.name_kana, me.email, me.phone]).toEqual(['たかはし みほ', 'miho.takahashi@example.jp', '090-1234-5678']);
  });

  test('a parent allows a child to go home alone; the switch shows for every child', async () => {
    const { page } = phone;
    const yuto_switch = childSection('高橋 ゆうと').getByRole('switch', { name: 'ひとりで帰ることを許可する' });
    expect(await yuto_switch.isChecked()).toBe(false);
    expect(await childSection('高橋 みお').getByRole('switch', { name: 'ひとりで帰ることを許可する' }).count()).toBe(1);
    await childSection('高橋 ゆうと').getByText(/受付の画面に「ひとりで帰る」が出ます/).waitFor();
    await yuto_switch.click();
    await childSection('高橋 ゆうと').getByRole('status').filter({ hasText: '高橋 ゆうと さんがひとりで帰ることを許可しました。' }).waitFor();
    expect((await staff.getChild(yuto().id)).may_leave_alone).toBe(true);
    expect((await staff.getChild(mio().id)).may_leave_alone).toBe(false);
    await page.reload();
    await expect.poll(() => childSection('高橋 ゆうと').getByRole('switch').isChecked()).toBe(true);
  });

  test('a parent enters an allergy: staff read it, their notes stay theirs and are null for the parent', async () => {
    const { page } = phone;
    await staff.putChildCare(yuto().id, { notes: '迎えは祖母が多い' });
    await page.reload();
    const form = childSection('高橋 ゆうと').getByRole('form', { name: '高橋 ゆうと さんのアレルギー・配慮' });
    await childSection('高橋 ゆうと').getByText('ここに書いた内容は、高橋 ゆうと さんが利用する施設の職員が見ます。').waitFor();
    await form.getByLabel('アレルギー').fill('そば・ピーナッツ');
    await form.getByLabel('持病・服薬・医療的な配慮').fill('ぜんそく（吸入薬を持たせています）');
    await form.getByRole('button', { name: 'アレルギー・配慮を保存' }).click();
    await form.getByRole('status').filter({ hasText: '保存しました。' }).waitFor();

    expect(care_puts).toHaveLength(1);
    expect(Object.keys(JSON.parse(care_puts[0].postData()!)).sort()).toEqual(['allergy', 'medical']);
    const seen_by_staff = await staff.getChildCare(yuto().id);
    expect([seen_by_staff.allergy, seen_by_staff.medical, seen_by_staff.notes])
      .toEqual(['そば・ピーナッツ', 'ぜんそく（吸入薬を持たせています）', '迎えは祖母が多い']);
    const seen_by_parent = await page.evaluate(async (id) => (await fetch(`/api/v1/children/${id}/care`)).json(), yuto().id);
    expect([seen_by_parent.allergy, seen_by_parent.notes]).toEqual(['そば・ピーナッツ', null]);
    await form.getByText(/^最終更新：/).waitFor();
    await expectAccessible(page);
  });

  test('the visit history keeps dates and times on one line on a phone, and says who went home alone', async () => {
    const { page } = phone;
    const arrived = await staff.stamp({ facility_id: club.id, client_id: clientId(), child_id: yuto().id, direction: 'in' });
    await staff.stamp({ facility_id: club.id, client_id: clientId(), child_id: yuto().id, direction: 'out' });
    const visit_id = 'visit' in arrived ? arrived.visit.id : '';
    await staff.setPickup(visit_id, { alone: true });
    await page.goto(`${server.url}/app/history?child=${yuto().id}`);
    await page.getByRole('heading', { name: '高橋 ゆうと さんの入退館の記録' }).waitFor();
    const row = page.getByRole('row').filter({ hasText: 'ひとりで帰りました' });
    await row.waitFor();
    const date = row.getByRole('rowheader');
    expect(await date.textContent()).toBe(jaDay(tokyoDay()));
    expect(await date.evaluate((el) => getComputedStyle(el).whiteSpace)).toBe('nowrap');
    // The date's text lies on one line, and the table fits the phone's width.
    const lines = await date.evaluate((el) => {
      const range = document.createRange();
      range.selectNodeContents(el);
      return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
    });
    expect(lines).toBe(1);
    expect(await page.locator('.pa-scroll:has(.pa-history)').evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    await expectAccessible(page);
  });

  const day = (date: string) => phone.page.locator(`button.pa-day[data-date="${date}"]`);
  const openPlans = async (date: string) => {
    await phone.page.goto(`${server.url}/app/plans?child=${yuto().id}&month=${date.slice(0, 7)}`);
    await phone.page.getByRole('heading', { name: '高橋 ゆうと さんの出欠予定' }).waitFor();
    await day(date).waitFor();
  };

  test('the plan form says a passed deadline before saving, and the server marks the change late', async () => {
    const { page } = phone;
    const tomorrow = tokyoDay(1);
    await openPlans(tomorrow);
    await day(tomorrow).click();
    const editor = page.getByRole('form', { name: '選んだ 1日の予定' });
    const notice = editor.locator('.pa-deadline');
    await notice.getByText(`${jaDay(tomorrow)}の変更は${jaDay(tokyoDay(-2))} 17:00まで（締切を過ぎています）`).waitFor();
    await notice.getByText('締切を過ぎています。保存はできますが、施設には「締切後」の変更として届きます。').waitFor();
    expect(await notice.getAttribute('class')).toContain('alert--warning');
    await expectAccessible(page);
    await editor.getByRole('radio', { name: '欠席' }).check();
    await editor.getByLabel('理由').fill('通院のため');
    await editor.getByRole('button', { name: '1日分を保存' }).click();
    await page.getByRole('status').filter({ hasText: 'うち 1日は締切後の変更です。' }).waitFor();
    const [plan] = await staff.listPlans(yuto().id, { from: tomorrow, to: tomorrow });
    expect([plan.status, plan.late]).toEqual(['absent', true]);
  });

  test('one form saves two siblings; the times start from the facility\'s hours', async () => {
    const { page } = phone;
    const date = tokyoDay(5);
    await openPlans(date);
    await day(date).click();
    const editor = page.getByRole('form', { name: '選んだ 1日の予定' });
    const notice = editor.locator('.pa-deadline');
    await notice.getByText(`${jaDay(date)}の変更は${jaDay(tokyoDay(2))} 17:00まで`, { exact: true }).waitFor();
    expect(await notice.getAttribute('class')).not.toContain('alert--warning');

    const children = editor.getByRole('group', { name: '対象のこども' });
    expect(await children.getByRole('checkbox', { name: '高橋 ゆうと' }).isChecked()).toBe(true);
    expect(await children.getByRole('checkbox', { name: '高橋 みお' }).isChecked()).toBe(false);
    await children.getByRole('checkbox', { name: '高橋 みお' }).check();
    await editor.getByRole('radio', { name: '出席' }).check();
    await editor.getByText('時刻：施設の開所時間').waitFor();
    await expect.poll(() => editor.getByLabel('到着予定').inputValue()).toBe('14:00');
    expect(await editor.getByLabel('帰る予定').inputValue()).toBe('19:00');
    await editor.getByLabel('到着予定').fill('15:00');
    await editor.getByLabel('帰る予定').fill('17:30');
    expect(await editor.getByText('時刻：施設の開所時間').count()).toBe(0);
    await expectAccessible(page);
    await editor.getByRole('button', { name: '1日分を保存' }).click();
    const said = page.getByRole('status').filter({ hasText: '高橋 ゆうと：1日分の予定を保存しました。' });
    await said.waitFor();
    expect(await said.textContent()).toContain('高橋 みお：1日分の予定を保存しました。');
    for (const child of [yuto(), mio()]) {
      const plans = await staff.listPlans(child.id, { from: date, to: date });
      expect(plans.map((p) => [p.facility_id, p.status, p.arrive_at, p.leave_at, p.late])).toEqual([[club.id, 'attend', '15:00', '17:30', false]]);
    }
  });

  test('the next plan starts from the last plan\'s times', async () => {
    const { page } = phone;
    const date = tokyoDay(6);
    await openPlans(date);
    await day(date).click();
    const editor = page.getByRole('form', { name: '選んだ 1日の予定' });
    await editor.getByRole('radio', { name: '出席' }).check();
    await editor.getByText('時刻：前回と同じ時刻').waitFor();
    await expect.poll(() => editor.getByLabel('到着予定').inputValue()).toBe('15:00');
    expect(await editor.getByLabel('帰る予定').inputValue()).toBe('17:30');
    await editor.getByRole('button', { name: '1日分を保存' }).click();
    await page.getByRole('status').filter({ hasText: '1日分の予定を保存しました。' }).waitFor();
    const [plan] = await staff.listPlans(yuto().id, { from: date, to: date });
    expect([plan.arrive_at, plan.leave_at]).toEqual(['15:00', '17:30']);
  });

  test('with notifications blocked in the browser, the push section says why and how to allow them', async () => {
    const { page } = phone;
    await denyNotifications(phone, server.url);
    await page.goto(`${server.url}/app/settings`);
    const push = page.getByRole('region', { name: 'この端末への通知（プッシュ通知）' });
    const status = push.getByRole('status');
    await status.getByText('通知がブラウザでブロックされています。', { exact: false }).waitFor();
    expect(await status.textContent()).toContain('許可するには：');
    expect(await push.getByRole('button', { name: 'この端末で通知を受け取る' }).count()).toBe(0);
    await push.getByRole('button', { name: 'もう一度確かめる' }).waitFor();
    await expectAccessible(page);
  });

  test('a family of a drop-in room only sees its family code first', async () => {
    const drop_in = await registerFamily(admin, [room.id], {
      name: '中村家',
      guardians: [{ name: '中村 さき', relation: '母' }],
      children: [{ name: '中村 そうた', birth_date: '2022-03-03' }],
    });
    const other = await startPhone();
    try {
      const { page } = other;
      await signInFirstTime(page, server, drop_in.guardians[0].login, drop_in.guardians[0].initial_password, 'saki-pass-2027');
      await page.getByRole('article', { name: '中村 そうた' }).getByRole('link', { name: 'QRコードを表示' }).click();
      await page.getByRole('heading', { name: '中村 そうた さんの世帯のQRコード' }).waitFor();
      const image = page.getByRole('img', { name: '世帯 のQRコード' });
      await image.waitFor();
      const family_svg = await page.evaluate(async (id) => (await fetch(`/api/v1/families/${id}/qr.svg`)).text(), drop_in.id);
      expect(decodeURIComponent((await image.getAttribute('src'))!.split(',')[1])).toBe(family_svg);
      await expectAccessible(page);
      // The child's own code is the second choice.
      await page.getByRole('link', { name: 'こどものQRコード' }).click();
      await page.getByRole('img', { name: '中村 そうた のQRコード' }).waitFor();
    } finally {
      await other.close();
    }
  });
});

// The calendar (行事予定) in the parents' app, on a pinned server clock (Thursday 2027-06-10,
// 15:00 in Tokyo), with entries staff made through the API: a closure (休館日), a course of
// one seat for 6–9-year-olds, and an event cancelled (中止). A guardian sees them from the
// home page (with the next closure) on the calendar page, closure and cancellation marked;
// the course's page links its .ics and applies for the one child of the ages (confirmed);
// a second family is waitlisted No. 1; the first withdraws after confirming and the second
// is confirmed (seen after a reload). The subscription link shows, copies, opens as
// webcal://, and is replaced after confirming (the old one stops working). The plans page
// shows the closure day as 休館日, not to be chosen, and says a closure made meanwhile
// (409 facility_closed) in words. axe-core checks the calendar and entry pages.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { download, startCheckinServer } from '../support/checkin';
import { allDay, closureInput, courseInput } from '../support/events';
import { newStaff } from '../support/fixtures';
import type { TestApi, TestServer } from '../support/server';
import { expectAccessible } from './axe';
import { registerFamily, signInFirstTime, startPhone, type Phone } from './app_support';

describe('parents app: the calendar, courses and the subscription', () => {
  let server: TestServer;
  let staff: TestApi;
  let facility_id = '';
  let course_id = '';
  let yamada: Phone;
  let suzuki: Phone;

  const family = async (name: string, guardian: string, child: string, password: string) => {
    const f = await registerFamily(staff, [facility_id], {
      name, guardians: [{ name: guardian, relation: '母' }],
      children: [{ name: child, name_kana: 'やまだ はな', birth_date: '2018-05-05' }],
    });
    const phone = await startPhone();
    await signInFirstTime(phone.page, server, f.guardians[0].login, f.guardians[0].initial_password, password);
    return phone;
  };
  const goto = (p: Phone, path: string) => p.page.goto(`${server.url}/app${path}`);
  const openCourse = async (p: Phone) => {
    await goto(p, `/calendar/${encodeURIComponent(course_id)}`);
    await p.page.getByRole('heading', { name: 'こども料理教室', level: 1 }).waitFor();
    return p.page.getByRole('region', { name: '申込' });
  };

  beforeAll(async () => {
    server = await startCheckinServer();
    const admin = await server.login();
    const facility = await admin.createFacility({ name: 'ひまわり児童クラブ', kind: 'after_school', opens_at: '00:00', closes_at: '23:59' });
    facility_id = facility.id;
    staff = (await newStaff(server, admin, [facility_id])).api;
    await staff.createEvent(closureInput(facility_id, '2027-06-14', '夏季休館'));
    course_id = (await staff.createEvent(courseInput(facility_id, '2027-06-20', {
      title: 'こども料理教室', capacity: 1, age_months: { min: 72, max: 119 }, description: 'エプロンをお持ちください。',
    }))).id;
    const pool = await staff.createEvent({ facility_id, kind: 'event', title: 'プール開き', ...allDay('2027-06-25') });
    await staff.cancelEvent(pool.id);
    yamada = await family('山田家', '山田 恵', '山田 はな', 'megumi-pass-2027');
    suzuki = await family('鈴木家', '鈴木 舞', '鈴木 そら', 'mai-pass-2027');
  });
  afterAll(async () => {
    await yamada?.close();
    await suzuki?.close();
    await server?.close();
  });

  test('from home (with the next closure), the calendar lists the entries, closure and cancellation marked', async () => {
    const { page } = yamada;
    const link = page.locator('.pa-cal-link');
    await expect.poll(() => link.textContent()).toContain('次の休館日：6月14日（月） 終日（夏季休館）');
    await link.getByRole('link', { name: '行事予定' }).click();
    await page.getByRole('heading', { name: '行事予定', level: 1 }).waitFor();
    const items = page.getByRole('region', { name: 'これからの予定' }).getByRole('listitem');
    await expect.poll(() => items.count()).toBe(3);
    expect(await items.nth(0).textContent()).toBe('6月14日（月） 終日休館 夏季休館ひまわり児童クラブ');
    expect(await items.nth(1).textContent()).toContain('6月20日（日） 10:00〜11:30');
    expect(await items.nth(2).textContent()).toContain('中止');
    expect(await items.nth(2).locator('s').textContent()).toBe('プール開き');
    await expectAccessible(page);
  });

  test('the course: its .ics, the one child of its ages, applying confirms', async () => {
    const { page } = yamada;
    const section = await openCourse(yamada);
    const ics = page.getByRole('link', { name: 'カレンダーに追加' });
    expect(await ics.getAttribute('href')).toBe(`/api/v1/events/${encodeURIComponent(course_id)}/event.ics`);
    const file = await page.request.get(server.url + (await ics.getAttribute('href'))!);
    expect(file.status()).toBe(200);
    expect(await file.text()).toContain('BEGIN:VEVENT');
    expect(await page.locator('dl.facts').textContent()).toContain('6歳0か月〜9歳11か月');
    expect(await section.getByRole('checkbox', { name: '山田 はな' }).isChecked()).toBe(true);
    await expectAccessible(page);
    await section.getByRole('button', { name: '申し込む（1人）' }).click();
    await section.getByRole('status').filter({ hasText: '申込が確定しました' }).waitFor();
    expect(await section.textContent()).toContain('申し込んだこども：山田 はな');
    await expectAccessible(page);
  });

  test('a second family is waitlisted No. 1', async () => {
    const section = await openCourse(suzuki);
    await section.getByRole('button', { name: '申し込む（1人）' }).click();
    await section.getByRole('status').filter({ hasText: 'キャンセル待ち 1 番目です' }).waitFor();
    await goto(suzuki, '/calendar');
    await suzuki.page.getByRole('listitem').filter({ hasText: 'こども料理教室' }).getByText('キャンセル待ち 1番目').waitFor();
    const again = await openCourse(suzuki);
    await again.getByRole('status').filter({ hasText: 'キャンセル待ち 1 番目です' }).waitFor();
  });

  test('the first family withdraws after confirming; the second is confirmed', async () => {
    const { page } = yamada;
    const section = await openCourse(yamada);
    await section.getByRole('button', { name: '取り消す' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'やめる' }).click();
    expect(await section.getByRole('status').filter({ hasText: '申込が確定しました' }).count()).toBe(1);
    await section.getByRole('button', { name: '取り消す' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '取り消す' }).click();
    await section.getByRole('status').filter({ hasText: '申込を取り消しました。' }).waitFor();
    await section.getByRole('button', { name: '申し込む（1人）' }).waitFor();

    await suzuki.page.reload();
    const theirs = suzuki.page.getByRole('region', { name: '申込' });
    await theirs.getByRole('status').filter({ hasText: '申込が確定しました' }).waitFor();
  });

  test('the subscription link shows, copies, opens as webcal:// and is replaced after confirming', async () => {
    const { page, context } = yamada;
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    await goto(yamada, '/calendar');
    const section = page.getByRole('region', { name: 'カレンダーアプリに登録' });
    const input = section.getByLabel('登録用リンク');
    await expect.poll(() => input.inputValue()).toMatch(/^https?:\/\/.+\/api\/v1\/calendar\/[^/]+\.ics$/);
    const first = await input.inputValue();
    expect(await section.getByRole('link', { name: 'webcal で開く' }).getAttribute('href'))
      .toBe(`webcal://${first.replace(/^https?:\/\//, '')}`);
    expect((await download(server, null, new URL(first).pathname)).text).toContain('BEGIN:VCALENDAR');

    await section.getByRole('button', { name: 'リンクをコピー' }).click();
    await section.getByRole('status').filter({ hasText: 'リンクをコピーしました。' }).waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(first);

    await section.getByRole('button', { name: 'リンクを作り直す' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'やめる' }).click();
    expect(await input.inputValue()).toBe(first);
    await section.getByRole('button', { name: 'リンクを作り直す' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'リンクを作り直す' }).click();
    await section.getByRole('status').filter({ hasText: '新しいリンクを作りました。' }).waitFor();
    const second = await input.inputValue();
    expect(second).not.toBe(first);
    expect((await download(server, null, new URL(first).pathname)).status).toBe(404);
    expect((await download(server, null, new URL(second).pathname)).status).toBe(200);
    await expectAccessible(page);
  });

  test('plans: the closure day is 休館日 and cannot be chosen; a closure made meanwhile is said in words', async () => {
    const { page } = yamada;
    await goto(yamada, '/plans?month=2027-06');
    await page.getByRole('heading', { name: '2027年6月' }).waitFor();
    const day = (date: string) => page.locator(`button.pa-day[data-date="${date}"]`);
    await expect.poll(() => day('2027-06-14').getAttribute('aria-label')).toBe('6月14日（月） 休館日：夏季休館');
    expect(await day('2027-06-14').isDisabled()).toBe(true);
    expect(await day('2027-06-14').textContent()).toContain('休館');

    await staff.createEvent(closureInput(facility_id, '2027-06-16', '設備点検'));
    await day('2027-06-16').click();
    const editor = page.getByRole('form', { name: '選んだ 1日の予定' });
    await editor.getByRole('radio', { name: '出席' }).check();
    await editor.getByRole('button', { name: '1日分を保存' }).click();
    await editor.getByRole('alert').filter({ hasText: 'この日は休館日です。' }).waitFor();
    await page.reload();
    await expect.poll(() => day('2027-06-16').isDisabled()).toBe(true);
  });
});

// The staff's admin screens of the calendar (行事予定), on a pinned server clock (Thursday
// 2027-06-10, 15:00 in Tokyo; the page's clock starts there too): a staff member adds a
// closure of two days through the form (an end before the start is refused beside its
// field and adds nothing; a double submit adds one entry) and a course with its capacity,
// ages and deadline; the month view shows the closure on both days (休館) and the course
// on its day, the list view and the facility filter too; staff add applicants by hand
// (confirmed, then the waitlist's No. 1 with 「あと 1 席で確定」; a child outside the ages
// is refused naming the child), remove one after confirming (the waitlist moves up) and
// find the attendance list; an event is cancelled (中止) after confirming and stays, struck
// through; the roster of a closure day shows its banner. axe-core checks the month view,
// the form and the course page.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { enrolledFamily, PINNED_START, startCheckinServer } from '../support/checkin';
import { allDay, tokyoAt } from '../support/events';
import { newStaff } from '../support/fixtures';
import type { TestApi } from '../support/server';
import { rowOf } from './admin_support';
import { expectAccessible } from './axe';
import { signInAt, startBrowser, type TestBrowser, type TestServer } from './harness';

describe('admin app: the calendar (行事予定), closures and courses', () => {
  let server: TestServer;
  let staff: TestApi;
  let facility_id = '';
  let b: TestBrowser;
  let course_path = '';

  const family = (name: string, guardian: string, child: string, kana: string, birth_date = '2018-05-05') =>
    enrolledFamily(server, staff, [facility_id], {
      name, guardians: [{ name: guardian, relation: '母' }], children: [{ name: child, name_kana: kana, birth_date }],
    });
  const entries = async () => staff.events({ from: '2027-06-01', to: '2027-06-30' });
  const day = (date: string) => b.page.locator(`.cal-day[data-date="${date}"]`);

  beforeAll(async () => {
    server = await startCheckinServer();
    const admin = await server.login();
    const facility = await admin.createFacility({ name: 'ひまわり児童クラブ', kind: 'after_school', opens_at: '00:00', closes_at: '23:59' });
    facility_id = facility.id;
    const who = await newStaff(server, admin, [facility_id]);
    staff = who.api;
    await family('佐藤家', '佐藤 恵', '佐藤 はる', 'さとう はる');
    await family('鈴木家', '鈴木 舞', '鈴木 そら', 'すずき そら');
    await family('田中家', '田中 綾', '田中 りく', 'たなか りく', '2023-01-01'); // 4 years old: too young

    b = await startBrowser();
    await b.context.clock.install({ time: new Date(PINNED_START) });
    await signInAt(b.page, server, '/admin/calendar', { login: who.login, password: who.password });
  });
  afterAll(async () => {
    await b?.close();
    await server?.close();
  });

  const openForm = async () => {
    const { page } = b;
    await page.goto(`${server.url}/admin/calendar/new`);
    await page.getByRole('heading', { name: '新しい予定', level: 1 }).waitFor();
    return page.locator('form').filter({ has: page.getByLabel('タイトル') });
  };

  test('the month view opens on the current month, empty, and is accessible', async () => {
    const { page } = b;
    await page.getByRole('heading', { name: '行事予定', level: 1 }).waitFor();
    expect(await page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: '行事予定' }).getAttribute('aria-current')).toBe('page');
    await page.getByRole('heading', { name: '2027年6月', level: 2 }).waitFor();
    expect(await page.getByRole('table', { name: '2027年6月' }).getByRole('row').count()).toBe(6); // header + 5 weeks
    expect(await page.locator('.cal-entry').count()).toBe(0);
    await expectAccessible(page);
  });

  test('a closure of two days: an end before the start is refused beside it; a double submit adds one', async () => {
    const { page } = b;
    const form = await openForm();
    expect(await form.getByRole('radio', { name: '休館日' }).isChecked()).toBe(true);
    expect(await form.getByLabel('終日').isChecked()).toBe(true);
    await form.getByLabel('タイトル').fill('夏季休館');
    await form.getByLabel('開始日').fill('2027-06-14');
    await form.getByLabel('終了日', { exact: true }).fill('2027-06-13');
    await expectAccessible(page);
    await form.getByRole('button', { name: '登録する' }).click();
    const end = form.getByLabel('終了日', { exact: true });
    await expect.poll(() => end.getAttribute('aria-invalid')).toBe('true');
    expect(await form.locator('.field-error').first().textContent()).toContain('開始より後にしてください。');
    expect(await entries()).toHaveLength(0);
    await expectAccessible(page);

    await end.fill('2027-06-15');
    // Two submits in the same moment carry the form's one client_id: one entry.
    await form.evaluate((f: HTMLFormElement) => { f.requestSubmit(); f.requestSubmit(); });
    await page.getByRole('heading', { name: '夏季休館', level: 1 }).waitFor();
    await page.getByText('6月14日（月）〜6月15日（火） 終日').waitFor();
    const stored = await entries();
    expect(stored.map((e) => [e.kind, e.title, e.all_day])).toEqual([['closure', '夏季休館', true]]);
    expect([Date.parse(stored[0].starts_at), Date.parse(stored[0].ends_at)])
      .toEqual([Date.parse(tokyoAt('2027-06-14')), Date.parse(tokyoAt('2027-06-16'))]);
  });

  test('a course with capacity, ages in years and months, and a deadline', async () => {
    const { page } = b;
    const form = await openForm();
    await form.getByRole('radio', { name: '講座' }).check();
    await form.getByLabel('終日').uncheck();
    await form.getByLabel('タイトル').fill('こども料理教室');
    await form.getByLabel('説明').fill('エプロンをお持ちください。');
    await form.getByLabel('開始日時').fill('2027-06-20T10:00');
    await form.getByLabel('終了日時').fill('2027-06-20T11:30');
    await form.getByLabel('定員').fill('1');
    await form.getByRole('group', { name: '下限' }).getByLabel('歳').fill('6');
    await form.getByRole('group', { name: '下限' }).getByLabel('か月').fill('0');
    await form.getByRole('group', { name: '上限' }).getByLabel('歳').fill('9');
    await form.getByRole('group', { name: '上限' }).getByLabel('か月').fill('11');
    await form.getByLabel('申込締切').fill('2027-06-18T17:00');
    await expectAccessible(page);
    await form.getByRole('button', { name: '登録する' }).click();
    await page.getByRole('heading', { name: 'こども料理教室', level: 1 }).waitFor();
    course_path = new URL(page.url()).pathname;
    const facts = page.locator('dl.facts');
    await expect.poll(() => facts.textContent()).toContain('6月20日（日） 10:00〜11:30');
    expect(await facts.textContent()).toContain('6歳0か月〜9歳11か月');
    expect(await facts.textContent()).toContain('6月18日（金） 17:00');
    await page.getByText('確定 0席 / 定員 1席').waitFor();
    const course = (await entries()).find((e) => e.kind === 'course')!;
    expect({ capacity: course.capacity, age_months: course.age_months }).toEqual({ capacity: 1, age_months: { min: 72, max: 119 } });
    expect(Date.parse(course.apply_until!)).toBe(Date.parse(tokyoAt('2027-06-18', '17:00')));
    expect(await page.getByRole('link', { name: '出席簿（PDF）' }).getAttribute('href'))
      .toBe(`/api/v1/events/${encodeURIComponent(course.id)}/attendance.pdf`);
  });

  test('the month view shows the closure on both days and the course on its day; the list and the filter too', async () => {
    const { page } = b;
    await page.goto(`${server.url}/admin/calendar`);
    await page.getByRole('heading', { name: '2027年6月', level: 2 }).waitFor();
    for (const date of ['2027-06-14', '2027-06-15']) {
      await expect.poll(() => day(date).textContent()).toContain('休館');
      expect(await day(date).getAttribute('class')).toContain('cal-day--closed');
      expect(await day(date).getByRole('link').textContent()).toBe('夏季休館');
    }
    expect(await day('2027-06-16').getAttribute('class')).not.toContain('cal-day--closed');
    expect(await day('2027-06-20').textContent()).toContain('講座 10:00 こども料理教室');
    await expectAccessible(page);

    await page.getByRole('link', { name: '一覧' }).click();
    await rowOf(page, 'こども料理教室').waitFor();
    expect(await rowOf(page, '夏季休館').textContent()).toContain('休館');
    expect(await rowOf(page, 'こども料理教室').textContent()).toContain('定員 1（確定 0）');
    await page.getByLabel('施設').selectOption({ label: 'ひまわり児童クラブ' });
    await expect.poll(() => page.url()).toContain(`facility_id=${facility_id}`);
    await rowOf(page, 'こども料理教室').waitFor();
    await page.getByRole('link', { name: /次の月/ }).click();
    await page.getByText('この月の予定はありません。').waitFor();
    await page.getByRole('link', { name: /前の月/ }).click();
    await rowOf(page, '夏季休館').waitFor();
  });

  test('staff add applicants by hand: confirmed, then waitlisted No. 1; a child outside the ages is refused', async () => {
    const { page } = b;
    await page.goto(server.url + course_path);
    await page.getByRole('heading', { name: 'こども料理教室', level: 1 }).waitFor();
    const add = async (q: string, family: string, child: string) => {
      await page.getByRole('button', { name: '申込を追加' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('検索（氏名・ふりがな）').fill(q);
      await dialog.getByRole('button', { name: '検索' }).click();
      await dialog.getByRole('radio', { name: family }).check();
      await dialog.getByRole('checkbox', { name: new RegExp(child) }).check();
      await dialog.getByRole('button', { name: '1人で申し込む' }).click();
      return dialog;
    };
    await add('佐藤', '佐藤家', '佐藤 はる');
    await page.getByRole('status').filter({ hasText: '佐藤家：申込が確定しました。' }).waitFor();
    await page.getByText('確定 1席 / 定員 1席').waitFor();
    await add('すずき', '鈴木家', '鈴木 そら');
    await page.getByRole('status').filter({ hasText: '鈴木家：キャンセル待ち 1 番目です。' }).waitFor();
    const waitlist = page.getByRole('table', { name: /キャンセル待ち/ });
    await expect.poll(() => waitlist.getByRole('row', { name: /鈴木家/ }).textContent()).toContain('1番目');
    expect(await waitlist.getByRole('row', { name: /鈴木家/ }).textContent()).toContain('あと 1 席で確定');
    expect(await page.getByRole('table', { name: /確定（/ }).getByRole('row', { name: /佐藤家/ }).textContent()).toContain('佐藤 はる（9歳1か月）');
    await expectAccessible(page);

    const dialog = await add('田中', '田中家', '田中 りく');
    await dialog.getByRole('alert').first().waitFor();
    expect(await dialog.textContent()).toContain('講座の対象年齢ではありません。');
    expect(await dialog.textContent()).toContain('田中 りく');
    await dialog.getByRole('button', { name: 'キャンセル' }).click();
    expect((await staff.courseApplications(decodeURIComponent(course_path.split('/').pop()!))).waitlisted).toHaveLength(1);
  });

  test('removing the confirmed family asks first; the waitlist moves up', async () => {
    const { page } = b;
    await page.getByRole('button', { name: '佐藤家の申込を取り消す' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'やめる' }).click();
    expect(await page.getByRole('table', { name: /確定（/ }).getByRole('row', { name: /佐藤家/ }).count()).toBe(1);
    await page.getByRole('button', { name: '佐藤家の申込を取り消す' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '取り消す' }).click();
    await page.getByRole('status').filter({ hasText: '佐藤家の申込を取り消しました。' }).waitFor();
    const confirmed = page.getByRole('table', { name: /確定（/ });
    await expect.poll(() => confirmed.getByRole('row', { name: /鈴木家/ }).count()).toBe(1);
    await page.getByText('キャンセル待ちはありません。').waitFor();
  });

  test('an event is cancelled (中止) after confirming and stays on the month, struck through', async () => {
    const { page } = b;
    const pool = await staff.createEvent({ facility_id, kind: 'event', title: 'プール開き', ...allDay('2027-06-25') });
    await page.goto(`${server.url}/admin/calendar/${encodeURIComponent(pool.id)}`);
    await page.getByRole('heading', { name: 'プール開き', level: 1 }).waitFor();
    await page.getByRole('button', { name: '中止する' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'やめる' }).click();
    expect((await staff.event(pool.id)).status).toBe('scheduled');
    await page.getByRole('button', { name: '中止する' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '中止する' }).click();
    await page.getByRole('status').filter({ hasText: '中止しました。' }).waitFor();
    expect((await staff.event(pool.id)).status).toBe('cancelled');
    await page.getByRole('link', { name: '行事予定へ戻る' }).click();
    await expect.poll(() => day('2027-06-25').textContent()).toContain('中止');
    expect(await day('2027-06-25').locator('s').textContent()).toBe('プール開き');
  });

  test('the roster of a closure day says so', async () => {
    const { page } = b;
    await page.goto(`${server.url}/admin/roster?facility_id=${facility_id}&date=2027-06-15`);
    await page.getByRole('status').filter({ hasText: 'この日は休館日です：夏季休館' }).waitFor();
    await page.goto(`${server.url}/admin/roster?facility_id=${facility_id}&date=2027-06-16`);
    await page.getByRole('table', { name: /名簿/ }).waitFor();
    expect(await page.locator('.closure-banner').count()).toBe(0);
    // On the day itself (the server's and the page's clocks moved to it):
    await server.setClock(tokyoAt('2027-06-14', '12:00'));
    await b.context.clock.setSystemTime(new Date(tokyoAt('2027-06-14', '12:00')));
    await page.goto(`${server.url}/admin/roster?facility_id=${facility_id}`);
    await page.getByRole('status').filter({ hasText: '本日は休館日です：夏季休館' }).waitFor();
  });
});

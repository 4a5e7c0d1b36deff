// 利用者票入力 (paper visitor forms of a drop-in room) in the admin app, on a pinned server
// clock (Thursday 2027-06-10, 15:00 in Tokyo; the page's clock starts there too). First the
// pure readers of the form's fields: the one field of a child (a birth date, an age or a
// grade, full-width digits too) and the time. Then in Chromium, as the room's staff: the
// facility page and the roster of the room link to the page (a club's do not, and its page
// says it is for drop-in rooms only); three forms typed in a row from the keyboard only
// (Tab, typing, Enter for a child row, Ctrl+Enter), each said 「登録しました」 and put on top
// of the day's list, the form starting afresh with the date kept and the focus on the
// time; GET /facilities/{id}/walk-ins answers them with their birth date, months or grade
// and age band; a birth date after today is refused beside the child's field (and a time
// after now beside the time's), a text the page cannot read is said beside it before
// anything is sent, and nothing is stored; a mistyped form is deleted after confirming;
// one is linked to a family, whose name the list then shows; /stats/visits counts the
// day's forms as visits with their children and adults. axe-core checks the page.
import type { Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readChildAge, type ChildAgeProblem, type ChildAgeReading, type SchoolGrade } from '../../web/src/admin/pages/walk_ins/child_age';
import { controlOf, emptyDraft, readClockTime, readDraft } from '../../web/src/admin/pages/walk_ins/walk_in_draft';
import type { Facility, NewFamily, WalkIn } from '../../web/src/shared/types';
import { clockTime } from '../../web/src/shared/ui/time';
import { expectSameInstant, PINNED_DAY, startCheckinServer } from '../support/checkin';
import { familyInput, newStaff } from '../support/fixtures';
import type { TestApi } from '../support/server';
import { rowOf } from './admin_support';
import { expectAccessible } from './axe';
import { signInAt, startBrowser, type TestBrowser, type TestServer } from './harness';

describe('the readers of the 利用者票 form', () => {
  const born = (birth_date: string): ChildAgeReading => ({ kind: 'birth_date', birth_date });
  const months = (age_months: number): ChildAgeReading => ({ kind: 'age_months', age_months });
  const grade = (g: SchoolGrade): ChildAgeReading => ({ kind: 'grade', grade: g });
  const problem = (p: ChildAgeProblem): ChildAgeReading => ({ kind: 'problem', problem: p });

  test.each<[string, ChildAgeReading]>([
    ['', { kind: 'empty' }],
    ['  ', { kind: 'empty' }],
    // birth dates
    ['2024-05-01', born('2024-05-01')],
    ['2024/5/1', born('2024-05-01')],
    ['2024.5.1', born('2024-05-01')],
    ['２０２４－０５－０１', born('2024-05-01')],
    ['２０２４・５・１', born('2024-05-01')], // "/" typed in kana mode
    ['2024ー05ー01', born('2024-05-01')], // "-" typed in kana mode
    ['2024年5月1日', born('2024-05-01')],
    ['20240501', born('2024-05-01')],
    ['R6.5.1', born('2024-05-01')],
    ['令和6年5月1日', born('2024-05-01')],
    ['令和元年5月1日', born('2019-05-01')],
    ['H31.4.30', born('2019-04-30')],
    ['2024-02-29', born('2024-02-29')],
    ['2023-02-29', problem('no_such_date')],
    ['2024-13-01', problem('no_such_date')],
    // ages
    ['1歳3か月', months(15)],
    ['１歳３か月', months(15)],
    ['1歳3ヶ月', months(15)],
    ['1才3ヵ月', months(15)],
    ['1歳3', months(15)],
    ['3歳', months(36)],
    ['1y3m', months(15)],
    ['1Y 3M', months(15)],
    ['15m', months(15)],
    ['１５ｍ', months(15)],
    ['15か月', months(15)],
    ['1.3', months(15)],
    ['１．３', months(15)],
    ['1。3', months(15)], // "." typed in kana mode
    ['0.5', months(5)],
    ['3', months(36)],
    ['0', months(0)],
    ['17.11', months(215)],
    ['1歳12か月', problem('months_over')],
    ['1.12', problem('months_over')],
    ['18歳', problem('too_old')],
    ['216m', problem('too_old')],
    // grades
    ['小2', grade('小2')],
    ['小２', grade('小2')],
    ['小学2年', grade('小2')],
    ['小学校2年生', grade('小2')],
    ['小二', grade('小2')],
    ['中1', grade('中1')],
    ['中学1年生', grade('中1')],
    ['小7', problem('no_such_grade')],
    ['中4', problem('no_such_grade')],
    // not an age
    ['abc', problem('unknown')],
    ['2024-05', problem('unknown')],
    ['1歳3か月ごろ', problem('unknown')],
  ])('child %j', (text, want) => {
    expect(readChildAge(text)).toEqual(want);
  });

  test.each<[string, string | null]>([
    ['1030', '10:30'], ['10:30', '10:30'], ['１０：３０', '10:30'], ['10.30', '10:30'], ['930', '09:30'],
    ['9:05', '09:05'], ['10時30分', '10:30'], ['10時', '10:00'], ['10', '10:00'],
    ['2400', null], ['10:60', null], ['abc', null], ['', null],
  ])('time %j', (text, want) => {
    expect(readClockTime(text)).toBe(want);
  });

  test('a draft becomes the body; empty rows are left out and server fields find their rows', () => {
    const draft = { ...emptyDraft('2027-06-10'), time: '1030', adults: '２', children: ['2026-05-01', '', '小2'], area: ' 桜町 ' };
    expect(readDraft(draft, '+09:00')).toEqual({
      ok: true,
      rows: [0, 2],
      input: { visited_at: '2027-06-10T10:30:00+09:00', adults: 2, children: [{ birth_date: '2026-05-01' }, { grade: '小2' }], area: '桜町' },
    });
    expect(controlOf('children[1].birth_date', [0, 2])).toBe('children[2]');
    expect(controlOf('children[0]', [0, 2])).toBe('children[0]');
    expect(controlOf('visited_at', [])).toBe('time');
    expect(controlOf('adults', [])).toBe('adults');
    expect(readDraft({ ...draft, time: '', adults: '21', children: ['x'] }, '+09:00')).toEqual({
      ok: false,
      problems: { time: 'walk_in.time_missing', adults: 'walk_in.adults_invalid', 'children[0]': 'walk_in.problem.unknown' },
    });
  });
});

describe('admin app: 利用者票入力 (paper forms of a drop-in room)', () => {
  let server: TestServer;
  let staff: TestApi;
  let room: Facility;
  let club: Facility;
  let family: NewFamily;
  let b: TestBrowser;

  const walkInsPath = (f: Facility) => `/admin/facilities/${f.id}/walk-ins`;
  const stored = () => staff.walkIns(room.id, { from: PINNED_DAY, to: PINNED_DAY });
  const field = (label: string) => b.page.getByLabel(label, { exact: true });
  /** What a control's aria-describedby says (its hint, then its error). */
  const described = (control: Locator) => control.evaluate((el) =>
    (el.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean)
      .map((id) => document.getElementById(id)?.textContent ?? '').join(' '));
  const focused = () => b.page.evaluate(() => document.activeElement?.getAttribute('name') ?? '');
  const list = () => b.page.getByRole('table', { name: '6月10日（木）の利用者票' });
  /** The times of the list's rows, top to bottom. */
  const listedTimes = () => list().locator('tbody th[scope="row"]').allTextContents();
  /** The cells after the time of the list's row at `time`. */
  const cells = (time: string) => rowOf(b.page, time).locator('td').allTextContents();
  const toast = () => b.page.locator('.toast[role="status"]');

  beforeAll(async () => {
    server = await startCheckinServer();
    const admin = await server.login();
    room = await admin.createFacility({ name: 'こどもルームさくら', kind: 'drop_in', opens_at: '09:00', closes_at: '17:00' });
    club = await admin.createFacility({ name: 'ひまわり児童クラブ', kind: 'after_school', opens_at: '13:00', closes_at: '19:00' });
    const who = await newStaff(server, admin, [room.id, club.id]);
    staff = who.api;
    family = await staff.createFamily(familyInput({
      name: '山田家', facility_ids: [room.id],
      guardians: [{ name: '山田 花子', relation: '母' }],
      children: [{ name: '山田 はな', name_kana: 'やまだ はな', birth_date: '2025-04-01' }],
    }));

    b = await startBrowser();
    await b.context.clock.install({ time: server.clockNow() });
    await signInAt(b.page, server, `/admin/facilities/${room.id}`, { login: who.login, password: who.password });
  });
  afterAll(async () => {
    await b?.close();
    await server?.close();
  });

  test('the room\'s page and roster link to 利用者票入力; a club\'s do not, and its page says why', async () => {
    const { page } = b;
    const link = page.getByRole('link', { name: '利用者票入力', exact: true });
    await link.waitFor();
    await page.goto(`${server.url}/admin/roster?facility_id=${room.id}`);
    await page.getByRole('heading', { name: '名簿：こどもルームさくら' }).waitFor();
    await link.click();
    await page.getByRole('heading', { name: '利用者票入力：こどもルームさくら', level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toBe(walkInsPath(room));
    // Ready to type the first form: the time has the focus.
    await expect.poll(focused).toBe('time');
    await page.getByText('この日の利用者票はありません。').waitFor();
    await expectAccessible(page);

    await page.goto(`${server.url}/admin/facilities/${club.id}`);
    await page.locator('main').getByRole('link', { name: '名簿', exact: true }).waitFor();
    expect(await link.count()).toBe(0);
    await page.goto(server.url + walkInsPath(club));
    await page.getByText('利用者票入力は、こどもルーム（地域子育て支援拠点）だけで使えます。').waitFor();
    expect(await page.getByLabel('来館時刻').count()).toBe(0);
  });

  test('three forms in a row from the keyboard: each is stored, said and listed on top', async () => {
    const { page } = b;
    const kb = page.keyboard;
    await page.goto(server.url + walkInsPath(room));
    await page.getByRole('heading', { name: '利用者票入力：こどもルームさくら', level: 1 }).waitFor();
    expect(await field('来館日').inputValue()).toBe(PINNED_DAY);
    await expect.poll(focused).toBe('time');

    // 1: 10:30, two adults, a child by birth date and one by grade, an area.
    await kb.type('1030');
    await expect.poll(() => described(field('来館時刻'))).toBe('10:30');
    await kb.press('Tab'); // the adults, their "1" selected
    await kb.type('2');
    await kb.press('Tab');
    expect(await focused()).toBe('children[0]');
    await kb.type('2026-05-01');
    await expect.poll(() => described(field('こども1'))).toBe('生年月日 2026-05-01');
    await kb.press('Enter'); // a second row
    await expect.poll(focused).toBe('children[1]');
    await kb.type('小2');
    await expect.poll(() => described(field('こども2'))).toBe('小学2年');
    await kb.press('Tab');
    expect(await focused()).toBe('area');
    await kb.type('桜町');
    await expectAccessible(page);
    await kb.press('Control+Enter');
    await expect.poll(() => toast().textContent()).toBe('登録しました');
    await expect.poll(listedTimes).toEqual(['10:30']);
    // Afresh for the next form: the date kept, one adult, one empty row, the focus on the time.
    await expect.poll(focused).toBe('time');
    expect(await field('来館日').inputValue()).toBe(PINNED_DAY);
    expect([await field('来館時刻').inputValue(), await field('大人の人数').inputValue(), await field('こども1').inputValue(),
      await field('地域（任意）').inputValue()]).toEqual(['', '1', '', '']);
    expect(await field('こども2').count()).toBe(0);

    // 2: 11:15, one adult (as it stands), an age in full-width digits; Enter in an empty
    // last row moves on to the area.
    await server.advanceClock(60_000);
    await kb.type('11:15');
    await kb.press('Tab');
    await kb.press('Tab');
    await kb.type('１歳３か月');
    await expect.poll(() => described(field('こども1'))).toBe('1歳3か月');
    await kb.press('Enter');
    await expect.poll(focused).toBe('children[1]');
    await kb.press('Enter');
    await expect.poll(focused).toBe('area');
    await kb.type('緑町');
    await kb.press('Control+Enter');
    await expect.poll(listedTimes).toEqual(['11:15', '10:30']);
    await expect.poll(focused).toBe('time');

    // 3: 13:40, a junior high student and a three-year-old without adults, no area.
    await server.advanceClock(60_000);
    await kb.type('1340');
    await kb.press('Tab');
    await kb.type('0');
    await kb.press('Tab');
    await kb.type('中1');
    await kb.press('Enter');
    expect(await focused()).toBe('children[1]'); // before the next key: what is typed lands there
    await kb.type('3歳');
    await expect.poll(() => described(field('こども2'))).toBe('3歳');
    // The family, chosen from the keyboard: the dialog opens on its search field.
    await kb.press('Tab'); // the area
    await kb.press('Tab');
    expect(await focused()).toBe('family_id');
    await kb.press('Enter');
    const dialog = page.getByRole('dialog', { name: '家族を選ぶ' });
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('search');
    await kb.type('山田');
    await kb.press('Enter');
    const choice = dialog.getByRole('radio', { name: '山田家（山田 はな）' });
    await choice.waitFor();
    expect(await choice.isChecked()).toBe(true); // the only one found
    await kb.press('Tab'); // 検索
    await kb.press('Tab'); // the family
    await kb.press('Tab'); // この家族を選ぶ
    await kb.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(focused).toBe('family_id'); // back where it opened
    expect(await page.getByRole('group', { name: '家族（任意）' }).textContent()).toContain('山田家');
    await kb.press('Control+Enter');
    await expect.poll(listedTimes).toEqual(['13:40', '11:15', '10:30']);
    expect(await page.getByRole('group', { name: '家族（任意）' }).textContent()).toContain('紐づけなし');

    expect(await cells('10:30')).toEqual(['2人', '2人（1歳、小学生）', '桜町', '', expect.any(String)]);
    expect(await cells('11:15')).toEqual(['1人', '1人（1歳）', '緑町', '', expect.any(String)]);
    expect(await cells('13:40')).toEqual(['0人', '2人（中学生、3歳以上未就学）', '', '山田家', expect.any(String)]);
    await page.getByText('3件・大人3人・こども5人').waitFor();
    await expectAccessible(page);

    // What the server stored, newest visit first; today is the default day.
    const items = await stored();
    expect(items.map((w) => [clockTime(w.visited_at), w.adults, w.area ?? null, w.family_id ?? null]))
      .toEqual([['13:40', 0, null, family.id], ['11:15', 1, '緑町', null], ['10:30', 2, '桜町', null]]);
    expectSameInstant(items[2].visited_at, '2027-06-10T10:30:00+09:00', 'the first form\'s visit');
    expect(items[2].children).toEqual([
      expect.objectContaining({ birth_date: '2026-05-01', age_band: '1歳' }),
      expect.objectContaining({ grade: '小2', age_band: '小学生' }),
    ]);
    expect(items[1].children).toEqual([expect.objectContaining({ age_months: 15, age_band: '1歳' })]);
    expect(items[0].children).toEqual([
      expect.objectContaining({ grade: '中1', age_band: '中学生' }),
      expect.objectContaining({ age_months: 36, age_band: '3歳以上未就学' }),
    ]);
    expect(items.every((w) => w.facility_id === room.id)).toBe(true);
    expect((await staff.walkIns(room.id)).map((w) => w.id)).toEqual(items.map((w) => w.id));
  });

  test('a birth date after today is refused beside the child, an unreadable one before sending; nothing is stored', async () => {
    const { page } = b;
    const kb = page.keyboard;
    await server.advanceClock(60_000); // entered after the third form
    await expect.poll(focused).toBe('time');
    await kb.type('1200');
    await kb.press('Tab');
    await kb.press('Tab');
    await kb.type('2027-07-01');
    await kb.press('Control+Enter');
    const child = field('こども1');
    await expect.poll(() => child.getAttribute('aria-invalid')).toBe('true');
    expect(await described(child)).toContain('今日より後の日付は指定できません。');
    expect(await page.getByRole('alert').first().textContent()).toContain('入力内容を確認してください。');
    await expect.poll(focused).toBe('children[0]'); // the focus on the field to correct
    expect(await stored()).toHaveLength(3);
    await expectAccessible(page);

    // What the page cannot read is said before anything is sent.
    await child.fill('1歳15か月');
    await expect.poll(() => described(child)).toContain('「歳」のあとの月数は0〜11です');
    await kb.press('Control+Enter');
    await expect.poll(() => child.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('.field-error').allTextContents()).toEqual([expect.stringContaining('「歳」のあとの月数は0〜11です')]);

    // A visit after now (15:03 on the server's clock) is refused beside the time.
    await child.fill('2027-06-01');
    await field('来館時刻').fill('16:00');
    await kb.press('Control+Enter');
    await expect.poll(() => field('来館時刻').getAttribute('aria-invalid')).toBe('true');
    expect(await child.getAttribute('aria-invalid')).toBeNull();
    expect(await stored()).toHaveLength(3);

    // Corrected, the same form is stored once, on top of the list.
    await field('来館時刻').fill('12:00');
    await field('来館時刻').press('Control+Enter');
    await expect.poll(listedTimes).toEqual(['12:00', '13:40', '11:15', '10:30']);
    expect(await cells('12:00')).toEqual(['1人', '1人（0歳）', '', '', expect.any(String)]);
    expect(await stored()).toHaveLength(4);
  });

  test('a mistyped form is deleted after confirming', async () => {
    const { page } = b;
    await rowOf(page, '12:00').getByRole('button', { name: '12:00の利用者票を削除' }).click();
    const dialog = page.getByRole('dialog', { name: '利用者票を削除しますか？' });
    await dialog.getByText('12:00（大人1人・こども1人）の利用者票を削除します。').waitFor();
    await expectAccessible(page);
    await dialog.getByRole('button', { name: '削除する' }).click();
    await page.getByRole('status').filter({ hasText: '12:00の利用者票を削除しました。' }).waitFor();
    await expect.poll(listedTimes).toEqual(['13:40', '11:15', '10:30']);
    expect((await stored()).map((w) => clockTime(w.visited_at))).toEqual(['13:40', '11:15', '10:30']);
  });

  test('a form linked to a family shows the family', async () => {
    const { page } = b;
    await rowOf(page, '11:15').getByRole('button', { name: '11:15の利用者票を家族に紐づけ' }).click();
    const dialog = page.getByRole('dialog', { name: '11:15の利用者票を家族に紐づけ' });
    await dialog.getByLabel('検索（氏名・ふりがな）').fill('山田');
    await dialog.getByRole('button', { name: '検索', exact: true }).click();
    const choice = dialog.getByRole('radio', { name: '山田家（山田 はな）' });
    await choice.waitFor();
    expect(await choice.isChecked()).toBe(true); // the only one found
    await expectAccessible(page);
    await dialog.getByRole('button', { name: 'この家族を選ぶ' }).click();
    await page.getByRole('status').filter({ hasText: '11:15の利用者票を山田家に紐づけました。' }).waitFor();
    await expect.poll(() => cells('11:15')).toEqual(['1人', '1人（1歳）', '緑町', '山田家', expect.any(String)]);
    expect(await rowOf(page, '11:15').getByRole('button', { name: '11:15の利用者票と山田家の紐づけを解除' }).count()).toBe(1);
    const linked = (await stored()).find((w) => clockTime(w.visited_at) === '11:15') as WalkIn;
    expect([linked.family_id, linked.family_name]).toEqual([family.id, '山田家']);
  });

  test('the day\'s statistics count the forms as visits with their children and adults', async () => {
    const stats = await staff.visitStats({ facility_id: room.id, from: PINNED_DAY, to: PINNED_DAY, group_by: 'day' });
    const day = stats.items.find((i) => i.key === PINNED_DAY);
    expect(day, JSON.stringify(stats)).toMatchObject({ visits: 3, children: 5, adults: 3 });
    expect(stats.total).toMatchObject({ visits: 3, children: 5, adults: 3 });
  });
});

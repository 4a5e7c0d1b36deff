// Consultation records (相談記録) on the admin's family page, in Chromium, on SQLite: a staff
// member of two drop-in rooms opens a family, reads the notice that the family never sees
// the records, records a consultation at the second room (the rooms of the select are the
// organization's drop-in rooms, the first chosen by default; the date and time default to
// now) with a follow-up date; it is listed with its room, category, text (line breaks
// kept), follow-up date and author; staff edit it in place (the follow-up date cleared);
// 「CSVで書き出す」 downloads a UTF-8 CSV with a BOM holding the text. The org_admin opens
// 閲覧履歴 and sees consultation.create / consultation.read / consultation.update /
// consultation.export naming the staff member; staff themselves have no 閲覧履歴 and the
// API answers them 404 for the audit. A guardian of the family, signed in to the parents' app
// on a phone, never receives the text in any answer of any page, and the API answers the
// guardian 404 for the family's consultations (list, CSV, a change, a new one); the admin of
// another organization gets 404 too, a kiosk of the room 403 kiosk_only_stamps. The database file (and its -wal, -journal) holds
// none of the text's UTF-8 bytes while the API returns it, nor does the server's log.
// axe-core checks the pages shown.
import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Facility, NewFamily } from '../../web/src/shared/types';
import { kioskApi } from '../support/checkin';
import { familyInput, newStaff, uid } from '../support/fixtures';
import type { TestApi } from '../support/server';
import { signInFirstTime, startPhone, tokyoDay, type Phone } from './app_support';
import { expectAccessible } from './axe';
import { desktopContext, signInAt, startBrowser, startServer, type TestBrowser, type TestServer } from './harness';

/** "2027年6月10日" of "2027-06-10", as the section writes a date. */
function jaDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** Every file of the SQLite database `url` ("sqlite:/tmp/…/tadaima.db"): the main file, its -wal, -journal, -shm. */
function databaseFiles(url: string): { name: string; bytes: Buffer }[] {
  const file = url.replace(/^sqlite:/, '');
  const dir = dirname(file);
  return readdirSync(dir)
    .filter((name) => name.startsWith(basename(file)))
    .map((name) => ({ name, bytes: readFileSync(`${dir}/${name}`) }));
}

describe('consultation records (相談記録)', () => {
  let server: TestServer;
  let admin: TestApi;
  let room: Facility;
  let second_room: Facility;
  let staff = { login: '', password: '', name: '', api: null as unknown as TestApi };
  let family: NewFamily;
  let b: TestBrowser;
  let phone: Phone;

  // A tag no other text has, so that a match in the database can only be the record's.
  const tag = `soudan-${uid()}-${Date.now().toString(36)}`;
  const first_body = `【${tag}】言葉が遅いのではと心配されている。\n園での様子を聞き、来週また話を聞くことにした。`;
  const added_line = '電話で様子を聞いた。少し落ち着いてきたとのこと。';
  const edited_body = `${first_body}\n${added_line}`;
  const occurred_day = tokyoDay(-1);
  const follow_up_day = tokyoDay(7);
  const when = `${jaDate(occurred_day)} 10:30`;

  const familyPath = () => `/admin/families/${encodeURIComponent(family.id)}`;
  const sectionOf = (page: Page) => page.getByRole('region', { name: '相談記録' });
  const articleOf = (page: Page) => sectionOf(page).getByRole('list', { name: '相談記録の一覧' }).getByRole('article', { name: new RegExp(when) });

  /** Signs `who` in to the admin and opens the family's page. */
  const openFamily = async (page: Page, who: { login: string; password: string }) => {
    await signInAt(page, server, '/admin/', who);
    await page.getByRole('navigation').getByRole('link', { name: '世帯' }).waitFor();
    await page.goto(server.url + familyPath());
    await page.getByRole('heading', { level: 1, name: /鈴木家/ }).waitFor();
    await sectionOf(page).waitFor();
  };

  beforeAll(async () => {
    // The database file itself is read below: SQLite whatever TADAIMA_TEST_DB says.
    server = await startServer({ db: 'sqlite' });
    admin = await server.login();
    room = await admin.createFacility({ name: 'こどもルーム中央', kind: 'drop_in', opens_at: '09:00', closes_at: '17:00' });
    second_room = await admin.createFacility({ name: 'こどもルーム東', kind: 'drop_in', opens_at: '09:00', closes_at: '17:00' });
    await admin.createFacility({ name: 'ひまわり児童クラブ', kind: 'after_school', opens_at: '13:00', closes_at: '19:00' });
    const s = await newStaff(server, admin, [room.id, second_room.id]);
    staff = { login: s.login, password: s.password, name: s.staff.name, api: s.api };
    family = await s.api.createFamily(familyInput({
      name: '鈴木家',
      guardians: [{ name: '鈴木 花子', relation: '母' }],
      children: [{ name: '鈴木 ゆい', name_kana: 'すずき ゆい', birth_date: '2023-04-10' }],
      facility_ids: [room.id],
    }));
    b = await startBrowser();
  });
  afterAll(async () => {
    await phone?.close();
    await b?.close();
    await server?.close();
  });

  test('staff read the notice, record a consultation with a follow-up date, and see it listed', async () => {
    const { page } = b;
    await openFamily(page, staff);
    const section = sectionOf(page);
    const notice = await section.innerText();
    expect(notice).toContain('相談記録は職員だけが見られます。ご家族（保護者のアプリ）には表示されません。');
    // Staff have no 閲覧履歴 (the org_admin's).
    expect(await section.locator('summary').count()).toBe(0);

    await section.getByRole('button', { name: '相談記録を表示' }).click();
    await section.getByText('この世帯の相談記録はありません。').waitFor();
    await section.getByRole('button', { name: '相談を記録' }).click();
    const form = section.getByRole('form', { name: '相談を記録' });
    await form.waitFor();

    // The organization's drop-in rooms (not the club), the first chosen.
    const room_select = form.getByLabel('ルーム');
    expect(await room_select.locator('option').allInnerTexts()).toEqual(['こどもルーム中央', 'こどもルーム東']);
    expect(await room_select.inputValue()).toBe(room.id);
    // Now, on the organization's clock.
    const now_value = await form.getByLabel('相談日時').inputValue();
    expect(now_value).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
    expect(Math.abs(Date.parse(`${now_value}:00+09:00`) - Date.now())).toBeLessThan(5 * 60_000);
    await expectAccessible(page);

    await room_select.selectOption({ label: 'こどもルーム東' });
    await form.getByLabel('分類').selectOption({ label: '発達' });
    await form.getByLabel('相談日時').fill(`${occurred_day}T10:30`);
    await form.getByLabel('相談内容').fill(first_body);
    await form.getByLabel('フォロー予定日').fill(follow_up_day);
    await form.getByRole('button', { name: '記録する' }).click();
    await section.getByRole('status').filter({ hasText: '相談を記録しました。' }).waitFor();
    await expect.poll(() => form.count()).toBe(0);

    const article = articleOf(page);
    await article.waitFor();
    expect(await article.getByRole('heading').innerText()).toContain('発達');
    const text = await article.innerText();
    for (const want of ['ルーム：こどもルーム東', `記録：${staff.name}`, `フォロー予定日：${jaDate(follow_up_day)}`]) {
      expect(text, want).toContain(want);
    }
    expect(await article.locator('.consultation-body').innerText()).toBe(first_body);
    await expectAccessible(page);

    const [stored] = await staff.api.familyConsultations(family.id);
    expect(stored).toMatchObject({
      family_id: family.id, facility_id: second_room.id, facility_name: 'こどもルーム東', category: 'development',
      body: first_body, follow_up_on: follow_up_day, created_by_name: staff.name,
    });
    expect(Date.parse(stored.occurred_at)).toBe(Date.parse(`${occurred_day}T10:30:00+09:00`));
  });

  test('staff edit it in place: another category, a longer text, no follow-up date', async () => {
    const { page } = b;
    const section = sectionOf(page);
    await articleOf(page).getByRole('button', { name: `${when}の相談を編集` }).click();
    const form = section.getByRole('form', { name: `${when}の相談を編集` });
    await form.waitFor();
    expect(await form.innerText()).toContain('ルーム：こどもルーム東');
    expect(await form.getByLabel('相談内容').inputValue()).toBe(first_body);
    expect(await form.getByLabel('フォロー予定日').inputValue()).toBe(follow_up_day);
    await form.getByLabel('分類').selectOption({ label: '健康・発育' });
    await form.getByLabel('相談内容').fill(edited_body);
    await form.getByLabel('フォロー予定日').fill('');
    await expectAccessible(page);
    await form.getByRole('button', { name: '保存' }).click();
    await section.getByRole('status').filter({ hasText: '相談記録を更新しました。' }).waitFor();
    await expect.poll(() => form.count()).toBe(0);

    const article = articleOf(page);
    expect(await article.getByRole('heading').innerText()).toContain('健康・発育');
    expect(await article.locator('.consultation-body').innerText()).toBe(edited_body);
    expect(await article.innerText()).not.toContain('フォロー予定日');

    const [stored] = await staff.api.familyConsultations(family.id);
    expect(stored).toMatchObject({ category: 'health', body: edited_body, facility_id: second_room.id });
    expect(stored.follow_up_on ?? null).toBeNull();
    // Shown again after a reload (the list loads on demand).
    await page.reload();
    await sectionOf(page).getByRole('button', { name: '相談記録を表示' }).click();
    expect(await articleOf(page).locator('.consultation-body').innerText()).toBe(edited_body);
  });

  test('「CSVで書き出す」 downloads a UTF-8 CSV with a BOM that holds the text', async () => {
    const { page } = b;
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      sectionOf(page).getByRole('link', { name: 'CSVで書き出す' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    const path = await download.path();
    if (!path) throw new Error(`the download ${download.suggestedFilename()} was not saved`);
    const bytes = readFileSync(path);
    expect(bytes.subarray(0, 3).toString('hex')).toBe('efbbbf');
    const csv = new TextDecoder('utf-8').decode(bytes).replace(/\r\n/g, '\n');
    expect(csv).toContain(edited_body);
    expect(csv).toContain('こどもルーム東');
    expect(csv).toContain(staff.name);
  });

  test('the org_admin sees 閲覧履歴 naming the staff member; staff are answered 404 for the audit', async () => {
    const page = await (await desktopContext(b.browser)).newPage();
    await openFamily(page, server.admin);
    const section = sectionOf(page);
    await section.locator('summary', { hasText: '閲覧履歴' }).click();
    const table = section.getByRole('table', { name: '閲覧履歴' });
    await table.waitFor();
    const staffRows = (action: string) =>
      table.getByRole('row').filter({ hasText: staff.name }).filter({ has: page.locator(`[data-action="${action}"]`) });
    for (const [action, label] of [
      ['consultation.create', '相談を記録'],
      ['consultation.read', '相談記録を閲覧'],
      ['consultation.update', '相談記録を編集'],
      ['consultation.export', 'CSVで書き出し'],
    ]) {
      await expect.poll(() => staffRows(action).count(), { message: action }).toBeGreaterThan(0);
      expect(await staffRows(action).first().innerText()).toContain(label);
    }
    await expectAccessible(page);

    // The admin's own read shows in the open 閲覧履歴 at once.
    const admin_name = (await admin.me()).name;
    const adminReads = () =>
      table.getByRole('row').filter({ hasText: admin_name }).filter({ has: page.locator('[data-action="consultation.read"]') });
    expect(await adminReads().count()).toBe(0);
    await section.getByRole('button', { name: '相談記録を表示' }).click();
    await articleOf(page).waitFor();
    await expect.poll(() => adminReads().count()).toBeGreaterThan(0);

    const entries = await admin.auditOf(family.id);
    const of = (action: string) => entries.filter((e) => e.action === action);
    expect(of('consultation.create').map((e) => e.actor?.name)).toEqual([staff.name]);
    expect(of('consultation.update').map((e) => e.actor?.name)).toEqual([staff.name]);
    expect(of('consultation.read').map((e) => e.actor?.name)).toContain(staff.name);
    expect(of('consultation.read').map((e) => e.actor?.name)).toContain(admin_name);
    expect(of('consultation.export').map((e) => e.actor?.name)).toContain(staff.name);
    const times = entries.map((e) => Date.parse(e.at));
    expect(times).toEqual([...times].sort((x, y) => y - x));
    // The audit entries name who, never what was written.
    expect(JSON.stringify(entries)).not.toContain(tag);

    const refused = await staff.api.request('GET', `/api/v1/audit?subject=${encodeURIComponent(family.id)}`);
    expect(refused.status).toBe(404);
    await page.context().close();
  });

  test('a guardian of the family never receives the text, and the API answers the guardian 404', async () => {
    phone = await startPhone();
    const { page } = phone;
    // Every answer the phone gets, read in full (not the live stream, which never ends).
    const answers: Promise<{ url: string; text: string }>[] = [];
    page.on('response', (res) => {
      if ((res.headers()['content-type'] ?? '').includes('event-stream')) return;
      answers.push(res.text().then((text) => ({ url: res.url(), text }), () => ({ url: res.url(), text: '' })));
    });
    const g = family.guardians[0];
    const own_password = `suzuki-${uid()}-pw`;
    await signInFirstTime(page, server, g.login, g.initial_password, own_password);
    await page.getByText('鈴木 ゆい').first().waitFor();
    const pages = ['/', '/family', '/history', '/plans', '/messages', '/threads', '/notifications', '/calendar', '/rooms', '/settings'];
    for (const path of pages) {
      await page.goto(`${server.url}/app${path}`);
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      if (path === '/family') await page.getByText('鈴木 花子').first().waitFor();
      const shown = await page.locator('body').innerText();
      expect(shown, path).not.toContain(tag);
      expect(shown, path).not.toContain(added_line);
      expect(shown, path).not.toContain('相談記録');
    }
    const received = await Promise.all(answers);
    // What the app read of the family came through here.
    expect(received.some(({ url, text }) => url.includes('/api/v1/') && text.includes('鈴木 ゆい'))).toBe(true);
    for (const { url, text } of received) {
      expect(text.includes(tag) || text.includes(added_line), url).toBe(false);
    }

    // The same guardian through the API (the password chosen in the app).
    const as_guardian = await server.login({ login: g.login, password: own_password });
    expect((await as_guardian.me()).family_id).toBe(family.id);
    const [record] = await staff.api.familyConsultations(family.id);
    const list = await as_guardian.request('GET', `/api/v1/families/${encodeURIComponent(family.id)}/consultations`);
    expect(list.status, JSON.stringify(list.body)).toBe(404);
    expect(JSON.stringify(list.body)).not.toContain(tag);
    const csv = await as_guardian.request('GET', `/api/v1/families/${encodeURIComponent(family.id)}/consultations.csv`);
    expect(csv.status).toBe(404);
    const patch = await as_guardian.request('PATCH', `/api/v1/consultations/${encodeURIComponent(record.id)}`, { body: 'x' });
    expect(patch.status).toBe(404);
    const post = await as_guardian.request('POST', `/api/v1/families/${encodeURIComponent(family.id)}/consultations`, {
      facility_id: room.id, category: 'other', body: 'x', occurred_at: new Date().toISOString(),
    });
    expect(post.status).toBe(404);
    expect((await staff.api.familyConsultations(family.id)).map((c) => c.body)).toEqual([edited_body]);

    // A kiosk of the room and the admin of another organization get nothing either.
    const kiosk = kioskApi(server, (await staff.api.createKiosk(room.id, '受付タブレット')).token);
    const by_kiosk = await kiosk.request('GET', `/api/v1/families/${encodeURIComponent(family.id)}/consultations`);
    // A kiosk is refused every route but its own before any family is looked up.
    expect({ status: by_kiosk.status, reason: by_kiosk.body?.error?.reason }).toEqual({ status: 403, reason: 'kiosk_only_stamps' });
    expect(JSON.stringify(by_kiosk.body)).not.toContain(tag);
    const other = await server.login(await server.createOrg('よその市こども課'));
    const by_other = await other.request('GET', `/api/v1/families/${encodeURIComponent(family.id)}/consultations`);
    expect(by_other.status).toBe(404);
  });

  test('the database file holds none of the text while the API returns it', async () => {
    const [record] = await staff.api.familyConsultations(family.id);
    expect(record.body).toBe(edited_body);
    const files = databaseFiles(server.dbUrl);
    expect(files.map((f) => f.name)).toContain('tadaima.db');
    const has = (text: string) => files.filter((f) => f.bytes.includes(Buffer.from(text, 'utf8'))).map((f) => f.name);
    // The files read are the live ones: what is stored in clear (the family's name) is there.
    expect(has(family.name).length).toBeGreaterThan(0);
    for (const piece of [edited_body, first_body, tag, ...edited_body.split('\n')]) {
      expect(has(piece), piece).toEqual([]);
    }
    expect(server.logs()).not.toContain(tag);
  });
});

// 実績表の列 on the statistics page (統計): which figures the monthly usage report's files
// show, in which order. The org admin removes 初回 from the drop-in rooms' list and moves 大人
// to its top with ↑ (the keyboard's focus staying on the moved column), saves, and after a
// reload the page, GET /reports/columns and the month's XLSX (read by openpyxl: its header
// row 日付, 大人, 組数, … without 初回) all agree; a list emptied is refused by the server and
// the refusal is said (nothing saved); 既定に戻す brings the defaults back, in the file too;
// the English names of the buttons; a facility staff member sees the columns but no control,
// and a PUT of theirs answers 403. axe-core on each view.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Facility, ReportColumnsAnswer } from '../../web/src/shared/types';
import { download } from '../support/checkin';
import { facilityInput, newStaff } from '../support/fixtures';
import { readWorkbook } from '../support/report_files';
import type { TestApi } from '../support/server';
import { expectAccessible } from './axe';
import { desktopContext, signInAt, startBrowser, startServer, type TestBrowser, type TestServer } from './harness';

const kMonth = '2027-06';
const kDropIn = '子育て支援拠点・保育施設';
const kClub = '放課後児童クラブ';

describe('admin app: the columns of the monthly usage report (実績表の列)', () => {
  let server: TestServer;
  let admin: TestApi;
  let room: Facility;
  let initial: ReportColumnsAnswer;
  let b: TestBrowser;

  beforeAll(async () => {
    server = await startServer();
    admin = await server.login();
    room = await admin.createFacility(facilityInput({ name: 'すくすく広場', kind: 'drop_in' }));
    initial = await admin.reportColumns();
    b = await startBrowser();
    await signInAt(b.page, server, '/admin/stats');
  });
  afterAll(async () => {
    await b?.close();
    await server?.close();
  });

  const section = (page: Page = b.page) => page.getByRole('region', { name: '実績表の列', exact: true });
  const group = (kind: string) => section().getByRole('group', { name: kind, exact: true });
  /** The names of a kind's chosen columns, in order, as the page lists them. */
  const shown = (kind: string, page: Page = b.page) =>
    section(page).getByRole('list', { name: `${kind}：表に出す列（この順番）`, exact: true })
      .locator('.report-column-name').allTextContents();
  const labels = (keys: string[], kind: 'drop_in' | 'after_school') =>
    keys.map((k) => initial.choices[kind].find((c) => c.key === k)!.label);
  /** The header row of the room's sheet in the month's XLSX, downloaded with the admin's cookies. */
  const xlsxHeader = async () => {
    const file = await download(server, admin, admin.monthlyReportUrl({ facility_id: room.id, month: kMonth, format: 'xlsx' }));
    expect(file.status, file.text.slice(0, 300)).toBe(200);
    const book = await readWorkbook(file.bytes);
    expect(book.names).toEqual(['すくすく広場']);
    const row = book.sheets['すくすく広場'].find((r) => r[0]?.v === '日付');
    expect(row, 'a header row starting with 日付').toBeDefined();
    return row!.map((c) => c.v).filter((v) => v !== null);
  };

  test('the defaults, as the server says; 初回 removed and 大人 moved to the top, saved, kept after a reload and in the file', async () => {
    const { page } = b;
    await section().getByRole('heading', { name: '実績表の列', level: 2 }).waitFor();
    expect(initial.columns).toEqual(initial.defaults);
    expect(initial.defaults.drop_in).toContain('first_time_families');
    await expect.poll(() => shown(kDropIn)).toEqual(labels(initial.defaults.drop_in, 'drop_in'));
    expect(await shown(kClub)).toEqual(labels(initial.defaults.after_school, 'after_school'));
    // 延長(分) is a choice of drop-in rooms, not a default: a button adds it.
    expect(await group(kDropIn).getByRole('button', { name: '延長(分)を追加', exact: true }).count()).toBe(1);
    expect(await group(kDropIn).getByRole('button', { name: '組数を上へ', exact: true }).isDisabled()).toBe(true);
    await expectAccessible(page);

    await group(kDropIn).getByRole('button', { name: '初回を外す', exact: true }).click();
    // The removed column's add button takes the focus.
    const addBack = group(kDropIn).getByRole('button', { name: '初回を追加', exact: true });
    await expect.poll(() => addBack.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await shown(kDropIn)).not.toContain('初回');
    await section().getByText('保存していない変更があります。').waitFor();

    // 大人 up to the top from the keyboard: the focus stays on its ↑ until it is first,
    // then moves to its ↓ (the ↑ is disabled there).
    const chosen = initial.defaults.drop_in.filter((k) => k !== 'first_time_families');
    const up = group(kDropIn).getByRole('button', { name: '大人を上へ', exact: true });
    await up.focus();
    for (let steps = chosen.indexOf('adults'); steps > 0; --steps) {
      await expect.poll(() => up.evaluate((el) => el === document.activeElement)).toBe(true);
      await page.keyboard.press('Enter');
    }
    const wanted = ['adults', ...chosen.filter((k) => k !== 'adults')];
    await expect.poll(() => shown(kDropIn)).toEqual(labels(wanted, 'drop_in'));
    expect(await up.isDisabled()).toBe(true);
    const down = group(kDropIn).getByRole('button', { name: '大人を下へ', exact: true });
    await expect.poll(() => down.evaluate((el) => el === document.activeElement)).toBe(true);

    await section().getByRole('button', { name: '保存', exact: true }).click();
    await section().getByRole('status').filter({ hasText: '実績表の列を保存しました。' }).waitFor();
    expect(await section().getByText('保存していない変更があります。').count()).toBe(0);
    const saved = await admin.reportColumns();
    expect(saved.columns).toEqual({ drop_in: wanted, after_school: initial.defaults.after_school });

    await page.reload();
    await expect.poll(() => shown(kDropIn)).toEqual(labels(wanted, 'drop_in'));
    expect(await shown(kClub)).toEqual(labels(initial.defaults.after_school, 'after_school'));

    const header = await xlsxHeader();
    expect(header.slice(0, 3)).toEqual(['日付', '大人', '組数']);
    expect(header).not.toContain('初回');
    expect(header).toEqual(['日付', ...labels(wanted, 'drop_in'), '備考']);
    await expectAccessible(page);
  });

  test('a list emptied is refused by the server, and the page says why; nothing is saved', async () => {
    const club = group(kClub);
    for (const label of labels(initial.defaults.after_school, 'after_school')) {
      await club.getByRole('button', { name: `${label}を外す`, exact: true }).click();
    }
    await club.getByText('列が選ばれていません。下から1つ以上追加してください。').waitFor();
    await section().getByRole('button', { name: '保存', exact: true }).click();
    const alert = section().getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toBe('入力内容を確認してください。 放課後児童クラブ：列を1つ以上選んでください。');
    const now = await admin.reportColumns();
    expect(now.columns.after_school).toEqual(initial.defaults.after_school);
    expect(now.columns.drop_in[0]).toBe('adults');
    await expectAccessible(b.page);
    // Added back from the buttons, in the order clicked.
    await club.getByRole('button', { name: '計を追加', exact: true }).click();
    await expect.poll(() => shown(kClub)).toEqual(['計']);
  });

  test('既定に戻す puts the defaults back: on the page, in GET /reports/columns, in the file', async () => {
    await section().getByRole('button', { name: '既定に戻す', exact: true }).click();
    await section().getByRole('status').filter({ hasText: '実績表の列を既定に戻しました。' }).waitFor();
    expect(await section().getByRole('alert').count()).toBe(0);
    await expect.poll(() => shown(kDropIn)).toEqual(labels(initial.defaults.drop_in, 'drop_in'));
    expect(await shown(kClub)).toEqual(labels(initial.defaults.after_school, 'after_school'));
    expect((await admin.reportColumns()).columns).toEqual(initial.defaults);
    const header = await xlsxHeader();
    expect(header).toEqual(['日付', ...labels(initial.defaults.drop_in, 'drop_in'), '備考']);
    expect(header).toContain('初回');
  });

  test('in English: the heading and the buttons\' names (the columns keep the files\' names)', async () => {
    const { page } = b;
    await page.getByRole('button', { name: 'English' }).click();
    const region = page.getByRole('region', { name: 'Columns of the usage report', exact: true });
    await region.waitFor();
    const rooms = region.getByRole('group', { name: 'Drop-in rooms and nurseries', exact: true });
    expect(await rooms.getByRole('button', { name: 'Move 大人 up', exact: true }).count()).toBe(1);
    expect(await rooms.getByRole('button', { name: 'Remove 初回', exact: true }).count()).toBe(1);
    expect(await region.getByRole('button', { name: 'Restore the defaults', exact: true }).count()).toBe(1);
    await expectAccessible(page);
    await page.getByRole('button', { name: '日本語' }).click();
    await section().waitFor();
  });

  test('a facility staff member sees the columns, with no control; a PUT of theirs answers 403', async () => {
    await admin.putReportColumns({ drop_in: ['adults', 'visits'] });
    const who = await newStaff(server, admin, [room.id]);
    const context = await desktopContext(b.browser);
    try {
      const page = await context.newPage();
      await signInAt(page, server, '/admin/stats', { login: who.login, password: who.password });
      await section(page).getByRole('heading', { name: '実績表の列', level: 2 }).waitFor();
      await section(page).getByText('変更できるのは自治体・法人の管理者だけです。', { exact: false }).waitFor();
      const list = section(page).getByRole('list', { name: kDropIn, exact: true });
      await expect.poll(() => list.getByRole('listitem').allTextContents()).toEqual(['大人', '組数']);
      expect(await section(page).getByRole('list', { name: kClub, exact: true }).getByRole('listitem').allTextContents())
        .toEqual(labels(initial.defaults.after_school, 'after_school'));
      expect(await section(page).getByRole('button').count()).toBe(0);
      await expectAccessible(page);

      const put = await who.api.request('PUT', '/api/v1/reports/columns', { drop_in: ['visits'] });
      expect(put.status).toBe(403);
      expect((await who.api.reportColumns()).columns.drop_in).toEqual(['adults', 'visits']);
    } finally {
      await context.close();
      await admin.putReportColumns({});
    }
  });
});

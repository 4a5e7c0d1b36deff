// CSV取り込み in the admin app. The administrator finds the page from the family list, reads
// the columns accepted and saves the sample file (a BOM, two families, which the server's
// dry run reads as 2 families and 3 children). A file that is not text is refused with its
// reason; an unknown column is a problem of the whole file, said above the rows. A
// Shift_JIS file (made by iconv, as Excel saves it) with a bad birth date is checked as
// soon as it is chosen: the summary says Shift_JIS and one row with an error, the table
// shows the error at its row with the column's Japanese name, 「エラーのみ」 leaves that row
// alone, and 「取り込む」 is disabled with the hint to correct the file. The corrected UTF-8
// file of 30 families (two with two children, one with two guardians, one already
// registered) says 29 families and 31 children to create and the known one skipped;
// 「取り込む」 runs the import, the progress bar reaches 29 / 29 世帯 and the page says it is
// done; GET /families then lists the new families with their children, guardians and
// facility, and the known family once. A facility's staff member sees no link and the page
// says it is for administrators only. axe-core checks the page along the way.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Facility, Family, NewFamily } from '../../web/src/shared/types';
import { newStaff } from '../support/fixtures';
import type { TestApi } from '../support/server';
import { expectAccessible } from './axe';
import { desktopContext, signInAt, startBrowser, startServer, type TestBrowser, type TestServer } from './harness';

const kHeader = '世帯番号,世帯名,住所,電話番号,保護者氏名,保護者ふりがな,続柄,メールアドレス,児童氏名,児童ふりがな,生年月日,施設名';
const kClub = 'ひまわり児童クラブ';

/** The CSV text of `lines` under the Japanese header, lines ended by CRLF as Excel writes them. */
const csvText = (lines: string[]) => `${[kHeader, ...lines].join('\r\n')}\r\n`;
/** `text` in Shift_JIS (Windows-31J) by Debian's iconv. */
const shiftJis = (text: string) => execFileSync('iconv', ['-f', 'UTF-8', '-t', 'CP932'], { input: text });

/** Family i of the corrected file: its rows (1 and 2 have two children, 3 two guardians). */
function familyRows(i: number): string[] {
  const rows = [`${i},取込${i}家,千代田区${i}-1,090-1000-${String(i).padStart(4, '0')},取込${i} 母,とりこみ はは,母,,取込${i} 子,とりこみ こ,2019/4/${i},${kClub}`];
  if (i <= 2) rows.push(`${i},取込${i}家,,,取込${i} 母,,,,取込${i} 弟,とりこみ おとうと,2021-06-${String(i + 10).padStart(2, '0')},${kClub}`);
  if (i === 3) rows.push(`${i},取込${i}家,,,取込${i} 父,とりこみ ちち,父,,取込${i} 子,とりこみ こ,2019/4/${i},${kClub}`);
  return rows;
}

describe('CSV取り込み', () => {
  let server: TestServer;
  let admin: TestApi;
  let club: Facility;
  let staff = { login: '', password: '' };
  let known: NewFamily;
  let b: TestBrowser;

  const rowsTable = (page: Page) => page.getByRole('table', { name: '行ごとの結果' });
  const summary = async (page: Page) => {
    const dl = page.locator('dl.import-summary');
    const terms = await dl.locator('dt').allInnerTexts();
    const values = await dl.locator('dd').allInnerTexts();
    return Object.fromEntries(terms.map((term, i) => [term, values[i]]));
  };
  const fileInput = (page: Page) => page.getByLabel('CSVファイル', { exact: true });
  /** Chooses a file on the page and waits for the dry run's report of it. */
  const choose = async (page: Page, name: string, bytes: Buffer) => {
    await fileInput(page).setInputFiles({ name, mimeType: 'text/csv', buffer: bytes });
    await page.getByRole('heading', { level: 2, name: `確認の結果：${name}` }).waitFor();
  };
  /** Every family whose name or kana holds `q`, all pages. */
  const families = async (q: string): Promise<Family[]> => {
    const out: Family[] = [];
    let cursor: string | null = null;
    do {
      const page = await admin.listFamilies({ q, limit: 100, cursor });
      out.push(...page.items);
      cursor = page.next_cursor;
    } while (cursor);
    return out;
  };

  beforeAll(async () => {
    server = await startServer();
    admin = await server.login();
    club = await admin.createFacility({ name: kClub, kind: 'after_school', opens_at: '13:00', closes_at: '19:00' });
    const s = await newStaff(server, admin, [club.id]);
    staff = { login: s.login, password: s.password };
    known = await admin.createFamily({
      name: '既存家',
      guardians: [{ name: '既存 母', relation: '母' }],
      children: [{ name: '既存 はな', name_kana: 'きそん はな', birth_date: '2019-05-05' }],
      facility_ids: [club.id],
    });
    b = await startBrowser();
  });
  afterAll(async () => {
    await b?.close();
    await server?.close();
  });

  test('the family list links to the page, which explains the columns and gives a sample file', async () => {
    const { page } = b;
    await signInAt(page, server, '/admin/families');
    await page.getByRole('heading', { level: 1, name: '世帯一覧' }).waitFor();
    await page.getByRole('link', { name: 'CSV取り込み' }).click();
    await page.getByRole('heading', { level: 1, name: 'CSV取り込み' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/admin/imports');

    const columns = page.getByRole('table', { name: '取り込める列' });
    expect(await columns.getByRole('row').count()).toBe(13);
    expect(await columns.getByRole('row', { name: /生年月日/ }).innerText()).toMatch(/必須[\s\S]*2019-04-02 または 2019\/4\/2/);
    expect(await columns.getByRole('row', { name: /続柄/ }).innerText()).toContain('任意');
    const text = await page.locator('main').innerText();
    for (const want of ['1行に児童1人', '2人目の保護者', 'Shift_JIS', '登録案内状']) expect(text, want).toContain(want);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'サンプルのCSVをダウンロード（2世帯）' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('families_sample.csv');
    const path = await download.path();
    const sample = readFileSync(path);
    expect([...sample.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = sample.toString('utf8').slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe(kHeader);
    expect(lines.slice(1).every((l) => l.endsWith(`,${kClub}`))).toBe(true);
    // What the server makes of the sample: two families, three children, nothing wrong.
    const checked = await admin.dryRunImport(new Blob([sample]));
    expect(checked).toMatchObject({ encoding: 'utf-8', families: 2, children: 3, errors: 0, ok: true });
    await expectAccessible(page);
  });

  test('a file that is not CSV text is refused, and a header problem is said above the rows', async () => {
    const { page } = b;
    await fileInput(page).setInputFiles({ name: 'photo.csv', mimeType: 'text/csv', buffer: Buffer.from([0xff, 0xfe, 0x00, 0x81]) });
    await page.getByRole('alert').filter({ hasText: 'photo.csv を読み込めませんでした：ファイルが UTF-8 でも Shift_JIS でもありません。' }).waitFor();

    await choose(page, '備考つき.csv', Buffer.from(`${kHeader},備考\r\n1,備考家,,,備考 母,,,,備考 子,,2020-01-01,,メモ\r\n`));
    const problems = page.getByRole('alert').filter({ hasText: 'ファイル全体の問題' });
    expect(await problems.getByRole('listitem').allInnerTexts()).toEqual(['見出し行の「備考」：取り込めない列名です（説明にある列名を使ってください）。']);
    expect(await page.getByRole('button', { name: '取り込む' }).isDisabled()).toBe(true);
  });

  test('a Shift_JIS file with a bad birth date shows the error at its row and cannot be imported', async () => {
    const { page } = b;
    const file = shiftJis(csvText([
      `1,正し家,,03-1111-0001,正し 母,,母,,正し 子,ただし こ,2019/4/2,${kClub}`,
      `2,誤り家,,03-1111-0002,誤り 母,,母,,誤り 子,あやまり こ,2019/2/30,${kClub}`,
      `3,三番家,,03-1111-0003,三番 母,,母,,三番 子,さんばん こ,2020-01-10,${kClub}`,
    ]));
    expect(file.includes(Buffer.from('誤り家'))).toBe(false); // not UTF-8
    await choose(page, '児童名簿.csv', file);
    expect(await summary(page)).toMatchObject({
      文字コード: 'Shift_JIS', 行数: '3行', エラーのある行: '1行', 登録する世帯: '2世帯',
    });
    const table = rowsTable(page);
    expect(await table.locator('tbody tr').count()).toBe(3);
    const bad = table.getByRole('row', { name: /誤り家/ });
    expect(await bad.locator('th').innerText()).toBe('3');
    const cells = await bad.locator('td').allInnerTexts();
    expect(cells.slice(0, 3)).toEqual(['誤り家', '誤り 子', 'エラー']);
    expect(cells[3]).toBe('生年月日：日付を入力してください。');
    expect(await table.getByRole('row', { name: /正し家/ }).locator('td').nth(2).innerText()).toBe('作成');

    const start = page.getByRole('button', { name: '取り込む' });
    expect(await start.isDisabled()).toBe(true);
    await page.getByText('エラーのある行があるため取り込めません。ファイルを直して保存し、もう一度選んでください。').waitFor();
    await expectAccessible(page);

    await page.getByLabel('エラーのみ').check();
    await expect.poll(() => table.locator('tbody tr').count()).toBe(1);
    expect(await table.locator('tbody tr').innerText()).toContain('誤り家');
  });

  test('the corrected file of 30 families is imported with its progress; the known family is skipped', async () => {
    const { page } = b;
    const lines: string[] = [];
    for (let i = 1; i <= 29; i++) lines.push(...familyRows(i));
    lines.push(`30,既存家,,,既存 母,,母,,既存 はな,きそん はな,2019-05-05,${kClub}`);
    await choose(page, '児童名簿_修正.csv', Buffer.from(`\uFEFF${csvText(lines)}`));
    expect(await summary(page)).toEqual({
      文字コード: 'UTF-8', 行数: '33行', 登録する世帯: '29世帯', 登録する児童: '31人',
      登録済みのため取り込まない世帯: '1世帯', エラーのある行: '0行',
    });
    const table = rowsTable(page);
    expect(await table.locator('tbody tr').count()).toBe(33);
    expect(await page.getByLabel('エラーのみ').count()).toBe(0);
    const skipped = table.getByRole('row', { name: /既存家/ });
    expect(await skipped.locator('td').nth(2).innerText()).toBe('既存のため取り込まない');
    expect(await skipped.getByRole('link', { name: '既存家' }).getAttribute('href')).toBe(`/admin/families/${known.id}`);
    await expectAccessible(page);

    await page.getByRole('button', { name: '取り込む' }).click();
    const bar = page.getByRole('progressbar', { name: '取り込みの進み具合' });
    await bar.waitFor();
    await page.getByRole('status').filter({ hasText: '29世帯を取り込みました。' }).waitFor();
    expect(await bar.getAttribute('max')).toBe('29');
    expect(await bar.getAttribute('value')).toBe('29');
    expect(await bar.getAttribute('aria-valuetext')).toBe('29 / 29 世帯');
    expect(await page.locator('.import-progress').innerText()).toContain('29 / 29 世帯');
    expect(await page.getByRole('button', { name: '取り込む' }).isDisabled()).toBe(true);
    await expectAccessible(page);

    const made = await families('取込');
    expect(made).toHaveLength(29);
    const byName = (name: string) => made.find((f) => f.name === name)!;
    expect(byName('取込1家').children.map((c) => c.name).sort()).toEqual(['取込1 子', '取込1 弟']);
    expect(byName('取込2家').children.map((c) => c.birth_date).sort()).toEqual(['2019-04-02', '2021-06-12']);
    expect(byName('取込3家').guardians.map((g) => g.name).sort()).toEqual(['取込3 母', '取込3 父']);
    expect(byName('取込3家').children).toHaveLength(1);
    expect(made.reduce((n, f) => n + f.children.length, 0)).toBe(31);
    expect(made.every((f) => f.enrollments.length > 0 && f.enrollments.every((e) => e.facility_id === club.id))).toBe(true);
    expect((await families('既存家')).map((f) => f.id)).toEqual([known.id]);

    // The done message leads to the family list, which now has them.
    await page.getByRole('status').getByRole('link', { name: '世帯一覧へ' }).click();
    await page.getByRole('heading', { level: 1, name: '世帯一覧' }).waitFor();
    await page.getByRole('link', { name: '取込1家' }).first().waitFor();
  });

  test("a facility's staff member sees no link, and the page is for administrators only", async () => {
    const context = await desktopContext(b.browser);
    try {
      const page = await context.newPage();
      await signInAt(page, server, '/admin/families', staff);
      await page.getByRole('heading', { level: 1, name: '世帯一覧' }).waitFor();
      await page.getByRole('link', { name: '世帯を登録' }).waitFor();
      expect(await page.getByRole('link', { name: 'CSV取り込み' }).count()).toBe(0);
      await page.goto(`${server.url}/admin/imports`);
      await page.getByRole('heading', { level: 1, name: 'CSV取り込み' }).waitFor();
      await page.getByText('CSV取り込みは、自治体・法人の管理者だけが使えます。').waitFor();
      expect(await page.getByLabel('CSVファイル', { exact: true }).count()).toBe(0);
      await expectAccessible(page);
    } finally {
      await context.close();
    }
  });
});

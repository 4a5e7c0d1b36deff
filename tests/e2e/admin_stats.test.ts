// The statistics page (統計) of the admin app, on a pinned server clock (the page's clock
// set to the same instant): an after-school club where three children are stamped in at
// the kiosk — はる and そら on Thursday 2027-06-10 at 15:00, はる again and りく on Friday
// 06-11 at 16:05 — with はる planned on the 10th and そら planned on the 11th but absent
// unannounced (a not-arrived alert), and a drop-in room with no visits. The org admin sees
// 全施設 by default: the month's totals, the charts drawn (uPlot canvases) with the same
// numbers in their tables, the day × hour heat map, planned against arrived; then one
// facility: the report's figures and per-child table, the download links (xlsx fetched with
// the page's cookies starts with "PK", PDF with "%PDF", the Shift_JIS CSV decodes), 和暦 in
// the xlsx link; an empty month shows zeros; a range over 12 months is refused beside its
// field; a facility staff member gets no 全施設; English; axe-core on each view.
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { PINNED_DAY, enrolledFamily, newSite, startCheckinServer, type Site } from '../support/checkin';
import { newStaff } from '../support/fixtures';
import type { TestApi } from '../support/server';
import type { Member } from './admin_support';
import { expectAccessible } from './axe';
import { desktopContext, signInAt, startBrowser, type TestBrowser, type TestServer } from './harness';

const kFriday = '2027-06-11';
const kFridayAt = '2027-06-11T16:05:00+09:00';

describe('admin app: statistics (統計) and the monthly usage report', () => {
  let server: TestServer;
  let admin: TestApi;
  let site: Site;
  let haru: Member; // 小3, both days
  let sora: Member; // 小2, Thursday; planned on Friday and not come
  let riku: Member; // 6, not yet at school, Friday
  let b: TestBrowser;

  const stampIn = async (m: Member) => {
    const credential = (await site.staff.childCredential(m.child.id)).text;
    await site.kiosk.stamp({ facility_id: site.facility.id, client_id: crypto.randomUUID(), credential, direction: 'in' });
  };

  /** A family of one guardian and one child born on `birth_date`, enrolled at the club. */
  const member = (family: string, guardian: string, child: string, kana: string, birth_date: string): Promise<Member> =>
    enrolledFamily(server, site.staff, [site.facility.id], {
      name: family, guardians: [{ name: guardian, relation: '母' }], children: [{ name: child, name_kana: kana, birth_date }],
    });

  beforeAll(async () => {
    server = await startCheckinServer();
    admin = await server.login();
    site = await newSite(server, admin, { name: 'ひまわり児童クラブ', kind: 'after_school', duplicate_window_seconds: 0 });
    await admin.createFacility({ name: 'すくすく広場', kind: 'drop_in', opens_at: '09:00', closes_at: '17:00' });
    await admin.updateFacility(site.facility.id, { plan_deadline_days: 0, plan_deadline_time: '23:59' });
    haru = await member('佐藤家', '佐藤 恵', '佐藤 はる', 'さとう はる', '2018-05-05');
    sora = await member('鈴木家', '鈴木 舞', '鈴木 そら', 'すずき そら', '2020-01-10');
    riku = await member('田中家', '田中 綾', '田中 りく', 'たなか りく', '2021-06-01');
    await site.staff.putPlans(haru.child.id, { days: [{ date: PINNED_DAY, status: 'attend', arrive_at: '15:00', leave_at: '17:00' }] });
    await site.staff.putPlans(sora.child.id, { days: [{ date: kFriday, status: 'attend', arrive_at: '14:00', leave_at: '17:00' }] });
    await stampIn(haru);
    await stampIn(sora);
    await server.setClock(kFridayAt); // the not-arrived job raises そら (14:00 + 15 minutes)
    await stampIn(haru);
    await stampIn(riku);

    b = await startBrowser();
    await b.context.clock.install({ time: server.clockNow() });
    await signInAt(b.page, server, '/admin/stats');
  });
  afterAll(async () => {
    await b?.close();
    await server?.close();
  });

  const region = (name: string, page: Page = b.page) => page.getByRole('region', { name, exact: true });
  /** The table of numbers of a chart (its <details> opened). */
  const numbers = async (chart: string): Promise<Locator> => {
    const section = region(chart);
    if ((await section.locator('details').getAttribute('open')) === null) await section.locator('summary').click();
    return section.getByRole('table', { name: chart });
  };
  /** The cells after the row header `header` of `table`. */
  const cells = (table: Locator, header: string) =>
    table.getByRole('row').filter({ has: b.page.getByRole('rowheader', { name: header, exact: true }) }).locator('td').allTextContents();
  const totals = async (page: Page = b.page) => {
    const dl = page.locator('.stats-totals');
    await dl.waitFor();
    const terms = await dl.locator('dt').allTextContents();
    const values = await dl.locator('dd').allTextContents();
    return Object.fromEntries(terms.map((term, i) => [term, Number(values[i])]));
  };
  const apply = async (fields: Record<string, string>) => {
    const form = b.page.getByRole('form', { name: '表示する施設と期間' });
    for (const [label, value] of Object.entries(fields)) {
      if (label === '施設') await form.getByLabel(label).selectOption({ label: value });
      else await form.getByLabel(label, { exact: true }).fill(value);
    }
    await form.getByRole('button', { name: '表示' }).click();
  };

  test('全施設 by default for the org admin: this month\'s totals, the charts drawn, their numbers', async () => {
    const { page } = b;
    await page.getByRole('heading', { name: '統計', level: 1 }).waitFor();
    expect(await page.getByRole('navigation').getByRole('link', { name: '統計' }).getAttribute('aria-current')).toBe('page');
    const form = page.getByRole('form', { name: '表示する施設と期間' });
    expect(await form.getByLabel('施設').inputValue()).toBe('');
    expect(await form.getByLabel('施設').locator('option:checked').textContent()).toBe('全施設');
    expect(await form.getByLabel('月', { exact: true }).inputValue()).toBe('2027-06');
    expect(await form.getByLabel('月別の表示：開始月').inputValue()).toBe('2026-07');
    await page.getByRole('heading', { name: '2027年6月の利用状況' }).waitFor();
    expect(await totals()).toEqual({
      '来館（組）': 4, '子ども（延べ）': 4, '大人（延べ）': 0, 家庭: 3, 初めての家庭: 3, 未到着アラート: 1,
    });

    // Six charts, each a canvas with a size, named as an image.
    const charts = page.locator('.stats-chart');
    await expect.poll(() => charts.locator('canvas').count()).toBe(6);
    const box = await charts.first().locator('canvas').first().boundingBox();
    expect(box!.width).toBeGreaterThan(200);
    expect(box!.height).toBeGreaterThan(100);
    expect(await page.getByRole('img', { name: /^日別の来館数のグラフ/ }).count()).toBe(1);

    const daily = await numbers('日別の来館数');
    expect(await daily.getByRole('row').count()).toBe(31); // a header row and every day of June
    expect(await cells(daily, '6月10日（木）')).toEqual(['2', '2', '2']); // visits, families, first-time
    expect(await cells(daily, '6月11日（金）')).toEqual(['2', '2', '1']);
    expect(await cells(daily, '6月12日（土）')).toEqual(['0', '0', '0']);
    const ages = await numbers('年齢別の子ども（延べ）');
    expect(await cells(ages, '小学生')).toEqual(['3']);
    expect(await cells(ages, '3歳以上未就学')).toEqual(['1']);
    expect(await cells(ages, '0歳')).toEqual(['0']);
    const adults = await numbers('子どもと大人（日別）');
    expect(await cells(adults, '6月11日（金）')).toEqual(['2', '0']);

    const plans = await numbers('予定と来館（日別）');
    // planned, arrived as planned, absence reports, not-arrived alerts, arrived without a plan
    expect(await cells(plans, '6月10日（木）')).toEqual(['1', '1', '0', '0', '1']);
    expect(await cells(plans, '6月11日（金）')).toEqual(['1', '0', '0', '1', '2']);
    expect(await region('予定と来館（日別）').locator('.stats-alerts').textContent()).toBe('この月の未到着アラートは1件です（6月11日（金） 1）。');

    const year = await numbers('月別の来館数');
    expect(await year.getByRole('row').count()).toBe(13);
    expect(await cells(year, '2027年6月')).toEqual(['4', '4', '0']);
    expect(await cells(year, '2027年5月')).toEqual(['0', '0', '0']);
    const first = await numbers('初めての家庭とリピーター（月別）');
    expect(await cells(first, '2027年6月')).toEqual(['3', '0', '3']);

    // The heat map: the hours 15 and 16 (the first to the last with a visit).
    const heat = region('時間帯別の来館（日 × 時）').getByRole('table');
    await heat.waitFor();
    expect(await heat.getByRole('columnheader').allTextContents()).toEqual(['日付', '15時', '16時', '計']);
    expect(await cells(heat, '6月10日（木）')).toEqual(['2', '0', '2']);
    expect(await cells(heat, '6月11日（金）')).toEqual(['0', '2', '2']);
    expect(await heat.locator('td.heat--4').count()).toBe(2);

    // 全施設: both facilities and their total in the report.
    const summary = page.getByRole('table', { name: '施設ごとの実績' });
    await summary.waitFor();
    const names = await summary.getByRole('rowheader').allTextContents();
    expect(names.slice(0, 2).sort()).toEqual(['すくすく広場', 'ひまわり児童クラブ']);
    expect(names[2]).toBe('合計（全施設）');
    expect(await cells(summary, '合計（全施設）').then((c) => c.slice(1))).toEqual(['4', '4', '0', '3']);
    await expectAccessible(page);
  });

  test('one facility: the report\'s figures, its children, and the files to download', async () => {
    const { page } = b;
    await apply({ 施設: 'ひまわり児童クラブ' });
    await expect.poll(() => new URL(page.url()).searchParams.get('facility_id')).toBe(site.facility.id);
    await expect.poll(() => totals().then((t) => t['来館（組）'])).toBe(4);

    const report = await admin.monthlyReport({ facility_id: site.facility.id, month: '2027-06' });
    const summary = page.getByRole('table', { name: '施設ごとの実績' });
    await expect.poll(() => summary.getByRole('rowheader').allTextContents()).toEqual(['ひまわり児童クラブ']);
    // open days, visits, children, adults, first-time families
    expect(await cells(summary, 'ひまわり児童クラブ')).toEqual([String(report.facilities[0].open_days), '4', '4', '0', '3']);
    const children = page.getByRole('table', { name: 'ひまわり児童クラブ：児童ごとの利用' });
    expect(await children.getByRole('rowheader').allTextContents()).toEqual(['佐藤 はる', '鈴木 そら', '田中 りく']);
    expect(await cells(children, '佐藤 はる')).toEqual(['小3', '2', '0']);
    expect(await cells(children, '鈴木 そら')).toEqual(['小2', '1', '0']);

    const downloads = page.getByRole('list', { name: '利用者実績表のダウンロード' });
    const href = async (name: string) => {
      const link = downloads.getByRole('link', { name, exact: true });
      expect(await link.getAttribute('download'), `${name} downloads`).not.toBeNull();
      const url = new URL((await link.getAttribute('href'))!, server.url);
      expect(url.pathname).toBe('/api/v1/reports/monthly');
      return url;
    };
    const params = async (name: string) => Object.fromEntries((await href(name)).searchParams);
    const base = { facility_id: site.facility.id, month: '2027-06' };
    expect(await params('Excel（xlsx）')).toEqual({ ...base, format: 'xlsx' });
    expect(await params('PDF')).toEqual({ ...base, format: 'pdf' });
    expect(await params('CSV（UTF-8）')).toEqual({ ...base, format: 'csv', encoding: 'utf-8' });
    expect(await params('CSV（Shift_JIS）')).toEqual({ ...base, format: 'csv', encoding: 'shift_jis' });
    await page.getByLabel('タイトルを和暦（令和）で表す（Excel・PDF）').check();
    expect(await params('Excel（xlsx）')).toEqual({ ...base, format: 'xlsx', era: 'japanese' });
    expect(await params('PDF')).toEqual({ ...base, format: 'pdf', era: 'japanese' });
    expect(await params('CSV（UTF-8）')).toEqual({ ...base, format: 'csv', encoding: 'utf-8' });

    // Fetched as the page would (its cookies): real files.
    const fetched = (url: string) => page.evaluate(async (u) => {
      const res = await fetch(u);
      const bytes = new Uint8Array(await res.arrayBuffer());
      return { status: res.status, type: res.headers.get('content-type') ?? '', head: Array.from(bytes.slice(0, 4)), sjis: new TextDecoder('shift_jis').decode(bytes) };
    }, url);
    const xlsx = await fetched((await href('Excel（xlsx）')).href);
    expect({ status: xlsx.status, head: String.fromCharCode(...xlsx.head.slice(0, 2)) }).toEqual({ status: 200, head: 'PK' });
    expect(xlsx.type).toContain('spreadsheetml');
    const pdf = await fetched((await href('PDF')).href);
    expect({ status: pdf.status, head: String.fromCharCode(...pdf.head) }).toEqual({ status: 200, head: '%PDF' });
    const utf8 = await fetched((await href('CSV（UTF-8）')).href);
    expect({ status: utf8.status, bom: utf8.head.slice(0, 3) }).toEqual({ status: 200, bom: [0xef, 0xbb, 0xbf] });
    const sjis = await fetched((await href('CSV（Shift_JIS）')).href);
    expect(sjis.status).toBe(200);
    expect(sjis.sjis).toContain('ひまわり児童クラブ');
    expect(sjis.sjis).toContain('日付');
    await expectAccessible(page);
  });

  test('a month without visits shows zeros, not an error; a range over 12 months is refused', async () => {
    const { page } = b;
    await apply({ 月: '2027-05' });
    await page.getByRole('heading', { name: '2027年5月の利用状況' }).waitFor();
    expect(Object.values(await totals())).toEqual([0, 0, 0, 0, 0, 0]);
    await region('時間帯別の来館（日 × 時）').getByText('この月の来館はありません（0組）。').waitFor();
    const summary = page.getByRole('table', { name: '施設ごとの実績' });
    await expect.poll(() => cells(summary, 'ひまわり児童クラブ').then((c) => c.slice(1))).toEqual(['0', '0', '0', '0']);
    expect(await page.getByText('この月に来た児童はいません。').count()).toBe(1);
    expect(await page.getByRole('alert').count()).toBe(0);
    // The range followed the month: the 12 months up to May.
    const form = page.getByRole('form', { name: '表示する施設と期間' });
    expect(await form.getByLabel('月別の表示：開始月').inputValue()).toBe('2026-06');
    await expectAccessible(page);

    const before = page.url();
    await apply({ '月別の表示：開始月': '2026-01', '月別の表示：終了月': '2027-05' });
    const to = form.getByLabel('月別の表示：終了月');
    await expect.poll(() => to.getAttribute('aria-invalid')).toBe('true');
    expect(await form.locator('.field-error').textContent()).toContain('12か月以内で選んでください。');
    expect(page.url()).toBe(before);
  });

  test('a facility staff member chooses among their facilities only (no 全施設)', async () => {
    const who = await newStaff(server, admin, [site.facility.id]);
    const context = await desktopContext(b.browser);
    try {
      await context.clock.install({ time: server.clockNow() });
      const page = await context.newPage();
      await signInAt(page, server, '/admin/stats', { login: who.login, password: who.password });
      const select = page.getByRole('form', { name: '表示する施設と期間' }).getByLabel('施設');
      await select.waitFor();
      expect(await select.locator('option').allTextContents()).toEqual(['ひまわり児童クラブ']);
      expect(await select.inputValue()).toBe(site.facility.id);
      expect((await totals(page))['来館（組）']).toBe(4);
      await page.getByRole('table', { name: 'ひまわり児童クラブ：児童ごとの利用' }).waitFor();
      expect(await page.getByRole('alert').count()).toBe(0);
    } finally {
      await context.close();
    }
  });

  test('in English: the labels, the charts\' headings and the downloads', async () => {
    const { page } = b;
    await page.goto(`${server.url}/admin/stats?facility_id=${site.facility.id}&month=2027-06`);
    await page.getByRole('heading', { name: '統計', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Statistics', level: 1 }).waitFor();
    expect(await page.getByRole('navigation').getByRole('link', { name: 'Statistics' }).count()).toBe(1);
    await page.getByRole('heading', { name: 'Use in June 2027' }).waitFor();
    expect((await totals())['Visits']).toBe(4);
    for (const name of ['Visits per day', 'Children and adults per day', 'Children by age (total)', 'Planned and arrived per day',
      'Visits by hour (day × hour)', 'Visits per month', 'First-time and returning families per month']) {
      expect(await region(name).count(), name).toBe(1);
    }
    const ages = await numbers('Children by age (total)');
    expect(await cells(ages, 'Elementary school')).toEqual(['3']);
    const downloads = page.getByRole('list', { name: 'Downloads of the monthly usage report' });
    for (const name of ['Excel (xlsx)', 'PDF', 'CSV (UTF-8)', 'CSV (Shift_JIS)']) {
      expect(await downloads.getByRole('link', { name, exact: true }).count(), name).toBe(1);
    }
    const children = page.getByRole('table', { name: 'ひまわり児童クラブ: use per child' });
    expect(await cells(children, '佐藤 はる')).toEqual(['Grade 3', '2', '0']);
    await expectAccessible(page);
    await page.getByRole('button', { name: '日本語' }).click();
    await page.getByRole('heading', { name: '統計', level: 1 }).waitFor();
  });
});

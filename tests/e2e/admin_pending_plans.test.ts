// The admin's 連絡 page (plan changes to acknowledge), on a pinned server clock (Thursday
// 2027-06-10, 15:00 in Tokyo; the facilities keep the default deadline, 17:00 the day
// before): the lines grouped by day (今日, 明日, dates) with the child, grade, facility,
// what changed, who and when, and the late flag; the count in the navigation; the facility
// filter of an org_admin; a guardian's absence for tomorrow arriving live while the page's
// timers are frozen (so only the event stream can bring it); 確認 removing the line and
// lowering both counts; English labels; axe-core clean.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { gradeOn } from '../support/calendar';
import { PINNED_DAY, startCheckinServer, newSite, type Site } from '../support/checkin';
import type { TestApi } from '../support/server';
import { kLive, member, rowOf, type Member } from './admin_support';
import { expectAccessible } from './axe';
import { signInAt, startBrowser, type TestBrowser, type TestServer } from './harness';

const kTomorrow = '2027-06-11';
const kSunday = '2027-06-13';

describe('admin app: 連絡 — plan changes to acknowledge', () => {
  let server: TestServer;
  let admin: TestApi;
  let admin_name = '';
  let himawari: Site;
  let sakura: Site;
  let hikari: Member; // reports an absence for tomorrow during the test
  let haru: Member; // changed today's plan after the deadline
  let sora: Member; // at the other facility: absent on Sunday
  let b: TestBrowser;

  const nav = () => b.page.getByRole('navigation').getByRole('link', { name: /^連絡/ });

  beforeAll(async () => {
    server = await startCheckinServer();
    admin = await server.login();
    admin_name = (await admin.me()).name;
    himawari = await newSite(server, admin, { name: 'ひまわり児童クラブ' });
    sakura = await newSite(server, admin, { name: 'さくら児童クラブ' });
    hikari = await member(server, himawari, '山田家', '山田 恵', '山田 ひかり', 'やまだ ひかり');
    haru = await member(server, himawari, '佐藤家', '佐藤 舞', '佐藤 はる', 'さとう はる');
    sora = await member(server, sakura, '鈴木家', '鈴木 綾', '鈴木 そら', 'すずき そら');
    await haru.guardian.putPlans(haru.child.id, {
      days: [{ date: PINNED_DAY, status: 'attend', arrive_at: '16:30', leave_at: '18:00', pickup_by: '祖母' }],
    });
    await sora.guardian.putPlans(sora.child.id, { days: [{ date: kSunday, status: 'absent', reason: '家族の用事' }] });
    // Plans that need no look: an on-time change, and what staff entered themselves.
    await hikari.guardian.putPlans(hikari.child.id, { days: [{ date: kSunday, status: 'attend', arrive_at: '10:00' }] });
    await himawari.staff.putPlans(haru.child.id, { days: [{ date: kSunday, status: 'absent', reason: '電話連絡' }] });

    b = await startBrowser();
    // The page's clock is Playwright's: it runs normally until the live test pauses it.
    await b.context.clock.install();
    await signInAt(b.page, server, '/admin/plans');
  });
  afterAll(async () => {
    await b?.close();
    await server?.close();
  });

  test('lists the lines by day with child, grade, facility, plan, who and when; the navigation counts them', async () => {
    const { page } = b;
    await page.getByRole('heading', { level: 1, name: '連絡（未確認）' }).waitFor();
    await expect.poll(() => nav().getAttribute('aria-current')).toBe('page');
    await expect.poll(async () => (await nav().textContent())?.replace(/\s+/g, '')).toBe('連絡2件（未確認）');
    await page.getByRole('status').filter({ hasText: '未確認 2件' }).waitFor();

    const today = page.getByRole('table', { name: /^今日/ });
    expect(await page.getByRole('heading', { level: 2, name: /^今日/ }).textContent()).toMatch(/^今日 6月10日\(木\)$/);
    const haru_row = today.getByRole('row', { name: /佐藤 はる/ });
    const haru_text = await haru_row.textContent();
    for (const part of ['さとう はる', gradeOn('2018-05-05', PINNED_DAY), 'ひまわり児童クラブ', '出席', '16:30〜18:00',
      'お迎え予定：祖母', '保護者 佐藤 舞・6/10 15:', '期限後の変更']) {
      expect(haru_text).toContain(part);
    }
    expect(await haru_row.getAttribute('class')).toContain('late');

    const sunday = page.getByRole('table', { name: /^6月13日\(日\)/ });
    const sora_text = await sunday.getByRole('row', { name: /鈴木 そら/ }).textContent();
    for (const part of ['さくら児童クラブ', '欠席', '家族の用事', '保護者 鈴木 綾']) expect(sora_text).toContain(part);
    expect(sora_text).not.toContain('期限後の変更');
    // Neither the on-time change nor the staff's own entry is listed; nothing for tomorrow yet.
    expect(await rowOf(page, '山田 ひかり').count()).toBe(0);
    expect(await page.getByRole('heading', { name: /^明日/ }).count()).toBe(0);
    expect(await page.getByRole('row').filter({ hasText: '電話連絡' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: '確認（佐藤 はる 6/10 予定変更）' }).count()).toBe(1);
    expect(await page.getByRole('button', { name: '確認（鈴木 そら 6/13 欠席）' }).count()).toBe(1);

    // The organization's administrator may look at one facility.
    await page.getByLabel('施設', { exact: true }).selectOption({ label: 'さくら児童クラブ' });
    await expect.poll(() => page.url()).toContain(`facility_id=${encodeURIComponent(sakura.facility.id)}`);
    // The filtered list has come when its count shows (while it loads, no line shows at all).
    await page.getByRole('status').filter({ hasText: '未確認 1件' }).waitFor();
    expect(await rowOf(page, '佐藤 はる').count()).toBe(0);
    expect(await rowOf(page, '鈴木 そら').count()).toBe(1);
    expect((await nav().textContent())?.replace(/\s+/g, '')).toBe('連絡2件（未確認）'); // the whole list's count
    await expectAccessible(page);
    await page.getByLabel('施設', { exact: true }).selectOption({ label: 'すべての施設' });
    await rowOf(page, '佐藤 はる').waitFor();
  });

  test('live: a guardian reports an absence for tomorrow; 確認 removes the line and lowers the counts', async () => {
    const { page } = b;
    await expect.poll(() => page.locator('[data-live]').getAttribute('data-live'), kLive).toBe('open');
    // Freeze the page's timers: from now on only the event stream can bring news.
    await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 1000); // the page's own time
    try {
      await hikari.guardian.putPlans(hikari.child.id, { days: [{ date: kTomorrow, status: 'absent', reason: '発熱のため' }] });
      const tomorrow = page.getByRole('table', { name: /^明日/ });
      const row = tomorrow.getByRole('row', { name: /山田 ひかり/ });
      await row.waitFor(kLive);
      expect(await page.getByRole('heading', { level: 2, name: /^明日/ }).textContent()).toMatch(/^明日 6月11日\(金\)$/);
      const text = await row.textContent();
      for (const part of ['欠席', '発熱のため', '保護者 山田 恵', 'ひまわり児童クラブ']) expect(text).toContain(part);
      await page.getByRole('status').filter({ hasText: '未確認 3件' }).waitFor(kLive);
      await expect.poll(async () => (await nav().textContent())?.replace(/\s+/g, ''), kLive).toBe('連絡3件（未確認）');
      // The days in order: today, tomorrow, Sunday.
      expect(await page.getByRole('heading', { level: 2 }).allTextContents()).toEqual([
        '今日 6月10日(木)', '明日 6月11日(金)', '6月13日(日)',
      ]);

      await row.getByRole('button', { name: '確認（山田 ひかり 6/11 欠席）' }).click();
      await page.getByRole('status').filter({ hasText: '山田 ひかり の 6/11 の欠席を確認済にしました。' }).waitFor();
      await row.waitFor({ state: 'detached' });
      expect(await page.getByRole('heading', { name: /^明日/ }).count()).toBe(0);
      await page.getByRole('status').filter({ hasText: '未確認 2件' }).waitFor(kLive);
      await expect.poll(async () => (await nav().textContent())?.replace(/\s+/g, ''), kLive).toBe('連絡2件（未確認）');
      // Focus moves on to the next line's button.
      expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('確認（鈴木 そら 6/13 欠席）');
    } finally {
      await page.clock.resume(); // axe-core and the next tests need the page's timers
    }
    const [plan] = await hikari.guardian.listPlans(hikari.child.id, { from: kTomorrow, to: kTomorrow });
    expect(plan).toMatchObject({ status: 'absent', acknowledged_by: { name: admin_name } });
    expect((await admin.pendingPlans()).items.map((l) => l.child.name)).toEqual(['佐藤 はる', '鈴木 そら']);
    await expectAccessible(page);
  });

  test('acknowledging the last lines empties the list and the navigation count; English labels', async () => {
    const { page } = b;
    await page.getByRole('button', { name: '確認（佐藤 はる 6/10 予定変更）' }).click();
    await rowOf(page, '佐藤 はる').waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Plan changes to acknowledge' }).waitFor();
    await page.getByRole('button', { name: 'Acknowledge (鈴木 そら, 6/13, absence)' }).click();
    await page.getByRole('status').filter({ hasText: 'Nothing to acknowledge.' }).waitFor();
    const nav_en = page.getByRole('navigation').getByRole('link', { name: /^Plan changes/ });
    await expect.poll(async () => (await nav_en.textContent())?.trim(), kLive).toBe('Plan changes'); // no count
    expect(await page.getByRole('table').count()).toBe(0);
    await expectAccessible(page);
    await page.getByRole('button', { name: '日本語' }).click();
    await page.getByRole('heading', { level: 1, name: '連絡（未確認）' }).waitFor();
    expect((await admin.pendingPlans()).total).toBe(0);
  });
});

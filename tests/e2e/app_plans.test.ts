// 出欠予定 in the parents' app: five days entered in one action (one request, all five
// stored with times and pick-up person), a change after the facility's deadline marked
// late, a bad entry refused with the day named and nothing stored, a child expected an
// hour ago shown as not arrived, and today's absence report showing 確認中 until staff
// acknowledge it through the API, then 確認済.
// Server clock pinned: Thursday 2027-06-10, 15:00 in Tokyo.
import type { Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { NewFamily } from '../../web/src/shared/types';
import { newSite, PINNED_DAY, startCheckinServer, type Site } from '../support/checkin';
import type { TestApi, TestServer } from '../support/server';
import { registerFamily, signInFirstTime, startPhone, type Phone } from './app_support';

describe('parents app: plans and absence reports', () => {
  let server: TestServer;
  let phone: Phone;
  let site: Site;
  let admin: TestApi;
  let family: NewFamily;
  let child_id = '';
  const puts: Request[] = [];

  beforeAll(async () => {
    server = await startCheckinServer();
    admin = await server.login();
    site = await newSite(server, admin);
    family = await registerFamily(admin, [site.facility.id], {
      name: '佐藤家',
      guardians: [{ name: '佐藤 美咲', relation: '母' }, { name: '佐藤 和子', relation: '祖母' }],
      children: [{ name: '佐藤 ゆいな', birth_date: '2019-08-01' }],
    });
    child_id = family.children[0].id;
    phone = await startPhone();
    phone.page.on('request', (r) => {
      if (r.method() === 'PUT' && r.url().includes('/plans')) puts.push(r);
    });
    await signInFirstTime(phone.page, server, family.guardians[0].login, family.guardians[0].initial_password, 'misaki-pass-2027');
  });
  afterAll(async () => {
    await phone?.close();
    await server?.close();
  });

  const day = (date: string) => phone.page.locator(`button.pa-day[data-date="${date}"]`);

  test('the calendar opens on this month with past days closed', async () => {
    const { page } = phone;
    await page.getByRole('navigation').getByRole('link', { name: '出欠予定' }).click();
    await page.getByRole('heading', { name: '佐藤 ゆいな さんの出欠予定' }).waitFor();
    await page.getByRole('heading', { name: '2027年6月' }).waitFor();
    expect(await day('2027-06-09').isDisabled()).toBe(true);
    expect(await day(PINNED_DAY).isDisabled()).toBe(false);
    expect(await day(PINNED_DAY).getAttribute('aria-label')).toBe('6月10日（木）（今日） 予定なし');
  });

  test('five days marked attend in one action', async () => {
    const { page } = phone;
    const dates = ['2027-06-14', '2027-06-15', '2027-06-16', '2027-06-17', '2027-06-18'];
    for (const date of dates) await day(date).click();
    for (const date of dates) expect(await day(date).getAttribute('aria-pressed')).toBe('true');
    const editor = page.getByRole('form', { name: '選んだ 5日の予定' });
    await editor.getByRole('radio', { name: '出席' }).check();
    await editor.getByLabel('到着予定').fill('15:00');
    await editor.getByLabel('帰る予定').fill('17:30');
    await editor.getByLabel('お迎えの人').fill('祖母 佐藤 和子');
    await editor.getByRole('button', { name: '5日分を保存' }).click();
    await page.getByRole('status').filter({ hasText: '5日分の予定を保存しました。' }).waitFor();

    expect(puts.length).toBe(1);
    expect(JSON.parse(puts[0].postData()!).days.map((d: { date: string }) => d.date)).toEqual(dates);
    const stored = await site.staff.listPlans(child_id, { from: '2027-06-01', to: '2027-06-30' });
    expect(stored.map((p) => [p.date, p.status, p.arrive_at, p.leave_at, p.pickup_by, p.late])).toEqual(
      dates.map((d) => [d, 'attend', '15:00', '17:30', '祖母 佐藤 和子', false]));
    // The calendar and the list show them; the selection is cleared.
    expect(await day('2027-06-16').getAttribute('aria-label')).toBe('6月16日（水） 出席、15:00–17:30');
    expect(await day('2027-06-16').getAttribute('aria-pressed')).toBe('false');
    const rows = page.getByRole('region', { name: 'この月の予定' }).getByRole('row');
    await expect.poll(() => rows.count()).toBe(6);
    expect(await rows.nth(1).getByRole('cell').allTextContents()).toEqual(['出席', '15:00–17:30 （お迎え：祖母 佐藤 和子）', '']);
    expect(await rows.nth(1).getByRole('rowheader').textContent()).toBe('6月14日（月）');
  });

  test('a change after the facility deadline goes through and is marked late', async () => {
    const { page } = phone;
    // Plans for day D close at 17:00 two days before: the 11th closed on the 9th.
    await admin.updateFacility(site.facility.id, { plan_deadline_days: 2, plan_deadline_time: '17:00' });
    await day('2027-06-11').click();
    const editor = page.getByRole('form', { name: '選んだ 1日の予定' });
    await editor.getByRole('radio', { name: '欠席' }).check();
    await editor.getByLabel('理由').fill('家族で帰省');
    await editor.getByRole('button', { name: '1日分を保存' }).click();
    await page.getByRole('status').filter({ hasText: 'うち 1日は締切後の変更です。' }).waitFor();
    const [plan] = await site.staff.listPlans(child_id, { from: '2027-06-11', to: '2027-06-11' });
    expect([plan.status, plan.reason, plan.late]).toEqual(['absent', '家族で帰省', true]);
    expect(await day('2027-06-11').getAttribute('aria-label')).toBe('6月11日（金） 欠席、締切後');
    const row = page.getByRole('region', { name: 'この月の予定' }).getByRole('row', { name: /6月11日（金）/ });
    expect(await row.getByRole('cell').allTextContents()).toEqual(['欠席', '家族で帰省', '締切後確認中']);
  });

  test('a bad entry is refused with the day named, and nothing is stored', async () => {
    const { page } = phone;
    puts.length = 0;
    await day('2027-06-21').click();
    await day('2027-06-22').click();
    const editor = page.getByRole('form', { name: '選んだ 2日の予定' });
    await editor.getByRole('radio', { name: '出席' }).check();
    await editor.getByLabel('到着予定').fill('18:00');
    await editor.getByLabel('帰る予定').fill('15:00');
    await editor.getByRole('button', { name: '2日分を保存' }).click();
    await editor.getByRole('alert').filter({ hasText: '入力内容を確認してください。' }).waitFor();
    const leave = editor.getByLabel('帰る予定');
    await expect.poll(() => leave.getAttribute('aria-invalid')).toBe('true');
    const error = page.locator(`[id="${(await leave.getAttribute('aria-describedby'))!.split(' ').pop()}"]`);
    expect(await error.textContent()).toBe('6月21日（月）、6月22日（火）：到着予定より後の時刻にしてください。');
    expect(puts.length).toBe(1);
    expect(await site.staff.listPlans(child_id, { from: '2027-06-21', to: '2027-06-22' })).toEqual([]);
    // Still selected: fix and save.
    await editor.getByLabel('帰る予定').fill('18:30');
    await editor.getByRole('button', { name: '2日分を保存' }).click();
    await page.getByRole('status').filter({ hasText: '2日分の予定を保存しました。' }).waitFor();
    expect((await site.staff.listPlans(child_id, { from: '2027-06-21', to: '2027-06-22' })).map((p) => p.leave_at)).toEqual(['18:30', '18:30']);
  });

  test('a child expected an hour ago who has not arrived shows as not arrived', async () => {
    const { page } = phone;
    await day(PINNED_DAY).click();
    const editor = page.getByRole('form', { name: '選んだ 1日の予定' });
    await editor.getByRole('radio', { name: '出席' }).check();
    await editor.getByLabel('到着予定').fill('14:00');
    await editor.getByRole('button', { name: '1日分を保存' }).click();
    await page.getByRole('status').filter({ hasText: '1日分の予定を保存しました。' }).waitFor();
    await page.getByRole('navigation').getByRole('link', { name: 'ホーム' }).click();
    const status = page.getByRole('article', { name: '佐藤 ゆいな' }).getByRole('status');
    await expect.poll(() => status.textContent()).toBe('今日まだ到着していません（14:00 到着の予定）');
  });

  test('today\'s absence report: 確認中 until staff acknowledge it, then 確認済', async () => {
    const { page } = phone;
    await page.getByRole('navigation').getByRole('link', { name: 'ホーム' }).click();
    const card = page.getByRole('article', { name: '佐藤 ゆいな' });
    await card.getByRole('button', { name: '今日お休みします' }).click();
    const dialog = page.getByRole('dialog', { name: '佐藤 ゆいな さんのお休みの連絡' });
    await dialog.getByText('6月10日（木） のお休みを施設に連絡します。').waitFor();
    await dialog.getByLabel('理由').fill('発熱のため');
    await dialog.getByRole('button', { name: 'お休みを連絡する' }).click();
    await page.getByRole('status').filter({ hasText: '佐藤 ゆいな さんのお休みを施設に連絡しました。' }).waitFor();
    const status = card.getByRole('status');
    await expect.poll(() => status.textContent()).toBe('今日お休みの連絡をしました（発熱のため）確認中');
    expect(await card.getByRole('button', { name: '今日お休みします' }).count()).toBe(0);

    const [plan] = await site.staff.listPlans(child_id, { from: PINNED_DAY, to: PINNED_DAY });
    expect([plan.status, plan.reason, plan.acknowledged_at]).toEqual(['absent', '発熱のため', null]);
    const acknowledged = await site.staff.acknowledgePlan(plan.id);
    const staff_name = acknowledged.acknowledged_by!.name;
    await expect.poll(() => status.textContent(), { timeout: 45_000 }).toBe(`今日お休みの連絡をしました（発熱のため）確認済 ${staff_name}`);
  });
});

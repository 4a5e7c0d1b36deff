// The staff side of attendance plans in the admin app (issue 5), on a pinned server
// clock (Thursday 2027-06-10, 15:00 in Tokyo): the facility's plan deadline and
// not-arrived settings; the roster showing each child's plan and status as set through
// the API (expected, present, absent with its reason, not arrived, no plan) with the
// not-arrived alert in an assertive live region; an absence report arriving live (the
// page's timers frozen, so no poll can bring it), flagged late and 確認中 until staff
// acknowledge it (確認済); stamps arriving live; another day's plans; polling while the
// live stream is down.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { PINNED_DAY, startCheckinServer, type Site, newSite } from '../support/checkin';
import type { TestApi } from '../support/server';
import { kLive, member, rowOf, type Member } from './admin_support';
import { expectAccessible } from './axe';
import { signInAt, startBrowser, type TestBrowser, type TestServer } from './harness';

const kTomorrow = '2027-06-11';

describe('admin app: plans, absences and the not-arrived alert on the roster', () => {
  let server: TestServer;
  let admin: TestApi;
  let admin_name = '';
  let site: Site;
  let haru: Member; // expected at 14:00, not arrived by 15:00: raised
  let sora: Member; // expected at 16:00
  let riku: Member; // reports an absence during the test
  let yuna: Member; // no plan
  let kei: Member; // expected at 14:30, stamped in
  let b: TestBrowser;

  const stampIn = async (m: Member) => {
    const credential = (await site.staff.childCredential(m.child.id)).text;
    await site.kiosk.stamp({ facility_id: site.facility.id, client_id: crypto.randomUUID(), credential, direction: 'in' });
  };

  beforeAll(async () => {
    server = await startCheckinServer();
    admin = await server.login();
    admin_name = (await admin.me()).name;
    site = await newSite(server, admin, { name: 'ひまわり児童クラブ', duplicate_window_seconds: 0 });
    // Until the test moves it, changes for today are on time (the deadline is today 23:59).
    await admin.updateFacility(site.facility.id, { plan_deadline_days: 0, plan_deadline_time: '23:59' });
    haru = await member(server, site, '佐藤家', '佐藤 恵', '佐藤 はる', 'さとう はる');
    sora = await member(server, site, '鈴木家', '鈴木 舞', '鈴木 そら', 'すずき そら');
    riku = await member(server, site, '田中家', '田中 綾', '田中 りく', 'たなか りく');
    yuna = await member(server, site, '伊藤家', '伊藤 彩', '伊藤 ゆな', 'いとう ゆな');
    kei = await member(server, site, '渡辺家', '渡辺 葵', '渡辺 けい', 'わたなべ けい');
    await site.staff.putPlans(haru.child.id, { days: [{ date: PINNED_DAY, status: 'attend', arrive_at: '14:00', leave_at: '17:00', pickup_by: '祖母' }] });
    await sora.guardian.putPlans(sora.child.id, { days: [{ date: PINNED_DAY, status: 'attend', arrive_at: '16:00', leave_at: '18:00', pickup_by: '父' }] });
    await site.staff.putPlans(kei.child.id, { days: [{ date: PINNED_DAY, status: 'attend', arrive_at: '14:30', leave_at: '17:30' }] });
    await stampIn(kei);

    b = await startBrowser();
    // The page's clock is Playwright's: it runs normally until the live test pauses it.
    await b.context.clock.install();
    await signInAt(b.page, server, `/admin/facilities/${site.facility.id}`);
  });
  afterAll(async () => {
    await b?.close();
    await server?.close();
  });

  test('facility settings: a bad grace is refused and changes nothing; then deadline, grace and notification are saved', async () => {
    const { page } = b;
    const form = page.locator('form');
    await form.getByLabel('締切時刻').waitFor();
    expect(await form.getByLabel('予定変更の締切（何日前）').inputValue()).toBe('0');
    expect(await form.getByLabel('締切時刻').inputValue()).toBe('23:59');
    expect(await form.getByLabel('未到着とするまでの猶予（分）').inputValue()).toBe('15');
    expect(await form.getByLabel('未到着を保護者にも通知する').isChecked()).toBe(false);

    await form.getByLabel('締切時刻').fill('12:00');
    await form.getByLabel('未到着とするまでの猶予（分）').fill('-5');
    await form.getByRole('button', { name: '保存' }).click();
    await form.getByRole('alert').first().waitFor();
    expect(await form.getByLabel('未到着とするまでの猶予（分）').getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page);
    const unchanged = await admin.getFacility(site.facility.id);
    expect([unchanged.plan_deadline_time, unchanged.not_arrived_grace_minutes]).toEqual(['23:59', 15]);

    await form.getByLabel('未到着とするまでの猶予（分）').fill('20');
    await form.getByLabel('未到着を保護者にも通知する').check();
    await form.getByRole('button', { name: '保存' }).click();
    await page.getByRole('heading', { name: '施設一覧' }).waitFor();
    const saved = await admin.getFacility(site.facility.id);
    expect({
      days: saved.plan_deadline_days, time: saved.plan_deadline_time,
      grace: saved.not_arrived_grace_minutes, notify: saved.not_arrived_notify,
    }).toEqual({ days: 0, time: '12:00', grace: 20, notify: true });
  });

  test('the roster shows each plan and status, and raises the child who has not arrived', async () => {
    const { page } = b;
    await page.goto(`${server.url}/admin/roster?facility_id=${encodeURIComponent(site.facility.id)}`);
    await page.getByRole('heading', { name: '名簿：ひまわり児童クラブ' }).waitFor();

    // The server's statuses, which the page must show.
    const statuses = Object.fromEntries((await site.staff.roster(site.facility.id)).items.map((i) => [i.child.name, i.status]));
    expect(statuses).toEqual({
      '佐藤 はる': 'not_arrived', '鈴木 そら': 'expected', '田中 りく': 'unplanned', '伊藤 ゆな': 'unplanned', '渡辺 けい': 'present',
    });

    const alert = page.locator('[aria-live="assertive"]').getByRole('region', { name: /未到着 1人/ });
    await alert.waitFor();
    const alert_text = await alert.textContent();
    expect(alert_text).toContain('佐藤 はる');
    expect(alert_text).toContain('予定 14:00');
    expect(alert_text).toContain('お迎え予定：祖母');
    for (const other of ['鈴木 そら', '田中 りく', '伊藤 ゆな', '渡辺 けい']) expect(alert_text).not.toContain(other);

    const haru_row = rowOf(page, '佐藤 はる');
    await expect.poll(() => haru_row.textContent()).toContain('未到着');
    expect(await haru_row.textContent()).toContain('14:00〜17:00');
    const sora_row = await rowOf(page, '鈴木 そら').textContent();
    expect(sora_row).toContain('来館予定');
    expect(sora_row).toContain('16:00〜18:00');
    expect(sora_row).toContain('お迎え予定：父');
    const kei_row = await rowOf(page, '渡辺 けい').textContent();
    expect(kei_row).toContain('在館中');
    expect(kei_row).toContain('14:30〜17:30');
    expect(await rowOf(page, '伊藤 ゆな').textContent()).toContain('予定なし');
    expect(await rowOf(page, '田中 りく').textContent()).toContain('予定なし');
    // All of today's plans were made before the deadline.
    expect(await page.getByText('期限後の変更').count()).toBe(0);

    // The banner's link leads to the child's row.
    await alert.getByRole('link', { name: '佐藤 はる' }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent ?? '')).toContain('佐藤 はる');
    await expectAccessible(page);
  });

  test('live: an absence report arrives late and 確認中, staff acknowledge it, stamps clear the alert', async () => {
    const { page } = b;
    await expect.poll(() => page.locator('[data-live]').getAttribute('data-live'), kLive).toBe('open');
    expect(await page.locator('[data-live]').textContent()).toContain('ライブ更新中');
    // Freeze the page's timers: from now on only the event stream can bring news.
    await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 1000); // the page's own time
    try {
      await riku.guardian.putPlans(riku.child.id, { days: [{ date: PINNED_DAY, status: 'absent', reason: '発熱のため' }] });
      const row = rowOf(page, '田中 りく');
      await expect.poll(() => row.textContent(), kLive).toContain('欠席');
      const text = await row.textContent();
      expect(text).toContain('発熱のため');
      expect(text).toContain('期限後の変更'); // after today 12:00, the deadline set above
      expect(text).toContain('確認中');
      expect(text).toContain('田中 綾');
      await page.getByText('未確認の連絡 1件').waitFor();

      await row.getByRole('button', { name: '田中 りく の欠席連絡を確認' }).click();
      await page.getByRole('status').filter({ hasText: '田中 りく の欠席連絡を確認済にしました' }).waitFor();
      await expect.poll(() => row.textContent(), kLive).toContain('確認済');
      expect(await row.textContent()).not.toContain('確認中');
      expect(await row.getByRole('button', { name: /欠席連絡を確認/ }).count()).toBe(0);
      const [plan] = await riku.guardian.listPlans(riku.child.id, { from: PINNED_DAY, to: PINNED_DAY });
      expect(plan.status).toBe('absent');
      expect(plan.late).toBe(true);
      expect(plan.acknowledged_at).toEqual(expect.any(String));
      expect(plan.acknowledged_by?.name).toBe(admin_name);

      await stampIn(sora);
      await expect.poll(() => rowOf(page, '鈴木 そら').textContent(), kLive).toContain('在館中');
      const alert = page.getByRole('region', { name: /未到着/ });
      expect(await alert.count()).toBe(1);
      await stampIn(haru);
      await alert.waitFor({ state: 'detached' });
      await expect.poll(() => rowOf(page, '佐藤 はる').textContent(), kLive).toContain('在館中');
    } finally {
      await page.clock.resume(); // axe-core and the next tests need the page's timers
    }
    await expectAccessible(page);
  });

  test('another day: plans made before its deadline are not late, and no alert is raised for it', async () => {
    const { page } = b;
    await site.staff.putPlans(yuna.child.id, { days: [{ date: kTomorrow, status: 'attend', arrive_at: '15:30', pickup_by: '母' }] });
    await page.getByLabel('日付').fill(kTomorrow);
    await expect.poll(() => page.url()).toContain(`date=${kTomorrow}`);
    const row = rowOf(page, '伊藤 ゆな');
    await expect.poll(() => row.textContent()).toContain('15:30〜');
    const text = await row.textContent();
    expect(text).toContain('来館予定');
    expect(text).toContain('お迎え予定：母');
    expect(text).not.toContain('期限後の変更');
    expect(await rowOf(page, '佐藤 はる').textContent()).toContain('予定なし');
    expect(await page.getByRole('region', { name: /未到着/ }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /の入館を記録/ }).count()).toBe(0);
    await expectAccessible(page);
  });

  test('when the live stream is down, the roster polls instead and still follows a stamp', async () => {
    const { page } = b;
    await page.route('**/api/v1/me/events', (route) => route.abort());
    try {
      await page.goto(`${server.url}/admin/roster?facility_id=${encodeURIComponent(site.facility.id)}`);
      const state = page.locator('[data-live]');
      await expect.poll(() => state.getAttribute('data-live'), kLive).not.toBe('open');
      expect(await state.textContent()).toContain('ライブ接続なし（5秒ごとに更新）');
      const row = rowOf(page, '伊藤 ゆな');
      await expect.poll(() => row.textContent(), kLive).toContain('予定なし');
      await stampIn(yuna);
      await expect.poll(() => row.textContent(), kLive).toContain('在館中');
      expect(await state.getAttribute('data-live')).not.toBe('open');
    } finally {
      await page.unroute('**/api/v1/me/events');
    }
  });
});

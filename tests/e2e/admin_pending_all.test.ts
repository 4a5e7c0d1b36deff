// The admin's 連絡 page, 表示中をすべて確認済みにする (on a pinned server clock, Thursday
// 2027-06-10 15:00 in Tokyo): four guardians report absences; the staff member of the
// facility confirms the dialog that says 4件, the progress shows, one acknowledgement is
// refused on the way (the browser answers it 403) and is listed with its translated
// reason while the other three stay acknowledged; the list reloads with that one line
// left; English labels; axe-core clean.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startCheckinServer, newSite, type Site } from '../support/checkin';
import { newStaff } from '../support/fixtures';
import type { TestApi } from '../support/server';
import { kLive, member, rowOf, type Member } from './admin_support';
import { expectAccessible } from './axe';
import { signInAt, startBrowser, type TestBrowser, type TestServer } from './harness';

const kTomorrow = '2027-06-11';

describe('admin app: 連絡 — acknowledge every shown line at once', () => {
  let server: TestServer;
  let admin: TestApi;
  let site: Site;
  let members: Member[];
  let b: TestBrowser;
  let staff_login = { login: '', password: '' };

  beforeAll(async () => {
    server = await startCheckinServer();
    admin = await server.login();
    site = await newSite(server, admin, { name: 'ひまわり児童クラブ' });
    members = [
      await member(server, site, '山田家', '山田 恵', '山田 ひかり', 'やまだ ひかり'),
      await member(server, site, '佐藤家', '佐藤 舞', '佐藤 はる', 'さとう はる'),
      await member(server, site, '鈴木家', '鈴木 綾', '鈴木 そら', 'すずき そら'),
      await member(server, site, '田中家', '田中 望', '田中 りく', 'たなか りく'),
    ];
    for (const m of members) {
      await m.guardian.putPlans(m.child.id, { days: [{ date: kTomorrow, status: 'absent', reason: '発熱のため' }] });
    }
    const staff = await newStaff(server, admin, [site.facility.id]);
    staff_login = { login: staff.login, password: staff.password };
    b = await startBrowser();
  });
  afterAll(async () => {
    await b?.close();
    await server?.close();
  });

  test('confirms with the count, shows progress, keeps the others when one fails, reloads', async () => {
    const { page } = b;
    const [pending] = (await site.staff.pendingPlans()).items.filter((l) => l.child.name === '田中 りく');
    // The server refuses this one line (as if another facility had taken the child
    // meanwhile), once the test has seen the progress of the other three.
    let release = () => {};
    const held = new Promise<void>((resolve) => { release = resolve; });
    await page.route(`**/api/v1/plans/${pending.id}/acknowledge`, async (route) => { await held; await route.fulfill({
      status: 403, contentType: 'application/json',
      body: JSON.stringify({ error: { code: 'permission_denied', reason: 'permission_denied', message: 'not your facility' } }),
    }); });
    await signInAt(page, server, '/admin/plans', staff_login);
    await page.getByRole('status').filter({ hasText: '未確認 4件' }).waitFor();

    await page.getByRole('button', { name: '表示中をすべて確認済みにする' }).click();
    const dialog = page.getByRole('dialog', { name: '表示中の4件をすべて確認済みにしますか？' });
    expect(await dialog.textContent()).toContain('連絡4件');
    await expectAccessible(page);
    await dialog.getByRole('button', { name: '4件を確認済みにする' }).click();
    await page.getByRole('status').filter({ hasText: '確認済みにしています… 3/4件' }).waitFor(kLive);
    expect(await page.getByRole('progressbar').getAttribute('value')).toBe('3');
    release();

    await page.getByRole('status').filter({ hasText: '3件を確認済みにしました。' }).waitFor(kLive);
    const alert = page.getByRole('alert');
    expect(await alert.textContent()).toContain('1件は確認済みにできませんでした。');
    expect(await alert.textContent()).toContain('田中 りく 6/11 欠席: この操作の権限がありません。');
    expect(await alert.textContent()).not.toContain('not your facility');
    // The list reloads: only the refused line is left.
    await page.getByRole('status').filter({ hasText: '未確認 1件' }).waitFor(kLive);
    await rowOf(page, '山田 ひかり').waitFor({ state: 'detached' });
    expect(await rowOf(page, '田中 りく').count()).toBe(1);
    expect(await page.getByRole('button', { name: '表示中をすべて確認済みにする' }).count()).toBe(0); // one line: its own button
    expect((await site.staff.pendingPlans()).items.map((l) => l.child.name)).toEqual(['田中 りく']);
    for (const m of members.slice(0, 3)) {
      const [plan] = await m.guardian.listPlans(m.child.id, { from: kTomorrow, to: kTomorrow });
      expect(plan.acknowledged_at).toBeTruthy();
    }
    await expectAccessible(page);
  });

  test('English labels', async () => {
    const { page } = b;
    await page.unrouteAll();
    await members[0].guardian.putPlans(members[0].child.id, { days: [{ date: kTomorrow, status: 'absent', reason: '通院' }] });
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('status').filter({ hasText: '2 to acknowledge' }).waitFor(kLive);
    await page.getByRole('button', { name: 'Acknowledge all shown' }).click();
    await page.getByRole('dialog', { name: 'Acknowledge all 2 shown?' }).getByRole('button', { name: 'Acknowledge 2' }).click();
    await page.getByRole('status').filter({ hasText: 'Acknowledged 2.' }).waitFor(kLive);
    await page.getByRole('status').filter({ hasText: 'Nothing to acknowledge.' }).waitFor(kLive);
    await page.getByRole('button', { name: '日本語' }).click();
  });
});

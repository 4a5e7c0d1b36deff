// The kiosk with a USB scanner (it types the code, then Enter): an arrival, a duplicate,
// a departure with the pick-up person, refused codes (a reissued card's old text, a
// foreign code), a family code choosing the children who came, and the offline queue
// (scans kept in localStorage while the API is unreachable, sent later once, with their
// original scanned_at and client_id), and a child reported absent who arrives (the kiosk
// asks the child to tell staff; the roster marks it). axe-core checks the ready screen.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { addDate, todayIn } from '../support/calendar';
import { allVisits, enrolledFamily, newSite, type Site } from '../support/checkin';
import type { TestApi } from '../support/server';
import type { Child } from '../../web/src/shared/types';
import { expectAccessible } from './axe';
import { startServer, type TestServer } from './harness';
import { adminPage, scanWithKeyboard, startKioskBrowser, type KioskBrowser } from './kiosk_support';

describe('kiosk: USB scanner, feedback and the offline queue', () => {
  let server: TestServer;
  let admin: TestApi;
  let site: Site;
  let sakura: Child; // one child of the 山本 family
  let ichiro: Child; // for the offline queue
  let aoi: Child;
  let sota: Child; // the two children of the 佐々木 family (family code)
  let code = { sakura: '', ichiro: '', sasaki: '' };
  let b: KioskBrowser;
  let roster: Page;

  const overlay = () => b.page.locator('.overlay');
  /**
   * The text of the result screen of `kind` (arrived, departed, duplicate…) that shows
   * `has` — the name, so the screen of the previous scan is never taken for it.
   */
  const screenText = async (kind: string, has: string) => {
    const o = b.page.locator(`.overlay--${kind}`, { hasText: has });
    await o.waitFor();
    return (await o.textContent()) ?? '';
  };

  beforeAll(async () => {
    server = await startServer();
    admin = await server.login();
    site = await newSite(server, admin, { name: 'さくら児童クラブ', kind: 'after_school' });
    const at = [site.facility.id];
    ({ child: sakura } = await enrolledFamily(server, site.staff, at, {
      name: '山本家',
      guardians: [{ name: '山本 花子', relation: '母' }, { name: '山本 健', relation: '父' }],
      children: [{ name: '山本 さくら', name_kana: 'やまもと さくら', birth_date: '2017-04-10' }],
    }));
    ({ child: ichiro } = await enrolledFamily(server, site.staff, at, {
      name: '鈴木家',
      guardians: [{ name: '鈴木 京子', relation: '祖母' }],
      children: [{ name: '鈴木 いちろう', name_kana: 'すずき いちろう', birth_date: '2018-08-08' }],
    }));
    const sasaki = await enrolledFamily(server, site.staff, at, {
      name: '佐々木家',
      guardians: [{ name: '佐々木 恵', relation: '母' }],
      children: [
        { name: '佐々木 あおい', name_kana: 'ささき あおい', birth_date: '2016-06-01' },
        { name: '佐々木 そうた', name_kana: 'ささき そうた', birth_date: '2019-02-02' },
      ],
    });
    [aoi, sota] = sasaki.family.children;
    code = {
      sakura: (await site.staff.childCredential(sakura.id)).text,
      ichiro: (await site.staff.childCredential(ichiro.id)).text,
      sasaki: (await site.staff.familyCredential(sasaki.family.id)).text,
    };
    b = await startKioskBrowser();
  });
  afterAll(async () => {
    await b?.close();
    await server?.close();
  });

  test('paired with a pasted token: the ready screen, accessible', async () => {
    const { page } = b;
    await page.goto(`${server.url}/kiosk/`);
    await page.getByRole('heading', { name: '受付端末の登録' }).waitFor();
    await page.getByLabel('端末トークン').fill('not-a-token');
    await page.getByRole('button', { name: '登録' }).click();
    await page.getByRole('alert').filter({ hasText: 'トークンが正しくない' }).waitFor();
    await page.getByLabel('端末トークン').fill(site.kioskToken);
    await page.getByRole('button', { name: '登録' }).click();
    await page.getByRole('heading', { name: 'カードを かざしてね' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('ja');
    expect(await page.locator('.facility-name').textContent()).toBe('さくら児童クラブ');
    // No camera in this browser: the page says so, and the scanner still works.
    await page.getByText('カメラが使えません').waitFor();
    await expectAccessible(page);
  });

  test('a scan typed by the USB scanner: おかえりなさい, the name and the time', async () => {
    await scanWithKeyboard(b.page, code.sakura);
    const text = await screenText('arrived', '山本 さくら');
    expect(text).toContain('おかえりなさい');
    expect(text).toContain('山本 さくら');
    expect(text).toMatch(/\d{2}:\d{2}/);
  });

  test('the same card again at once: a calm もう受付済みです, nothing recorded', async () => {
    await scanWithKeyboard(b.page, code.sakura);
    const text = await screenText('duplicate', '山本 さくら');
    expect(text).toContain('もう受付済みです');
    expect(text).toContain('山本 さくら');
    expect(await allVisits(site.staff, { child_id: sakura.id })).toHaveLength(1);
  });

  test('a departure offers the pick-up people; the choice shows in the roster', async () => {
    await admin.updateFacility(site.facility.id, { duplicate_window_seconds: 0 });
    await scanWithKeyboard(b.page, code.sakura);
    const text = await screenText('departed', '山本 さくら');
    expect(text).toContain('さようなら');
    expect(text).toContain('山本 さくら');
    const choices = b.page.getByRole('group', { name: 'おむかえは だれですか？' });
    expect(await choices.getByRole('button').allTextContents()).toEqual(['母 山本 花子', '父 山本 健', 'その他', '記録しない']);
    await choices.getByRole('button', { name: '母 山本 花子' }).click();
    await b.page.getByText('おむかえ：母 山本 花子').waitFor();
    await overlay().waitFor({ state: 'detached', timeout: 10_000 });

    roster = await adminPage(b.browser, server, `/admin/roster?facility_id=${encodeURIComponent(site.facility.id)}`);
    const row = roster.getByRole('row', { name: /山本 さくら/ });
    await expect.poll(() => row.textContent()).toContain('帰宅済み');
    expect(await row.textContent()).toContain('母 山本 花子');
    const visits = await allVisits(site.staff, { child_id: sakura.id });
    expect(visits).toHaveLength(1);
    expect(visits[0].pickup_by).toBe('母 山本 花子');
  });

  test('a reissued card\'s old text and a foreign code are refused, recording nothing', async () => {
    const old = code.sakura;
    code.sakura = (await site.staff.reissueChildCredential(sakura.id)).text;
    await scanWithKeyboard(b.page, old);
    const text = await screenText('refused', '職員向け');
    expect(text).toContain('このカードは使えません');
    expect(text).toContain('新しいカードが発行された');
    expect(text).toContain('職員向け：新しいカードが発行されたため、使えません。'); // the staff detail, by its reason

    await scanWithKeyboard(b.page, 'https://example.com/not-ours');
    expect(await screenText('refused', 'ただいまのカードではありません')).toContain('このカードは使えません');
    expect(await allVisits(site.staff, { child_id: sakura.id })).toHaveLength(1);
  });

  test('a family code: the children are listed ticked; only the ticked ones are stamped', async () => {
    const { page } = b;
    await scanWithKeyboard(page, code.sasaki);
    const choose = page.locator('.overlay--choose');
    await choose.waitFor();
    // The previous screen (another family) is gone.
    expect(await page.locator('body').textContent()).not.toContain('山本');
    expect(await choose.textContent()).toContain('佐々木家');
    const aoi_box = choose.getByRole('checkbox', { name: '佐々木 あおい' });
    const sota_box = choose.getByRole('checkbox', { name: '佐々木 そうた' });
    expect(await aoi_box.isChecked()).toBe(true);
    expect(await sota_box.isChecked()).toBe(true);
    await sota_box.uncheck();
    await choose.getByRole('button', { name: '受付する' }).click();
    const text = await screenText('arrived', '佐々木 あおい');
    expect(text).not.toContain('佐々木 そうた');
    expect(await allVisits(site.staff, { child_id: aoi.id })).toHaveLength(1);
    expect(await allVisits(site.staff, { child_id: sota.id })).toHaveLength(0);
  });

  test('the next scan replaces the screen: never another family\'s names', async () => {
    await scanWithKeyboard(b.page, code.sakura);
    await screenText('arrived', '山本 さくら');
    expect(await b.page.locator('body').textContent()).not.toContain('佐々木');
  });

  test('offline: the scan is queued, kept across a reload, and sent once with its scanned_at', async () => {
    const { page } = b;
    const block = (route: { abort: (code?: string) => Promise<void> }) => route.abort('internetdisconnected');
    await page.route('**/api/v1/stamps**', block);
    const scanned = Date.now();
    await scanWithKeyboard(page, code.ichiro);
    const text = await screenText('queued', '送信待ち 1件');
    expect(text).toContain('受付しました（送信待ち）');
    await page.reload();
    await page.getByRole('heading', { name: 'カードを かざしてね' }).waitFor();
    await page.locator('.queue-badge').filter({ hasText: '送信待ち 1件' }).waitFor();
    await page.waitForTimeout(3_000);
    expect(await allVisits(site.staff, { child_id: ichiro.id })).toHaveLength(0);

    const sent_after = Date.now();
    await page.unroute('**/api/v1/stamps**', block);
    await page.locator('.queue-badge').waitFor({ state: 'detached', timeout: 20_000 });
    const visits = await allVisits(site.staff, { child_id: ichiro.id });
    expect(visits).toHaveLength(1);
    // Recorded at the scan, not when it was finally sent.
    const in_at = Date.parse(visits[0].in_at);
    expect(in_at).toBeGreaterThanOrEqual(Math.floor(scanned / 1000) * 1000 - 1000);
    expect(in_at).toBeLessThan(sent_after - 1000);
  });

  test('a stamp the server recorded but whose answer was lost is retried with its client_id: recorded once', async () => {
    const { page } = b;
    const bodies: string[] = [];
    let lost = 0;
    await page.route('**/api/v1/stamps', async (route) => {
      bodies.push(route.request().postData() ?? '');
      if (lost++ === 0) {
        await route.fetch(); // the server records the departure…
        await route.abort('connectionreset'); // …and the answer never arrives
      } else {
        await route.continue();
      }
    });
    await scanWithKeyboard(page, code.ichiro);
    expect(await screenText('queued', '送信待ち 1件')).toContain('受付しました（送信待ち）');
    await expect.poll(() => bodies.length, { timeout: 20_000 }).toBeGreaterThanOrEqual(2);
    await page.locator('.queue-badge').waitFor({ state: 'detached', timeout: 20_000 });
    await page.unrouteAll();
    const sent = bodies.map((b) => JSON.parse(b));
    expect(new Set(sent.map((s) => s.client_id)).size).toBe(1);
    expect(new Set(sent.map((s) => s.scanned_at)).size).toBe(1);
    const visits = await allVisits(site.staff, { child_id: ichiro.id });
    expect(visits).toHaveLength(1);
    expect(visits[0].out_at).not.toBeNull();
  });

  test('a child reported absent who arrives: the kiosk asks to tell staff, the roster marks it', async () => {
    const k = await enrolledFamily(server, site.staff, [site.facility.id], {
      name: '小林家',
      guardians: [{ name: '小林 由美', relation: '母' }],
      children: [{ name: '小林 はると', name_kana: 'こばやし はると', birth_date: '2018-01-20' }],
    });
    // Absent today and tomorrow (Tokyo): whichever day the scan falls on, it meets the report.
    const today = todayIn();
    await k.guardian.putPlans(k.child.id, {
      days: [today, addDate(today, { days: 1 })].map((date) => ({ date, status: 'absent' as const, reason: '発熱' })),
    });
    await scanWithKeyboard(b.page, (await site.staff.childCredential(k.child.id)).text);
    const text = await screenText('arrived', '小林 はると');
    expect(text).toContain('小林 はるとさんは今日「欠席」の連絡があります。職員に声をかけてください。');
    const row = roster.getByRole('row', { name: /小林 はると/ });
    await expect.poll(() => row.textContent(), { timeout: 15_000 }).toContain('要確認（欠席連絡あり）');
    await overlay().waitFor({ state: 'detached', timeout: 10_000 });
  });

  test('revoked on the facility page: the next scan says so and records nothing', async () => {
    const { page } = b;
    const before = (await allVisits(site.staff, { child_id: sakura.id })).length;
    await site.staff.revokeKiosk(site.kioskId);
    await scanWithKeyboard(page, code.sakura);
    await page.getByRole('alert').filter({ hasText: 'この端末の登録は取り消されました' }).waitFor();
    expect(await allVisits(site.staff, { child_id: sakura.id })).toHaveLength(before);
    await page.getByRole('button', { name: '端末を登録しなおす' }).click();
    await page.getByRole('heading', { name: '受付端末の登録' }).waitFor();
    await page.reload();
    await page.getByRole('heading', { name: '受付端末の登録' }).waitFor();
  });

  test('the roster follows the kiosk without a reload', async () => {
    const row = roster.getByRole('row', { name: /鈴木 いちろう/ });
    await expect.poll(() => row.textContent(), { timeout: 15_000 }).toContain('帰宅済み');
    const aoi_row = roster.getByRole('row', { name: /佐々木 あおい/ });
    await expect.poll(() => aoi_row.textContent(), { timeout: 15_000 }).toContain('在館中');
  });

  test('staff unpair the device from the staff menu', async () => {
    const { page } = b;
    const { token } = await site.staff.createKiosk(site.facility.id, '予備のタブレット');
    await admin.updateFacility(site.facility.id, { kiosk_pin: '1357' });
    await page.goto(`${server.url}/kiosk/#token=${encodeURIComponent(token)}`);
    await page.getByRole('heading', { name: 'カードを かざしてね' }).waitFor();
    await page.getByRole('button', { name: '職員メニュー' }).click();
    const menu = page.getByRole('dialog', { name: '職員メニュー' });
    await menu.getByLabel('暗証番号').fill('1357');
    await menu.getByRole('button', { name: '開く' }).click();
    await menu.getByText('予備のタブレット').waitFor();
    await menu.getByRole('button', { name: 'この端末の登録を解除' }).click();
    await menu.getByRole('button', { name: '登録を解除する' }).click();
    await page.getByRole('heading', { name: '受付端末の登録' }).waitFor();
    expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('tadaima.kiosk')))).toEqual([]);
  });
});

// The kiosk at a busy window (issue 14): the pick-up question after a departure (the
// guardians, ひとりで帰る only for a child the guardians allow, その他 with a name typed on
// the kiosk), two children scanning while a pick-up question waits (both answers kept, each
// for its own visit), the staff PIN in front of the staff menu (none set, wrong, right,
// five wrong in a row), 名前で受付 for a child who forgot the card, unpairing asked inside
// the menu, a drop-in room's greeting (Japanese and English), a scan queued offline that
// still says who and which way for a family code known today, and the staff detail said
// by its reason. axe-core checks the pick-up questions and the staff menu.
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { allVisits, enrolledFamily, newSite, type Site } from '../support/checkin';
import type { TestApi } from '../support/server';
import type { Child, Visit } from '../../web/src/shared/types';
import { expectAccessible } from './axe';
import { kStepTimeout, startServer, type TestServer } from './harness';
import { openKiosk, scanWithKeyboard, startKioskBrowser, unlockStaffMenu, type KioskBrowser } from './kiosk_support';

describe('kiosk: a busy window', () => {
  let server: TestServer;
  let admin: TestApi;
  let site: Site;
  let taro: Child; // 山田家: may not go home alone
  let miku: Child; // 佐藤家: may go home alone (set by staff)
  let ken: Child; // 田中家: arrives while a pick-up question waits
  let yui: Child; // 小川家: forgot the card (name search)
  let ai: Child;
  let riku: Child; // 中村家: a family code, known before the network goes
  const code = { taro: '', miku: '', ken: '', yui: '', nakamura: '' };
  let b: KioskBrowser;

  /** The overlay of `kind` that shows `has` (so the previous scan's screen is never taken for it). */
  const overlay = (kind: string, has: string) => b.page.locator(`.overlay--${kind}`, { hasText: has });
  const screenText = async (kind: string, has: string) => {
    await overlay(kind, has).waitFor();
    return (await overlay(kind, has).textContent()) ?? '';
  };
  const ready = () => b.page.locator('.overlay').waitFor({ state: 'detached', timeout: kStepTimeout });
  const visitsOf = (child: Child) => allVisits(site.staff, { child_id: child.id });
  const latest = async (child: Child): Promise<Visit> => {
    const visits = await visitsOf(child);
    return visits.reduce((a, v) => (Date.parse(v.in_at) >= Date.parse(a.in_at) ? v : a));
  };

  beforeAll(async () => {
    server = await startServer();
    admin = await server.login();
    site = await newSite(server, admin, { name: 'みどり児童クラブ', kind: 'after_school' });
    // A departure may follow the arrival at once.
    await admin.updateFacility(site.facility.id, { duplicate_window_seconds: 0 });
    const at = [site.facility.id];
    ({ child: taro } = await enrolledFamily(server, site.staff, at, {
      name: '山田家', guardians: [{ name: '山田 花子', relation: '母' }],
      children: [{ name: '山田 太郎', name_kana: 'やまだ たろう', birth_date: '2017-05-01' }],
    }));
    ({ child: miku } = await enrolledFamily(server, site.staff, at, {
      name: '佐藤家', guardians: [{ name: '佐藤 一郎', relation: '父' }],
      children: [{ name: '佐藤 みく', name_kana: 'さとう みく', birth_date: '2016-09-09' }],
    }));
    ({ child: ken } = await enrolledFamily(server, site.staff, at, {
      name: '田中家', guardians: [{ name: '田中 春子', relation: '母' }],
      children: [{ name: '田中 けん', name_kana: 'たなか けん', birth_date: '2018-03-03' }],
    }));
    ({ child: yui } = await enrolledFamily(server, site.staff, at, {
      name: '小川家', guardians: [{ name: '小川 洋子', relation: '母' }],
      children: [{ name: '小川 ゆい', name_kana: 'おがわ ゆい', birth_date: '2017-11-11' }],
    }));
    const nakamura = await enrolledFamily(server, site.staff, at, {
      name: '中村家', guardians: [{ name: '中村 恵', relation: '母' }],
      children: [
        { name: '中村 あい', name_kana: 'なかむら あい', birth_date: '2016-04-04' },
        { name: '中村 りく', name_kana: 'なかむら りく', birth_date: '2019-01-01' },
      ],
    });
    [ai, riku] = nakamura.family.children;
    code.taro = (await site.staff.childCredential(taro.id)).text;
    code.miku = (await site.staff.childCredential(miku.id)).text;
    code.ken = (await site.staff.childCredential(ken.id)).text;
    code.yui = (await site.staff.childCredential(yui.id)).text;
    code.nakamura = (await site.staff.familyCredential(nakamura.family.id)).text;
    b = await startKioskBrowser();
    await openKiosk(b.page, server, site.kioskToken);
  });
  afterAll(async () => {
    await b?.close();
    await server?.close();
  });

  test('その他: a name typed on the kiosk (blank cannot be sent; もどる returns) is the visit\'s pickup_by', async () => {
    const { page } = b;
    await scanWithKeyboard(page, code.taro);
    expect(await screenText('arrived', '山田 太郎')).toContain('おかえりなさい');
    await scanWithKeyboard(page, code.taro);
    expect(await screenText('departed', '山田 太郎')).toContain('さようなら');
    const question = page.getByRole('group', { name: 'おむかえは だれですか？' });
    // 山田 太郎 may not go home alone: no ひとりで帰る.
    expect(await question.getByRole('button').allTextContents()).toEqual(['母 山田 花子', 'その他', '記録しない']);
    await question.getByRole('button', { name: 'その他' }).click();
    const name = page.getByLabel('お迎えの方のお名前');
    const submit = page.getByRole('button', { name: '記録する' });
    await name.waitFor();
    expect(await submit.isDisabled()).toBe(true);
    await name.fill('   ');
    expect(await submit.isDisabled()).toBe(true);
    await page.getByRole('button', { name: 'もどる' }).click();
    await question.getByRole('button', { name: 'その他' }).click();
    await name.fill('祖父 山田 一郎');
    await submit.click();
    await page.getByText('おむかえ：祖父 山田 一郎').waitFor();
    await expect.poll(async () => (await latest(taro)).pickup_by).toBe('祖父 山田 一郎');
    expect((await latest(taro)).left_alone).toBe(false);
    await ready();
  });

  test('ひとりで帰る is offered only for a child the guardians allow, and is recorded as left_alone', async () => {
    const { page } = b;
    await site.staff.updateChild(miku.id, { may_leave_alone: true });
    await scanWithKeyboard(page, code.miku);
    await screenText('arrived', '佐藤 みく');
    await scanWithKeyboard(page, code.miku);
    await screenText('departed', '佐藤 みく');
    const question = page.getByRole('group', { name: 'おむかえは だれですか？' });
    expect(await question.getByRole('button').allTextContents()).toEqual(['父 佐藤 一郎', 'ひとりで帰る', 'その他', '記録しない']);
    await question.getByRole('button', { name: 'ひとりで帰る' }).click();
    await page.getByText('ひとりで帰ります').waitFor();
    await expect.poll(async () => (await latest(miku)).left_alone).toBe(true);
    expect((await latest(miku)).pickup_by).toBeNull();
    await ready();
  });

  test('two children scan while a pick-up question waits: it stays, labelled, and both answers are kept', async () => {
    const { page } = b;
    await scanWithKeyboard(page, code.taro);
    await screenText('arrived', '山田 太郎');
    await scanWithKeyboard(page, code.miku);
    await screenText('arrived', '佐藤 みく');
    await scanWithKeyboard(page, code.taro);
    await page.getByRole('group', { name: 'おむかえは だれですか？' }).waitFor();
    const first_visit = (await latest(taro)).id;
    // 田中 けん arrives: his screen still asks for 山田 太郎, by name.
    await scanWithKeyboard(page, code.ken);
    const arrival = await screenText('arrived', '田中 けん');
    expect(arrival).toContain('おかえりなさい');
    await page.getByRole('group', { name: '山田 太郎さんのお迎えは？' }).waitFor();
    // 佐藤 みく leaves: her own question and 山田 太郎's, each labelled.
    await scanWithKeyboard(page, code.miku);
    await screenText('departed', '佐藤 みく');
    const for_miku = page.getByRole('group', { name: '佐藤 みくさんのお迎えは？' });
    const for_taro = page.getByRole('group', { name: '山田 太郎さんのお迎えは？' });
    await for_miku.waitFor();
    await for_taro.waitFor();
    await expectAccessible(page);
    await for_taro.getByRole('button', { name: '母 山田 花子' }).click();
    await page.getByText('山田 太郎さん　おむかえ：母 山田 花子').waitFor();
    await for_miku.getByRole('button', { name: '父 佐藤 一郎' }).click();
    await page.getByText('佐藤 みくさん　おむかえ：父 佐藤 一郎').waitFor();
    // Each answer went to its own visit only.
    await expect.poll(async () => (await latest(taro)).pickup_by).toBe('母 山田 花子');
    expect((await latest(taro)).id).toBe(first_visit);
    await expect.poll(async () => (await latest(miku)).pickup_by).toBe('父 佐藤 一郎');
    expect((await latest(miku)).left_alone).toBe(false);
    const taro_visits = await visitsOf(taro);
    expect(taro_visits.map((v) => v.pickup_by).sort()).toEqual(['母 山田 花子', '祖父 山田 一郎']);
    await ready();
  });

  test('the staff menu: locked without a PIN, a wrong PIN refused, the right one opens it', async () => {
    const { page } = b;
    const device = `受付タブレット ${site.facility.name}`;
    // No PIN set for the facility yet: the menu says where to set one.
    let menu = await unlockStaffMenu(page, '1234');
    await menu.getByRole('alert').filter({ hasText: '管理画面の施設ページで設定してください' }).waitFor();
    expect(await menu.textContent()).not.toContain(device);
    await menu.getByRole('button', { name: '閉じる' }).click();

    await admin.updateFacility(site.facility.id, { kiosk_pin: '2468' });
    menu = await unlockStaffMenu(page, '1111');
    await menu.getByRole('alert').filter({ hasText: '暗証番号が違います' }).waitFor();
    expect(await menu.textContent()).not.toContain(device);
    expect(await menu.getByLabel('暗証番号').inputValue()).toBe('');
    expect(await menu.getByLabel('暗証番号').getAttribute('type')).toBe('password');
    await expectAccessible(page);
    await menu.getByRole('button', { name: '閉じる' }).click();

    menu = await unlockStaffMenu(page, '2468');
    await menu.getByText(device).waitFor();
    expect(await menu.textContent()).toContain('みどり児童クラブ');
    await menu.getByRole('heading', { name: '名前で受付' }).waitFor();
    await expectAccessible(page);
    await menu.getByRole('button', { name: '閉じる' }).click();
    // Closing the menu locked the kiosk again on the server.
    await expect.poll(() => site.kiosk.kioskChildren('おがわ').then(() => 'open', (e) => e.reason)).toBe('kiosk_locked');
  });

  test('名前で受付: a child who forgot the card is found by furigana and stamped with a tap', async () => {
    const { page } = b;
    const menu = await unlockStaffMenu(page, '2468');
    await menu.getByLabel('名前またはふりがな').fill('たなか');
    const ken_button = menu.getByRole('button', { name: /田中 けん/ });
    await ken_button.waitFor();
    expect(await ken_button.textContent()).toContain('在館中');
    await menu.getByLabel('名前またはふりがな').fill('おがわ');
    const yui_button = menu.getByRole('button', { name: /小川 ゆい/ });
    await yui_button.waitFor();
    const label = (await yui_button.textContent()) ?? '';
    expect(label).toContain('おがわ ゆい');
    expect(label).not.toContain('在館中');
    await yui_button.click();
    expect(await screenText('arrived', '小川 ゆい')).toContain('おかえりなさい');
    expect(await menu.isVisible()).toBe(false);
    await expect.poll(async () => (await visitsOf(yui)).length).toBe(1);
    expect((await latest(yui)).method).toBe('manual');
    expect((await latest(yui)).out_at).toBeNull();
    await expect.poll(() => site.kiosk.kioskChildren('おがわ').then(() => 'open', (e) => e.reason)).toBe('kiosk_locked');
    await ready();
  });

  test('offline: a family code known today says who and which way; an unknown code says it will be checked', async () => {
    const { page } = b;
    await scanWithKeyboard(page, code.nakamura);
    const choose = page.locator('.overlay--choose');
    await choose.getByRole('button', { name: '受付する' }).click();
    await screenText('arrived', '中村 あい');
    await ready();

    const block = (route: { abort: (code?: string) => Promise<void> }) => route.abort('internetdisconnected');
    await page.route('**/api/v1/stamps**', block);
    await scanWithKeyboard(page, code.nakamura);
    expect(await screenText('queued', '送信待ち 1件')).toContain('送信待ち：中村 あいさん（さようなら）、中村 りくさん（さようなら）');
    // The scan already queued counts: the next one goes the other way. Kept across a reload.
    await page.reload();
    await page.getByRole('heading', { name: 'カードを かざしてね' }).waitFor();
    await scanWithKeyboard(page, code.nakamura);
    expect(await screenText('queued', '送信待ち 2件')).toContain('送信待ち：中村 あいさん（おかえり）、中村 りくさん（おかえり）');
    // 小川 ゆい's card was never read here today (she was stamped by name): nobody is named.
    await scanWithKeyboard(page, code.yui);
    const unknown = await screenText('queued', '送信待ち 3件');
    expect(unknown).toContain('だれのカードかは、通信がもどったら確かめます');
    expect(unknown).not.toContain('中村');

    // Unpairing now would lose them: the menu says how many, inside the dialog.
    const menu = await unlockStaffMenu(page, '2468');
    await menu.getByRole('button', { name: 'この端末の登録を解除' }).click();
    await menu.getByText('送信待ちの3件は送信されずに消えます。').waitFor();
    await menu.getByRole('button', { name: 'やめる' }).click();
    await menu.getByRole('button', { name: '閉じる' }).click();

    await page.unroute('**/api/v1/stamps**', block);
    await page.locator('.queue-badge').waitFor({ state: 'detached', timeout: 30_000 });
    for (const child of [ai, riku]) {
      const visits = await visitsOf(child);
      expect(visits).toHaveLength(2);
      expect(visits.filter((v) => v.out_at === null)).toHaveLength(1);
    }
    expect(await page.evaluate(() => localStorage.getItem('tadaima.kiosk.known_codes'))).toContain('中村 あい');
  });

  test('the staff detail of a refused code is said by its reason, not the server\'s English', async () => {
    await scanWithKeyboard(b.page, 'https://example.com/not-ours');
    const text = await screenText('refused', '職員向け');
    expect(text).toContain('職員向け：ただいまのカードではありません。');
    expect(text).not.toContain('invalid_argument');
  });

  describe('a drop-in room greets visitors', () => {
    let room: Site;
    let visitor: Child;
    let context: BrowserContext;
    let page: Page;

    beforeAll(async () => {
      room = await newSite(server, admin, { name: 'こどもひろば', kind: 'drop_in' });
      await admin.updateFacility(room.facility.id, { duplicate_window_seconds: 0 });
      ({ child: visitor } = await enrolledFamily(server, room.staff, [room.facility.id], {
        name: '森家', guardians: [{ name: '森 由紀', relation: '母' }],
        children: [{ name: '森 そら', name_kana: 'もり そら', birth_date: '2015-07-07' }],
      }));
      context = await b.browser.newContext({ locale: 'ja-JP', viewport: { width: 1024, height: 768 }, hasTouch: true });
      context.setDefaultTimeout(kStepTimeout);
      page = await context.newPage();
      await openKiosk(page, server, room.kioskToken);
    });
    afterAll(async () => {
      await context?.close();
    });

    test('ようこそ on arrival, ありがとうございました。またね on departure; in English too', async () => {
      const card = (await room.staff.childCredential(visitor.id)).text;
      await scanWithKeyboard(page, card);
      const arrival = page.locator('.overlay--arrived', { hasText: '森 そら' });
      await arrival.waitFor();
      expect(await arrival.locator('.headline').textContent()).toBe('ようこそ');
      await scanWithKeyboard(page, card);
      const departure = page.locator('.overlay--departed', { hasText: '森 そら' });
      await departure.waitFor();
      expect(await departure.locator('.headline').textContent()).toBe('ありがとうございました。またね');
      await page.getByRole('button', { name: '記録しない' }).click();
      await page.locator('.overlay').waitFor({ state: 'detached' });

      await page.evaluate(() => localStorage.setItem('tadaima.lang', 'en'));
      await page.reload();
      await page.getByRole('heading', { name: 'Show your card' }).waitFor();
      await scanWithKeyboard(page, card);
      const english = page.locator('.overlay--arrived', { hasText: '森 そら' });
      await english.waitFor();
      expect(await english.locator('.headline').textContent()).toBe('Welcome');
      expect(await allVisits(room.staff, { child_id: visitor.id })).toHaveLength(2);
    });

    test('five wrong PINs in a row: even the right one must wait (the English menu)', async () => {
      await admin.updateFacility(room.facility.id, { kiosk_pin: '9753' });
      await page.getByRole('button', { name: 'Staff menu' }).click();
      const menu = page.getByRole('dialog', { name: 'Staff menu' });
      const field = menu.getByLabel('PIN', { exact: true });
      const enter = async (pin: string) => {
        for (const digit of pin) await menu.getByRole('button', { name: digit, exact: true }).click();
        await menu.getByRole('button', { name: 'Open' }).click();
        await expect.poll(() => field.inputValue()).toBe(''); // answered: a refused PIN is cleared
      };
      for (let i = 0; i < 5; i++) await enter('1111');
      await enter('9753');
      await menu.getByRole('alert').filter({ hasText: 'too many wrong PINs; try again in 5 minutes' }).waitFor();
      expect(await menu.textContent()).not.toContain(room.facility.name);
      await menu.getByRole('button', { name: 'Close' }).click();
    });
  });
});

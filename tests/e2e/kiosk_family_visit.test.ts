// A family's visit (組) at a drop-in room (こどもルーム), on a pinned server clock
// (Thursday 2027-06-10, 15:00 in Tokyo): the family code on the kiosk asks how many adults
// came (− n +, 1 at first, 0..20) — two adults with one of the two children make one
// visit with adults 2 — and 「みんなで来ました（大人1人）」 stamps every child not present
// with one adult, the children sharing one group_id; a family's choice queued while the
// network is down keeps its adults until it is sent; an after-school club's kiosk asks
// nothing about adults and sends none; the roster's 家族で来館 finds a family enrolled at
// the room (one enrolled elsewhere is not offered), ticks its children, records the chosen
// adults, and says a refusal by its reason in the dialog; the day's statistics count each
// family visit once with its adults. axe-core checks the choose screen and the dialog.
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { allVisits, enrolledFamily, newSite, PINNED_DAY, startCheckinServer, type Site } from '../support/checkin';
import type { TestApi } from '../support/server';
import type { Child, Visit } from '../../web/src/shared/types';
import { kLive, rowOf } from './admin_support';
import { expectAccessible } from './axe';
import { desktopContext, kStepTimeout, signInAt, type TestServer } from './harness';
import { openKiosk, scanWithKeyboard, startKioskBrowser, type KioskBrowser } from './kiosk_support';

describe('a family visit at a drop-in room: kiosk, roster and statistics', () => {
  let server: TestServer;
  let admin: TestApi;
  let room: Site; // こどもルームさくら (drop_in)
  let club: Site; // ひまわり児童クラブ (after_school)
  let haruto: Child; // 山本家, at the room
  let mei: Child;
  let sota: Child; // 加藤家, at the room: stamped from the roster
  let hina: Child;
  let kei: Child; // 大野家, at the club only
  let rin: Child;
  let yu: Child; // 松本家, at the room: stamped while the network is down
  let aoi: Child;
  const code = { yamamoto: '', matsumoto: '', ono: '' };
  let b: KioskBrowser;
  /** The bodies of the stamps the room's kiosk page sent, in order. */
  const sent: Record<string, unknown>[] = [];

  const roomVisits = () => allVisits(room.staff, { facility_id: room.facility.id });
  const open = (visits: Visit[], child: Child) => visits.find((v) => v.child.id === child.id && v.out_at === null);
  const choose = (page: Page) => page.locator('.overlay--choose');
  const adultsGroup = (page: Page) => choose(page).getByRole('group', { name: '大人の人数' });
  const allCame = (page: Page) => choose(page).getByRole('button', { name: 'みんなで来ました（大人1人）' });
  const ready = (page: Page) => page.locator('.overlay').waitFor({ state: 'detached', timeout: kStepTimeout });
  /**
   * Opens the room's kiosk again: it learns the server's time when it opens, and the pinned
   * clock stands still while the page's runs on, so each test starts its scans in step.
   */
  const reopenKiosk = () => openKiosk(b.page, server, room.kioskToken);

  /** Records the JSON body of every POST /api/v1/stamps the page sends into `into`. */
  const recordStamps = (page: Page, into: Record<string, unknown>[]) =>
    page.on('request', (r) => {
      if (r.method() === 'POST' && new URL(r.url()).pathname === '/api/v1/stamps') into.push(JSON.parse(r.postData() ?? '{}'));
    });

  beforeAll(async () => {
    server = await startCheckinServer();
    admin = await server.login();
    room = await newSite(server, admin, { name: 'こどもルームさくら', kind: 'drop_in', duplicate_window_seconds: 0 });
    club = await newSite(server, admin, { name: 'ひまわり児童クラブ', kind: 'after_school', duplicate_window_seconds: 0 });
    const yamamoto = await enrolledFamily(server, room.staff, [room.facility.id], {
      name: '山本家', guardians: [{ name: '山本 彩', relation: '母' }],
      children: [
        { name: '山本 はると', name_kana: 'やまもと はると', birth_date: '2021-04-10' },
        { name: '山本 めい', name_kana: 'やまもと めい', birth_date: '2024-08-20' },
      ],
    });
    [haruto, mei] = yamamoto.family.children;
    const kato = await enrolledFamily(server, room.staff, [room.facility.id], {
      name: '加藤家', guardians: [{ name: '加藤 美咲', relation: '母' }],
      children: [
        { name: '加藤 そうた', name_kana: 'かとう そうた', birth_date: '2020-02-02' },
        { name: '加藤 ひな', name_kana: 'かとう ひな', birth_date: '2023-03-03' },
      ],
    });
    [sota, hina] = kato.family.children;
    const matsumoto = await enrolledFamily(server, room.staff, [room.facility.id], {
      name: '松本家', guardians: [{ name: '松本 京子', relation: '母' }],
      children: [
        { name: '松本 ゆう', name_kana: 'まつもと ゆう', birth_date: '2022-01-15' },
        { name: '松本 あおい', name_kana: 'まつもと あおい', birth_date: '2024-11-30' },
      ],
    });
    [yu, aoi] = matsumoto.family.children;
    const ono = await enrolledFamily(server, club.staff, [club.facility.id], {
      name: '大野家', guardians: [{ name: '大野 恵', relation: '母' }],
      children: [
        { name: '大野 けい', name_kana: 'おおの けい', birth_date: '2017-05-05' },
        { name: '大野 りん', name_kana: 'おおの りん', birth_date: '2018-06-06' },
      ],
    });
    [kei, rin] = ono.family.children;
    code.yamamoto = (await room.staff.familyCredential(yamamoto.family.id)).text;
    code.matsumoto = (await room.staff.familyCredential(matsumoto.family.id)).text;
    code.ono = (await club.staff.familyCredential(ono.family.id)).text;
    b = await startKioskBrowser();
    recordStamps(b.page, sent);
    await openKiosk(b.page, server, room.kioskToken);
  });
  afterAll(async () => {
    await b?.close();
    await server?.close();
  });

  test('the family code asks how many adults came: two adults with one child are one visit with adults 2', async () => {
    const { page } = b;
    await scanWithKeyboard(page, code.yamamoto);
    await choose(page).waitFor();
    const adults = adultsGroup(page);
    const value = adults.locator('output');
    const fewer = adults.getByRole('button', { name: '大人を1人減らす' });
    const more = adults.getByRole('button', { name: '大人を1人増やす' });
    expect(await value.textContent()).toBe('1人');
    await allCame(page).waitFor();
    // Both children are ticked at first, as for any family code.
    for (const child of [haruto, mei]) expect(await choose(page).getByRole('checkbox', { name: child.name }).isChecked()).toBe(true);
    // 0 is the least: the button says so and changes nothing.
    await fewer.click();
    await expect.poll(() => value.textContent()).toBe('0人');
    expect(await fewer.getAttribute('aria-disabled')).toBe('true');
    await fewer.click({ force: true }); // Playwright would wait for it to be enabled
    expect(await value.textContent()).toBe('0人');
    await more.click();
    await more.click();
    await expect.poll(() => value.textContent()).toBe('2人');
    await choose(page).getByRole('checkbox', { name: mei.name }).uncheck();
    await expectAccessible(page);

    await choose(page).getByRole('button', { name: '受付する' }).click();
    const arrival = page.locator('.overlay--arrived', { hasText: haruto.name });
    await arrival.waitFor();
    const said = (await arrival.textContent()) ?? '';
    expect(said).toContain('大人 2人');
    expect(said).not.toContain(mei.name);
    expect(sent.at(-1)).toMatchObject({ child_ids: [haruto.id], adults: 2 });

    const visits = await roomVisits();
    expect(visits.map((v) => v.child.id)).toEqual([haruto.id]);
    expect(visits[0].group_id).toEqual(expect.any(String));
    expect(visits[0].adults).toBe(2);
    await ready(page);
  });

  test('「みんなで来ました（大人1人）」 stamps every child not present with one adult, as one visit', async () => {
    const { page } = b;
    await reopenKiosk();
    // はると leaves first (a departure sends no adults).
    await scanWithKeyboard(page, code.yamamoto);
    await choose(page).waitFor();
    expect(await choose(page).locator('.child-choice', { hasText: haruto.name }).textContent()).toContain('いま館内');
    await choose(page).getByRole('checkbox', { name: mei.name }).uncheck();
    await choose(page).getByRole('button', { name: '受付する' }).click();
    await page.locator('.overlay--departed', { hasText: haruto.name }).waitFor();
    expect(sent.at(-1)).not.toHaveProperty('adults');
    await page.getByRole('button', { name: '記録しない' }).click();
    await ready(page);
    const first_group = (await roomVisits()).find((v) => v.child.id === haruto.id)!.group_id;

    // Now nobody is in: one tap brings both in, with one adult.
    await scanWithKeyboard(page, code.yamamoto);
    await allCame(page).click();
    const arrival = page.locator('.overlay--arrived', { hasText: mei.name });
    await arrival.waitFor();
    const said = (await arrival.textContent()) ?? '';
    expect(said).toContain(haruto.name);
    expect(said).toContain('大人 1人');
    expect(sent.at(-1)).toMatchObject({ adults: 1 });
    expect([...(sent.at(-1)!.child_ids as string[])].sort()).toEqual([haruto.id, mei.id].sort());

    const visits = await roomVisits();
    const now_in = [open(visits, haruto), open(visits, mei)];
    expect(now_in.every(Boolean)).toBe(true);
    expect(now_in[0]!.group_id).toEqual(expect.any(String));
    expect(now_in[1]!.group_id).toBe(now_in[0]!.group_id);
    expect(now_in[0]!.group_id).not.toBe(first_group);
    expect(now_in.map((v) => v!.adults)).toEqual([1, 1]);
  });

  test('offline: a family\'s choice is queued with its adults and sent with them later', async () => {
    const { page } = b;
    await reopenKiosk();
    // Only the stamp fails: the preview still answers, so the family chooses as usual.
    const block = (route: { abort: (code?: string) => Promise<void> }) => route.abort('internetdisconnected');
    await page.route('**/api/v1/stamps', block);
    await scanWithKeyboard(page, code.matsumoto);
    await adultsGroup(page).getByRole('button', { name: '大人を1人増やす' }).click();
    await adultsGroup(page).getByRole('button', { name: '大人を1人増やす' }).click();
    await expect.poll(() => adultsGroup(page).locator('output').textContent()).toBe('3人');
    await choose(page).getByRole('button', { name: '受付する' }).click();
    const queued = page.locator('.overlay--queued', { hasText: '送信待ち 1件' });
    await queued.waitFor();
    expect(await queued.textContent()).toContain(`${yu.name}さん（ようこそ）`);
    const stored = JSON.parse((await page.evaluate(() => localStorage.getItem('tadaima.kiosk.queue'))) ?? '[]');
    expect(stored).toHaveLength(1);
    expect(stored[0].input).toMatchObject({ credential: code.matsumoto, adults: 3 });

    await page.unroute('**/api/v1/stamps', block);
    await page.locator('.queue-badge').waitFor({ state: 'detached', timeout: 30_000 });
    const visits = await roomVisits();
    const came = [open(visits, yu), open(visits, aoi)];
    expect(came.every(Boolean)).toBe(true);
    expect(came[0]!.group_id).toEqual(expect.any(String));
    expect(came[1]!.group_id).toBe(came[0]!.group_id);
    expect(came.map((v) => v!.adults)).toEqual([3, 3]);
  });

  test('an after-school club\'s kiosk asks nothing about adults and sends none', async () => {
    const context: BrowserContext = await b.browser.newContext({
      locale: 'ja-JP', viewport: { width: 1024, height: 768 }, hasTouch: true,
    });
    context.setDefaultTimeout(kStepTimeout);
    try {
      const page = await context.newPage();
      const club_sent: Record<string, unknown>[] = [];
      recordStamps(page, club_sent);
      await openKiosk(page, server, club.kioskToken);
      await scanWithKeyboard(page, code.ono);
      await choose(page).getByRole('button', { name: '受付する' }).waitFor();
      expect(await adultsGroup(page).count()).toBe(0);
      expect(await allCame(page).count()).toBe(0);
      expect(await choose(page).textContent()).not.toContain('大人');
      await choose(page).getByRole('button', { name: '受付する' }).click();
      const arrival = page.locator('.overlay--arrived', { hasText: kei.name });
      await arrival.waitFor();
      expect(await arrival.textContent()).not.toContain('大人');
      expect(club_sent).toHaveLength(1);
      expect(club_sent[0]).not.toHaveProperty('adults');
      const visits = await allVisits(club.staff, { facility_id: club.facility.id });
      expect(visits.map((v) => v.child.id).sort()).toEqual([kei.id, rin.id].sort());
      for (const v of visits) expect(v.group_id ?? null).toBeNull();
    } finally {
      await context.close();
    }
  });

  test('the roster\'s 家族で来館 records a family\'s children and adults as one visit, and says a refusal', async () => {
    const page = await (await desktopContext(b.browser)).newPage();
    await signInAt(page, server, `/admin/roster?facility_id=${encodeURIComponent(room.facility.id)}`);
    await page.getByRole('heading', { name: '名簿：こどもルームさくら' }).waitFor();
    await page.getByRole('button', { name: '家族で来館' }).click();
    const dialog = page.getByRole('dialog', { name: '家族で来館（こどもルームさくら）' });
    await dialog.waitFor();

    // A family enrolled only at the club is not offered here.
    await dialog.getByLabel('検索（氏名・ふりがな）').fill('大野');
    await dialog.getByRole('button', { name: '検索' }).click();
    await dialog.getByText('この施設に登録された家族は見つかりませんでした。').waitFor();

    await dialog.getByLabel('検索（氏名・ふりがな）').fill('加藤');
    await dialog.getByRole('button', { name: '検索' }).click();
    const children = dialog.getByRole('group', { name: '来たこども（加藤家）' });
    await children.waitFor();
    for (const child of [sota, hina]) expect(await children.getByRole('checkbox', { name: child.name }).isChecked()).toBe(true);
    const adults = dialog.getByRole('group', { name: '大人の人数' });
    expect(await adults.locator('output').textContent()).toBe('1人');
    await adults.getByRole('button', { name: '大人を1人増やす' }).click();
    await adults.getByRole('button', { name: '大人を1人増やす' }).click();
    await expect.poll(() => adults.locator('output').textContent()).toBe('3人');
    await expectAccessible(page);
    await dialog.getByRole('button', { name: '来館を記録する' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('status').filter({ hasText: '加藤家の来館を記録しました（こども2人・大人3人）。' }).waitFor();
    for (const child of [sota, hina]) await expect.poll(() => rowOf(page, child.name).textContent(), kLive).toContain('在館中');

    const visits = await roomVisits();
    const kato = [open(visits, sota), open(visits, hina)];
    expect(kato.every(Boolean)).toBe(true);
    expect(kato[0]!.group_id).toEqual(expect.any(String));
    expect(kato[1]!.group_id).toBe(kato[0]!.group_id);
    expect(kato.map((v) => [v!.adults, v!.method])).toEqual([[3, 'manual'], [3, 'manual']]);

    // Both are in now: none is ticked at first, and ticking one again is refused, said in the dialog.
    await page.getByRole('button', { name: '家族で来館' }).click();
    await dialog.getByLabel('検索（氏名・ふりがな）').fill('加藤');
    await dialog.getByRole('button', { name: '検索' }).click();
    const again = children.getByRole('checkbox', { name: `${sota.name}（在館中）` });
    await again.waitFor();
    expect(await again.isChecked()).toBe(false);
    expect(await dialog.getByRole('button', { name: '来館を記録する' }).isDisabled()).toBe(true);
    await again.check();
    await dialog.getByRole('button', { name: '来館を記録する' }).click();
    await expect.poll(() => dialog.textContent()).toContain('すでに入館しています。');
    expect(await dialog.textContent()).not.toMatch(/already|conflict/);
    await dialog.getByRole('button', { name: 'キャンセル' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect((await roomVisits()).filter((v) => v.child.id === sota.id)).toHaveLength(1);
    await page.context().close();
  });

  test('the day\'s statistics count each family visit once, with its children and adults', async () => {
    // 山本家 with 2 adults (はると), 山本家 with 1 (はると, めい), 松本家 with 3 (ゆう, あおい),
    // 加藤家 with 3 (そうた, ひな).
    const want = { visits: 4, children: 7, adults: 9, families: 3 };
    const stats = await room.staff.visitStats({ facility_id: room.facility.id, from: PINNED_DAY, to: PINNED_DAY, group_by: 'day' });
    const day = stats.items.find((i) => i.key === PINNED_DAY);
    expect(day).toMatchObject(want);
    expect(stats.total).toMatchObject(want);
  });
});

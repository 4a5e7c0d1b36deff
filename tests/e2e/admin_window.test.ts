// The staff's window details in the admin app (issue 14), on a pinned server clock
// (2027-06-10 15:00 Tokyo): pairing a kiosk shows a QR code of the pairing link (drawn by
// zxing-wasm's writer, its .wasm from our own server; read back here by Debian's zbarimg)
// and copies the link (or selects it when the clipboard is refused); the kiosks' staff
// PIN is set, changed and removed on the facility page, never shown; a guardian's
// furigana and phone are saved and shown (the phone a tel: link); a child's care texts
// load on demand on the family page and mark the child on the roster, whose marker opens
// them; the roster's 修正 dialog changes a pick-up to その他 with a name and to ひとりで帰る
// for a child allowed to, and the manual departure's dialog offers both too. axe-core
// checks every state shown.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { allVisits, kioskApi, newSite, startCheckinServer, type Site } from '../support/checkin';
import type { TestApi } from '../support/server';
import { kLive, member, rowOf, shownQr, type Member } from './admin_support';
import { expectAccessible } from './axe';
import { signInAt, startBrowser, type TestBrowser, type TestServer } from './harness';

describe('admin app: the window details (pairing QR, staff PIN, guardians, care texts, pick-ups)', () => {
  let server: TestServer;
  let admin: TestApi;
  let site: Site;
  let haru: Member; // care texts; not allowed to go home alone
  let sora: Member; // allowed to go home alone by the guardian
  let riku: Member; // departs by hand on the roster
  let b: TestBrowser;
  const requests: string[] = [];

  const roster = () => `${server.url}/admin/roster?facility_id=${encodeURIComponent(site.facility.id)}`;
  const stamp = (m: Member, direction: 'in' | 'out', pickup_by?: string) =>
    site.staff.stamp({ facility_id: site.facility.id, client_id: crypto.randomUUID(), child_id: m.child.id, direction, ...(pickup_by ? { pickup_by } : {}) });
  const lastVisit = async (m: Member) => (await allVisits(site.staff, { child_id: m.child.id }))[0];

  beforeAll(async () => {
    server = await startCheckinServer();
    admin = await server.login();
    site = await newSite(server, admin, { name: 'ひまわり児童クラブ', duplicate_window_seconds: 0 });
    haru = await member(server, site, '佐藤家', '佐藤 恵', '佐藤 はる', 'さとう はる');
    sora = await member(server, site, '鈴木家', '鈴木 舞', '鈴木 そら', 'すずき そら');
    riku = await member(server, site, '田中家', '田中 綾', '田中 りく', 'たなか りく');
    await sora.guardian.updateChild(sora.child.id, { may_leave_alone: true });

    b = await startBrowser();
    await b.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    b.page.on('request', (r) => requests.push(r.url()));
    await signInAt(b.page, server, `/admin/facilities/${site.facility.id}`);
  });
  afterAll(async () => {
    await b?.close();
    await server?.close();
  });

  test('pairing: the QR code shown reads as the pairing link, which the copy button copies', async () => {
    const { page } = b;
    const section = page.getByRole('region', { name: '受付端末' });
    const form = section.getByRole('form', { name: '端末を登録' });
    await form.getByLabel('端末名').fill('玄関のタブレット');
    await form.getByRole('button', { name: '端末を登録' }).click();
    const panel = section.locator('.secret');
    await panel.waitFor();
    const link = (await panel.locator('a.kiosk-link').getAttribute('href')) ?? '';
    const token = (await panel.locator('code.kiosk-token').textContent()) ?? '';
    expect(link).toBe(`${server.url}/kiosk/#token=${encodeURIComponent(token)}`);

    const qr = panel.getByRole('img', { name: '「玄関のタブレット」の端末用リンクのQRコード' });
    expect(await shownQr(qr)).toBe(link);
    expect((await kioskApi(server, token).kioskMe()).kiosk.name).toBe('玄関のタブレット');
    // The writer's .wasm came from this server, and nothing from anywhere else.
    expect(requests.filter((u) => u.endsWith('.wasm')).length).toBeGreaterThan(0);
    expect(requests.filter((u) => !u.startsWith(server.url) && !u.startsWith('data:'))).toEqual([]);

    await panel.getByRole('button', { name: 'リンクをコピー' }).click();
    await panel.getByRole('status').filter({ hasText: 'コピーしました' }).waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
    await expectAccessible(page);

    // A refused clipboard: the link is selected for copying by hand instead.
    await page.evaluate(() => {
      Object.defineProperty(navigator.clipboard, 'writeText', {
        configurable: true, value: () => Promise.reject(new DOMException('refused', 'NotAllowedError')),
      });
    });
    await panel.getByRole('button', { name: 'リンクをコピー' }).click();
    await panel.getByRole('status').filter({ hasText: 'コピーできませんでした' }).waitFor();
    expect(await page.evaluate(() => window.getSelection()?.toString())).toBe(link);

    await panel.getByRole('button', { name: /閉じる/ }).click();
    await panel.waitFor({ state: 'detached' });
    expect(await page.locator('main').textContent()).not.toContain(token);
  });

  test('the staff PIN: a bad one is refused, then set, changed and removed; it is never shown', async () => {
    const { page } = b;
    const section = page.getByRole('region', { name: '職員メニューの暗証番号' });
    expect(await section.textContent()).toContain('カードを忘れた子の名前での受付');
    await expect.poll(() => section.textContent()).toContain('暗証番号：未設定');
    const input = section.getByLabel('新しい暗証番号');
    expect(await input.getAttribute('type')).toBe('password');
    expect(await input.getAttribute('inputmode')).toBe('numeric');

    await input.fill('12');
    await section.getByRole('button', { name: '暗証番号を設定' }).click();
    await expect.poll(() => section.textContent()).toContain('4〜8桁の数字にしてください');
    expect(await input.getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page);
    expect((await admin.getFacility(site.facility.id)).kiosk_pin_set).toBe(false);

    await input.fill('2468');
    await section.getByRole('button', { name: '暗証番号を設定' }).click();
    await section.getByRole('status').filter({ hasText: '暗証番号を設定しました' }).waitFor();
    await expect.poll(() => section.textContent()).toContain('暗証番号：設定済み');
    expect(await input.inputValue()).toBe('');
    expect(await page.locator('main').textContent()).not.toContain('2468');
    expect((await admin.getFacility(site.facility.id)).kiosk_pin_set).toBe(true);
    expect((await site.kiosk.unlockKiosk('2468')).unlocked_until).toEqual(expect.any(String));
    await site.kiosk.lockKiosk();
    await expectAccessible(page);

    await input.fill('13579');
    await section.getByRole('button', { name: '暗証番号を変更' }).click();
    await section.getByRole('status').filter({ hasText: '暗証番号を設定しました' }).waitFor();
    expect((await site.kiosk.unlockKiosk('13579')).unlocked_until).toEqual(expect.any(String));
    await site.kiosk.lockKiosk();

    page.once('dialog', (dialog) => void dialog.accept());
    await section.getByRole('button', { name: '暗証番号を削除' }).click();
    await section.getByRole('status').filter({ hasText: '暗証番号を削除しました' }).waitFor();
    await expect.poll(() => section.textContent()).toContain('暗証番号：未設定');
    expect((await admin.getFacility(site.facility.id)).kiosk_pin_set).toBe(false);
    expect(await section.getByRole('button', { name: '暗証番号を削除' }).count()).toBe(0);
  });

  test("guardians: furigana and phone are saved and shown, the phone as a tel: link", async () => {
    const { page } = b;
    await page.goto(`${server.url}/admin/families/${haru.family.id}`);
    await page.getByRole('heading', { name: /世帯：佐藤家/ }).waitFor();
    const guardians = page.getByRole('region', { name: '保護者' });
    await guardians.getByRole('button', { name: '編集: 佐藤 恵' }).click();
    const edit = page.getByRole('form', { name: '編集: 佐藤 恵' });
    await edit.getByLabel('ふりがな').fill('さとう めぐみ');
    await edit.getByLabel('携帯電話').fill('090-1111-2222');
    await edit.getByRole('button', { name: '保存' }).click();
    await edit.waitFor({ state: 'detached' });
    const row = guardians.getByRole('row', { name: /佐藤 恵/ });
    await expect.poll(() => row.textContent()).toContain('さとう めぐみ');
    expect(await row.getByRole('link', { name: '090-1111-2222' }).getAttribute('href')).toBe('tel:090-1111-2222');

    await guardians.getByRole('button', { name: '保護者を招待' }).click();
    const invite = page.getByRole('form', { name: '保護者を招待' });
    await invite.getByLabel('氏名').fill('佐藤 健');
    await invite.getByLabel('ふりがな').fill('さとう けん');
    await invite.getByLabel('続柄').fill('父');
    await invite.getByLabel('携帯電話').fill('080-3333-4444');
    await invite.getByRole('button', { name: '保護者を招待' }).click();
    const panel = page.locator('section.credentials');
    await panel.waitFor();
    await panel.getByRole('button', { name: /伝えました/ }).click();
    const ken = guardians.getByRole('row', { name: /佐藤 健/ });
    await expect.poll(() => ken.textContent()).toContain('さとう けん');
    expect(await ken.getByRole('link', { name: '080-3333-4444' }).getAttribute('href')).toBe('tel:080-3333-4444');

    const family = await site.staff.getFamily(haru.family.id);
    const by_name = Object.fromEntries(family.guardians.map((g) => [g.name, [g.name_kana, g.phone]]));
    expect(by_name).toEqual({ '佐藤 恵': ['さとう めぐみ', '090-1111-2222'], '佐藤 健': ['さとう けん', '080-3333-4444'] });
    await expectAccessible(page);
  });

  test('care texts: shown on demand and saved on the family page; going home alone changed by staff', async () => {
    const { page } = b;
    const card = page.getByRole('region', { name: '佐藤 はる：アレルギー・医療・メモ' });
    expect(await card.textContent()).toContain('ひとりで帰る（保護者の許可）：許可なし');
    expect(await card.textContent()).toContain('表示すると記録されます');
    expect(await card.getByLabel('アレルギー', { exact: true }).count()).toBe(0); // nothing read before 表示

    await card.getByRole('button', { name: '佐藤 はる のアレルギー・医療・メモを表示' }).click();
    await card.getByLabel('アレルギー', { exact: true }).fill('そば・落花生（エピペンあり）');
    await card.getByLabel('職員のメモ', { exact: true }).fill('迎えは祖母が多い');
    await card.getByRole('button', { name: '保存' }).click();
    await card.getByRole('status').filter({ hasText: '保存しました' }).waitFor();
    const care = await site.staff.getChildCare(haru.child.id);
    expect([care.allergy, care.medical, care.notes]).toEqual(['そば・落花生（エピペンあり）', null, '迎えは祖母が多い']);
    await expect.poll(() => card.textContent()).toContain('最終更新：');
    await expectAccessible(page);

    await card.getByRole('button', { name: '佐藤 はる のひとりで帰るを許可ありにする' }).click();
    await expect.poll(() => card.textContent()).toContain('ひとりで帰る（保護者の許可）：許可あり');
    expect((await site.staff.getChild(haru.child.id)).may_leave_alone).toBe(true);
    await card.getByRole('button', { name: '佐藤 はる のひとりで帰るを許可なしにする' }).click();
    await expect.poll(() => card.textContent()).toContain('ひとりで帰る（保護者の許可）：許可なし');
    expect((await site.staff.getChild(haru.child.id)).may_leave_alone).toBe(false);
  });

  test('the roster marks the child with care texts; the marker opens them', async () => {
    const { page } = b;
    await page.goto(roster());
    const row = rowOf(page, '佐藤 はる');
    const marker = row.getByRole('button', { name: /アレルギー.*メモ.*佐藤 はる の内容を表示/ });
    await marker.waitFor();
    expect(await marker.textContent()).toContain('⚠アレルギー');
    expect(await marker.textContent()).not.toContain('医療');
    expect(await rowOf(page, '鈴木 そら').getByRole('button', { name: /の内容を表示/ }).count()).toBe(0);
    await expectAccessible(page);

    await marker.click();
    const dialog = page.getByRole('dialog', { name: '佐藤 はる：アレルギー・医療・メモ' });
    await expect.poll(() => dialog.textContent()).toContain('そば・落花生（エピペンあり）');
    expect(await dialog.textContent()).toContain('迎えは祖母が多い');
    expect(await dialog.textContent()).toContain('表示すると記録されます');
    await expectAccessible(page);
    await dialog.getByRole('button', { name: '閉じる' }).last().click();
    await dialog.waitFor({ state: 'detached' });
  });

  test('修正: a pick-up becomes その他 with a name, and ひとりで帰る for a child allowed to', async () => {
    const { page } = b;
    await stamp(haru, 'in');
    await stamp(haru, 'out', '母 佐藤 恵');
    await stamp(sora, 'in');
    await stamp(sora, 'out', '母 鈴木 舞');
    const haru_row = rowOf(page, '佐藤 はる');
    await expect.poll(() => haru_row.textContent(), kLive).toContain('母 佐藤 恵');
    const before = await lastVisit(haru);

    await haru_row.getByRole('button', { name: '佐藤 はる の記録を修正' }).click();
    let dialog = page.getByRole('dialog', { name: '佐藤 はる の入退館の修正' });
    const pickup = dialog.getByRole('group', { name: 'お迎え' });
    await pickup.waitFor();
    expect(await pickup.getByLabel('母 佐藤 恵').isChecked()).toBe(true);
    expect(await pickup.getByLabel('父 佐藤 健').count()).toBe(1); // the guardian invited above
    expect(await pickup.getByLabel('ひとりで帰る').count()).toBe(0); // not allowed
    await pickup.getByLabel('その他').check();
    await dialog.getByRole('button', { name: '修正する' }).click();
    await dialog.getByRole('alert').filter({ hasText: 'お迎えの方の名前を入力してください' }).waitFor();
    await expectAccessible(page);
    await dialog.getByLabel('その他の方の名前').fill('祖母 佐藤 和子');
    await dialog.getByRole('button', { name: '修正する' }).click(); // no reason: only the pick-up changed
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => haru_row.textContent(), kLive).toContain('祖母 佐藤 和子');
    const fixed = await lastVisit(haru);
    expect({ id: fixed.id, pickup_by: fixed.pickup_by, left_alone: fixed.left_alone, in_at: fixed.in_at, out_at: fixed.out_at })
      .toEqual({ id: before.id, pickup_by: '祖母 佐藤 和子', left_alone: false, in_at: before.in_at, out_at: before.out_at });

    const sora_row = rowOf(page, '鈴木 そら');
    await sora_row.getByRole('button', { name: '鈴木 そら の記録を修正' }).click();
    dialog = page.getByRole('dialog', { name: '鈴木 そら の入退館の修正' });
    await dialog.getByRole('group', { name: 'お迎え' }).getByLabel('ひとりで帰る').check();
    await dialog.getByRole('button', { name: '修正する' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => sora_row.textContent(), kLive).toContain('ひとりで帰宅');
    const alone = await lastVisit(sora);
    expect([alone.left_alone, alone.pickup_by]).toEqual([true, null]);
  });

  test('a departure by hand: その他 with a name, or ひとりで帰る when the guardians allow it', async () => {
    const { page } = b;
    const riku_row = rowOf(page, '田中 りく');
    await riku_row.getByRole('button', { name: '田中 りく の入館を記録' }).click();
    await expect.poll(() => riku_row.textContent(), kLive).toContain('在館中');
    await riku_row.getByRole('button', { name: '田中 りく の退館を記録' }).click();
    let dialog = page.getByRole('dialog', { name: '田中 りく のお迎え' });
    await dialog.getByRole('button', { name: '母 田中 綾' }).waitFor();
    expect(await dialog.getByRole('button', { name: 'ひとりで帰る' }).count()).toBe(0);
    await expectAccessible(page);
    await dialog.getByLabel('その他の方の名前').fill('おじ 田中 誠');
    await dialog.getByRole('button', { name: 'この名前で記録' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => riku_row.textContent(), kLive).toContain('おじ 田中 誠');
    expect((await lastVisit(riku)).pickup_by).toBe('おじ 田中 誠');

    const sora_row = rowOf(page, '鈴木 そら');
    await sora_row.getByRole('button', { name: '鈴木 そら の入館を記録' }).click();
    await expect.poll(() => sora_row.textContent(), kLive).toContain('在館中');
    await sora_row.getByRole('button', { name: '鈴木 そら の退館を記録' }).click();
    dialog = page.getByRole('dialog', { name: '鈴木 そら のお迎え' });
    await dialog.getByRole('button', { name: 'ひとりで帰る' }).click();
    await dialog.waitFor({ state: 'detached' });
    const visit = await lastVisit(sora);
    expect([visit.left_alone, visit.pickup_by]).toEqual([true, null]);
    await expect.poll(() => sora_row.textContent(), kLive).toContain('ひとりで帰宅');
  });
});

// A guardian's first day with the parents' app on a phone: signs in with the initial
// password from the window, must choose a new one, sees each child's card (age, grade,
// facilities), follows today's status live while staff stamp (arrived, left with the
// pick-up person) without reloading, shows the QR code full-screen (a screenshot that
// zbarimg decodes to the child's current credential; the family's code for the drop-in
// room), opens the printable card, reads the month's visits, and stays signed in.
// Server clock pinned (a Thursday afternoon in Tokyo).
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { MyChild, NewFamily } from '../../web/src/shared/types';
import { clockTime } from '../../web/src/shared/ui/time';
import { clientId, decodeQr, newSite, startCheckinServer, type Site } from '../support/checkin';
import { signIn as apiSignIn } from '../support/fixtures';
import type { TestApi, TestServer } from '../support/server';
import { changePassword, registerFamily, signInApp, startPhone, type Phone } from './app_support';

describe('parents app: children, live status, QR and history', () => {
  let server: TestServer;
  let phone: Phone;
  let site: Site;
  let admin: TestApi;
  let family: NewFamily;
  let other: NewFamily;
  const password = 'my-own-pass-2027';

  beforeAll(async () => {
    server = await startCheckinServer();
    admin = await server.login();
    site = await newSite(server, admin, { duplicate_window_seconds: 0 });
    const room = await admin.createFacility({ name: 'こどもルームさくら', kind: 'drop_in', opens_at: '00:00', closes_at: '23:59' });
    family = await registerFamily(admin, [site.facility.id, room.id], {
      name: '山田家',
      guardians: [{ name: '山田 花子', relation: '母' }, { name: '山田 和子', relation: '祖母' }],
      children: [
        { name: '山田 ひかり', name_kana: 'やまだ ひかり', birth_date: '2019-05-02' },
        { name: '山田 そら', name_kana: 'やまだ そら', birth_date: '2021-12-20' },
      ],
    });
    // Another family at the same facility: never shown to this one.
    other = await registerFamily(admin, [site.facility.id], { name: '鈴木家', children: [{ name: '鈴木 いちろう', birth_date: '2018-04-10' }] });
    phone = await startPhone();
  });
  afterAll(async () => {
    await phone?.close();
    await server?.close();
  });

  const card = (name: string) => phone.page.getByRole('article', { name });

  test('signs in with the initial password and must change it before anything else', async () => {
    const { page } = phone;
    const g = family.guardians[0];
    await signInApp(page, server, g.login, 'not-the-password');
    await page.getByRole('alert').filter({ hasText: 'ログインIDまたはパスワードが正しくありません' }).waitFor();
    await page.getByLabel('パスワード').fill(g.initial_password);
    await page.getByRole('button', { name: 'ログイン' }).click();
    await page.getByRole('heading', { name: 'パスワードの変更' }).waitFor();
    expect(await page.getByRole('navigation').count()).toBe(0);
    await page.goto(`${server.url}/app/plans`);
    await page.getByRole('heading', { name: 'パスワードの変更' }).waitFor();

    await changePassword(page, g.initial_password, password);
    // Then the page asked for, with the tab bar.
    await page.getByRole('heading', { name: /さんの出欠予定$/, level: 1 }).waitFor();
    await page.getByRole('navigation').getByRole('link', { name: 'ホーム' }).click();
    await page.getByRole('heading', { name: 'こども', level: 1 }).waitFor();
    // The new password is the one that works now.
    await expect(server.api().login(g.login, g.initial_password)).rejects.toMatchObject({ status: 401 });
    await server.api().login(g.login, password);
  });

  test('shows a card per own child with age, grade and facilities, and no other family', async () => {
    const { page } = phone;
    const guardian = (await apiSignIn(server, family.guardians[0].login, password)).api;
    const mine: MyChild[] = await guardian.myChildren();
    expect(mine.map((c) => c.child.name).sort()).toEqual(['山田 そら', '山田 ひかり']);
    for (const item of mine) {
      const c = card(item.child.name);
      await c.waitFor();
      const text = (await c.textContent()) ?? '';
      expect(text).toContain(`${item.child.age.years}歳${item.child.age.months}か月`);
      expect(text).toContain(item.child.grade);
      expect(text).toContain(site.facility.name);
      expect(text).toContain('今日の予定はありません');
    }
    expect(await page.getByRole('article').count()).toBe(2);
    expect(await page.getByText('鈴木').count()).toBe(0);
    // Asking for the other family's child shows one's own; its code and card stay closed.
    const stranger = other.children[0].id;
    await page.goto(`${server.url}/app/qr?child=${stranger}`);
    await page.getByRole('heading', { name: /^山田 .+ さんのQRコード$/ }).waitFor();
    for (const path of [`/api/v1/children/${stranger}/qr.svg`, `/api/v1/children/${stranger}/card.pdf`, `/api/v1/families/${other.id}/qr.svg`]) {
      expect((await page.request.get(server.url + path)).status(), path).toBe(404);
    }
    await page.goto(`${server.url}/app/`);
    await card(mine[0].child.name).waitFor();
  });

  test('today\'s status follows the stamps live, with the pick-up person', async () => {
    const { page } = phone;
    const hikari = family.children.find((c) => c.name === '山田 ひかり')!;
    const url_before = page.url();
    const arrived = await site.staff.stamp({ facility_id: site.facility.id, client_id: clientId(), child_id: hikari.id, direction: 'in' });
    const in_at = 'visit' in arrived ? arrived.visit.in_at : '';
    const status = card('山田 ひかり').getByRole('status');
    await expect.poll(() => status.textContent(), { timeout: 45_000 })
      .toContain(`${clockTime(in_at)} に${site.facility.name}に到着しました`);

    const left = await site.staff.stamp({
      facility_id: site.facility.id, client_id: clientId(), child_id: hikari.id, direction: 'out', pickup_by: '祖母 山田 和子',
    });
    const out_at = 'visit' in left ? left.visit.out_at : '';
    await expect.poll(() => status.textContent(), { timeout: 45_000 })
      .toContain(`${clockTime(in_at)} に到着、${clockTime(out_at)} に帰りました`);
    expect(await status.textContent()).toContain('お迎え：祖母 山田 和子');
    expect(page.url()).toBe(url_before);
    // A child who came is not reported absent any more; the other child is untouched.
    expect(await card('山田 ひかり').getByRole('button', { name: '今日お休みします' }).count()).toBe(0);
    expect(await card('山田 そら').getByRole('status').textContent()).toContain('今日の予定はありません');
    expect(await card('山田 そら').getByRole('button', { name: '今日お休みします' }).count()).toBe(1);
  });

  test('the QR code shows full-screen and a screenshot of it decodes to the current credential', async () => {
    const { page } = phone;
    const hikari = family.children.find((c) => c.name === '山田 ひかり')!;
    await card('山田 ひかり').getByRole('link', { name: 'QRコードを表示' }).click();
    await page.getByRole('heading', { name: '山田 ひかり さんのQRコード' }).waitFor();
    const image = page.getByRole('img', { name: '山田 ひかり のQRコード' });
    await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    // Full-screen: the image takes most of the phone's width.
    const box = (await image.boundingBox())!;
    expect(box.width).toBeGreaterThan(390 * 0.6);
    const credential = await site.staff.childCredential(hikari.id);
    expect(await decodeQr(await page.screenshot())).toBe(credential.text);

    // A reissued card: the app shows the new code.
    const fresh = await site.staff.reissueChildCredential(hikari.id);
    await page.reload();
    await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    expect(await decodeQr(await page.screenshot())).toBe(fresh.text);
  });

  test('the family code for the drop-in room', async () => {
    const { page } = phone;
    await page.getByRole('link', { name: '世帯のQRコード（こどもルーム用）' }).click();
    await page.getByRole('heading', { name: '山田 ひかり さんの世帯のQRコード' }).waitFor();
    const image = page.getByRole('img', { name: '世帯 のQRコード' });
    await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    const credential = await admin.familyCredential(family.id);
    expect(await decodeQr(await page.screenshot())).toBe(credential.text);
    await page.getByRole('link', { name: '閉じる' }).click();
    await page.getByRole('heading', { name: 'こども', level: 1 }).waitFor();
  });

  test('the printable card opens as a PDF of the child', async () => {
    const { page } = phone;
    const link = card('山田 ひかり').getByRole('link', { name: '山田 ひかり のカード（PDF）' });
    const href = (await link.getAttribute('href'))!;
    const hikari = family.children.find((c) => c.name === '山田 ひかり')!;
    expect(href).toBe(`/api/v1/children/${hikari.id}/card.pdf`);
    const res = await page.request.get(server.url + href);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toContain('application/pdf');
    expect((await res.body()).subarray(0, 5).toString()).toBe('%PDF-');
  });

  test('the visit history lists the month\'s visits', async () => {
    const { page } = phone;
    await card('山田 ひかり').getByRole('link', { name: '入退館の記録' }).click();
    await page.getByRole('heading', { name: '山田 ひかり さんの入退館の記録' }).waitFor();
    await page.getByRole('heading', { name: '2027年6月' }).waitFor();
    const hikari = family.children.find((c) => c.name === '山田 ひかり')!;
    const [visit] = (await site.staff.listVisits({ child_id: hikari.id })).items;
    const row = page.getByRole('row', { name: /6月10日（木）/ });
    await row.waitFor();
    const cells = await row.getByRole('cell').allTextContents();
    expect(cells).toEqual([clockTime(visit.in_at), clockTime(visit.out_at), site.facility.name, '祖母 山田 和子']);

    await page.getByRole('link', { name: '前の月（2027年5月）' }).click();
    await page.getByRole('heading', { name: '2027年5月' }).waitFor();
    await page.getByText('この月の記録はありません。').waitFor();

    await page.getByLabel('こども').selectOption({ label: '山田 そら' });
    await page.getByRole('heading', { name: '山田 そら さんの入退館の記録' }).waitFor();
    expect(new URL(page.url()).searchParams.get('month')).toBe('2027-05');
  });

  test('stays signed in: a new tab opens on the children, the cookie lasts weeks', async () => {
    const { context, page } = phone;
    const second = await context.newPage();
    await second.goto(`${server.url}/app/`);
    await second.getByRole('article', { name: '山田 ひかり' }).waitFor();
    await second.close();
    const session = (await context.cookies(server.url)).find((c) => c.name === 'tadaima_session')!;
    expect(session.httpOnly).toBe(true);
    expect(session.expires * 1000 - Date.now()).toBeGreaterThan(25 * 24 * 3600 * 1000);

    await page.goto(`${server.url}/app/settings`);
    await page.getByRole('button', { name: 'ログアウト' }).click();
    await page.getByRole('heading', { name: 'ログイン' }).waitFor();
    await page.goto(`${server.url}/app/`);
    await page.getByRole('heading', { name: 'ログイン' }).waitFor();
  });
});

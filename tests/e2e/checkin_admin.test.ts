// Check-in in the admin app: pairing a kiosk on the facility page (the token shown once,
// with its /kiosk/#token= link; revoking it stops it at once), the roster's manual
// arrival and departure with the pick-up person, a correction that needs a reason, the
// visits list with its filters and CSV, and the QR card links of a family.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { allVisits, enrolledFamily, kioskApi, newSite, type Site } from '../support/checkin';
import { expectApiError } from '../support/expect';
import type { Child, NewFamily } from '../../web/src/shared/types';
import { expectAccessible } from './axe';
import { signInAt, startBrowser, startServer, type TestBrowser, type TestServer } from './harness';

describe('admin app: kiosks, roster, visits and cards', () => {
  let server: TestServer;
  let site: Site;
  let family: NewFamily;
  let child: Child;
  let b: TestBrowser;
  let token = '';

  beforeAll(async () => {
    server = await startServer();
    const admin = await server.login();
    // No duplicate window: the tests stamp the same child in and out within seconds.
    site = await newSite(server, admin, { name: 'みどり児童クラブ', kind: 'after_school', duplicate_window_seconds: 0 });
    ({ family, child } = await enrolledFamily(server, site.staff, [site.facility.id], {
      name: '小林家',
      guardians: [{ name: '小林 陽子', relation: '母' }],
      children: [{ name: '小林 みどり', name_kana: 'こばやし みどり', birth_date: '2016-10-10' }],
    }));
    b = await startBrowser();
    await signInAt(b.page, server, `/admin/facilities/${site.facility.id}`);
  });
  afterAll(async () => {
    await b?.close();
    await server?.close();
  });

  test('pairs a kiosk on the facility page: the token is shown once, with the kiosk link', async () => {
    const { page } = b;
    const section = page.getByRole('region', { name: '受付端末' });
    await section.getByRole('row', { name: /受付タブレット/ }).waitFor(); // the one newSite paired
    const form = section.getByRole('form', { name: '端末を登録' });
    await form.getByLabel('端末名').fill('玄関のタブレット');
    await form.getByRole('button', { name: '端末を登録' }).click();
    const panel = section.locator('.secret');
    await panel.waitFor();
    expect(await panel.textContent()).toContain('二度と表示されません');
    token = (await panel.locator('code.kiosk-token').textContent()) ?? '';
    expect(token.length).toBeGreaterThan(16);
    expect(await panel.locator('a.kiosk-link').getAttribute('href')).toBe(`${server.url}/kiosk/#token=${encodeURIComponent(token)}`);
    const me = await kioskApi(server, token).kioskMe();
    expect(me.facility.id).toBe(site.facility.id);
    expect(me.kiosk.name).toBe('玄関のタブレット');
    await expectAccessible(page);

    await panel.getByRole('button', { name: /閉じる/ }).click();
    expect(await page.locator('main').textContent()).not.toContain(token);
    await page.reload();
    const row = page.getByRole('region', { name: '受付端末' }).getByRole('row', { name: /玄関のタブレット/ });
    await row.waitFor();
    expect(await page.locator('main').textContent()).not.toContain(token);
  });

  test('revokes the kiosk: its token stops working at once', async () => {
    const { page } = b;
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: '取り消し：玄関のタブレット' }).click();
    await page.getByRole('row', { name: /玄関のタブレット/ }).waitFor({ state: 'detached' });
    await expectApiError(kioskApi(server, token).kioskMe(), 401);
    // The other kiosk still works.
    expect((await site.kiosk.kioskMe()).facility.id).toBe(site.facility.id);
  });

  test('the facility page links the roster and the sheet of cards', async () => {
    const { page } = b;
    expect(await page.getByRole('link', { name: 'カードを一括印刷（PDF）' }).getAttribute('href'))
      .toBe(`/api/v1/facilities/${site.facility.id}/cards.pdf`);
    await page.getByRole('link', { name: '名簿', exact: true }).first().click();
    await page.getByRole('heading', { name: '名簿：みどり児童クラブ' }).waitFor();
  });

  test('roster: a manual arrival, then a departure with the pick-up person', async () => {
    const { page } = b;
    const row = page.getByRole('row', { name: /小林 みどり/ });
    await expect.poll(() => row.textContent()).toContain('予定なし');
    await expectAccessible(page);
    await row.getByRole('button', { name: '小林 みどり の入館を記録' }).click();
    await page.getByRole('status').filter({ hasText: '小林 みどり の入館を記録しました' }).waitFor();
    await expect.poll(() => row.textContent()).toContain('在館中');
    expect(await row.textContent()).toMatch(/\d{2}:\d{2}/);

    await row.getByRole('button', { name: '小林 みどり の退館を記録' }).click();
    const dialog = page.getByRole('dialog', { name: '小林 みどり のお迎え' });
    await dialog.getByRole('button', { name: '母 小林 陽子' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => row.textContent()).toContain('帰宅済み');
    await expect.poll(() => row.textContent()).toContain('母 小林 陽子');
    const visits = await allVisits(site.staff, { child_id: child.id });
    expect(visits).toHaveLength(1);
    expect(visits[0].method).toBe('manual');
    expect(visits[0].pickup_by).toBe('母 小林 陽子');
  });

  test('roster: a correction needs a reason and changes the times', async () => {
    const { page } = b;
    const row = page.getByRole('row', { name: /小林 みどり/ });
    await row.getByRole('button', { name: '小林 みどり の記録を修正' }).click();
    const dialog = page.getByRole('dialog', { name: '小林 みどり の入退館の修正' });
    await dialog.getByLabel('入館時刻').fill('00:01');
    await dialog.getByRole('button', { name: '修正する' }).click();
    await dialog.getByRole('alert').filter({ hasText: '修正の理由を入力してください' }).waitFor();
    await expectAccessible(page);
    await dialog.getByLabel('修正の理由').fill('打刻忘れのため保護者に確認');
    await dialog.getByRole('button', { name: '修正する' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => row.textContent()).toContain('00:01');
    const [visit] = await allVisits(site.staff, { child_id: child.id });
    expect(visit.in_at).toMatch(/T00:01:00/);
    expect(visit.needs_review).toBe(false);
  });

  test('the roster refreshes by itself when a kiosk stamps', async () => {
    const { page } = b;
    const row = page.getByRole('row', { name: /小林 みどり/ });
    const credential = (await site.staff.childCredential(child.id)).text;
    await site.kiosk.stamp({ facility_id: site.facility.id, client_id: crypto.randomUUID(), credential, direction: 'in' });
    await expect.poll(() => row.textContent(), { timeout: 15_000 }).toContain('在館中');
  });

  test('visits list: filters and the CSV download', async () => {
    const { page } = b;
    await page.getByRole('navigation').getByRole('link', { name: '入退館記録' }).click();
    await page.getByRole('heading', { name: '入退館記録' }).waitFor();
    const rows = page.getByRole('row', { name: /小林 みどり/ });
    await expect.poll(() => rows.count()).toBe(2);
    await expectAccessible(page);

    const filters = page.getByRole('form', { name: '絞り込み' });
    await filters.getByLabel('施設').selectOption({ label: 'みどり児童クラブ' });
    await filters.getByLabel('要確認のみ').check();
    await filters.getByRole('button', { name: '表示' }).click();
    await expect.poll(() => page.url()).toContain('needs_review=true');
    await page.getByText('0件を表示').waitFor();

    const href = (await page.getByRole('link', { name: 'CSVをダウンロード' }).getAttribute('href'))!;
    expect(href).toContain('format=csv');
    expect(href).toContain(`facility_id=${encodeURIComponent(site.facility.id)}`);
    await page.goBack();
    await expect.poll(() => rows.count()).toBe(2);
    const all_href = (await page.getByRole('link', { name: 'CSVをダウンロード' }).getAttribute('href'))!;
    const csv = await page.request.get(server.url + all_href);
    expect(csv.status()).toBe(200);
    expect(csv.headers()['content-type']).toContain('text/csv');
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await csv.body());
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text.slice(1).split(/\r?\n/)[0]).toBe('日付,施設,児童,入館,退館,お迎え,方法,要確認');
    expect(text).toContain('小林 みどり');
  });

  test('family page: card links and reissuing a card', async () => {
    const { page } = b;
    await page.goto(`${server.url}/admin/families/${family.id}`);
    const cards = page.getByRole('region', { name: 'QRカード' });
    const row = cards.getByRole('row', { name: /小林 みどり/ });
    await expect.poll(() => row.textContent()).toContain('第1版');
    expect(await row.getByRole('link', { name: '小林 みどり のカード（PDF）' }).getAttribute('href'))
      .toBe(`/api/v1/children/${child.id}/card.pdf`);
    expect(await row.getByRole('link', { name: '小林 みどり のQR画像' }).getAttribute('href'))
      .toBe(`/api/v1/children/${child.id}/qr.svg`);
    await cards.getByRole('row', { name: /世帯カード/ }).waitFor();
    await expectAccessible(page);

    const old = (await site.staff.childCredential(child.id)).text;
    page.once('dialog', (dialog) => void dialog.accept());
    await row.getByRole('button', { name: '小林 みどり のカードを再発行' }).click();
    await cards.getByRole('status').filter({ hasText: '第2版' }).waitFor();
    await expect.poll(() => row.textContent()).toContain('第2版');
    expect((await site.staff.childCredential(child.id)).text).not.toBe(old);
  });
});

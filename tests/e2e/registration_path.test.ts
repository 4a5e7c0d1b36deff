// The whole pre-registration path, on a pinned server clock (2027-06-10 15:00 Tokyo): two
// families register through the public API (the form fetched, the clock moved 10 s on,
// then sent); in the admin 事前登録 lists them oldest first, one with the possible duplicate
// 「重複の可能性：山田家（同じこどもと生年月日）」 linking to the family made beforehand; a reject
// needs a reason and shows under 却下 with it; approving (not merging) shows the logins once
// and 「登録案内状を印刷」 saves a PDF whose text has the login and a fresh initial password (the
// one shown stops working) and whose QR code reads as the app's address; printing it again
// from the family page gives another password and the previous one no longer signs in. On a
// phone (390×844) the guardian signs in with the letter's password, chooses their own, opens
// こどもルーム and registers at the drop-in room (承認待ち; the kiosk refuses the family's code
// there with not_enrolled); staff approve it under ルーム登録の承認; the app then says 登録済み,
// the family's QR page shows the code, and the kiosk stamps it: arrived. A letter printed
// after that lists the guardian without a password (their own keeps working). Staff of an
// after-school club only get no 事前登録 in the menu, and the API answers them 403. axe-core
// checks the pages shown.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Facility, NewFamily } from '../../web/src/shared/types';
import { clientId, decodeQr, expectRefusedCode, familyResult, kioskApi, NOT_ENROLLED, pdfText, PINNED_START, squash } from '../support/checkin';
import { expectApiError } from '../support/expect';
import { newStaff } from '../support/fixtures';
import type { TestApi } from '../support/server';
import { kLive, shownQr } from './admin_support';
import { signInFirstTime, startPhone, type Phone } from './app_support';
import { expectAccessible } from './axe';
import { desktopContext, signInAt, startBrowser, startServer, type TestBrowser, type TestServer } from './harness';

const run = promisify(execFile);

/** The characters of the server's initial passwords (base/ids.cpp kReadable), ten of them. */
const kPassword = /^[2-9a-hjkmnp-z]{10}$/;

interface RegistrationForm {
  organization: { id: string; name: string };
  form_token: string;
  min_fill_seconds: number;
  rooms: { id: string; name: string }[];
}

/** The PDF a download of the page saved. */
async function savedPdf(download: Download): Promise<Buffer> {
  const path = await download.path();
  if (!path) throw new Error(`the download ${download.suggestedFilename()} was not saved`);
  return readFileSync(path);
}

/** What zbarimg reads in the first page of a PDF drawn at 200 dpi by pdftoppm. */
async function pdfQr(pdf: Buffer): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'tadaima-letter-'));
  try {
    writeFileSync(join(dir, 'letter.pdf'), pdf);
    await run('pdftoppm', ['-r', '200', '-png', '-f', '1', '-l', '1', join(dir, 'letter.pdf'), join(dir, 'page')], { timeout: 60_000 });
    const png = readdirSync(dir).find((name) => name.endsWith('.png'));
    if (!png) throw new Error('pdftoppm drew no page');
    return decodeQr(readFileSync(join(dir, png)));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The initial password the letter prints after `login` (null when it prints none). */
function passwordAfter(text: string, login: string): string | null {
  const words = text.split(/\s+/).filter(Boolean);
  const at = words.findIndex((w) => w === login || w.endsWith(login));
  expect(at, `the letter names ${login}:\n${text}`).toBeGreaterThanOrEqual(0);
  const next = words.slice(at + 1, at + 6).find((w) => kPassword.test(w));
  return next ?? null;
}

describe('pre-registration → letter → room registration', () => {
  let server: TestServer;
  let admin: TestApi;
  let room: Facility;
  let club: Facility;
  let kiosk: ReturnType<typeof kioskApi>;
  let existing: NewFamily;
  let b: TestBrowser;
  let phone: Phone;
  let room_staff = { login: '', password: '' };
  let club_staff = { login: '', password: '', api: null as TestApi | null };
  let org_id = '';

  // what the path learns as it goes
  let family_id = '';
  let login = '';
  let password = ''; // the letter's latest initial password
  const own_password = 'yamada-taro-2027';

  /** Fetches the public form, moves the clock past min_fill_seconds and sends `body`. */
  const register = async (body: Record<string, unknown>) => {
    const form_res = await fetch(`${server.url}/api/v1/registrations/form?organization_id=${encodeURIComponent(org_id)}`);
    expect(form_res.status).toBe(200);
    const form = (await form_res.json()) as RegistrationForm;
    expect(form.rooms.map((r) => r.name)).toEqual([room.name]);
    await server.advanceClock(10_000);
    const res = await fetch(`${server.url}/api/v1/registrations`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ organization_id: org_id, form_token: form.form_token, website: '', consent: true, ...body }),
    });
    const answer = await res.json();
    expect(res.status, JSON.stringify(answer)).toBe(201);
    expect(answer.registration.status).toBe('pending');
    return answer.registration.id as string;
  };

  const familyCode = async () => {
    const guardian = await server.login({ login, password: own_password });
    return (await guardian.familyCredential(family_id)).text;
  };

  const stampAtRoom = (credential: string) =>
    kiosk.stamp({ facility_id: room.id, client_id: clientId(), credential, direction: 'in' });

  /** Whether `pw` signs `login` in (through the API). */
  const signsIn = async (pw: string) => {
    try {
      await server.api().login(login, pw);
      return true;
    } catch (err) {
      await expectApiError(Promise.reject(err), 401);
      return false;
    }
  };

  /** The 事前登録 list `name` (承認待ち, 承認済み, 却下, ルーム登録の承認) of the admin page. */
  const openView = async (page: Page, name: string) => {
    await page.getByRole('list', { name: '表示する一覧' }).getByRole('link', { name, exact: true }).click();
    await expect.poll(() => page.getByRole('list', { name: '表示する一覧' }).getByRole('link', { name, exact: true })
      .getAttribute('aria-current')).toBe('page');
  };
  const article = (page: Page, name: string) => page.getByRole('article', { name, exact: true });

  beforeAll(async () => {
    server = await startServer({ testClock: PINNED_START });
    admin = await server.login();
    org_id = (await admin.organization()).id;
    room = await admin.createFacility({ name: 'こどもルーム中央', kind: 'drop_in', opens_at: '09:00', closes_at: '17:00' });
    club = await admin.createFacility({ name: 'ひまわり児童クラブ', kind: 'after_school', opens_at: '13:00', closes_at: '19:00' });
    const rs = await newStaff(server, admin, [room.id]);
    room_staff = { login: rs.login, password: rs.password };
    const cs = await newStaff(server, admin, [club.id]);
    club_staff = { login: cs.login, password: cs.password, api: cs.api };
    kiosk = kioskApi(server, (await rs.api.createKiosk(room.id, '受付タブレット')).token);
    // A family staff registered by hand, with the child the first registration names again.
    existing = await admin.createFamily({
      name: '山田家',
      guardians: [{ name: '山田 花子', relation: '母' }],
      children: [{ name: '山田 はると', name_kana: 'やまだ はると', birth_date: '2021-04-10' }],
      facility_ids: [club.id],
    });

    await register({
      family_name: '山田',
      address: '千葉市中央区千葉港1-1',
      phone: '043-111-2222',
      email: 'taro@example.jp',
      guardians: [{ name: '山田 太郎', name_kana: 'やまだ たろう', relation: '父', phone: '090-1111-2222' }],
      // katakana and no space: still the same child
      children: [{ name: '山田はると', name_kana: 'ヤマダ ハルト', birth_date: '2021-04-10' }],
    });
    await register({
      family_name: '佐藤',
      phone: '043-333-4444',
      guardians: [{ name: '佐藤 美咲', name_kana: 'さとう みさき', relation: '母' }],
      children: [{ name: '佐藤 りん', name_kana: 'さとう りん', birth_date: '2022-08-01' }],
    });

    b = await startBrowser();
    phone = await startPhone();
  });
  afterAll(async () => {
    await phone?.close();
    await b?.close();
    await server?.close();
  });

  test('事前登録 lists the registrations oldest first, with the possible duplicate', async () => {
    const { page } = b;
    await signInAt(page, server, '/admin/');
    await page.getByRole('heading', { level: 1, name: '施設一覧' }).waitFor();
    await page.getByRole('navigation').getByRole('link', { name: '事前登録' }).click();
    await page.getByRole('heading', { level: 1, name: '事前登録' }).waitFor();
    const list = page.getByRole('region', { name: '事前登録（承認待ち）' });
    await article(page, '山田').waitFor();
    expect(await list.getByRole('article').evaluateAll((all) => all.map((a) => a.querySelector('h2')?.textContent))).toEqual(['山田', '佐藤']);

    const yamada = article(page, '山田');
    const warning = yamada.locator('.registration-duplicates');
    expect(squash(await warning.innerText())).toBe(squash('重複の可能性：山田家（同じこどもと生年月日）'));
    expect(await warning.getByRole('link', { name: '山田家' }).getAttribute('href')).toBe(`/admin/families/${existing.id}`);
    const text = await yamada.innerText();
    for (const want of ['043-111-2222', '千葉市中央区千葉港1-1', 'taro@example.jp', 'やまだ たろう', '父', '2021年4月10日', '受付：6月10日（木） 15:00']) {
      expect(text, want).toContain(want);
    }
    const guardian = yamada.getByRole('table', { name: '山田の保護者' }).getByRole('row', { name: /山田 太郎/ });
    expect(await guardian.innerText()).toContain('090-1111-2222');
    const child = yamada.getByRole('table', { name: '山田のこども' }).getByRole('row', { name: /山田はると/ });
    expect(await child.innerText()).toMatch(/ヤマダ ハルト[\s\S]*2021年4月10日[\s\S]*\d+歳\d+か月/);
    // 佐藤 has no duplicate.
    expect(await article(page, '佐藤').locator('.registration-duplicates').count()).toBe(0);
    await expectAccessible(page);
  });

  test('a reject needs a reason and shows under 却下 with it', async () => {
    const { page } = b;
    await article(page, '佐藤').getByRole('button', { name: '却下' }).click();
    const dialog = page.getByRole('dialog', { name: '佐藤の事前登録を却下' });
    await dialog.getByRole('button', { name: '却下する' }).click();
    await dialog.getByRole('alert').filter({ hasText: '却下の理由を入力してください。' }).waitFor();
    expect(await dialog.getByLabel('却下の理由').getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page);
    await dialog.getByLabel('却下の理由').fill('同じ世帯から重ねて届いたため');
    await dialog.getByRole('button', { name: '却下する' }).click();
    await page.getByRole('status').filter({ hasText: '佐藤の事前登録を却下しました。' }).waitFor();
    await expect.poll(() => article(page, '佐藤').count()).toBe(0);

    await openView(page, '却下');
    const sato = article(page, '佐藤');
    await sato.waitFor();
    expect(await sato.innerText()).toContain('却下の理由：同じ世帯から重ねて届いたため');
    expect(await sato.getByRole('button').count()).toBe(0);
    await openView(page, '承認待ち');
    await article(page, '山田').waitFor();
  });

  test('approving shows the logins once; the letter has the login, a fresh password and the app\'s QR code', async () => {
    const { page } = b;
    await article(page, '山田').getByRole('button', { name: '承認' }).click();
    // A possible duplicate: asked first, then a new family (not merged).
    const confirm = page.getByRole('dialog', { name: '新しい世帯として承認しますか？' });
    expect(await confirm.innerText()).toContain('山田家');
    await confirm.getByRole('button', { name: '新しい世帯として承認' }).click();

    const panel = page.getByRole('region', { name: '山田のログイン情報（この画面でのみ表示）' });
    await panel.waitFor();
    const row = panel.getByRole('row', { name: /山田 太郎/ });
    login = (await row.locator('code.login').innerText()).trim();
    const shown = (await row.locator('code.initial-password').innerText()).trim();
    expect(login).not.toBe('');
    expect(shown).toMatch(kPassword);
    await page.getByRole('status').filter({ hasText: '山田の事前登録を承認し、世帯を登録しました。' }).waitFor();
    await expect.poll(() => article(page, '山田').count()).toBe(0);
    await expectAccessible(page);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      panel.getByRole('button', { name: '登録案内状を印刷' }).click(),
    ]);
    const pdf = await savedPdf(download);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await panel.getByRole('status').filter({ hasText: 'この画面の初期パスワードは使えなくなりました' }).waitFor();
    expect(await panel.locator('code.initial-password').count()).toBe(0);

    const text = await pdfText(pdf);
    expect(squash(text)).toContain(squash('山田 太郎'));
    const printed = passwordAfter(text, login);
    expect(printed, text).toMatch(kPassword);
    expect(printed).not.toBe(shown);
    expect(await pdfQr(pdf)).toBe(`${server.url}/app/`);
    // The letter's password works, the one shown before it no longer does.
    expect(await signsIn(shown)).toBe(false);
    expect(await signsIn(printed!)).toBe(true);
    password = printed!;

    const family_link = panel.getByRole('link', { name: '世帯を開く' });
    family_id = decodeURIComponent((await family_link.getAttribute('href'))!.split('/').pop()!);
    await openView(page, '承認済み');
    const approved = article(page, '山田');
    await approved.waitFor();
    expect(await approved.getByRole('link', { name: '世帯を開く' }).getAttribute('href')).toBe(`/admin/families/${family_id}`);
    await panel.getByRole('button', { name: '閉じる' }).click();
    await expect.poll(() => panel.count()).toBe(0);
  });

  test('printing the letter again from the family page gives a new password; the previous one stops working', async () => {
    const { page } = b;
    await article(page, '山田').getByRole('link', { name: '世帯を開く' }).click();
    await page.getByRole('heading', { level: 1, name: /山田/ }).waitFor();
    const section = page.getByRole('region', { name: '登録案内状' });
    await section.getByRole('button', { name: '登録案内状を印刷' }).click();
    const dialog = page.getByRole('dialog', { name: '登録案内状を印刷' });
    const said = await dialog.innerText();
    expect(said).toContain('新しい初期パスワードが発行され');
    expect(said).toContain('パスワードなしで載ります');
    await expectAccessible(page);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      dialog.getByRole('button', { name: '新しい初期パスワードで印刷' }).click(),
    ]);
    const again = passwordAfter(await pdfText(await savedPdf(download)), login);
    await section.getByRole('status').filter({ hasText: '登録案内状（PDF）を作成しました' }).waitFor();
    expect(again).toMatch(kPassword);
    expect(again).not.toBe(password);
    expect(await signsIn(password)).toBe(false);
    expect(await signsIn(again!)).toBe(true);
    password = again!;
  });

  test('on a phone the guardian signs in with the letter, registers at the room and waits for approval', async () => {
    const { page } = phone;
    await signInFirstTime(page, server, login, password, own_password);
    await page.getByRole('link', { name: 'こどもルーム' }).click();
    await page.getByRole('heading', { level: 1, name: 'こどもルーム' }).waitFor();
    const card = page.getByRole('article', { name: 'こどもルーム中央' });
    await card.waitFor();
    expect(await page.getByRole('article').count()).toBe(1); // the after-school club is not a room
    expect(await card.innerText()).toContain('開所時間 09:00〜17:00');
    expect(await card.innerText()).toContain('未登録');
    await expectAccessible(page);

    await card.getByRole('button', { name: 'このルームに登録する' }).click();
    await page.getByRole('status').filter({ hasText: 'こどもルーム中央に登録を申し込みました' }).waitFor();
    await card.getByText('承認待ち', { exact: true }).waitFor();
    expect(await card.innerText()).toContain('ルームの職員が承認すると、このルームで家族のQRコードが使えるようになります。');
    expect(await card.getByRole('button', { name: 'このルームに登録する' }).count()).toBe(0);
    await expectAccessible(page);

    // Not yet approved: the room's kiosk refuses the family's code.
    await expectRefusedCode(stampAtRoom(await familyCode()), NOT_ENROLLED);
  });

  test('staff approve the room registration; the app says 登録済み and the kiosk stamps the family\'s code', async () => {
    const { page } = b;
    await page.getByRole('navigation').getByRole('link', { name: '事前登録' }).click();
    await openView(page, 'ルーム登録の承認');
    const row = page.getByRole('table', { name: '承認待ちのルーム登録' }).getByRole('row', { name: /山田/ });
    await row.waitFor();
    expect(await row.innerText()).toContain('こどもルーム中央');
    await expectAccessible(page);
    await row.getByRole('button', { name: '承認' }).click();
    await page.getByRole('status').filter({ hasText: '山田の「こどもルーム中央」の利用を承認しました。' }).waitFor();
    await page.getByText('承認待ちのルーム登録はありません。').waitFor();

    const app = phone.page;
    await app.reload();
    const card = app.getByRole('article', { name: 'こどもルーム中央' });
    await card.getByText('登録済み', { exact: true }).waitFor(kLive);
    await card.getByRole('link', { name: '家族のQRコードを表示' }).click();
    const code = app.getByRole('img', { name: /QRコード/ });
    const shown = await shownQr(code);
    expect(shown).toBe(await familyCode());

    const answer = familyResult(await stampAtRoom(shown));
    expect(answer.results.map((r) => r.result)).toEqual(['arrived']);
  });

  test('a letter printed after the guardian chose a password lists them without one', async () => {
    const pdf = Buffer.from(await (await admin.invitationPdf(family_id)).arrayBuffer());
    const text = await pdfText(pdf);
    expect(passwordAfter(text, login)).toBeNull();
    expect(await signsIn(own_password)).toBe(true);
  });

  test('staff of a drop-in room have 事前登録; staff of an after-school club only do not (403)', async () => {
    // A context of its own (own cookies): the admin's page stays as it is.
    const page = await (await desktopContext(b.browser)).newPage();
    const nav = page.getByRole('navigation');
    await signInAt(page, server, '/admin/', room_staff);
    await page.getByRole('heading', { level: 1, name: '名簿：こどもルーム中央' }).waitFor();
    await nav.getByRole('link', { name: '事前登録' }).click();
    await page.getByRole('heading', { level: 1, name: '事前登録' }).waitFor();
    await page.getByText('承認待ちの事前登録はありません。').waitFor();
    await page.getByRole('button', { name: 'ログアウト' }).click();
    await page.getByLabel('ログインID').waitFor();

    await signInAt(page, server, '/admin/', club_staff);
    await page.getByRole('heading', { level: 1, name: '名簿：ひまわり児童クラブ' }).waitFor();
    await nav.getByRole('link', { name: '世帯' }).waitFor();
    expect(await nav.getByRole('link', { name: '事前登録' }).count()).toBe(0);
    // The page itself, reached by its address, says the server's refusal.
    await page.goto(`${server.url}/admin/registrations`);
    await page.getByRole('heading', { level: 1, name: '事前登録' }).waitFor();
    await page.getByRole('alert').waitFor();
    await expectApiError(club_staff.api!.registrations(), 403);
    await expectApiError(club_staff.api!.registrations('rejected'), 403);
  });
});

// The public pre-registration form (/register/?org=ORG) on a phone (390×844, ja-JP): the
// organization's name and its drop-in rooms (not its after-school club); a family with two
// guardians and two children typed in, sent too soon after the form opened (the server
// refuses, nothing is kept, everything typed stays), then again once the server's test
// clock moved 10 s on → the confirmation page, and staff see the registration with the
// names, furigana and birth dates typed. A server field error (a birth date after the
// server's today) shows next to that child's input; an unknown organization shows a "not
// found" page; the honeypot is off the screen, hidden from screen readers and never
// reached by Tab, and a robot that fills it is answered 201 with nothing kept. A form older
// than a day is renewed (form_expired) and too many sendings from one address (429) ask to
// try later, both keeping what was typed. axe-core on the
// form, the errors and the confirmation page.
// The server runs on a test clock: it stands still, so a form is "too fast" until the
// test moves the clock, never by waiting real time.
import { randomUUID } from 'node:crypto';
import type { Locator, Page, Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { kReasonTexts } from '../../web/src/shared/i18n/reasons';
import type { Registration } from '../../web/src/shared/types';
import { facilityInput } from '../support/fixtures';
import type { TestApi, TestServer } from '../support/server';
import { kPhone, startPhone, type Phone } from './app_support';
import { expectAccessible } from './axe';
import { startServer } from './harness';

describe('public pre-registration form', () => {
  let server: TestServer;
  let admin: TestApi;
  let phone: Phone;
  let org = '';
  const kOrgName = 'テスト市こども課';
  const kRooms = ['こどもルーム ひだまり', 'こどもルーム そよかぜ'];
  const kClub = 'みなみ学童クラブ';

  beforeAll(async () => {
    server = await startServer({ testClock: '2027-06-01T10:00:00+09:00', orgName: kOrgName });
    admin = await server.login();
    org = (await admin.organization()).id;
    for (const name of kRooms) await admin.createFacility(facilityInput({ name, kind: 'drop_in', opens_at: '09:00', closes_at: '17:00' }));
    await admin.createFacility(facilityInput({ name: kClub, kind: 'after_school' }));
    phone = await startPhone();
  });
  afterAll(async () => {
    await phone?.close();
    await server?.close();
  });

  /** The pending registrations as the org admin lists them (signed in afresh: the test clock moves by days). */
  const pending = async (): Promise<Registration[]> => {
    const staff = await server.login();
    const res = await staff.request<{ items: Registration[] }>('GET', '/api/v1/registrations?status=pending');
    expect(res.status).toBe(200);
    return res.body.items;
  };

  const openForm = async (page: Page) => {
    await page.goto(`${server.url}/register/?org=${org}`);
    await page.getByRole('heading', { name: '事前登録', level: 1 }).waitFor();
  };
  const family = (page: Page) => page.getByRole('region', { name: '世帯・連絡先' });
  const guardian = (page: Page, n: number) => page.getByRole('group', { name: `保護者 ${n}`, exact: true });
  const child = (page: Page, n: number) => page.getByRole('group', { name: `こども ${n}`, exact: true });
  /** The input labelled `text` in `scope` (a required one's label ends in " *"). */
  const label = (scope: Locator, text: string) =>
    scope.getByLabel(new RegExp(`^${text.replace(/[()*]/g, '\\$&')}(\\s*\\*)?$`));
  const send = (page: Page) => page.getByRole('button', { name: '送信する' });
  /** The answer of the next POST /api/v1/registrations. */
  const nextPost = (page: Page): Promise<Response> =>
    page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/v1/registrations');

  test('a family registers on a phone: too soon first (nothing kept), then taken; staff see it', async () => {
    const { page } = phone;
    await openForm(page);
    // The organization and the rooms this registration covers (drop-in rooms only).
    await page.getByText(kOrgName, { exact: true }).waitFor();
    const rooms = page.getByRole('region', { name: 'このお申込みで登録できるこどもルーム' });
    expect((await rooms.getByRole('listitem').allTextContents()).sort()).toEqual([...kRooms].sort());
    expect(await page.getByText(kClub).count()).toBe(0);
    // Made for the phone: nothing wider than the screen, a phone keyboard for phones.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(kPhone.width);
    expect(await label(family(page), '電話番号').getAttribute('inputmode')).toBe('tel');
    expect(await label(family(page), '電話番号').getAttribute('type')).toBe('tel');
    expect((await send(page).boundingBox())!.height).toBeGreaterThanOrEqual(44);
    await expectAccessible(page);

    await label(family(page), '世帯（代表者の姓など）').fill('佐藤');
    await label(family(page), '住所').fill('千葉県千葉市中央区1-2-3');
    await label(family(page), '電話番号').fill('090-1234-5678');
    await label(family(page), 'メールアドレス').fill('sato.family@example.jp');

    await page.getByRole('button', { name: '保護者を追加' }).click();
    // The new guardian's name has the focus.
    await expect.poll(() => label(guardian(page, 2), '氏名').evaluate((el) => el === document.activeElement)).toBe(true);
    await label(guardian(page, 1), '氏名').fill('佐藤 美咲');
    await label(guardian(page, 1), 'ふりがな').fill('さとう みさき');
    await label(guardian(page, 1), '続柄').fill('母');
    await label(guardian(page, 1), 'メールアドレス').fill('misaki@example.jp');
    await label(guardian(page, 1), '電話番号').fill('090-1111-2222');
    await label(guardian(page, 2), '氏名').fill('佐藤 大輔');
    await label(guardian(page, 2), 'ふりがな').fill('さとう だいすけ');
    await label(guardian(page, 2), '続柄').fill('父');

    // Three children, then one removed again: two stay, the focus on the add button.
    await page.getByRole('button', { name: 'こどもを追加' }).click();
    await page.getByRole('button', { name: 'こどもを追加' }).click();
    await child(page, 3).waitFor();
    await page.getByRole('button', { name: 'こども 3 を削除' }).click();
    await expect.poll(() => child(page, 3).count()).toBe(0);
    await expect.poll(() => page.getByRole('button', { name: 'こどもを追加' }).evaluate((el) => el === document.activeElement)).toBe(true);
    await label(child(page, 1), '氏名').fill('佐藤 はると');
    await label(child(page, 1), 'ふりがな').fill('さとう はると');
    expect(await label(child(page, 1), '生年月日').getAttribute('type')).toBe('date');
    await label(child(page, 1), '生年月日').fill('2022-04-10');
    await label(child(page, 2), '氏名').fill('佐藤 ゆい');
    await label(child(page, 2), 'ふりがな').fill('さとう ゆい');
    await label(child(page, 2), '生年月日').fill('2024-11-03');
    await page.getByRole('checkbox', { name: '上記の個人情報の取り扱いに同意します' }).check();

    // Sent at once: the server's clock has not moved since the form was fetched.
    let answer = nextPost(page);
    await send(page).click();
    const refused = await answer;
    expect(refused.status()).toBe(400);
    expect((await refused.json()).error.reason).toBe('filled_too_fast');
    await page.getByRole('alert').filter({ hasText: '入力内容をご確認のうえ、もう一度送信してください' }).waitFor();
    expect(await pending()).toEqual([]);
    // Everything typed is still there.
    expect(await label(family(page), '世帯（代表者の姓など）').inputValue()).toBe('佐藤');
    expect(await label(guardian(page, 2), 'ふりがな').inputValue()).toBe('さとう だいすけ');
    expect(await label(child(page, 2), '生年月日').inputValue()).toBe('2024-11-03');
    expect(await page.getByRole('checkbox', { name: '上記の個人情報の取り扱いに同意します' }).isChecked()).toBe(true);
    await expectAccessible(page);

    await server.advanceClock(10_000);
    answer = nextPost(page);
    await send(page).click();
    expect((await answer).status()).toBe(201);
    await page.getByRole('heading', { name: '受付完了', level: 1 }).waitFor();
    const main = page.getByRole('main');
    await main.getByText('sato.family@example.jp').waitFor();
    const text = await main.innerText();
    for (const said of ['職員が、お申込みの内容を確認します', '約10日後', '窓口', 'ログインIDとパスワード', 'ログインします', 'こどもルームごとに', '承認すると']) {
      expect(text).toContain(said);
    }
    await expectAccessible(page);

    const listed = await pending();
    expect(listed).toHaveLength(1);
    const r = listed[0];
    expect(r).toMatchObject({
      status: 'pending', family_name: '佐藤', address: '千葉県千葉市中央区1-2-3', phone: '090-1234-5678', email: 'sato.family@example.jp',
    });
    expect(r.guardians).toEqual([
      { name: '佐藤 美咲', name_kana: 'さとう みさき', relation: '母', email: 'misaki@example.jp', phone: '090-1111-2222' },
      { name: '佐藤 大輔', name_kana: 'さとう だいすけ', relation: '父', email: null, phone: null },
    ]);
    expect(r.children).toEqual([
      { name: '佐藤 はると', name_kana: 'さとう はると', birth_date: '2022-04-10' },
      { name: '佐藤 ゆい', name_kana: 'さとう ゆい', birth_date: '2024-11-03' },
    ]);
  });

  test("the server's field error shows next to that child's input; once fixed it is taken (no e-mail line)", async () => {
    const { page } = phone;
    await openForm(page);
    await label(family(page), '世帯（代表者の姓など）').fill('鈴木');
    await label(family(page), '電話番号').fill('043-123-4567');
    await label(guardian(page, 1), '氏名').fill('鈴木 恵');
    await label(child(page, 1), '氏名').fill('鈴木 そら');
    await label(child(page, 1), '生年月日').fill('2021-08-08');
    await page.getByRole('button', { name: 'こどもを追加' }).click();
    await label(child(page, 2), '氏名').fill('鈴木 うみ');
    await label(child(page, 2), 'ふりがな').fill('すずき うみ');
    // After the server's today (the test clock stands in June 2027).
    await label(child(page, 2), '生年月日').fill('2028-01-15');
    await page.getByRole('checkbox', { name: '上記の個人情報の取り扱いに同意します' }).check();
    await server.advanceClock(10_000);

    let answer = nextPost(page);
    await send(page).click();
    const refused = await answer;
    expect(refused.status()).toBe(400);
    const error = (await refused.json()).error as { field_reasons: Record<string, keyof typeof kReasonTexts> };
    expect(Object.keys(error.field_reasons)).toEqual(['children[1].birth_date']);
    const expected = kReasonTexts[error.field_reasons['children[1].birth_date']].ja;

    const date = label(child(page, 2), '生年月日');
    await expect.poll(() => date.getAttribute('aria-invalid')).toBe('true');
    const described = (await date.getAttribute('aria-describedby'))!.split(' ');
    const said = await Promise.all(described.map((id) => page.locator(`[id="${id}"]`).innerText()));
    expect(said).toContain(expected);
    expect(await child(page, 2).locator('.field-error').innerText()).toBe(expected);
    // Only that input: the first child's date is fine, and the focus went to the bad one.
    expect(await label(child(page, 1), '生年月日').getAttribute('aria-invalid')).toBeNull();
    await expect.poll(() => date.evaluate((el) => el === document.activeElement)).toBe(true);
    await expectAccessible(page);
    expect((await pending()).map((r) => r.family_name)).toEqual(['佐藤']);

    await date.fill('2025-01-15');
    answer = nextPost(page);
    await send(page).click();
    expect((await answer).status()).toBe(201);
    await page.getByRole('heading', { name: '受付完了', level: 1 }).waitFor();
    // No e-mail address was given: no word of an e-mail.
    expect(await page.getByRole('main').innerText()).not.toContain('メール');
    expect((await pending()).map((r) => r.family_name).sort()).toEqual(['佐藤', '鈴木'].sort());
  });

  /** Types a family of one guardian and one child, and agrees. */
  const fillSmall = async (page: Page, name: string) => {
    await label(family(page), '世帯（代表者の姓など）').fill(name);
    await label(family(page), '電話番号').fill('043-222-3333');
    await label(guardian(page, 1), '氏名').fill(`${name} 和子`);
    await label(child(page, 1), '氏名').fill(`${name} りく`);
    await label(child(page, 1), '生年月日').fill('2023-03-03');
    await page.getByRole('checkbox', { name: '上記の個人情報の取り扱いに同意します' }).check();
  };

  test('a form older than a day is renewed, keeping what was typed, and taken when sent again', async () => {
    const { page } = phone;
    await openForm(page);
    await fillSmall(page, '田中');
    await server.advanceClock(25 * 3600_000);
    let answer = nextPost(page);
    await send(page).click();
    expect((await (await answer).json()).error.reason).toBe('form_expired');
    await page.getByRole('alert').filter({ hasText: '受付をやり直しました' }).waitFor();
    expect(await label(family(page), '世帯（代表者の姓など）').inputValue()).toBe('田中');
    // The renewed form is as new: sent at once it is too soon, 10 s later it is taken.
    answer = nextPost(page);
    await send(page).click();
    expect((await (await answer).json()).error.reason).toBe('filled_too_fast');
    await page.getByRole('alert').filter({ hasText: '入力内容をご確認のうえ、もう一度送信してください' }).waitFor();
    await server.advanceClock(10_000);
    answer = nextPost(page);
    await send(page).click();
    expect((await answer).status()).toBe(201);
    await page.getByRole('heading', { name: '受付完了', level: 1 }).waitFor();
    expect((await pending()).map((r) => r.family_name)).toContain('田中');
  });

  test('too many forms from one address in an hour: the page says to try again later', async () => {
    const { page } = phone;
    await server.advanceClock(3600_000); // the earlier tests' sendings are out of the hour
    await openForm(page);
    await fillSmall(page, '伊藤');
    await server.advanceClock(10_000);
    // A robot at the same address (127.0.0.1) fills the honeypot and uses up the hour's
    // allowance first: answered like anyone (201) until refused, and nothing kept.
    const robot = {
      organization_id: org, form_token: 'x', website: 'https://spam.example', family_name: 'spam', phone: '000',
      guardians: [{ name: 'spam' }], children: [{ name: 'spam', birth_date: '2020-01-01' }], consent: true,
    };
    let refused = false;
    for (let i = 0; i < 50 && !refused; i++) {
      const res = await fetch(`${server.url}/api/v1/registrations`, {
        method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(robot),
      });
      refused = res.status === 429;
      if (!refused) expect(res.status).toBe(201);
    }
    expect(refused).toBe(true);
    const answer = nextPost(page);
    await send(page).click();
    expect((await answer).status()).toBe(429);
    await page.getByRole('alert').filter({ hasText: 'しばらく時間をおいてから、もう一度お試しください' }).waitFor();
    expect(await label(family(page), '世帯（代表者の姓など）').inputValue()).toBe('伊藤');
    expect((await pending()).map((r) => r.family_name).sort()).toEqual(['佐藤', '鈴木', '田中'].sort());
  });

  test('an unknown organization, or none, shows a clear "not found" page', async () => {
    const { page } = phone;
    for (const search of [`?org=${randomUUID()}`, '', '?org=not-an-id']) {
      await page.goto(`${server.url}/register/${search}`);
      await page.getByRole('heading', { name: '申込みページが見つかりません', level: 1 }).waitFor();
      expect(await page.getByRole('main').innerText()).toContain('アドレス');
      expect(await page.locator('form').count()).toBe(0);
    }
    await expectAccessible(page);
  });

  test('the honeypot is off the screen, hidden from screen readers and never reached by Tab', async () => {
    const { page } = phone;
    await openForm(page);
    const trap = page.locator('input[name="website"]');
    expect(await trap.count()).toBe(1);
    const box = (await trap.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(0);
    expect(await trap.getAttribute('tabindex')).toBe('-1');
    expect(await trap.getAttribute('autocomplete')).toBe('off');
    expect(await trap.evaluate((el) => !!el.closest('[aria-hidden="true"]'))).toBe(true);
    // Not a textbox a screen reader finds (the form's own inputs are).
    const boxes = page.getByRole('textbox');
    const names = await boxes.evaluateAll((els) => els.map((el) => el.getAttribute('name')));
    expect(names).toContain('family_name');
    expect(names).not.toContain('website');

    // Tab from the top to the send button: every control on the way, never the honeypot.
    const reached: string[] = [];
    for (let i = 0; i < 60; i++) {
      await page.keyboard.press('Tab');
      const now = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        return el ? (el.getAttribute('name') ?? `${el.tagName.toLowerCase()}:${el.getAttribute('type') ?? ''}:${el.textContent?.trim() ?? ''}`) : '';
      });
      reached.push(now);
      if (now === 'button:submit:送信する') break;
    }
    expect(reached.at(-1)).toBe('button:submit:送信する');
    expect(reached).toEqual(expect.arrayContaining(['family_name', 'phone', 'guardians[0].name', 'children[0].birth_date', 'consent']));
    expect(reached).not.toContain('website');
  });
});

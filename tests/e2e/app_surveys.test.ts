// Surveys (アンケート) in the parents' app, on the test clock (2027-06-10 15:00 Tokyo): staff
// send two surveys through the API; the home page's link says 未回答 2件, the list shows
// both open and not answered, and the inbox links a survey's notification to its page.
// The guardian fills a survey on the phone, the page reloads and the draft comes back
// (kept on the phone), the required question left out is refused beside it, then the
// answers are saved (the draft gone, the form filled from the server), changed once more,
// and the count drops to 1. A survey staff close while it is open on the phone refuses
// the answers and turns read-only; one whose closing time passed is read-only with the
// family's answers; both are listed as closed and the count is gone. A family the survey
// did not reach is told it is not found. The pages pass axe-core, and the survey page
// switches to English.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { newSite, startCheckinServer, type Site } from '../support/checkin';
import { signIn as apiSignIn } from '../support/fixtures';
import type { TestApi, TestServer } from '../support/server';
import { surveyInput } from '../support/survey_input';
import { expectAccessible } from './axe';
import { kPhone, registerFamily, signInFirstTime, startPhone, type Phone } from './app_support';

describe('parents app: surveys (アンケート)', () => {
  let server: TestServer;
  let site: Site;
  let other: Site;
  let phone: Phone;
  let guardian: TestApi;
  let festival = '';
  let picnic = '';
  const password = 'megumi-pass-2027';

  beforeAll(async () => {
    server = await startCheckinServer();
    const admin = await server.login();
    site = await newSite(server, admin, { name: 'ひまわり児童クラブ' });
    other = await newSite(server, admin, { name: 'さくら児童クラブ' });
    const yamada = await registerFamily(site.staff, [site.facility.id], {
      name: '山田家', guardians: [{ name: '山田 恵', relation: '母' }],
      children: [{ name: '山田 はな', name_kana: 'やまだ はな', birth_date: '2018-05-05' }],
    });
    phone = await startPhone();
    const g = yamada.guardians[0];
    await signInFirstTime(phone.page, server, g.login, g.initial_password, password);
    guardian = (await apiSignIn(server, g.login, password)).api;
    festival = (await site.staff.createSurvey(surveyInput([site.facility.id]))).survey.id;
    picnic = (await site.staff.createSurvey(surveyInput([site.facility.id], {
      title: '遠足のアンケート', description: '',
      questions: [{ id: 'q1', kind: 'single', text: 'お弁当は必要ですか？', required: true, options: ['必要', '不要'] }],
    }))).survey.id;
  });
  afterAll(async () => {
    await phone?.close();
    await server?.close();
  });

  const goto = (path: string) => phone.page.goto(`${server.url}/app${path}`);
  const surveysLink = (page: Page) => page.getByRole('link', { name: /^アンケート/ });
  const openSurvey = async (title: string) => {
    const { page } = phone;
    await goto('/surveys');
    await page.getByRole('link', { name: new RegExp(`^${title}`) }).click();
    await page.getByRole('heading', { name: title, level: 1 }).waitFor();
  };
  const drafts = () => phone.page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('tadaima.survey-draft.')));

  test('home says 2 surveys wait for an answer; the list shows both open, not answered', async () => {
    const { page } = phone;
    await goto('/');
    await expect.poll(() => surveysLink(page).textContent()).toBe('アンケート未回答 2件');
    await surveysLink(page).click();
    await page.getByRole('heading', { name: 'アンケート', level: 1 }).waitFor();
    const open = page.getByRole('region', { name: '受付中のアンケート' });
    await expect.poll(() => open.getByRole('listitem').count()).toBe(2);
    for (const title of ['夏祭りのアンケート', '遠足のアンケート']) {
      expect(await open.getByRole('link', { name: new RegExp(`^${title}\\s*（未回答）$`) }).count(), title).toBe(1);
    }
    expect(await open.textContent()).toContain('締切 6月17日（木） 17:00');
    await expectAccessible(page);
  });

  test('the inbox links a survey notification to its page', async () => {
    const { page } = phone;
    await goto('/notifications');
    await page.getByRole('link', { name: '【アンケート】夏祭りのアンケート' }).click();
    await page.getByRole('heading', { name: '夏祭りのアンケート', level: 1 }).waitFor();
    expect(page.url()).toBe(`${server.url}/app/surveys/${festival}`);
  });

  test('a draft survives a reload; the required question is refused beside it; saved, the count drops', async () => {
    const { page } = phone;
    await openSurvey('夏祭りのアンケート');
    await page.getByText('7月20日の夏祭りについて教えてください。').waitFor();
    const days = page.getByRole('group', { name: /お手伝いできる日/ });
    await days.getByLabel('月').check();
    await days.getByLabel('金').check();
    await page.getByLabel('ご意見').fill('たのしみです');
    await page.getByLabel('参加できない日').fill('2027-07-01');
    await page.getByLabel('参加する人数').fill('3');
    await expectAccessible(page);

    await page.reload();
    await page.getByRole('heading', { name: '夏祭りのアンケート', level: 1 }).waitFor();
    await page.getByRole('status').filter({ hasText: '送信していない入力を復元しました。' }).waitFor();
    expect(await days.getByLabel('月').isChecked()).toBe(true);
    expect(await days.getByLabel('水').isChecked()).toBe(false);
    expect(await days.getByLabel('金').isChecked()).toBe(true);
    expect(await page.getByLabel('ご意見').inputValue()).toBe('たのしみです');
    expect(await page.getByLabel('参加できない日').inputValue()).toBe('2027-07-01');
    expect(await page.getByLabel('参加する人数').inputValue()).toBe('3');

    await page.getByRole('button', { name: '回答を送信' }).click();
    const join = page.getByRole('group', { name: /夏祭りに参加しますか？/ });
    await expect.poll(() => join.getByLabel('参加する').getAttribute('aria-invalid')).toBe('true');
    expect(await join.locator('.field-error').textContent()).toContain('入力してください');
    expect((await guardian.mySurvey(festival)).answered).toBe(false);

    await join.getByLabel('参加する').check();
    await page.getByRole('button', { name: '回答を送信' }).click();
    await page.getByRole('status').filter({ hasText: '回答を送信しました。' }).waitFor();
    await page.getByText(/山田 恵さんが回答しました/).waitFor();
    expect((await guardian.mySurvey(festival)).answers).toEqual({ q1: '参加する', q2: ['月', '金'], q3: 'たのしみです', q4: '2027-07-01', q5: 3 });
    expect(await drafts()).toEqual([]);

    // Opened again: the saved answers, no draft; changed and sent again, they are replaced.
    await page.reload();
    await page.getByRole('button', { name: '回答を更新' }).waitFor();
    expect(await page.getByText('送信していない入力を復元しました。').count()).toBe(0);
    expect(await join.getByLabel('参加する').isChecked()).toBe(true);
    expect(await page.getByLabel('参加する人数').inputValue()).toBe('3');
    await join.getByLabel('参加しない').check();
    await page.getByRole('button', { name: '回答を更新' }).click();
    await expect.poll(async () => (await guardian.mySurvey(festival)).answers?.q1).toBe('参加しない');

    await goto('/');
    await expect.poll(() => surveysLink(page).textContent()).toBe('アンケート未回答 1件');
    await surveysLink(page).click();
    const open = page.getByRole('region', { name: '受付中のアンケート' });
    expect(await open.getByRole('link').allTextContents()).toEqual(['遠足のアンケート（未回答）', '夏祭りのアンケート（回答済み）']);
  });

  test('the survey page in English', async () => {
    const { page } = phone;
    await openSurvey('遠足のアンケート');
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await page.getByRole('button', { name: 'Send the answers' }).waitFor();
    await page.getByText('Questions marked * must be answered.').waitFor();
    await page.getByRole('button', { name: '日本語に切り替える' }).click();
    await page.getByRole('button', { name: '回答を送信' }).waitFor();
  });

  test('closed by staff while open on the phone: the answer is refused and the page turns read-only', async () => {
    const { page } = phone;
    await openSurvey('遠足のアンケート');
    await page.getByLabel('必要').check();
    await site.staff.closeSurvey(picnic);
    await page.getByRole('button', { name: '回答を送信' }).click();
    await page.getByText('このアンケートは締め切られました。回答は変更できません。').waitFor();
    expect(await page.getByRole('button', { name: '回答を送信' }).count()).toBe(0);
    expect(await page.getByRole('radio').count()).toBe(0);
    const answers = page.getByRole('region', { name: 'ご家庭の回答' });
    expect(await answers.textContent()).toContain('（未回答）');
    await expect.poll(drafts, { message: 'the draft of a closed survey is dropped' }).toEqual([]);
    await expectAccessible(page);
  });

  test('past its closing time a survey shows the family answers read-only; none is left to answer', async () => {
    const { page } = phone;
    await server.setClock('2027-06-17T17:00:01+09:00');
    await openSurvey('夏祭りのアンケート');
    await page.getByText('このアンケートは締め切られました。回答は変更できません。').waitFor();
    const answers = page.getByRole('region', { name: 'ご家庭の回答' });
    for (const said of ['参加しない', '月、金', 'たのしみです', '2027-07-01', '3']) expect(await answers.textContent()).toContain(said);
    expect(await page.getByRole('button', { name: /回答を/ }).count()).toBe(0);
    await expectAccessible(page);

    await goto('/surveys');
    await page.getByText('受付中のアンケートはありません。').waitFor();
    const closed = page.getByRole('region', { name: '締め切ったアンケート' });
    await expect.poll(() => closed.getByRole('listitem').count()).toBe(2);
    expect(await closed.getByRole('link', { name: /^遠足のアンケート\s*（締切）$/ }).count()).toBe(1);
    await goto('/');
    await expect.poll(() => surveysLink(page).textContent()).toBe('アンケート');
  });

  test('a family the survey did not reach is told it is not found', async () => {
    const suzuki = await registerFamily(other.staff, [other.facility.id], {
      name: '鈴木家', guardians: [{ name: '鈴木 舞', relation: '母' }],
      children: [{ name: '鈴木 そら', name_kana: 'すずき そら', birth_date: '2018-05-05' }],
    });
    const context = await phone.context.browser()!.newContext({
      locale: 'ja-JP', timezoneId: 'Asia/Tokyo', viewport: kPhone, isMobile: true, hasTouch: true,
    });
    try {
      const page = await context.newPage();
      const s = suzuki.guardians[0];
      await signInFirstTime(page, server, s.login, s.initial_password, 'mai-pass-2027');
      await page.goto(`${server.url}/app/surveys/${encodeURIComponent(festival)}`);
      await page.getByRole('heading', { name: 'アンケートが見つかりません', level: 1 }).waitFor();
      await page.goto(`${server.url}/app/surveys`);
      await page.getByText('受付中のアンケートはありません。').waitFor();
    } finally {
      await context.close();
    }
  });
});

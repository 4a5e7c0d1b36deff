// The staff's admin screens of surveys (アンケート), on the test clock (2027-06-10 15:00
// Tokyo): the list starts empty; a survey without its closing time or with an empty option
// is refused beside the field and creates nothing; a staff member writes one through the
// question builder (a required single choice, a multiple choice with an added option, a
// text question; a fourth question moved up and removed), watching the live count of the
// families it reaches, and a double click sends it once with ids q1–q3; two guardians
// answer through the API and the page shows 2/3 families, a bar chart a choice question
// (each bar's number and percentage, named for a screen reader) and the text answers; the
// files of the results download (CSV UTF-8 with BOM, CSV Shift_JIS, xlsx); 未回答の家庭に
// リマインド reaches the third family; 締め切る asks first and then refuses answers. The
// list, compose and results pages pass axe-core, and the compose page switches to English.
import type { Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ApiError } from '../../web/src/shared/api';
import { download, enrolledFamily, expectSameInstant, startCheckinServer } from '../support/checkin';
import { newStaff } from '../support/fixtures';
import type { TestApi } from '../support/server';
import { rowOf } from './admin_support';
import { expectAccessible } from './axe';
import { signInAt, startBrowser, type TestBrowser, type TestServer } from './harness';

describe('admin app: surveys (アンケート)', () => {
  let server: TestServer;
  let staff: TestApi;
  const guardians: TestApi[] = [];
  let b: TestBrowser;
  let survey_id = '';

  beforeAll(async () => {
    server = await startCheckinServer();
    const admin = await server.login();
    const facility = await admin.createFacility({ name: 'ひまわり児童クラブ', kind: 'after_school', opens_at: '00:00', closes_at: '23:59' });
    const who = await newStaff(server, admin, [facility.id]);
    staff = who.api;
    for (const [family, guardian, child] of [['佐藤家', '佐藤 恵', '佐藤 はる'], ['鈴木家', '鈴木 舞', '鈴木 そら'], ['田中家', '田中 綾', '田中 りく']]) {
      const m = await enrolledFamily(server, staff, [facility.id], {
        name: family, guardians: [{ name: guardian, relation: '母' }],
        children: [{ name: child, name_kana: 'てすと', birth_date: '2018-05-05' }],
      });
      guardians.push(m.guardian);
    }
    b = await startBrowser();
    await signInAt(b.page, server, '/admin/surveys', { login: who.login, password: who.password });
  });
  afterAll(async () => {
    await b?.close();
    await server?.close();
  });

  const surveyCount = async () => (await staff.surveys({ limit: 100 })).items.length;
  const compose = async () => {
    const { page } = b;
    await page.goto(`${server.url}/admin/surveys/new`);
    await page.getByRole('heading', { name: '新しいアンケート', level: 1 }).waitFor();
    return page.locator('form').filter({ has: page.getByLabel('タイトル') });
  };
  const question = (form: Locator, n: number) => form.getByRole('group', { name: `質問 ${n}`, exact: true });
  const options = (q: Locator) => q.getByRole('group', { name: '選択肢' });
  const option = (q: Locator, n: number) => options(q).getByRole('textbox', { name: `選択肢 ${n}`, exact: true });
  const recipients = () => b.page.getByRole('status').filter({ hasText: /届きます|届く家庭/ });

  test('the list starts empty, with the button to write one, and is accessible', async () => {
    const { page } = b;
    await page.getByRole('heading', { name: 'アンケート', level: 1 }).waitFor();
    expect(await page.getByRole('navigation').getByRole('link', { name: 'アンケート' }).getAttribute('aria-current')).toBe('page');
    await page.getByText('アンケートはありません。').waitFor();
    await expectAccessible(page);
    await page.getByRole('link', { name: '新しいアンケート' }).click();
    await page.getByRole('heading', { name: '新しいアンケート', level: 1 }).waitFor();
  });

  test('no closing time, then an empty option: each refused beside its field, nothing sent', async () => {
    const form = await compose();
    await form.getByLabel('タイトル').fill('お弁当のアンケート');
    const q1 = question(form, 1);
    await q1.getByLabel('質問文').fill('お弁当は必要ですか？');
    await option(q1, 1).fill('必要');
    await form.getByRole('button', { name: '送信' }).click();
    const closes = form.getByLabel('締切日時');
    await expect.poll(() => closes.getAttribute('aria-invalid')).toBe('true');
    expect(await form.locator('.field-error').first().textContent()).toContain('入力してください');

    await closes.fill('2027-06-17T17:00');
    await form.getByRole('button', { name: '送信' }).click();
    await expect.poll(() => closes.getAttribute('aria-invalid')).toBeNull();
    // The server names the empty option (or the options); the error shows in the options' group.
    await expect.poll(() => options(q1).locator('.field-error').count()).toBeGreaterThan(0);
    await form.getByRole('alert').first().waitFor();
    expect(await surveyCount()).toBe(0);
    await expectAccessible(b.page);
  });

  test('a survey written with the question builder is sent once, to the families counted live', async () => {
    const { page } = b;
    const form = await compose();
    await form.getByLabel('タイトル').fill('夏祭りのアンケート');
    await form.getByLabel('説明').fill('7月20日の夏祭りについて教えてください。');
    await form.getByLabel('締切日時').fill('2027-06-17T17:00');

    const q1 = question(form, 1);
    await q1.getByLabel('質問文').fill('参加しますか？');
    expect(await q1.getByLabel('回答の形式').inputValue()).toBe('single');
    await q1.getByLabel('必須').check();
    await option(q1, 1).fill('参加する');
    await option(q1, 2).fill('参加しない');

    await form.getByRole('button', { name: '質問を追加' }).click();
    const q2 = question(form, 2);
    await q2.getByLabel('質問文').fill('お手伝いできる日');
    await q2.getByLabel('回答の形式').selectOption({ label: '複数選択' });
    await option(q2, 1).fill('月');
    await option(q2, 2).fill('水');
    await options(q2).getByRole('button', { name: '選択肢を追加' }).click();
    await option(q2, 3).fill('金');

    await form.getByRole('button', { name: '質問を追加' }).click();
    await question(form, 3).getByLabel('質問文').fill('ご意見');
    await question(form, 3).getByLabel('回答の形式').selectOption({ label: '記述' });
    expect(await options(question(form, 3)).count(), 'a text question has no options').toBe(0);

    // A fourth question, moved up to third, then removed: ご意見 is third again.
    await form.getByRole('button', { name: '質問を追加' }).click();
    await question(form, 4).getByLabel('質問文').fill('参加する人数');
    await question(form, 4).getByLabel('回答の形式').selectOption({ label: '数値' });
    await form.getByRole('button', { name: '質問 4 を上へ' }).click();
    expect(await question(form, 3).getByLabel('質問文').inputValue()).toBe('参加する人数');
    expect(await question(form, 4).getByLabel('質問文').inputValue()).toBe('ご意見');
    await form.getByRole('button', { name: '質問 3 を削除' }).click();
    expect(await question(form, 4).count()).toBe(0);
    expect(await question(form, 3).getByLabel('質問文').inputValue()).toBe('ご意見');

    await form.getByRole('group', { name: '施設' }).getByLabel('ひまわり児童クラブ').check();
    await expect.poll(() => recipients().textContent()).toBe('3家庭・保護者3人・児童3人に届きます。');
    for (const [channel, on] of [['プッシュ通知', true], ['メール', false], ['アプリ内', true]] as const) {
      expect(await form.getByLabel(channel).isChecked(), channel).toBe(on);
    }
    await expectAccessible(page);

    await form.getByRole('button', { name: '送信' }).dblclick();
    await page.getByRole('heading', { name: 'アンケートの詳細' }).waitFor();
    survey_id = decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!);
    await page.getByRole('heading', { name: '夏祭りのアンケート' }).waitFor();
    await page.getByText('回答した家庭 0/3（0%）').waitFor();
    expect(await surveyCount(), 'a double click sends once').toBe(1);

    const sent = await staff.staffSurvey(survey_id);
    expect(sent.questions).toEqual([
      { id: 'q1', kind: 'single', text: '参加しますか？', required: true, options: ['参加する', '参加しない'] },
      { id: 'q2', kind: 'multiple', text: 'お手伝いできる日', required: false, options: ['月', '水', '金'] },
      { id: 'q3', kind: 'text', text: 'ご意見', required: false },
    ]);
    expectSameInstant(sent.closes_at, '2027-06-17T17:00:00+09:00', 'closes_at');
    expect([...sent.channels].sort()).toEqual(['inapp', 'push']);
    expect(sent.families).toBe(3);
    expect(sent.description).toBe('7月20日の夏祭りについて教えてください。');
  });

  test('two families answer: 2/3, a bar chart a choice question, the text answers', async () => {
    const { page } = b;
    await guardians[0].answerSurvey(survey_id, { q1: '参加する', q2: ['月', '水'], q3: 'アレルギーはありません。' });
    await guardians[1].answerSurvey(survey_id, { q1: '参加しない', q2: ['水'] });
    await page.reload();
    await page.getByText('回答した家庭 2/3（67%）').waitFor();

    const chart1 = page.getByRole('img', { name: /^参加しますか？：選択肢ごとの回答数/ });
    await chart1.waitFor();
    expect(await chart1.locator('text.bar-label').allTextContents()).toEqual(['参加する', '参加しない']);
    expect(await chart1.locator('text.bar-value').allTextContents()).toEqual(['1件（50%）', '1件（50%）']);
    const chart2 = page.getByRole('img', { name: /^お手伝いできる日：選択肢ごとの回答数/ });
    expect(await chart2.locator('text.bar-value').allTextContents()).toEqual(['1件（50%）', '2件（100%）', '0件（0%）']);
    // A screen reader hears every bar in the chart's description.
    expect(await chart2.locator('desc').textContent()).toBe('月：1件（50%）、水：2件（100%）、金：0件（0%）');
    const widths = await chart2.locator('rect.bar-fill').evaluateAll((rects) => rects.map((r) => r.getAttribute('width')));
    expect(widths).toEqual(['39%', '78%', '0%']);

    const texts = page.getByRole('list', { name: 'ご意見：回答' });
    expect(await texts.getByRole('listitem').allTextContents()).toEqual(['アレルギーはありません。']);
    expect(await page.getByText('2家庭が回答').count()).toBe(2); // q1 and q2
    await expectAccessible(page);

    await page.getByRole('link', { name: 'アンケート一覧へ' }).click();
    const row = rowOf(page, '夏祭りのアンケート');
    await expect.poll(() => row.textContent()).toContain('2/3');
    expect(await row.textContent()).toContain('受付中');
    expect(await row.textContent()).toContain('6/17 17:00');
    await expectAccessible(page);
  });

  test('the results download as CSV (UTF-8, Shift_JIS) and xlsx', async () => {
    const { page } = b;
    await page.goto(`${server.url}/admin/surveys/${encodeURIComponent(survey_id)}`);
    const base = `/api/v1/surveys/${encodeURIComponent(survey_id)}/results`;
    const href = (name: string) => page.getByRole('link', { name, exact: true }).getAttribute('href');
    expect(await href('CSV（UTF-8）')).toBe(`${base}?format=csv`);
    expect(await href('CSV（Shift_JIS・Excel用）')).toBe(`${base}?format=csv&encoding=shift_jis`);
    expect(await href('Excel（xlsx）')).toBe(`${base}?format=xlsx`);

    const utf8 = await download(server, staff, `${base}?format=csv`);
    expect(utf8.status).toBe(200);
    expect(utf8.text.startsWith('\ufeff')).toBe(true);
    expect(utf8.text).toContain('佐藤家');
    const sjis = await download(server, staff, `${base}?format=csv&encoding=shift_jis`);
    expect(sjis.status).toBe(200);
    expect(new TextDecoder('shift_jis').decode(sjis.bytes)).toContain('佐藤家');
    const xlsx = await download(server, staff, `${base}?format=xlsx`);
    expect(xlsx.status).toBe(200);
    expect(xlsx.bytes.subarray(0, 2).toString('latin1')).toBe('PK');
  });

  test('未回答の家庭にリマインド reaches the family that has not answered', async () => {
    const { page } = b;
    await page.getByRole('button', { name: '未回答の家庭にリマインド' }).click();
    await page.getByRole('status').filter({ hasText: '未回答の1家庭にリマインドしました。' }).waitFor();
  });

  test('締め切る asks first; confirmed, the survey is closed and refuses answers', async () => {
    const { page } = b;
    await page.getByRole('button', { name: '締め切る' }).click();
    const dialog = page.getByRole('dialog', { name: 'アンケートを締め切りますか？' });
    await dialog.waitFor();
    await expectAccessible(page);
    await dialog.getByRole('button', { name: 'やめる' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect((await staff.staffSurvey(survey_id)).status).toBe('open');

    await page.getByRole('button', { name: '締め切る' }).click();
    await dialog.getByRole('button', { name: '締め切る' }).click();
    await page.getByRole('status').filter({ hasText: 'アンケートを締め切りました。' }).waitFor();
    await expect.poll(() => page.locator('.facts .badge').textContent()).toBe('締切');
    expect(await page.getByRole('button', { name: '締め切る' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: '未回答の家庭にリマインド' }).count()).toBe(0);
    expect((await staff.staffSurvey(survey_id)).status).toBe('closed');
    const refused = await guardians[2].answerSurvey(survey_id, { q1: '参加する' }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ApiError);
    expect({ status: (refused as ApiError).status, reason: (refused as ApiError).reason }).toEqual({ status: 409, reason: 'survey_closed' });

    await page.goto(`${server.url}/admin/surveys?open=true`);
    await page.getByText('アンケートはありません。').waitFor();
  });

  test('the compose page switches to English and back', async () => {
    const { page } = b;
    await compose();
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'New survey', level: 1 }).waitFor();
    const form = page.locator('form').filter({ has: page.getByLabel('Title') });
    for (const label of ['Title', 'Description', 'Closes at']) expect(await form.getByLabel(label).count(), label).toBe(1);
    const q1 = form.getByRole('group', { name: 'Question 1', exact: true });
    expect(await q1.getByLabel('Kind of answer').locator('option').allTextContents())
      .toEqual(['One choice', 'Several choices', 'Text', 'Date', 'Number']);
    await page.getByRole('button', { name: '日本語' }).click();
    await page.getByRole('heading', { name: '新しいアンケート', level: 1 }).waitFor();
  });
});

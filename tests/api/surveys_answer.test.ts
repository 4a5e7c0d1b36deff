// Surveys (アンケート), answering: any guardian of a family the survey reached answers for the
// family (PUT /surveys/{id}/response), replacing the family's one response until the survey
// closes at closes_at or when staff close it; answers are normalized, and bad ones refused
// naming `answers.<question id>` without touching the saved response; staff remind the
// families that have not answered, in the app; two guardians answering at once leave one
// response. (Sending and reading: surveys.test.ts; results: surveys_export.test.ts.) The
// server's test clock starts at 2027-06-10 15:00 in Tokyo and is moved on by the tests.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SurveyAnswers, SurveyInput } from '../../web/src/shared/types';
import {
  download,
  enrolledFamily,
  expectApiError,
  expectErrorBody,
  expectInvalid,
  newSite,
  serverNow,
  signIn,
  startCheckinServer,
  tokyo,
  type Site,
  type TestApi,
  type TestServer,
} from '../support';
import { surveyInput } from '../support/survey_input';

let server: TestServer;
let admin: TestApi;
let a: Site; // club A: the Yamada family (two guardians) and the Sato family
let b: Site; // club B: the Suzuki family
let yamadaMother: TestApi;
let yamadaFather: TestApi;
let satoMother: TestApi;
let suzukiMother: TestApi;
let otherGuardian: TestApi; // a family of another organization

const toA = (over: Partial<SurveyInput> = {}) => surveyInput([a.facility.id], over);
const create = async (input: SurveyInput = toA()) => (await a.staff.createSurvey(input)).survey;
const put = (api: TestApi, id: string, body: unknown) => api.request('PUT', `/api/v1/surveys/${id}/response`, body);
const now = () => tokyo(serverNow());
/** The in-app notifications of `api` (a guardian) about the survey `id`. */
const surveyNotices = async (api: TestApi, id: string) =>
  (await api.notifications({ limit: 200 })).items.filter((n) => n.link === `/app/surveys/${id}`);

beforeAll(async () => {
  server = await startCheckinServer();
  admin = await server.login();
  a = await newSite(server, admin, { name: 'ひまわり児童クラブ' });
  b = await newSite(server, admin, { name: 'さくら児童クラブ' });
  const y = await enrolledFamily(server, a.staff, [a.facility.id], {
    name: '山田家',
    guardians: [{ name: '山田 恵', relation: '母' }, { name: '山田 健', relation: '父' }],
  });
  yamadaMother = y.guardian;
  yamadaFather = (await signIn(server, y.family.guardians[1].login, y.family.guardians[1].initial_password)).api;
  satoMother = (await enrolledFamily(server, a.staff, [a.facility.id], { name: '佐藤家' })).guardian;
  suzukiMother = (await enrolledFamily(server, b.staff, [b.facility.id], { name: '鈴木家' })).guardian;
  const otherAdmin = await server.login(await server.createOrg('となり市'));
  const otherSite = await newSite(server, otherAdmin, { name: 'となり児童クラブ' });
  otherGuardian = (await enrolledFamily(server, otherSite.staff, [otherSite.facility.id])).guardian;
});
afterAll(async () => {
  await server?.close();
});

describe('answering', () => {
  it('a guardian answers for the family: 200 with the answers normalized, when and by whom', async () => {
    const s = await create();
    const res = await put(yamadaMother, s.id, {
      answers: { q1: '参加する', q2: ['金', '月'], q3: '  焼きそばを手伝います\n  ', q4: '', q5: 3 },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const saved = { q1: '参加する', q2: ['月', '金'], q3: '焼きそばを手伝います', q5: 3 };
    expect(res.body).toEqual({ response: { answers: saved, answered_at: now(), answered_by: { name: '山田 恵' } } });
    expect(await yamadaFather.mySurvey(s.id)).toMatchObject({
      answered: true, answers: saved, answered_at: now(), answered_by: { name: '山田 恵' },
    });
    expect((await a.staff.staffSurvey(s.id)).respondents).toBe(1);
    expect(await satoMother.mySurvey(s.id)).toMatchObject({ answered: false, answers: null });

    // Empty optional answers are no answers; the same answers again are answered alike.
    const empty = await satoMother.answerSurvey(s.id, { q1: '参加しない', q2: [], q3: '   ', q4: '' });
    expect(empty.answers).toEqual({ q1: '参加しない' });
    const again = await satoMother.answerSurvey(s.id, { q1: '参加しない' });
    expect(again).toEqual(empty);
    expect((await a.staff.staffSurvey(s.id)).respondents).toBe(2);
  });

  it('a second guardian of the family replaces the family\'s answer: still one respondent', async () => {
    const s = await create();
    await yamadaMother.answerSurvey(s.id, { q1: '参加する', q2: ['水'], q3: '母です' });
    await server.advanceClock(60_000);
    const second = await yamadaFather.answerSurvey(s.id, { q1: '参加しない', q5: 2 });
    expect(second).toEqual({ answers: { q1: '参加しない', q5: 2 }, answered_at: now(), answered_by: { name: '山田 健' } });
    const seen = await yamadaMother.mySurvey(s.id);
    expect(seen).toMatchObject({ answers: { q1: '参加しない', q5: 2 }, answered_at: now(), answered_by: { name: '山田 健' } });
    expect((await a.staff.staffSurvey(s.id)).respondents).toBe(1);
    const results = await a.staff.surveyResults(s.id);
    expect(results.respondents).toBe(1);
    const byId = Object.fromEntries(results.questions.map((q) => [q.id, q]));
    expect(byId.q1.counts).toEqual({ 参加する: 0, 参加しない: 1 });
    expect(byId.q2.counts).toEqual({ 月: 0, 水: 0, 金: 0 });
    expect(byId.q3.values).toEqual([]);
    expect(byId.q5.values).toEqual([2]);
  });

  it('bad answers are refused naming answers.<question id>, and the saved response stays', async () => {
    const s = await create();
    const first = await yamadaMother.answerSurvey(s.id, { q1: '参加する' });
    await server.advanceClock(60_000);
    const ok = { q1: '参加する' };
    const cases: [string, Record<string, unknown>, string][] = [
      ['answers.q1', { q1: 1 }, 'wrong_answer_kind'],
      ['answers.q1', { q1: ['参加する'] }, 'wrong_answer_kind'],
      ['answers.q2', { ...ok, q2: '月' }, 'wrong_answer_kind'],
      ['answers.q2', { ...ok, q2: ['月', 3] }, 'wrong_answer_kind'],
      ['answers.q3', { ...ok, q3: 5 }, 'wrong_answer_kind'],
      ['answers.q4', { ...ok, q4: 20270720 }, 'wrong_answer_kind'],
      ['answers.q5', { ...ok, q5: '3' }, 'wrong_answer_kind'],
      ['answers.q5', { ...ok, q5: true }, 'wrong_answer_kind'],
      ['answers.q1', { q1: '欠席' }, 'not_an_option'],
      ['answers.q2', { ...ok, q2: ['月', '土'] }, 'not_an_option'],
      ['answers.q2', { ...ok, q2: ['月', '月'] }, 'duplicate_option'],
      ['answers.q9', { ...ok, q9: 'なし' }, 'unknown_question'],
      ['answers.q1', {}, 'required'],
      ['answers.q1', { q2: ['月'], q3: 'よろしく' }, 'required'],
      ['answers.q4', { ...ok, q4: '2027-02-30' }, 'not_real_date'],
      ['answers.q4', { ...ok, q4: '2027/07/20' }, 'not_real_date'],
      ['answers.q4', { ...ok, q4: '7月20日' }, 'not_real_date'],
      ['answers.q3', { ...ok, q3: 'あ'.repeat(2001) }, 'too_long'],
    ];
    for (const [field, answers, reason] of cases) {
      for (const who of [yamadaFather, satoMother]) {
        const e = await expectInvalid(who.answerSurvey(s.id, answers as SurveyAnswers), field);
        expect(e.fieldReasons[field], `${JSON.stringify(answers).slice(0, 80)}: ${JSON.stringify(e.body).slice(0, 300)}`).toBe(reason);
      }
    }
    // Several at once, each named.
    const many = await expectApiError(yamadaFather.answerSurvey(s.id, { q1: '欠席', q5: 'たくさん', q9: 1 }), 400);
    expect(many.reason).toBe('invalid_fields');
    expect(many.fieldReasons).toEqual({ 'answers.q1': 'not_an_option', 'answers.q5': 'wrong_answer_kind', 'answers.q9': 'unknown_question' });
    // The body itself.
    for (const [body, field] of [[{}, 'answers'], [{ answers: ['参加する'] }, 'answers'], [{ answers: ok, comment: 'x' }, 'comment']] as const) {
      const res = await put(yamadaFather, s.id, body);
      expectErrorBody(res, 400, 'invalid_argument');
      expect(Object.keys(res.body.error.fields), JSON.stringify(body)).toEqual([field]);
    }
    // Nothing changed; a text of 2000 characters, the most, is taken.
    expect(await yamadaMother.mySurvey(s.id)).toMatchObject({ answers: first.answers, answered_at: first.answered_at, answered_by: { name: '山田 恵' } });
    expect(await satoMother.mySurvey(s.id)).toMatchObject({ answered: false, answers: null });
    expect((await a.staff.staffSurvey(s.id)).respondents).toBe(1);
    expect((await satoMother.answerSurvey(s.id, { ...ok, q3: 'あ'.repeat(2000) })).answers.q3).toHaveLength(2000);
  });

  it('an empty choice is no answer, as an empty text is: required when required, left out otherwise', async () => {
    const s = await create(toA({
      questions: [
        { id: 'go', kind: 'single', text: '参加しますか', required: true, options: ['はい', 'いいえ'] },
        { id: 'bus', kind: 'single', text: 'バスを使いますか', required: false, options: ['はい', 'いいえ'] },
      ],
    }));
    const e = await expectInvalid(satoMother.answerSurvey(s.id, { go: '' }), 'answers.go');
    expect(e.fieldReasons).toEqual({ 'answers.go': 'required' });
    expect((await satoMother.answerSurvey(s.id, { go: 'はい', bus: '' })).answers).toEqual({ go: 'はい' });
  });

  it('required text, multiple, date and number questions left empty are required', async () => {
    const s = await create(toA({
      questions: [
        { id: 'name', kind: 'text', text: 'お名前', required: true },
        { id: 'days', kind: 'multiple', text: '参加できる日', required: true, options: ['土', '日'] },
        { id: 'when', kind: 'date', text: '希望日', required: true },
        { id: 'count', kind: 'number', text: '人数', required: true },
      ],
    }));
    const e = await expectApiError(satoMother.answerSurvey(s.id, { name: '  ', days: [], when: '' }), 400);
    expect(e.fieldReasons).toEqual({ 'answers.name': 'required', 'answers.days': 'required', 'answers.when': 'required', 'answers.count': 'required' });
    const saved = await satoMother.answerSurvey(s.id, { name: '佐藤', days: ['日', '土'], when: '2027-07-20', count: 0 });
    expect(saved.answers).toEqual({ name: '佐藤', days: ['土', '日'], when: '2027-07-20', count: 0 });
  });

  it('is taken until closes_at and refused after it with 409 survey_closed', async () => {
    const closesAt = serverNow().getTime() + 10 * 60_000;
    const s = await create(toA({ closes_at: tokyo(closesAt) }));
    await server.setClock(new Date(closesAt - 1000));
    const taken = await yamadaMother.answerSurvey(s.id, { q1: '参加する' });
    await server.setClock(new Date(closesAt + 1000));
    for (const [who, answers] of [[yamadaFather, { q1: '参加しない' }], [satoMother, { q1: '参加する' }]] as const) {
      const e = await expectApiError(who.answerSurvey(s.id, answers), 409, 'conflict');
      expect(e.reason).toBe('survey_closed');
    }
    expect(await yamadaMother.mySurvey(s.id)).toMatchObject({ status: 'closed', answers: taken.answers, answered_by: { name: '山田 恵' } });
    expect(await satoMother.mySurvey(s.id)).toMatchObject({ status: 'closed', answers: null });
    expect(await a.staff.staffSurvey(s.id)).toMatchObject({ status: 'closed', respondents: 1 });
    expect((await expectApiError(a.staff.remindSurvey(s.id), 409, 'conflict')).reason).toBe('survey_closed');
    expect((await a.staff.closeSurvey(s.id)).status).toBe('closed');
  });

  it('is refused with 409 survey_closed once staff closed it; closing again is harmless', async () => {
    const s = await create();
    const taken = await yamadaMother.answerSurvey(s.id, { q1: '参加する' });
    await expectApiError(yamadaMother.closeSurvey(s.id), 403);
    await expectApiError(b.staff.closeSurvey(s.id), 404);
    expect(await a.staff.staffSurvey(s.id)).toMatchObject({ status: 'open' });
    const closed = await a.staff.closeSurvey(s.id);
    expect(closed).toMatchObject({ id: s.id, status: 'closed', respondents: 1, families: 2 });
    expect(await a.staff.closeSurvey(s.id)).toMatchObject({ id: s.id, status: 'closed', respondents: 1 });
    for (const [who, answers] of [[yamadaFather, { q1: '参加しない' }], [satoMother, { q1: '参加する' }]] as const) {
      const e = await expectApiError(who.answerSurvey(s.id, answers), 409, 'conflict');
      expect(e.reason).toBe('survey_closed');
    }
    expect((await yamadaMother.mySurvey(s.id)).answers).toEqual(taken.answers);
    expect((await a.staff.surveyResults(s.id)).respondents).toBe(1);
    expect((await expectApiError(a.staff.remindSurvey(s.id), 409, 'conflict')).reason).toBe('survey_closed');
    expect(await surveyNotices(satoMother, s.id)).toHaveLength(1);
  });

  it('staff 403; a family the survey did not reach, or of another organization, 404', async () => {
    const s = await create();
    await expectApiError(a.staff.answerSurvey(s.id, { q1: '参加する' }), 403);
    await expectApiError(admin.answerSurvey(s.id, { q1: '参加する' }), 403);
    await expectApiError(suzukiMother.answerSurvey(s.id, { q1: '参加する' }), 404);
    await expectApiError(otherGuardian.answerSurvey(s.id, { q1: '参加する' }), 404);
    await expectApiError(yamadaMother.answerSurvey('01J0000000000000000000000A', { q1: '参加する' }), 404);
    await expectApiError(server.api().answerSurvey(s.id, { q1: '参加する' }), 401);
    expect(await a.staff.staffSurvey(s.id)).toMatchObject({ respondents: 0 });
  });
});

describe('reminders', () => {
  it('reach only the families that have not answered, in the app; 0 once all answered; 409 after closing', async () => {
    const s = await create(toA({ title: '遠足のアンケート' }));
    const notices = async () => Promise.all([yamadaMother, yamadaFather, satoMother, suzukiMother].map(async (g) => (await surveyNotices(g, s.id)).length));
    expect(await notices()).toEqual([1, 1, 1, 0]);
    expect(await a.staff.remindSurvey(s.id)).toBe(2);
    expect(await notices()).toEqual([2, 2, 2, 0]);
    for (const n of await surveyNotices(yamadaMother, s.id)) {
      expect(n).toMatchObject({ kind: 'survey', link: `/app/surveys/${s.id}` });
      expect(n.title).toContain('遠足のアンケート');
    }

    await satoMother.answerSurvey(s.id, { q1: '参加する' });
    expect(await a.staff.remindSurvey(s.id)).toBe(1);
    expect(await notices()).toEqual([3, 3, 2, 0]);
    await expectApiError(yamadaMother.remindSurvey(s.id), 403);
    await expectApiError(b.staff.remindSurvey(s.id), 404);
    expect(await notices()).toEqual([3, 3, 2, 0]);

    await yamadaFather.answerSurvey(s.id, { q1: '参加しない' });
    expect(await admin.remindSurvey(s.id)).toBe(0);
    expect(await notices()).toEqual([3, 3, 2, 0]);
    await a.staff.closeSurvey(s.id);
    const e = await expectApiError(a.staff.remindSurvey(s.id), 409, 'conflict');
    expect(e.reason).toBe('survey_closed');
    expect(await notices()).toEqual([3, 3, 2, 0]);
  });
});

describe('concurrency', () => {
  it('two guardians of one family answering at the same time both succeed and leave one response', async () => {
    const s = await create();
    for (let round = 0; round < 5; round++) {
      const mother = { q1: '参加する', q3: `母 ${round}` };
      const father = { q1: '参加しない', q3: `父 ${round}` };
      const [m, f] = await Promise.all([
        put(yamadaMother, s.id, { answers: mother }),
        put(yamadaFather, s.id, { answers: father }),
      ]);
      expect([m.status, f.status], JSON.stringify([m.body, f.body])).toEqual([200, 200]);
      const saved = await yamadaMother.mySurvey(s.id);
      expect([mother, father]).toContainEqual(saved.answers);
      expect(saved.answered_by!.name).toBe(saved.answers!.q3 === mother.q3 ? '山田 恵' : '山田 健');
      const results = await a.staff.surveyResults(s.id);
      expect(results.respondents).toBe(1);
      const q1 = results.questions.find((q) => q.id === 'q1')!;
      expect(q1.counts!['参加する'] + q1.counts!['参加しない']).toBe(1);
      expect(results.questions.find((q) => q.id === 'q3')!.values).toEqual([saved.answers!.q3]);
      expect((await a.staff.staffSurvey(s.id)).respondents).toBe(1);
    }
    const csv = await download(server, a.staff, a.staff.surveyResultsUrl(s.id, 'csv'));
    expect(csv.status).toBe(200);
    expect(csv.text.split(/\r?\n/).filter((l) => l.startsWith('山田家'))).toHaveLength(1);
  });

  it('two families answering at the same time are both counted', async () => {
    const s = await create();
    const [y, t] = await Promise.all([
      put(yamadaMother, s.id, { answers: { q1: '参加する' } }),
      put(satoMother, s.id, { answers: { q1: '参加しない' } }),
    ]);
    expect([y.status, t.status]).toEqual([200, 200]);
    const results = await a.staff.surveyResults(s.id);
    expect(results.respondents).toBe(2);
    expect(results.questions[0].counts).toEqual({ 参加する: 1, 参加しない: 1 });
  });
});

// Surveys (アンケート), sending and reading: staff send questions to an audience (counted as
// POST /audiences/preview counts it, taken when sent); the guardians of the families it
// reached are told in the app and see it with `answered`; a client_id sends once; bad input
// is refused naming each field and sends nothing; staff see the surveys they manage, newest
// first; `open=true` hides the closed ones; another organization, another facility's staff
// and a family the survey did not reach get 404. (Answering, closing and reminding:
// surveys_answer.test.ts; the results and their files: surveys_export.test.ts.) The
// server's test clock stands at 2027-06-10 15:00 in Tokyo; one test moves it on 10 minutes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Audience, NewFamily, SentSurvey, SurveyInput } from '../../web/src/shared/types';
import {
  clientId,
  download,
  enrolledFamily,
  expectApiError,
  expectErrorBody,
  expectInvalid,
  facilityInput,
  newSite,
  newStaff,
  serverNow,
  signIn,
  startCheckinServer,
  tokyo,
  type Site,
  type TestApi,
  type TestServer,
} from '../support';
import { kEveryKind, kWeekAfterPinned, surveyInput } from '../support/survey_input';

let server: TestServer;
let admin: TestApi;
let a: Site; // club A: the Yamada family (two guardians, a 小1 child) and the Sato family (a 小3 child)
let b: Site; // club B: the Suzuki family
let emptyFacilityId: string; // a facility no family is enrolled at
let yamada: NewFamily;
let sato: NewFamily;
let yamadaMother: TestApi;
let yamadaFather: TestApi;
let satoMother: TestApi;
let suzukiMother: TestApi;
let otherAdmin: TestApi; // another organization
let otherSite: Site;
let otherGuardian: TestApi;

const DAY_MS = 24 * 3600_000;
const idsOf = (items: { id: string }[]) => items.map((s) => s.id);
const toA = (over: Partial<SurveyInput> = {}) => surveyInput([a.facility.id], over);
/** Every survey id `api` lists (staff or guardian), newest first. */
const listed = async (api: TestApi, open?: 'true' | 'false') => idsOf((await api.surveys({ limit: 200, open })).items);
/** The in-app notifications of `api` (a guardian) about the survey `id`. */
const surveyNotices = async (api: TestApi, id: string) =>
  (await api.notifications({ limit: 200 })).items.filter((n) => n.link === `/app/surveys/${id}`);
const create = async (api: TestApi, input: SurveyInput) => (await api.createSurvey(input)).survey;

beforeAll(async () => {
  server = await startCheckinServer();
  admin = await server.login();
  a = await newSite(server, admin, { name: 'ひまわり児童クラブ' });
  b = await newSite(server, admin, { name: 'さくら児童クラブ' });
  emptyFacilityId = (await admin.createFacility(facilityInput({ name: '空きクラブ' }))).id;
  const y = await enrolledFamily(server, a.staff, [a.facility.id], {
    name: '山田家',
    guardians: [{ name: '山田 恵', relation: '母' }, { name: '山田 健', relation: '父' }],
    children: [{ name: '山田 ひかり', birth_date: '2020-05-01' }],
  });
  yamada = y.family;
  yamadaMother = y.guardian;
  yamadaFather = (await signIn(server, yamada.guardians[1].login, yamada.guardians[1].initial_password)).api;
  const s = await enrolledFamily(server, a.staff, [a.facility.id], { name: '佐藤家', guardians: [{ name: '佐藤 舞', relation: '母' }] });
  sato = s.family;
  satoMother = s.guardian;
  suzukiMother = (await enrolledFamily(server, b.staff, [b.facility.id], { name: '鈴木家' })).guardian;
  otherAdmin = await server.login(await server.createOrg('となり市'));
  otherSite = await newSite(server, otherAdmin, { name: 'となり児童クラブ' });
  otherGuardian = (await enrolledFamily(server, otherSite.staff, [otherSite.facility.id])).guardian;
});
afterAll(async () => {
  await server?.close();
});

describe('sending a survey', () => {
  it('reaches the families of the audience: 201 with the survey and its recipients; they are told in the app', async () => {
    const input = toA();
    const res = await a.staff.request<SentSurvey>('POST', '/api/v1/surveys', input);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const { survey, recipients } = res.body;
    expect(recipients).toEqual({ families: 2, guardians: 3 });
    const preview = await a.staff.previewAudience(input.audience);
    expect(recipients).toEqual({ families: preview.families, guardians: preview.guardians });
    expect(survey).toEqual({
      id: expect.any(String),
      title: '夏祭りのアンケート',
      description: '7月20日の夏祭りについて教えてください。',
      questions: kEveryKind,
      audience: expect.objectContaining({ facility_ids: [a.facility.id] }),
      facility_ids: [a.facility.id],
      channels: ['inapp'],
      closes_at: kWeekAfterPinned,
      status: 'open',
      families: 2,
      respondents: 0,
      sender: { name: (await a.staff.me()).name },
      created_at: tokyo(serverNow()),
    });
    expect(await a.staff.staffSurvey(survey.id)).toEqual(survey);
    expect(await admin.staffSurvey(survey.id)).toEqual(survey);

    // The two families at A have it, unanswered; the family at B does not.
    for (const g of [yamadaMother, yamadaFather, satoMother]) {
      const item = (await g.mySurveys()).items.find((x) => x.id === survey.id);
      expect(item).toMatchObject({ title: '夏祭りのアンケート', status: 'open', answered: false, answered_at: null, answered_by: null });
      expect(item).not.toHaveProperty('audience');
      expect(item).not.toHaveProperty('answers');
      const one = await g.mySurvey(survey.id);
      expect(one).toMatchObject({ id: survey.id, questions: kEveryKind, closes_at: kWeekAfterPinned, answers: null, answered: false });
      expect(one).not.toHaveProperty('respondents');
      // Every guardian is told in the app, with the link to the survey.
      const notices = await surveyNotices(g, survey.id);
      expect(notices, 'one in-app notice').toHaveLength(1);
      expect(notices[0]).toMatchObject({ kind: 'survey', link: `/app/surveys/${survey.id}`, read_at: null });
      expect(notices[0].title).toContain('夏祭りのアンケート');
    }
    expect(await listed(suzukiMother)).not.toContain(survey.id);
    expect(await surveyNotices(suzukiMother, survey.id)).toEqual([]);
    await expectApiError(suzukiMother.mySurvey(survey.id), 404);
  });

  it('counts the families and guardians by the audience rule, as the preview does; channels default to push and in-app', async () => {
    const cases: [Audience, { families: number; guardians: number }][] = [
      [{ facility_ids: [a.facility.id], family_ids: [sato.id] }, { families: 1, guardians: 1 }],
      [{ facility_ids: [a.facility.id], grades: ['小1'] }, { families: 1, guardians: 2 }],
      [{ facility_ids: [a.facility.id, b.facility.id] }, { families: 3, guardians: 4 }],
      [{}, { families: 3, guardians: 4 }],
    ];
    for (const [audience, want] of cases) {
      const input: Partial<SurveyInput> = surveyInput([], { audience });
      delete input.channels;
      const sent = await admin.createSurvey(input as SurveyInput);
      expect(sent.recipients, JSON.stringify(audience)).toEqual(want);
      const preview = await admin.previewAudience(audience);
      expect(sent.recipients).toEqual({ families: preview.families, guardians: preview.guardians });
      expect(sent.survey.families).toBe(want.families);
      expect(sent.survey.channels).toEqual(['push', 'inapp']);
    }
    // Only the Yamada family has a 小1 child.
    const grade = (await admin.surveys({ limit: 3 })).items[2];
    expect(grade.audience).toMatchObject({ grades: ['小1'] });
    expect(await listed(yamadaMother)).toContain(grade.id);
    expect(await listed(satoMother)).not.toContain(grade.id);
  });

  it('takes the audience when sent: a family enrolled afterwards is not reached', async () => {
    const c = await admin.createFacility(facilityInput({ name: 'あおば児童クラブ' }));
    const first = await enrolledFamily(server, admin, [c.id], { name: '高橋家' });
    const survey = await create(admin, surveyInput([c.id]));
    expect(survey.families).toBe(1);
    const later = await enrolledFamily(server, admin, [c.id], { name: '伊藤家' });
    expect(await listed(first.guardian)).toContain(survey.id);
    expect(await listed(later.guardian)).not.toContain(survey.id);
    await expectApiError(later.guardian.mySurvey(survey.id), 404);
    await expectApiError(later.guardian.answerSurvey(survey.id, { q1: '参加する' }), 404);
    expect((await admin.staffSurvey(survey.id)).families).toBe(1);
    expect((await admin.surveyResults(survey.id)).audience_families).toBe(1);
  });

  it('sends once for one client_id: the retry answers 200 with the first survey and changes nothing', async () => {
    const input = toA({ title: '二度押しのアンケート' });
    const first = await a.staff.request<SentSurvey>('POST', '/api/v1/surveys', input);
    expect(first.status).toBe(201);
    const before = await listed(admin);
    const again = await a.staff.request<SentSurvey>('POST', '/api/v1/surveys', { ...input, title: '別の題名' });
    expect(again.status, JSON.stringify(again.body)).toBe(200);
    expect(again.body).toEqual(first.body);
    expect(await listed(admin)).toEqual(before);
    expect((await yamadaMother.mySurveys({ limit: 200 })).items.filter((s) => s.title === '二度押しのアンケート')).toHaveLength(1);
    expect((await yamadaMother.mySurveys({ limit: 200 })).items.filter((s) => s.title === '別の題名')).toEqual([]);
    expect(await surveyNotices(yamadaMother, first.body.survey.id)).toHaveLength(1);
    // Another organization's client_id space is its own.
    const theirs = await otherAdmin.request<SentSurvey>('POST', '/api/v1/surveys', surveyInput([otherSite.facility.id], { client_id: input.client_id }));
    expect(theirs.status).toBe(201);
    expect(theirs.body.survey.id).not.toBe(first.body.survey.id);
  });

  it('presses at once with one client_id send one survey', async () => {
    for (let round = 0; round < 5; round++) {
      const input = toA({ title: `同時押しのアンケート ${round}` });
      const before = await listed(admin);
      const answers = await Promise.all([1, 2, 3].map(() => a.staff.request<SentSurvey>('POST', '/api/v1/surveys', input)));
      expect(answers.map((r) => r.status).sort(), JSON.stringify(answers.map((r) => r.body))).toEqual([200, 200, 201]);
      expect(new Set(answers.map((r) => r.body.survey.id)).size).toBe(1);
      const after = await listed(admin);
      expect(after).toEqual([answers[0].body.survey.id, ...before]);
      expect(await surveyNotices(satoMother, after[0])).toHaveLength(1);
    }
  });
});

describe('bad input', () => {
  it('is refused with 400 naming each field and its reason, and sends nothing', async () => {
    const before = await listed(admin);
    const inbox = (await yamadaMother.notifications({ limit: 200 })).items.length;
    const [q1, q2, q3] = kEveryKind;
    const now = serverNow().getTime();
    const cases: [string, Record<string, unknown>, string][] = [
      ['title', { title: '' }, 'empty'],
      ['title', { title: '   ' }, 'empty'],
      ['title', { title: 'あ'.repeat(101) }, 'too_long'],
      ['questions', { questions: [] }, 'empty'],
      ['questions[1].id', { questions: [q1, { ...q2, id: 'q1' }] }, 'duplicate_question'],
      ['questions[0].id', { questions: [{ ...q1, id: 'q 1' }] }, 'question_id_characters'],
      ['questions[0].id', { questions: [{ ...q1, id: 'しつもん' }] }, 'question_id_characters'],
      ['questions[0].options', { questions: [{ ...q1, options: ['参加する'] }] }, 'options_needed'],
      ['questions[1].options', { questions: [q1, { id: 'q2', kind: 'multiple', text: 'お手伝いできる日', required: false }] }, 'options_needed'],
      ['questions[0].options', { questions: [{ ...q1, options: Array.from({ length: 31 }, (_, i) => `案 ${i + 1}`) }] }, 'options_needed'],
      ['questions[0].options[1]', { questions: [{ ...q1, options: ['参加する', '参加する'] }] }, 'duplicate_option'],
      ['questions[0].options[1]', { questions: [{ ...q1, options: ['月', ' 月 '] }] }, 'duplicate_option'],
      ['questions[1].options', { questions: [q1, { ...q3, id: 'q2', options: ['はい', 'いいえ'] }] }, 'options_not_allowed'],
      ['questions[0].kind', { questions: [{ ...q1, kind: 'ranking' }] }, 'not_a_choice'],
      ['questions[0].required', { questions: [{ id: 'q1', kind: 'text', text: 'ご意見' }] }, 'required'],
      ['closes_at', { closes_at: tokyo(now - 60_000) }, 'not_future'],
      ['closes_at', { closes_at: tokyo(now) }, 'not_future'],
      ['closes_at', { closes_at: tokyo(now + 367 * DAY_MS) }, 'beyond_a_year'],
      ['closes_at', { closes_at: '来週の金曜' }, 'not_instant'],
      ['audience', { audience: { facility_ids: [emptyFacilityId] } }, 'no_recipients'],
      ['audience', { audience: { facility_ids: [a.facility.id], grades: ['小6'] } }, 'no_recipients'],
      ['channels[0]', { channels: ['fax'] }, 'not_a_choice'],
      ['client_id', { client_id: 'not-a-uuid' }, 'not_uuid'],
      ['anonymous', { anonymous: true }, 'unknown_field'],
      ['questions[0].hint', { questions: [{ ...q1, hint: '一つ選んでください' }] }, 'unknown_field'],
    ];
    for (const [field, over, reason] of cases) {
      const e = await expectInvalid(admin.createSurvey({ ...toA(), ...over } as SurveyInput), field);
      expect(e.fieldReasons[field], `${field}: ${JSON.stringify(e.body)}`).toBe(reason);
    }
    // Several at once: each named.
    const many = await expectApiError(admin.createSurvey({ ...toA(), title: '', closes_at: tokyo(now - 1000) }), 400);
    expect(many.reason).toBe('invalid_fields');
    expect(many.fieldReasons).toMatchObject({ title: 'empty', closes_at: 'not_future' });
    const missing = await admin.request('POST', '/api/v1/surveys', { title: '題名だけ' });
    expectErrorBody(missing, 400, 'invalid_argument');
    expect(Object.keys(missing.body.error.fields).sort()).toEqual(['audience', 'closes_at', 'questions']);

    expect(await listed(admin)).toEqual(before);
    expect((await yamadaMother.notifications({ limit: 200 })).items.length).toBe(inbox);
  });

  it('within a year is taken; from a guardian 403; beyond the sender\'s reach 403 or 404', async () => {
    const year = await create(admin, toA({ closes_at: tokyo(serverNow().getTime() + 365 * DAY_MS) }));
    expect(year.status).toBe('open');
    const before = await listed(admin);
    await expectApiError(yamadaMother.createSurvey(toA()), 403);
    await expectApiError(a.kiosk.createSurvey(toA()), 403);
    const beyond = await expectApiError(a.staff.createSurvey(surveyInput([b.facility.id])), 403);
    expect(beyond.reason).toBe('not_your_facility');
    const foreign = await expectApiError(admin.createSurvey(surveyInput([otherSite.facility.id])), 404);
    expect(foreign.fieldReasons['audience.facility_ids[0]']).toBe('no_such_facility');
    const theirFamily = (await otherAdmin.listFamilies()).items[0].id;
    const family = await expectApiError(admin.createSurvey(toA({ audience: { family_ids: [theirFamily] } })), 404);
    expect(family.fieldReasons['audience.family_ids[0]']).toBe('no_such_family');
    await expectApiError(server.api().createSurvey(toA()), 401);
    expect(await listed(admin)).toEqual(before);
  });
});

describe('lists and one survey', () => {
  it('staff list newest first with respondents, in pages', async () => {
    const older = await create(a.staff, toA({ title: '古いアンケート' }));
    const newer = await create(a.staff, toA({ title: '新しいアンケート' }));
    await satoMother.answerSurvey(older.id, { q1: '参加する' });
    const items = (await admin.surveys({ limit: 200 })).items;
    expect(idsOf(items)).toEqual(idsOf(items).slice().sort().reverse());
    expect(idsOf(items).slice(0, 2)).toEqual([newer.id, older.id]);
    expect(items.find((s) => s.id === older.id)).toMatchObject({ respondents: 1, families: 2, status: 'open' });
    expect(items.find((s) => s.id === newer.id)).toMatchObject({ respondents: 0 });
    expect((await a.staff.staffSurvey(older.id)).respondents).toBe(1);

    const page1 = await admin.surveys({ limit: 1 });
    expect(idsOf(page1.items)).toEqual([newer.id]);
    expect(page1.next_cursor).toBe(newer.id);
    const page2 = await admin.surveys({ limit: 1, cursor: page1.next_cursor });
    expect(idsOf(page2.items)).toEqual([older.id]);
    const mine1 = await satoMother.mySurveys({ limit: 1 });
    expect(idsOf(mine1.items)).toEqual([newer.id]);
    const mine2 = await satoMother.mySurveys({ limit: 1, cursor: mine1.next_cursor });
    expect(mine2.items[0]).toMatchObject({ id: older.id, answered: true });
  });

  it('facility staff see and manage only the surveys whose facilities are all theirs', async () => {
    const both = await create(admin, surveyInput([a.facility.id, b.facility.id], { title: '両クラブへ' }));
    const onlyA = await create(a.staff, toA({ title: 'A へ' }));
    const onlyB = await create(b.staff, surveyInput([b.facility.id], { title: 'B へ' }));
    expect(both.families).toBe(3);
    const aList = await listed(a.staff);
    expect(aList).toContain(onlyA.id);
    expect(aList).not.toContain(both.id);
    expect(aList).not.toContain(onlyB.id);
    const bList = await listed(b.staff);
    expect(bList).toContain(onlyB.id);
    expect(bList).not.toContain(both.id);
    expect(bList).not.toContain(onlyA.id);
    for (const [who, id] of [[a.staff, both.id], [a.staff, onlyB.id], [b.staff, both.id], [b.staff, onlyA.id]] as const) {
      await expectApiError(who.staffSurvey(id), 404);
      await expectApiError(who.surveyResults(id), 404);
      await expectApiError(who.remindSurvey(id), 404);
      await expectApiError(who.closeSurvey(id), 404);
    }
    expect((await admin.staffSurvey(both.id)).status).toBe('open');
    const { api: ab } = await newStaff(server, admin, [a.facility.id, b.facility.id]);
    expect(await listed(ab)).toEqual(expect.arrayContaining([both.id, onlyA.id, onlyB.id]));
    expect(await listed(admin)).toEqual(expect.arrayContaining([both.id, onlyA.id, onlyB.id]));
    expect(await listed(yamadaMother)).toEqual(expect.arrayContaining([both.id, onlyA.id]));
    expect(await listed(yamadaMother)).not.toContain(onlyB.id);
    expect(await listed(suzukiMother)).toEqual(expect.arrayContaining([both.id, onlyB.id]));
    expect(await listed(suzukiMother)).not.toContain(onlyA.id);
  });

  it('a guardian\'s list shows whether the family answered; GET adds the family\'s answers (null before)', async () => {
    const s = await create(a.staff, toA({ title: '遠足のアンケート' }));
    const keys = ['answered', 'answered_at', 'answered_by', 'closes_at', 'created_at', 'description', 'id', 'questions', 'sender', 'status', 'title'];
    const item = (await yamadaMother.mySurveys()).items.find((x) => x.id === s.id)!;
    expect(Object.keys(item).sort()).toEqual(keys);
    expect(item).toMatchObject({ answered: false, answered_at: null, answered_by: null, sender: { name: s.sender.name } });
    const one = await yamadaMother.mySurvey(s.id);
    expect(Object.keys(one).sort()).toEqual([...keys, 'answers'].sort());
    expect(one.answers).toBeNull();

    await yamadaFather.answerSurvey(s.id, { q1: '参加しない', q3: 'よろしくお願いします' });
    const after = (await yamadaMother.mySurveys()).items.find((x) => x.id === s.id)!;
    expect(after).toMatchObject({ answered: true, answered_at: tokyo(serverNow()), answered_by: { name: '山田 健' } });
    expect(after).not.toHaveProperty('answers');
    expect((await yamadaMother.mySurvey(s.id)).answers).toEqual({ q1: '参加しない', q3: 'よろしくお願いします' });
    expect((await satoMother.mySurvey(s.id))).toMatchObject({ answered: false, answers: null });
  });

  it('open=true hides the surveys closed by staff or by their time, for staff and guardians; a bad value 400', async () => {
    const open = await create(a.staff, toA({ title: 'まだ受付中' }));
    const closed = await create(a.staff, toA({ title: '締め切ったもの' }));
    const timed = await create(a.staff, toA({ title: '十分で締切', closes_at: tokyo(serverNow().getTime() + 10 * 60_000) }));
    expect((await a.staff.closeSurvey(closed.id)).status).toBe('closed');
    await server.advanceClock(10 * 60_000 + 1000);
    for (const who of [a.staff, admin, yamadaMother]) {
      const openOnly = await listed(who, 'true');
      expect(openOnly).toContain(open.id);
      expect(openOnly).not.toContain(closed.id);
      expect(openOnly).not.toContain(timed.id);
      const all = (await who.surveys({ limit: 200, open: 'false' })).items;
      const status = Object.fromEntries(all.map((s) => [s.id, s.status]));
      expect([status[open.id], status[closed.id], status[timed.id]]).toEqual(['open', 'closed', 'closed']);
      expect(idsOf(all)).toEqual(await listed(who));
    }
    for (const who of [admin, yamadaMother]) {
      for (const bad of ['yes', '1', 'TRUE']) {
        const res = await who.request('GET', `/api/v1/surveys?open=${bad}`);
        expectErrorBody(res, 400, 'invalid_argument');
        expect(Object.keys(res.body.error.fields), bad).toEqual(['open']);
      }
    }
  });
});

describe('isolation', () => {
  it('another organization, another facility\'s staff and a family not reached get 404 on every survey route, changing nothing', async () => {
    const s = await create(a.staff, toA({ title: 'A だけのアンケート' }));
    for (const who of [otherAdmin, b.staff, otherSite.staff]) {
      await expectApiError(who.staffSurvey(s.id), 404);
      await expectApiError(who.closeSurvey(s.id), 404);
      await expectApiError(who.remindSurvey(s.id), 404);
      await expectApiError(who.surveyResults(s.id), 404);
      for (const file of ['csv', 'csv_shift_jis', 'xlsx'] as const) {
        const res = await download(server, who, who.surveyResultsUrl(s.id, file));
        expect(res.status, file).toBe(404);
      }
      expect(await listed(who)).not.toContain(s.id);
    }
    for (const g of [otherGuardian, suzukiMother]) {
      await expectApiError(g.mySurvey(s.id), 404);
      await expectApiError(g.answerSurvey(s.id, { q1: '参加する' }), 404);
      expect(await listed(g)).not.toContain(s.id);
    }
    const missing = '01J0000000000000000000000A';
    await expectApiError(admin.staffSurvey(missing), 404);
    await expectApiError(yamadaMother.mySurvey(missing), 404);
    await expectApiError(server.api().mySurvey(s.id), 401);
    await expectApiError(server.api().surveys(), 401);

    // Nothing changed: still open, unanswered, told once.
    expect(await a.staff.staffSurvey(s.id)).toMatchObject({ status: 'open', respondents: 0 });
    expect((await a.staff.surveyResults(s.id)).respondents).toBe(0);
    expect(await surveyNotices(yamadaMother, s.id)).toHaveLength(1);
    expect(await surveyNotices(satoMother, s.id)).toHaveLength(1);
    // Nor does theirs reach us.
    const theirs = await create(otherAdmin, surveyInput([otherSite.facility.id], { client_id: clientId() }));
    await expectApiError(admin.staffSurvey(theirs.id), 404);
    await expectApiError(yamadaMother.mySurvey(theirs.id), 404);
    expect(await listed(otherGuardian)).toContain(theirs.id);
    expect(await listed(admin)).not.toContain(theirs.id);
  });
});

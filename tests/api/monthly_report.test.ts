// The monthly usage report (利用者実績表, issue 13): GET /api/v1/reports/monthly for June 2027
// as JSON (every day and the totals, computed independently from what was played), as XLSX
// (read back by openpyxl: every cell of every sheet against the JSON, numbers as number
// cells), as CSV (UTF-8 with BOM, and Shift_JIS decoding to the same text), as PDF (A4
// landscape, its text by pdftotext), for one facility and for the whole organization
// (org_admin only), and the 400s/403s/404s.
// The server's test clock starts at 2027-05-20 09:00 in Tokyo; the scenario moves it to each
// stamp's time through June, so in_at and out_at are exactly the times written here:
//   - ひだまりひろば (drop_in, 09:00-17:00): closed on 6/6 (the organization's closure) and 6/14
//     (its own; a closure on 6/21 was cancelled); a course on 6/19 with four children
//     confirmed (one application withdrawn, one waitlisted) and a cancelled course on 6/26;
//     families of three children, first-time families, a family that came first in May, ages
//     0..中学 and a high-school student (その他), a child turning 3 on 6/10, and a visit the
//     job auto-closes at 17:00;
//   - ひまわり児童クラブ (after_school, 14:00-18:00): closed on 6/6 and 6/28-29; 小1..小6 (the
//     April 2 cut-off: born 2018-04-02 and 2019-04-01 are both 小3) and a 中1 (その他), a child
//     twice in one day, one auto-closed visit (0 minutes of extension), a departure at 17:30
//     corrected to 18:45 (45 minutes) and an auto-closed visit corrected to 18:30 (30 minutes);
//   - さくら保育室 (nursery): no visits at all.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CalendarEvent, Facility, MonthlyReport } from '../../web/src/shared/types';
import {
  CLOSED,
  Scenario,
  allDay,
  allVisits,
  checkTable,
  closureInput,
  courseInput,
  csvBlocks,
  csvCells,
  DROP_IN_COLUMNS,
  dayLabel,
  datesOfMonth,
  download,
  expectApiError,
  expectErrorBody,
  expectSameInstant,
  expectedFacilityReport,
  figuresUnder,
  facilityInput,
  jst,
  normalizeCounts,
  normalizeFacilityReport,
  pdfInfo,
  pdfPages,
  pdfSections,
  readCsv,
  readWorkbook,
  squash,
  startCheckinServer,
  sumCounts,
  titleOf,
  totalsInColumnOrder,
  totalsLines,
  type DayCounts,
  type FacilityReport,
  type Kid,
  type ReportFacility,
  type Site,
  type TableWant,
  type TestApi,
  type TestServer,
} from '../support';

const MONTH = '2027-06';
const WESTERN = '2027年6月';
const JAPANESE = '令和9年6月';

let server: TestServer;
let admin: TestApi;
let room: Site; // ひだまりひろば
let club: Site; // ひまわり児童クラブ
let nursery: Facility; // さくら保育室
let otherAdmin: TestApi;
let foreignId: string;
let play: Scenario;
const k: Record<string, Kid> = {};
let aoki: Kid[];
let kato: Kid[];
let course: CalendarEvent;
const model: Record<'room' | 'club' | 'nursery', ReportFacility> = {} as never;

beforeAll(async () => {
  server = await startCheckinServer({ testClock: '2027-05-20T09:00:00+09:00' });
  play = new Scenario(server);
  admin = play.keep(await server.login(), server.admin);
  room = await play.site(admin, { name: 'ひだまりひろば', kind: 'drop_in', opens_at: '09:00', closes_at: '17:00', duplicate_window_seconds: 0 });
  club = await play.site(admin, { name: 'ひまわり児童クラブ', kind: 'after_school', opens_at: '14:00', closes_at: '18:00', duplicate_window_seconds: 0 });
  nursery = await admin.createFacility(facilityInput({ name: 'さくら保育室', kind: 'nursery', opens_at: '08:00', closes_at: '18:00' }));
  const other = await server.createOrg('となり市こども課');
  otherAdmin = play.keep(await server.login(other), other);
  foreignId = (await play.site(otherAdmin, { name: 'となりのひろば', kind: 'drop_in' })).facility.id;

  aoki = await play.kids(room, '青木家', [
    { name: '青木 ひな', name_kana: 'あおき ひな', birth_date: '2026-09-01' }, // 0歳
    { name: '青木 そうた', name_kana: 'あおき そうた', birth_date: '2025-01-20' }, // 2歳
    { name: '青木 ゆな', name_kana: 'あおき ゆな', birth_date: '2023-02-02' }, // 4歳
  ]);
  [k.hina, k.sota, k.yuna] = aoki;
  [k.ren] = await play.kids(room, '井上家', [{ name: '井上 れん', name_kana: 'いのうえ れん', birth_date: '2026-03-03' }]); // 1歳
  [k.hana] = await play.kids(room, '上田家', [{ name: '上田 はな', name_kana: 'うえだ はな', birth_date: '2020-12-12' }]); // 小1
  [k.kai] = await play.kids(room, '江藤家', [{ name: '江藤 かい', name_kana: 'えとう かい', birth_date: '2013-10-10' }]); // 中2
  [k.rio] = await play.kids(room, '大野家', [{ name: '大野 りお', name_kana: 'おおの りお', birth_date: '2024-06-10' }]); // 3 on 6/10
  [k.natsu] = await play.kids(room, '小川家', [{ name: '小川 なつ', name_kana: 'おがわ なつ', birth_date: '2011-08-08' }]); // 高1

  [k.haruto] = await play.kids(club, '青山家', [{ name: '青山 はると', name_kana: 'あおやま はると', birth_date: '2020-05-05' }]); // 小1
  [k.sakura] = await play.kids(club, '石井家', [{ name: '石井 さくら', name_kana: 'いしい さくら', birth_date: '2018-04-02' }]); // 小3
  [k.sora] = await play.kids(club, '内田家', [{ name: '内田 そら', name_kana: 'うちだ そら', birth_date: '2019-04-01' }]); // 小3
  [k.yui] = await play.kids(club, '遠藤家', [{ name: '遠藤 ゆい', name_kana: 'えんどう ゆい', birth_date: '2015-11-11' }]); // 小6
  [k.ken] = await play.kids(club, '岡田家', [{ name: '岡田 けん', name_kana: 'おかだ けん', birth_date: '2014-06-06' }]); // 中1
  kato = await play.kids(club, '加藤家', [
    { name: '加藤 みお', name_kana: 'かとう みお', birth_date: '2019-08-08' }, // 小2
    { name: '加藤 りく', name_kana: 'かとう りく', birth_date: '2017-07-07' }, // 小4
  ]);

  // Closures: the organization's on 6/6, the room's on 6/14 (and one on 6/21, cancelled), the club's 6/28-29.
  await admin.createEvent({ kind: 'closure', title: '市の休館日', ...allDay('2027-06-06') });
  await room.staff.createEvent(closureInput(room.facility.id, '2027-06-14', '設備点検のため休館'));
  const cancelledClosure = await room.staff.createEvent(closureInput(room.facility.id, '2027-06-21', '臨時休館'));
  await room.staff.cancelEvent(cancelledClosure.id);
  await club.staff.createEvent(closureInput(club.facility.id, '2027-06-28', '研修のため休館', 2));

  // Courses: the room's on 6/19 (capacity 4), one cancelled on 6/26, the club's on 6/19.
  course = await room.staff.createEvent(courseInput(room.facility.id, '2027-06-19', { title: '親子リトミック', capacity: 4 }));
  expect((await k.sota.guardian.applyForCourse(course.id, [k.sota.id, k.yuna.id])).status).toBe('confirmed');
  expect((await k.kai.guardian.applyForCourse(course.id, [k.kai.id])).status).toBe('confirmed');
  const withdrawn = await k.hana.guardian.applyForCourse(course.id, [k.hana.id]);
  expect(withdrawn.status).toBe('confirmed');
  await k.hana.guardian.cancelApplication(withdrawn.id);
  expect((await k.natsu.guardian.applyForCourse(course.id, [k.natsu.id])).status).toBe('confirmed');
  expect((await k.rio.guardian.applyForCourse(course.id, [k.rio.id])).status).toBe('waitlisted');
  const cancelledCourse = await room.staff.createEvent(courseInput(room.facility.id, '2027-06-26', { title: '中止になる講座' }));
  expect((await k.ren.guardian.applyForCourse(cancelledCourse.id, [k.ren.id])).status).toBe('confirmed');
  await room.staff.cancelEvent(cancelledCourse.id);
  const craft = await club.staff.createEvent(courseInput(club.facility.id, '2027-06-19', { title: '工作教室' }, '15:00', '16:00'));
  expect((await k.haruto.guardian.applyForCourse(craft.id, [k.haruto.id])).status).toBe('confirmed');

  model.room = { id: room.facility.id, name: 'ひだまりひろば', kind: 'drop_in', closes_at: '17:00', closed: ['2027-06-06', '2027-06-14'], courseSeats: { '2027-06-19': 4 }, consultations: { '2027-06-08': 1 } };
  model.club = { id: club.facility.id, name: 'ひまわり児童クラブ', kind: 'after_school', closes_at: '18:00', closed: ['2027-06-06', '2027-06-28', '2027-06-29'], courseSeats: { '2027-06-19': 1 } };
  model.nursery = { id: nursery.id, name: 'さくら保育室', kind: 'nursery', closes_at: '18:00', closed: ['2027-06-06'], courseSeats: {} };

  // May: 井上 れん at the room, 石井 さくら at the club (neither is a first-time family in June).
  await play.arrive(room, '2027-05-25 10:00', [k.ren]);
  await play.leave(room, '2027-05-25 11:00', [k.ren]);
  await play.arrive(club, '2027-05-31 15:00', [k.sakura]);
  await play.leave(club, '2027-05-31 16:00', [k.sakura]);

  // 6/1 (Tue)
  await play.arrive(room, '2027-06-01 10:00', aoki, 'family', 2); // one visit (組) with two adults
  await play.arrive(room, '2027-06-01 10:30', [k.ren]);
  await play.leave(room, '2027-06-01 11:30', aoki, 'family');
  await play.leave(room, '2027-06-01 12:00', [k.ren]);
  await play.arrive(club, '2027-06-01 14:30', [k.haruto, k.sakura]);
  await play.arrive(club, '2027-06-01 15:00', [k.yui]);
  await play.leave(club, '2027-06-01 17:00', [k.haruto]);
  await play.leave(club, '2027-06-01 17:30', [k.sakura]);
  await play.leave(club, '2027-06-01 17:45', [k.yui]);
  // 6/2: はると twice; そら never stamps out (auto-closed at 18:00).
  await play.arrive(club, '2027-06-02 14:30', [k.haruto]);
  await play.arrive(club, '2027-06-02 15:00', [k.sora]);
  await play.leave(club, '2027-06-02 15:30', [k.haruto]);
  await play.arrive(club, '2027-06-02 16:00', [k.haruto]);
  await play.leave(club, '2027-06-02 17:00', [k.haruto]);
  await play.to(jst('2027-06-02 18:30'));
  play.expectAutoClosed(club.facility.id, k.sora, '2027-06-02 18:00');
  // 6/3: けん, and the Kato children by their family's code.
  await play.arrive(club, '2027-06-03 15:00', [k.ken]);
  await play.arrive(club, '2027-06-03 15:00', kato, 'family');
  await play.leave(club, '2027-06-03 16:00', [k.ken]);
  await play.leave(club, '2027-06-03 17:00', kato, 'family');
  // 6/7: さくら stamped out at 17:30; staff correct it to 18:45 (picked up late).
  const [late] = await play.arrive(club, '2027-06-07 15:00', [k.sakura]);
  await play.leave(club, '2027-06-07 17:30', [k.sakura]);
  await play.to(jst('2027-06-07 19:00'));
  await play.correct(club.staff, late, { out_at: '2027-06-07 18:45' }, 'お迎えは18:45（延長）');
  // 6/8
  await play.arrive(room, '2027-06-08 10:00', [k.hana]);
  await play.leave(room, '2027-06-08 11:00', [k.hana]);
  await play.arrive(room, '2027-06-08 13:00', [k.hina], 'family');
  await play.leave(room, '2027-06-08 14:00', [k.hina], 'family');
  // はな's mother talks with the staff at 10:30: one consultation (相談) of the day.
  const talk = await room.staff.request('POST', `/api/v1/families/${k.hana.family_id}/consultations`, {
    facility_id: room.facility.id, category: 'parenting', body: '園での様子について', occurred_at: jst('2027-06-08 10:30'),
  });
  expect(talk.status, JSON.stringify(talk.body)).toBe(201);
  const [closedLate] = await play.arrive(club, '2027-06-08 15:00', [k.yui], 'manual');
  await play.to(jst('2027-06-08 18:30'));
  play.expectAutoClosed(club.facility.id, k.yui, '2027-06-08 18:00');
  await play.to(jst('2027-06-08 19:00'));
  await play.correct(club.staff, closedLate, { out_at: '2027-06-08 18:30' }, 'お迎えは18:30（延長）');
  // 6/9 and 6/10: りお the day before and on her third birthday.
  await play.arrive(room, '2027-06-09 10:00', [k.rio]);
  await play.leave(room, '2027-06-09 11:00', [k.rio]);
  await play.arrive(room, '2027-06-10 10:00', [k.rio], 'manual');
  await play.leave(room, '2027-06-10 10:45', [k.rio], 'manual');
  // 6/19 (Sat): the course day.
  await play.arrive(room, '2027-06-19 10:00', [k.kai]);
  await play.arrive(room, '2027-06-19 10:00', [k.sota, k.yuna], 'family');
  await play.leave(room, '2027-06-19 11:30', [k.kai]);
  await play.leave(room, '2027-06-19 11:30', [k.sota, k.yuna], 'family');
  await play.arrive(club, '2027-06-19 15:00', [k.haruto]);
  await play.leave(club, '2027-06-19 16:00', [k.haruto]);
  // 6/22: はな stays past the room's closing; the job closes her visit at 17:00.
  await play.arrive(room, '2027-06-22 15:00', [k.hana]);
  await play.to(jst('2027-06-22 17:30'));
  play.expectAutoClosed(room.facility.id, k.hana, '2027-06-22 17:00');
  // 6/30
  await play.arrive(room, '2027-06-30 10:00', [k.ren]);
  await play.leave(room, '2027-06-30 10:30', [k.ren]);
  await play.arrive(club, '2027-06-30 14:30', [k.sakura]);
  await play.arrive(room, '2027-06-30 16:00', [k.natsu]);
  await play.leave(room, '2027-06-30 16:50', [k.natsu]);
  await play.leave(club, '2027-06-30 17:00', [k.sakura]);
  await play.to(jst('2027-07-01 09:00'));
}, 300_000);
afterAll(async () => {
  await server?.close();
});

const expectedOf = (f: 'room' | 'club' | 'nursery') => expectedFacilityReport(model[f], MONTH, play.visits);
const reportOf = async (api: TestApi, facility_id: string): Promise<FacilityReport> => {
  const r = await api.monthlyReport({ facility_id, month: MONTH });
  expect(r.facilities).toHaveLength(1);
  return normalizeFacilityReport(r.facilities[0] as FacilityReport);
};
const file = (who: TestApi, p: Parameters<TestApi['monthlyReportUrl']>[0]) => download(server, who, who.monthlyReportUrl(p));
/** What a facility's sheet or block must show: the JSON's figures. */
const tableOf = (r: FacilityReport, where: string, titles: string[], notInTitles: string[] = []): TableWant => ({
  where, kind: r.facility.kind, titles: [r.facility.name, ...titles], notInTitles, days: r.days, totals: r.totals, open_days: r.open_days, children: r.children,
});
/** The 合計 table of the whole organization: per day the sums of the facilities' days. */
const totalTableOf = (report: MonthlyReport, where: string, titles: string[]): TableWant => {
  const fs = report.facilities.map((f) => normalizeFacilityReport(f as FacilityReport));
  const days: DayCounts[] = datesOfMonth(MONTH).map((date) => {
    const of = fs.map((f) => f.days.find((d) => d.date === date)!);
    return { date, open: of.some((d) => d.open), ...sumCounts(of) };
  });
  return { where, kind: 'total', titles, days, totals: normalizeCounts(report.total, 'total'), open_days: report.total.open_days, children: [] };
};

describe('the played month (what the figures are checked against)', () => {
  it('is on the server as played, with the closures and the course applicants', async () => {
    const listed = await allVisits(admin, { from: '2027-05-01', to: '2027-07-31' });
    expect(listed.map((v) => v.id).sort()).toEqual(play.visits.map((v) => v.id).sort());
    for (const p of play.visits) {
      const v = listed.find((x) => x.id === p.id)!;
      expect({ facility: v.facility_id, child: v.child.id }).toEqual({ facility: p.facility_id, child: p.kid.id });
      expectSameInstant(v.in_at, p.in_at, `${p.kid.name} in_at`);
      expectSameInstant(v.out_at, p.out_at!, `${p.kid.name} out_at`);
      if (!p.corrected) expect(v.auto_closed, `${p.kid.name} ${p.in_at}`).toBe(p.auto_closed);
    }
    const closure = async (api: TestApi, id: string, date: string) => (await api.roster(id, date)).closure !== null;
    expect({
      room6: await closure(room.staff, room.facility.id, '2027-06-06'),
      room14: await closure(room.staff, room.facility.id, '2027-06-14'),
      room15: await closure(room.staff, room.facility.id, '2027-06-15'),
      room21: await closure(room.staff, room.facility.id, '2027-06-21'),
      club6: await closure(club.staff, club.facility.id, '2027-06-06'),
      club28: await closure(club.staff, club.facility.id, '2027-06-28'),
      club29: await closure(club.staff, club.facility.id, '2027-06-29'),
      club30: await closure(club.staff, club.facility.id, '2027-06-30'),
      nursery6: await closure(admin, nursery.id, '2027-06-06'),
    }).toEqual({ room6: true, room14: true, room15: false, room21: false, club6: true, club28: true, club29: true, club30: false, nursery6: true });
    const apps = await room.staff.courseApplications(course.id);
    expect(apps.confirmed.flatMap((a) => a.children.map((c) => c.id)).sort()).toEqual([k.sota.id, k.yuna.id, k.kai.id, k.natsu.id].sort());
    expect(apps.waitlisted.flatMap((a) => a.children.map((c) => c.id))).toEqual([k.rio.id]);
  });
});

describe('JSON', () => {
  it('a drop-in room: every day (open, visits, children, bands, first-time families, course participants) and the totals', async () => {
    const res = await room.staff.monthlyReport({ facility_id: room.facility.id, month: MONTH });
    expect(res.month).toBe(MONTH);
    const r = await reportOf(room.staff, room.facility.id);
    expect(r).toEqual(expectedOf('room'));
    // Written out by hand as well.
    expect(r.facility).toEqual({ id: room.facility.id, name: 'ひだまりひろば', kind: 'drop_in' });
    expect(r.open_days).toBe(28);
    expect(r.days.map((d) => d.date)).toEqual(datesOfMonth(MONTH));
    expect(r.days.filter((d) => !d.open).map((d) => d.date)).toEqual(['2027-06-06', '2027-06-14']);
    expect(r.days.find((d) => d.date === '2027-06-01')).toMatchObject({ visits: 2, children: 4, adults: 3, first_time_families: 1, course_participants: 0,
      bands: { '0歳': 1, '1歳': 1, '2歳': 1, '3歳以上未就学': 1, 小学生: 0, 中学生: 0, その他: 0 } });
    expect(r.days.find((d) => d.date === '2027-06-09')!.bands['2歳']).toBe(1);
    expect(r.days.find((d) => d.date === '2027-06-10')!.bands['3歳以上未就学']).toBe(1);
    expect(r.days.find((d) => d.date === '2027-06-19')).toMatchObject({ visits: 2, children: 3, first_time_families: 1, course_participants: 4 });
    expect(r.days.find((d) => d.date === '2027-06-26')!.course_participants, 'the cancelled course').toBe(0);
    expect(r.days.find((d) => d.date === '2027-06-22')).toMatchObject({ visits: 1, extension_minutes: 0 });
    expect(r.totals).toEqual({
      visits: 11, children: 14, adults: 12, first_time_families: 5, course_participants: 4, consultations: 1, extension_minutes: 0,
      bands: { '0歳': 2, '1歳': 2, '2歳': 3, '3歳以上未就学': 3, 小学生: 2, 中学生: 1, その他: 1 },
      grades: { 小1: 2, 小2: 0, 小3: 0, 小4: 0, 小5: 0, 小6: 0, その他: 12 },
    });
    expect(r.children).toEqual([]);
    expect(normalizeCounts(res.total, 'total')).toEqual({ ...r.totals, open_days: 28 });
    // The org admin reads the same.
    expect(await reportOf(admin, room.facility.id)).toEqual(r);
  });

  it('an after-school club: grades per day, extension minutes, and every child by furigana', async () => {
    const r = await reportOf(club.staff, club.facility.id);
    expect(r).toEqual(expectedOf('club'));
    expect(r.open_days).toBe(27);
    expect(r.days.filter((d) => !d.open).map((d) => d.date)).toEqual(['2027-06-06', '2027-06-28', '2027-06-29']);
    expect(r.days.find((d) => d.date === '2027-06-02')).toMatchObject({ visits: 3, children: 3, first_time_families: 1, extension_minutes: 0,
      grades: { 小1: 2, 小2: 0, 小3: 1, 小4: 0, 小5: 0, 小6: 0, その他: 0 } });
    expect(r.days.find((d) => d.date === '2027-06-07')!.extension_minutes).toBe(45);
    expect(r.days.find((d) => d.date === '2027-06-08')!.extension_minutes).toBe(30);
    expect(r.totals).toMatchObject({ visits: 13, children: 13, first_time_families: 5, course_participants: 1, extension_minutes: 75,
      grades: { 小1: 4, 小2: 1, 小3: 4, 小4: 1, 小5: 0, 小6: 2, その他: 1 } });
    expect(r.children.map((c) => [c.name, c.name_kana, c.grade, c.days, c.extension_minutes])).toEqual([
      ['青山 はると', 'あおやま はると', '小1', 3, 0],
      ['石井 さくら', 'いしい さくら', '小3', 3, 45],
      ['内田 そら', 'うちだ そら', '小3', 1, 0],
      ['遠藤 ゆい', 'えんどう ゆい', '小6', 2, 30],
      ['岡田 けん', 'おかだ けん', '中1', 1, 0],
      ['加藤 みお', 'かとう みお', '小2', 1, 0],
      ['加藤 りく', 'かとう りく', '小4', 1, 0],
    ]);
  });

  it('a nursery without visits: every day at zero, open unless closed', async () => {
    const r = await reportOf(admin, nursery.id);
    expect(r).toEqual(expectedOf('nursery'));
    expect(r.open_days).toBe(29);
    expect(r.totals).toMatchObject({ visits: 0, children: 0, first_time_families: 0, course_participants: 0, extension_minutes: 0 });
  });
});

describe('XLSX', () => {
  it('a drop-in room: one sheet; title, header, a row per day, 合計, every cell as in the JSON', async () => {
    const r = await reportOf(room.staff, room.facility.id);
    const f = await file(room.staff, { facility_id: room.facility.id, month: MONTH, format: 'xlsx' });
    expect(f.status, f.text.slice(0, 300)).toBe(200);
    expect(f.type).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(f.bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    const book = await readWorkbook(f.bytes);
    expect(book.names).toEqual(['ひだまりひろば']);
    const sheet = book.sheets['ひだまりひろば'];
    checkTable(sheet, tableOf(r, 'ひだまりひろば.xlsx', [WESTERN], [JAPANESE]), 'cells');
    // Spot checks of the layout the contract names.
    const h = sheet.findIndex((row) => row[0]?.v === '日付');
    expect(sheet[h + 1][0].v).toBe('6/1（火）');
    expect(sheet[h + 6][0].v).toBe(dayLabel('2027-06-06'));
    expect(sheet[h + 6].map((c) => c.v)).toContain(CLOSED);
    expect(sheet[h + 31][0].v).toBe('合計');
  });

  it('an after-school club with era=japanese: 令和9年6月, grades, 延長(分), then the children', async () => {
    const r = await reportOf(club.staff, club.facility.id);
    const f = await file(club.staff, { facility_id: club.facility.id, month: MONTH, format: 'xlsx', era: 'japanese' });
    expect(f.status, f.text.slice(0, 300)).toBe(200);
    const book = await readWorkbook(f.bytes);
    expect(book.names).toEqual(['ひまわり児童クラブ']);
    checkTable(book.sheets['ひまわり児童クラブ'], tableOf(r, 'ひまわり児童クラブ.xlsx', [JAPANESE], [WESTERN]), 'cells');
    const western = await readWorkbook((await file(club.staff, { facility_id: club.facility.id, month: MONTH, format: 'xlsx', era: 'western' })).bytes);
    checkTable(western.sheets['ひまわり児童クラブ'], tableOf(r, 'ひまわり児童クラブ.xlsx (western)', [WESTERN], [JAPANESE]), 'cells');
  });

  it('a nursery: the drop-in columns, all zeros', async () => {
    const r = await reportOf(admin, nursery.id);
    const book = await readWorkbook((await file(admin, { facility_id: nursery.id, month: MONTH, format: 'xlsx' })).bytes);
    expect(book.names).toEqual(['さくら保育室']);
    checkTable(book.sheets['さくら保育室'], tableOf(r, 'さくら保育室.xlsx', [WESTERN]), 'cells');
  });
});

describe('CSV', () => {
  for (const which of ['room', 'club'] as const) {
    it(`${which === 'room' ? 'a drop-in room' : 'an after-school club'}: UTF-8 with BOM by default, the same block as the sheet; Shift_JIS decodes to the same text`, async () => {
      const site = which === 'room' ? room : club;
      const r = await reportOf(site.staff, site.facility.id);
      const base = { facility_id: site.facility.id, month: MONTH, format: 'csv' } as const;
      const utf8 = await file(site.staff, base);
      expect(utf8.status, utf8.text.slice(0, 300)).toBe(200);
      expect(utf8.type).toMatch(/^text\/csv/);
      expect([...utf8.bytes.subarray(0, 3)], 'a byte-order mark').toEqual([0xef, 0xbb, 0xbf]);
      const rows = await readCsv(utf8.bytes, 'utf-8-sig');
      const blocks = csvBlocks(csvCells(rows));
      expect(blocks, 'one block').toHaveLength(1);
      checkTable(blocks[0], tableOf(r, `${site.facility.name}.csv`, [WESTERN]), 'text');

      const explicit = await file(site.staff, { ...base, encoding: 'utf-8' });
      expect(await readCsv(explicit.bytes, 'utf-8-sig')).toEqual(rows);
      const sjis = await file(site.staff, { ...base, encoding: 'shift_jis' });
      expect(sjis.status).toBe(200);
      expect(sjis.type).toMatch(/^text\/csv/);
      expect([...sjis.bytes.subarray(0, 3)]).not.toEqual([0xef, 0xbb, 0xbf]);
      expect(await readCsv(sjis.bytes, 'cp932')).toEqual(rows);
    });
  }
});

describe('PDF', () => {
  it('A4 landscape, one page: the facility, 2027年6月 (or 令和9年6月 with era=japanese), the totals', async () => {
    for (const [site, era, month, not] of [[room, 'western', WESTERN, JAPANESE], [club, 'japanese', JAPANESE, WESTERN]] as const) {
      const r = await reportOf(site.staff, site.facility.id);
      const f = await file(site.staff, { facility_id: site.facility.id, month: MONTH, format: 'pdf', era });
      expect(f.status, f.text.slice(0, 300)).toBe(200);
      expect(f.type).toBe('application/pdf');
      expect(f.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      const info = await pdfInfo(f.bytes);
      const [w, h] = (/^([\d.]+) x ([\d.]+) pts/.exec(info['Page size']) ?? []).slice(1).map(Number);
      expect({ w: Math.round(w), h: Math.round(h) }, `A4 landscape: ${info['Page size']}`).toEqual({ w: 842, h: 595 });
      const pages = await pdfPages(f.bytes);
      const text = pages.join('\n');
      expect(squash(text)).toContain(squash(site.facility.name));
      expect(squash(text)).toContain(month);
      expect(squash(text)).not.toContain(not);
      for (const d of r.days) expect(squash(text)).toContain(dayLabel(d.date));
      expect(totalsLines(text), `${site.facility.name}: the 合計 line`).toContainEqual(totalsInColumnOrder(r.facility.kind, r.totals));
      if (r.facility.kind === 'after_school') for (const c of r.children) expect(squash(text)).toContain(squash(c.name));
      // A page per facility: the whole day table, through 合計, on its page (the children
      // of a large club may run on).
      const sections = pdfSections(pages, month);
      expect(sections).toHaveLength(1);
      expect.soft(onePage(sections[0].pages[0], r.days.map((d) => d.date), totalsInColumnOrder(r.facility.kind, r.totals)), `${site.facility.name}: the table on one page (${info.Pages} pages)`)
        .toEqual({ days: r.days.length, totals: true });
    }
  });
});

/** How many of `dates` a PDF page shows, and whether its 合計 line has `totals`. */
function onePage(page: string, dates: string[], totals: number[]) {
  const lines = page.split('\n').map(squash);
  return {
    days: dates.filter((d) => lines.some((l) => l.startsWith(dayLabel(d)))).length,
    totals: totalsLines(page).some((t) => JSON.stringify(t) === JSON.stringify(totals)),
  };
}

describe('the whole organization (org_admin, no facility_id)', () => {
  let report: MonthlyReport;
  beforeAll(async () => {
    report = await admin.monthlyReport({ month: MONTH });
  });

  it('JSON: every facility as on its own, and the total (the sum, open days summed)', async () => {
    expect(report.month).toBe(MONTH);
    expect(report.facilities.map((f) => f.facility.id).sort()).toEqual([room.facility.id, club.facility.id, nursery.id].sort());
    for (const f of ['room', 'club', 'nursery'] as const) {
      const got = report.facilities.find((x) => x.facility.id === model[f].id)!;
      expect(normalizeFacilityReport(got as FacilityReport)).toEqual(expectedOf(f));
    }
    const sum = sumCounts([expectedOf('room').totals, expectedOf('club').totals, expectedOf('nursery').totals]);
    expect(normalizeCounts(report.total, 'total')).toEqual({ ...sum, open_days: 28 + 27 + 29 });
    expect(report.total).toMatchObject({ visits: 24, children: 27, adults: 12, first_time_families: 10, course_participants: 5, extension_minutes: 75, open_days: 84 });
  });

  it('XLSX: a sheet per facility and 合計, every cell as in the JSON', async () => {
    const f = await file(admin, { month: MONTH, format: 'xlsx' });
    expect(f.status, f.text.slice(0, 300)).toBe(200);
    const book = await readWorkbook(f.bytes);
    expect([...book.names].sort()).toEqual(['ひだまりひろば', 'ひまわり児童クラブ', 'さくら保育室', '合計'].sort());
    for (const got of report.facilities) {
      const r = normalizeFacilityReport(got as FacilityReport);
      checkTable(book.sheets[r.facility.name], tableOf(r, `org xlsx: ${r.facility.name}`, [WESTERN]), 'cells');
    }
    checkTable(book.sheets['合計'], totalTableOf(report, 'org xlsx: 合計', [WESTERN]), 'cells');
    const japanese = await readWorkbook((await file(admin, { month: MONTH, format: 'xlsx', era: 'japanese' })).bytes);
    for (const name of japanese.names) expect(titleOf(japanese.sheets[name]), name).toContain(JAPANESE);
  });

  it('CSV: the blocks one after another (each facility, then the total); Shift_JIS the same text', async () => {
    const utf8 = await file(admin, { month: MONTH, format: 'csv' });
    expect(utf8.status, utf8.text.slice(0, 300)).toBe(200);
    expect([...utf8.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = await readCsv(utf8.bytes, 'utf-8-sig');
    const blocks = csvBlocks(csvCells(rows));
    expect(blocks, 'a block per facility and the total').toHaveLength(4);
    const names = report.facilities.map((x) => x.facility.name);
    const totals = blocks.filter((b) => !names.some((n) => titleOf(b).includes(n)));
    expect(totals, 'one block names no facility: the total').toHaveLength(1);
    expect(blocks.indexOf(totals[0]), 'the total comes last').toBe(3);
    for (const got of report.facilities) {
      const r = normalizeFacilityReport(got as FacilityReport);
      const mine = blocks.filter((b) => titleOf(b).includes(r.facility.name));
      expect(mine, r.facility.name).toHaveLength(1);
      checkTable(mine[0], tableOf(r, `org csv: ${r.facility.name}`, [WESTERN]), 'text');
    }
    checkTable(totals[0], totalTableOf(report, 'org csv: 合計', [WESTERN]), 'text');
    expect(await readCsv((await file(admin, { month: MONTH, format: 'csv', encoding: 'shift_jis' })).bytes, 'cp932')).toEqual(rows);
  });

  it('PDF: a page per facility and a total page', async () => {
    const f = await file(admin, { month: MONTH, format: 'pdf' });
    expect(f.status, f.text.slice(0, 300)).toBe(200);
    const info = await pdfInfo(f.bytes);
    const sections = pdfSections(await pdfPages(f.bytes), WESTERN);
    expect(sections.length, 'a section per facility and the total').toBe(4);
    for (const got of report.facilities) {
      const r = normalizeFacilityReport(got as FacilityReport);
      const mine = sections.filter((p) => squash(p.text).includes(squash(r.facility.name)));
      expect(mine.length, r.facility.name).toBe(1);
      expect(totalsLines(mine[0].text), `${r.facility.name}: the 合計 line`).toContainEqual(totalsInColumnOrder(r.facility.kind, r.totals));
    }
    const total = sections.filter((p) => !report.facilities.some((x) => squash(p.text).includes(squash(x.facility.name))));
    expect(total, 'a section naming no facility: the total').toHaveLength(1);
    // Its columns as in the CSV's total block.
    const blocks = csvBlocks(csvCells(await readCsv((await file(admin, { month: MONTH, format: 'csv' })).bytes, 'utf-8-sig')));
    const header = blocks.at(-1)!.find((row) => row[0]?.v === '日付')!.map((c) => (c.v === null ? '' : String(c.v)));
    expect(totalsLines(total[0].text), 'the total 合計 line').toContainEqual(figuresUnder(header, normalizeCounts(report.total, 'total')));
    for (const got of report.facilities) {
      const r = normalizeFacilityReport(got as FacilityReport);
      const mine = sections.find((p) => squash(p.text).includes(squash(r.facility.name)))!;
      expect.soft(onePage(mine.pages[0], r.days.map((d) => d.date), totalsInColumnOrder(r.facility.kind, r.totals)), `${r.facility.name}: its table on one page (${info.Pages} pages in all)`)
        .toEqual({ days: r.days.length, totals: true });
    }
    expect.soft(onePage(total[0].pages[0], datesOfMonth(MONTH), figuresUnder(header, normalizeCounts(report.total, 'total'))), `the total's table on one page (${info.Pages} pages in all)`)
      .toEqual({ days: 30, totals: true });
  });

  it('facility staff without facility_id: 403, in every format; guardians 403; without a session 401', async () => {
    for (const staff of [room.staff, club.staff]) {
      const e = await expectApiError(staff.monthlyReport({ month: MONTH }), 403, 'permission_denied');
      expect(e.status).toBe(403);
      for (const format of ['xlsx', 'csv', 'pdf'] as const) expect((await file(staff, { month: MONTH, format })).status, format).toBe(403);
    }
    for (const g of [k.ren.guardian, k.haruto.guardian]) {
      await expectApiError(g.monthlyReport({ month: MONTH }), 403);
      await expectApiError(g.monthlyReport({ facility_id: room.facility.id, month: MONTH }), 403);
      expect((await file(g, { facility_id: club.facility.id, month: MONTH, format: 'xlsx' })).status).toBe(403);
    }
    await expectApiError(server.api().monthlyReport({ facility_id: room.facility.id, month: MONTH }), 401);
  });
});

describe('bad input and other facilities', () => {
  it('bad month, format, era or encoding → 400 naming it', async () => {
    const f = `facility_id=${room.facility.id}`;
    const cases: [string, string][] = [
      [`${f}&format=json`, 'month'],
      [`${f}&month=2027-13&format=json`, 'month'],
      [`${f}&month=2027-00&format=xlsx`, 'month'],
      [`${f}&month=2027-6&format=json`, 'month'],
      [`${f}&month=202706&format=csv`, 'month'],
      [`${f}&month=2027-06-01&format=pdf`, 'month'],
      [`${f}&month=2027-06`, 'format'],
      [`${f}&month=2027-06&format=doc`, 'format'],
      [`${f}&month=2027-06&format=XLSX`, 'format'],
      [`${f}&month=2027-06&format=pdf&era=showa`, 'era'],
      [`${f}&month=2027-06&format=xlsx&era=Japanese`, 'era'],
      [`${f}&month=2027-06&format=csv&encoding=latin1`, 'encoding'],
      [`${f}&month=2027-06&format=csv&encoding=sjis`, 'encoding'],
    ];
    for (const [q, field] of cases) {
      const res = await room.staff.request('GET', `/api/v1/reports/monthly?${q}`);
      expectErrorBody(res, 400, 'invalid_argument');
      expect(Object.keys(res.body.error.fields), `${q}: ${JSON.stringify(res.body)}`).toEqual([field]);
    }
    for (const [q, field] of cases.slice(0, 2).map(([q, fl]) => [q.replace(f, ''), fl] as const)) {
      const res = await admin.request('GET', `/api/v1/reports/monthly?${q}`);
      expectErrorBody(res, 400, 'invalid_argument');
      expect(Object.keys(res.body.error.fields), q).toEqual([field]);
    }
  });

  it("another organization's facility, an unknown one, or one the staff member does not cover: 404", async () => {
    for (const [who, id] of [[admin, foreignId], [otherAdmin, room.facility.id], [admin, 'no-such-facility'], [room.staff, club.facility.id], [club.staff, nursery.id]] as const) {
      await expectApiError(who.monthlyReport({ facility_id: id, month: MONTH }), 404, 'not_found');
      expect((await file(who, { facility_id: id, month: MONTH, format: 'xlsx' })).status).toBe(404);
    }
    // The other organization's own report has its facility only, all zeros.
    const theirs = await otherAdmin.monthlyReport({ month: MONTH });
    expect(theirs.facilities.map((f) => f.facility.id)).toEqual([foreignId]);
    expect(theirs.total).toMatchObject({ visits: 0, children: 0 });
  });
});

describe('the columns are the organization\'s choice', () => {
  const header = (rows: { v: unknown }[][]) => rows.find((r) => r[0]?.v === '日付')!.map((c) => c.v).filter((v) => v !== null);
  const row = (rows: { v: unknown }[][], label: string) => rows.find((r) => r[0]?.v === label)!.map((c) => c.v);

  it('the files show the chosen figures in the chosen order; the JSON keeps every figure; the defaults come back', async () => {
    const initial = (await admin.request('GET', '/api/v1/reports/columns')).body;
    expect(initial.columns).toEqual(initial.defaults);
    expect(initial.choices.drop_in.map((c: any) => c.label)).toEqual([...DROP_IN_COLUMNS.slice(1), '延長(分)']);
    const chosen = await admin.request('PUT', '/api/v1/reports/columns', { drop_in: ['visits', 'adults', 'children', 'consultations'], after_school: ['children', 'grade_1', 'extension_minutes'] });
    expect(chosen.status, JSON.stringify(chosen.body)).toBe(200);
    expect(chosen.body.columns).toEqual({ drop_in: ['visits', 'adults', 'children', 'consultations'], after_school: ['children', 'grade_1', 'extension_minutes'] });
    expect((await room.staff.request('GET', '/api/v1/reports/columns')).body.columns).toEqual(chosen.body.columns);

    const json = await reportOf(room.staff, room.facility.id);
    const book = await readWorkbook((await file(room.staff, { facility_id: room.facility.id, month: MONTH, format: 'xlsx' })).bytes);
    const sheet = book.sheets[book.names[0]];
    expect(header(sheet)).toEqual(['日付', '組数', '大人', '子ども計', '相談', '備考']);
    expect(row(sheet, '合計').slice(0, 5)).toEqual(['合計', json.totals.visits, json.totals.adults, json.totals.children, json.totals.consultations]);
    expect(json.totals.bands['0歳'], 'the JSON still has every figure').toBeGreaterThan(0);
    const clubBook = await readWorkbook((await file(club.staff, { facility_id: club.facility.id, month: MONTH, format: 'xlsx' })).bytes);
    expect(header(clubBook.sheets[clubBook.names[0]])).toEqual(['日付', '計', '小1', '延長(分)', '備考']);
    // The organization's total adds the minutes after closing.
    const csv = csvBlocks(csvCells(await readCsv((await file(admin, { month: MONTH, format: 'csv' })).bytes, 'utf-8-sig')));
    expect(header(csv.at(-1)!)).toEqual(['日付', '組数', '大人', '子ども計', '相談', '延長(分)']);

    const reset = await admin.request('PUT', '/api/v1/reports/columns', {});
    expect(reset.body.columns).toEqual(initial.defaults);
  });

  it('refuses unknown or repeated columns, an empty list, and anyone but the org_admin', async () => {
    const put = (who: TestApi, body: unknown) => who.request('PUT', '/api/v1/reports/columns', body);
    const bad = await put(admin, { drop_in: ['visits', 'grade_1', 'visits'], after_school: [] });
    expect(bad.status).toBe(400);
    expect(bad.body.error.field_reasons).toEqual({ 'drop_in[1]': 'not_a_choice', 'drop_in[2]': 'duplicate_key', after_school: 'required' });
    expect((await put(room.staff, { drop_in: ['visits'] })).status).toBe(403);
    expect((await admin.request('GET', '/api/v1/reports/columns')).body.columns.drop_in).toEqual((await admin.request('GET', '/api/v1/reports/columns')).body.defaults.drop_in);
  });
});

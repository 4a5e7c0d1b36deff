// Usage statistics (issue 13): GET /api/v1/stats/visits by day, month, age band, hour and
// school grade, and GET /api/v1/stats/plans, against months played through the API with a
// known distribution. The server's test clock starts at 2027-03-31 09:00 in Tokyo and the
// scenario moves it to each stamp's time (stamps are live, so in_at is exactly the time
// written here); the auto-close and not-arrived jobs run at each move. In it:
//   - a drop-in room (open 00:00-23:59): the Aoki family's three children (0歳 turning 1 on
//     6/15, 2歳, 4歳) stamped by the family's code, 井上 れん (born 2021-04-02: six but not at
//     school), 上田 はな (born 2021-04-01: at school from 2027-04-01; her 3/31 and 4/1 visits
//     straddle it), 江藤 めい (1歳); visits on 3/31, 4/1, 5/28, in June (one corrected from
//     6/20 to 6/18), at 23:50 on 6/30 and 00:10 on 7/1;
//   - an after-school club (14:00-18:00) with a 小3, a 小6 (born 2015-04-02), a 中1 (born
//     2015-04-01) and a 高1, plans (attend, absent, untimed), two not-arrived alerts, an
//     arrival without a plan, one despite an absence report, and a visit auto-closed at 18:00;
//   - another organization's facility with a visit that must never count.
// Every figure is computed from what was played (tests/support/stats.ts) and compared whole;
// a few are also written out by hand.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlanStats, VisitStats } from '../../web/src/shared/types';
import {
  GRADE_ORDER,
  Scenario,
  allVisits,
  dayOf,
  expectApiError,
  expectErrorBody,
  expectSameInstant,
  expectedPlanStats,
  expectedVisitStats,
  jst,
  startCheckinServer,
  type GroupBy,
  type Kid,
  type PlayedPlan,
  type Site,
  type TestApi,
  type TestServer,
} from '../support';

let server: TestServer;
let admin: TestApi;
let room: Site; // ひだまりひろば (drop_in)
let club: Site; // ひまわり児童クラブ (after_school, 14:00-18:00)
let both: TestApi; // facility_staff of the room and the club
let foreign: Site; // another organization's drop-in room
let otherAdmin: TestApi;
let play: Scenario;
const plans: PlayedPlan[] = [];
const k: Record<string, Kid> = {};
let aoki: Kid[];
let movedVisit: string;
let autoClosedVisit: string;

const JUNE = { from: '2027-06-01', to: '2027-06-30' } as const;
const ids = () => ({ room: [room.facility.id], club: [club.facility.id], org: [room.facility.id, club.facility.id] });

beforeAll(async () => {
  server = await startCheckinServer({ testClock: '2027-03-31T09:00:00+09:00' });
  play = new Scenario(server);
  admin = play.keep(await server.login(), server.admin);
  room = await play.site(admin, { name: 'ひだまりひろば', kind: 'drop_in', duplicate_window_seconds: 0 });
  club = await play.site(admin, { name: 'ひまわり児童クラブ', kind: 'after_school', opens_at: '14:00', closes_at: '18:00', duplicate_window_seconds: 0 });
  both = await play.staff(admin, [room.facility.id, club.facility.id]);
  const other = await server.createOrg('となり市こども課');
  otherAdmin = play.keep(await server.login(other), other);
  foreign = await play.site(otherAdmin, { name: 'となりのひろば', kind: 'drop_in', duplicate_window_seconds: 0 });

  aoki = await play.kids(room, '青木家', [
    { name: '青木 ひな', name_kana: 'あおき ひな', birth_date: '2026-06-15' },
    { name: '青木 そうた', name_kana: 'あおき そうた', birth_date: '2025-03-03' },
    { name: '青木 ゆな', name_kana: 'あおき ゆな', birth_date: '2022-08-08' },
  ]);
  [k.hina] = aoki;
  [k.ren] = await play.kids(room, '井上家', [{ name: '井上 れん', name_kana: 'いのうえ れん', birth_date: '2021-04-02' }]);
  [k.hana] = await play.kids(room, '上田家', [{ name: '上田 はな', name_kana: 'うえだ はな', birth_date: '2021-04-01' }]);
  [k.mei] = await play.kids(room, '江藤家', [{ name: '江藤 めい', name_kana: 'えとう めい', birth_date: '2026-01-10' }]);
  [k.kento] = await play.kids(club, '岡本家', [{ name: '岡本 けんと', name_kana: 'おかもと けんと', birth_date: '2018-09-09' }]);
  [k.yui] = await play.kids(club, '加藤家', [{ name: '加藤 ゆい', name_kana: 'かとう ゆい', birth_date: '2015-04-02' }]);
  [k.daichi] = await play.kids(club, '木村家', [{ name: '木村 だいち', name_kana: 'きむら だいち', birth_date: '2015-04-01' }]);
  [k.aoi] = await play.kids(club, '工藤家', [{ name: '工藤 あおい', name_kana: 'くどう あおい', birth_date: '2011-07-07' }]);
  [k.stranger] = await play.kids(foreign, '隣町家', [{ name: '隣町 たろう', name_kana: 'となりまち たろう', birth_date: '2022-02-02' }]);

  // Plans for June at the club, written on 3/31 (guardians and staff).
  const put = async (who: TestApi, kid: Kid, days: { date: string; status: 'attend' | 'absent'; arrive_at?: string; alerted?: boolean }[]) => {
    await who.putPlans(kid.id, {
      days: days.map((d) => (d.status === 'absent' ? { date: d.date, status: 'absent' as const, reason: '欠席します' } : { date: d.date, status: 'attend' as const, ...(d.arrive_at ? { arrive_at: d.arrive_at } : {}) })),
    });
    for (const d of days) plans.push({ kid, facility_id: club.facility.id, date: d.date, status: d.status, alerted: d.alerted ?? false });
  };
  await put(k.kento.guardian, k.kento, [
    { date: '2027-06-02', status: 'attend', arrive_at: '14:30' },
    { date: '2027-06-03', status: 'attend', arrive_at: '15:00', alerted: true }, // never comes
    { date: '2027-06-30', status: 'attend', arrive_at: '15:00' },
  ]);
  await put(k.daichi.guardian, k.daichi, [
    { date: '2027-06-02', status: 'absent' },
    { date: '2027-06-03', status: 'attend', arrive_at: '16:00' }, // comes at 16:00
    { date: '2027-06-30', status: 'attend' }, // no time: never raised; does not come
  ]);
  await put(club.staff, k.aoi, [
    { date: '2027-06-03', status: 'attend', arrive_at: '15:00', alerted: true }, // raised at 15:15, comes at 16:00
    { date: '2027-06-30', status: 'absent' }, // but comes at 16:30
  ]);
  await put(club.staff, k.yui, [{ date: '2027-06-30', status: 'absent' }]);

  // 上田 はな the day before and the day she starts school (April 1 belongs to her cohort).
  await play.arrive(room, '2027-03-31 10:00', [k.hana]);
  await play.leave(room, '2027-03-31 11:00', [k.hana]);
  await play.arrive(room, '2027-04-01 10:00', [k.hana], 'manual');
  await play.leave(room, '2027-04-01 11:30', [k.hana], 'manual');
  await play.arrive(room, '2027-05-28 10:00', [k.ren]);
  await play.leave(room, '2027-05-28 10:45', [k.ren]);

  // June 1: the Aoki family by its code with two adults (one visit, 組), 井上 れん by staff; a visit in
  // the other organization.
  await play.arrive(room, '2027-06-01 09:30', aoki, 'family', 2);
  await play.arrive(foreign, '2027-06-01 10:00', [k.stranger]);
  await play.arrive(room, '2027-06-01 10:15', [k.ren], 'manual');
  await play.leave(room, '2027-06-01 11:00', aoki, 'family');
  await play.leave(room, '2027-06-01 12:00', [k.ren], 'manual');
  await play.leave(foreign, '2027-06-01 12:30', [k.stranger]);

  // June 2 at the club: 加藤 ゆい never stamps out; the job closes her visit at 18:00.
  await play.arrive(club, '2027-06-02 14:30', [k.kento]);
  [autoClosedVisit] = await play.arrive(club, '2027-06-02 15:00', [k.yui]);
  await play.leave(club, '2027-06-02 17:00', [k.kento]);
  await play.to(jst('2027-06-02 18:30'));
  play.expectAutoClosed(club.facility.id, k.yui, '2027-06-02 18:00');

  // June 3: at 15:20 the job has raised 岡本 けんと and 工藤 あおい (expected at 15:00).
  await play.to(jst('2027-06-03 15:20'));
  const roster = (await club.staff.roster(club.facility.id, '2027-06-03')).items;
  const alertedAt = (kid: Kid) => roster.find((i) => i.child.id === kid.id)?.alerted_at ?? null;
  expect({ kento: alertedAt(k.kento) !== null, aoi: alertedAt(k.aoi) !== null, daichi: alertedAt(k.daichi) }).toEqual({ kento: true, aoi: true, daichi: null });
  await play.arrive(club, '2027-06-03 16:00', [k.daichi]);
  await play.arrive(club, '2027-06-03 16:00', [k.aoi], 'manual');
  await play.leave(club, '2027-06-03 17:00', [k.aoi], 'manual');
  await play.leave(club, '2027-06-03 17:30', [k.daichi]);

  // 青木 ひな the day before her first birthday and on it.
  await play.arrive(room, '2027-06-14 10:00', [k.hina], 'family');
  await play.leave(room, '2027-06-14 11:00', [k.hina], 'family');
  await play.arrive(room, '2027-06-15 10:00', [k.hina]);
  await play.leave(room, '2027-06-15 10:30', [k.hina]);
  await play.arrive(room, '2027-06-15 13:00', [k.mei]);
  await play.leave(room, '2027-06-15 14:00', [k.mei]);

  // A visit recorded on 6/20 that staff move to 6/18.
  [movedVisit] = await play.arrive(room, '2027-06-20 14:00', [k.hana]);
  await play.leave(room, '2027-06-20 15:00', [k.hana]);
  await play.to(jst('2027-06-20 15:05'));
  await play.correct(room.staff, movedVisit, { in_at: '2027-06-18 14:00', out_at: '2027-06-18 15:00' }, '来館日の記録違い（18日に来館）');

  // June 30: 岡本 けんと twice, 工藤 あおい despite her absence report; 23:50 and 00:10 at the room.
  await play.arrive(club, '2027-06-30 15:00', [k.kento]);
  await play.leave(club, '2027-06-30 16:00', [k.kento]);
  await play.arrive(club, '2027-06-30 16:30', [k.kento, k.aoi]);
  await play.leave(club, '2027-06-30 17:00', [k.kento]);
  await play.leave(club, '2027-06-30 17:15', [k.aoi]);
  await play.arrive(room, '2027-06-30 23:50', [k.mei]);
  await play.leave(room, '2027-06-30 23:55', [k.mei]);
  await play.arrive(room, '2027-07-01 00:10', [k.ren]);
  await play.leave(room, '2027-07-01 00:40', [k.ren]);
  await play.to(jst('2027-07-01 09:00'));
}, 300_000);
afterAll(async () => {
  await server?.close();
});

const ours = () => play.visits.filter((v) => v.facility_id !== foreign.facility.id);
const expected = (scope: string[], from: string, to: string, group_by: GroupBy, facility_id: string | null) =>
  ({ ...expectedVisitStats(play.visits, scope, from, to, group_by), facility_id });
/** Items of group_by=grade in school order (the contract names no order for grades). */
const inGradeOrder = (s: VisitStats): VisitStats => ({ ...s, items: [...s.items].sort((a, b) => GRADE_ORDER.indexOf(a.key) - GRADE_ORDER.indexOf(b.key)) });
const item = (s: VisitStats, key: string) => s.items.find((i) => i.key === key);
const day = (s: PlanStats, date: string) => s.items.find((i) => i.date === date);

describe('the played months (what the figures are checked against)', () => {
  it('are on the server as played: every visit, its times, the auto-closed and the corrected one', async () => {
    const listed = await allVisits(admin, { from: '2027-03-01', to: '2027-07-31' });
    expect(listed.map((v) => v.id).sort()).toEqual(ours().map((v) => v.id).sort());
    for (const p of ours()) {
      const v = listed.find((x) => x.id === p.id)!;
      expect({ facility: v.facility_id, child: v.child.id }).toEqual({ facility: p.facility_id, child: p.kid.id });
      expectSameInstant(v.in_at, p.in_at, `${p.kid.name} in_at`);
      expectSameInstant(v.out_at, p.out_at!, `${p.kid.name} out_at`);
      if (!p.corrected) expect(v.auto_closed, `${p.kid.name} ${p.in_at} auto_closed`).toBe(p.auto_closed);
    }
    expect(listed.find((v) => v.id === autoClosedVisit)).toMatchObject({ auto_closed: true });
    expectSameInstant(listed.find((v) => v.id === autoClosedVisit)!.out_at, '2027-06-02T18:00:00+09:00', 'closed at closes_at');
    expect(dayOf(listed.find((v) => v.id === movedVisit)!.in_at)).toBe('2027-06-18');
    expect((await allVisits(otherAdmin)).map((v) => v.child.id)).toEqual([k.stranger.id]);
  });

  it('and the plans with the alerts the job raised', async () => {
    for (const p of plans) {
      const r = (await club.staff.roster(club.facility.id, p.date)).items.find((i) => i.child.id === p.kid.id)!;
      expect({ date: p.date, child: p.kid.name, status: r.plan?.status, alerted: r.alerted_at !== null })
        .toEqual({ date: p.date, child: p.kid.name, status: p.status, alerted: p.alerted });
    }
  });
});

describe('GET /stats/visits group_by=day', () => {
  it('a facility: every day of the range with zeros, each figure, and the totals', async () => {
    const s = await room.staff.visitStats({ facility_id: room.facility.id, ...JUNE, group_by: 'day' });
    expect(s).toEqual(expected(ids().room, JUNE.from, JUNE.to, 'day', room.facility.id));
    // Written out: the Aoki family (one visit of 3 children and 2 adults, first time) and 井上 れん
    // (came in May, with the default one adult).
    expect(item(s, '2027-06-01')).toEqual({ key: '2027-06-01', visits: 2, children: 4, adults: 3, families: 2, first_time_families: 1 });
    expect(item(s, '2027-06-15')).toEqual({ key: '2027-06-15', visits: 2, children: 2, adults: 2, families: 2, first_time_families: 1 });
    expect(item(s, '2027-06-02')).toEqual({ key: '2027-06-02', visits: 0, children: 0, adults: 0, families: 0, first_time_families: 0 });
    expect(s.items).toHaveLength(30);
    expect(s.total).toEqual({ visits: 7, children: 9, adults: 8, families: 4 });

    const c = await club.staff.visitStats({ facility_id: club.facility.id, ...JUNE, group_by: 'day' });
    expect(c).toEqual(expected(ids().club, JUNE.from, JUNE.to, 'day', club.facility.id));
    expect(item(c, '2027-06-02'), 'the auto-closed visit counts').toMatchObject({ visits: 2, first_time_families: 2 });
    expect(item(c, '2027-06-30'), 'two visits of one child and one more').toMatchObject({ visits: 3, children: 3, families: 2, first_time_families: 0 });
    expect(c.total).toEqual({ visits: 7, children: 7, adults: 0, families: 4 });
  });

  it('reconciles with the visits list for the same facility and days', async () => {
    for (const [site, api] of [[room, room.staff], [club, club.staff]] as const) {
      const s = await api.visitStats({ facility_id: site.facility.id, ...JUNE, group_by: 'day' });
      const listed = await allVisits(api, { facility_id: site.facility.id, ...JUNE });
      // A visit (組) is a group of the list's children's visits, or one alone.
      const groups = (vs: typeof listed) => new Set(vs.map((v) => v.group_id ?? v.id)).size;
      expect(s.total.visits).toBe(groups(listed));
      expect(s.total.children).toBe(listed.length);
      expect(s.items.reduce((n, i) => n + i.visits, 0)).toBe(groups(listed));
      for (const i of s.items) expect(i.visits, i.key).toBe(groups(listed.filter((v) => dayOf(v.in_at) === i.key)));
      for (const i of s.items) expect(i.children, i.key).toBe(listed.filter((v) => dayOf(v.in_at) === i.key).length);
    }
    const org = await admin.visitStats({ ...JUNE, group_by: 'day' });
    const all = await allVisits(admin, JUNE);
    expect(org.total.visits).toBe(new Set(all.map((v) => v.group_id ?? v.id)).size);
  });

  it('the last minutes of a month belong to it, the first of the next to that one', async () => {
    const june30 = await admin.visitStats({ facility_id: room.facility.id, from: '2027-06-30', to: '2027-06-30', group_by: 'day' });
    expect(june30.items).toEqual([{ key: '2027-06-30', visits: 1, children: 1, adults: 1, families: 1, first_time_families: 0 }]);
    const july1 = await admin.visitStats({ facility_id: room.facility.id, from: '2027-07-01', to: '2027-07-01', group_by: 'day' });
    expect(july1.items).toEqual([{ key: '2027-07-01', visits: 1, children: 1, adults: 1, families: 1, first_time_families: 0 }]);
    expect(july1.total).toEqual({ visits: 1, children: 1, adults: 1, families: 1 });
    const hours = await admin.visitStats({ facility_id: room.facility.id, from: '2027-06-30', to: '2027-07-01', group_by: 'hour' });
    expect(item(hours, '23')?.visits).toBe(1);
    expect(item(hours, '00')?.visits).toBe(1);
  });

  it('a corrected visit counts on its new day', async () => {
    const s = await room.staff.visitStats({ facility_id: room.facility.id, from: '2027-06-18', to: '2027-06-20', group_by: 'day' });
    expect(s.items.map((i) => [i.key, i.visits])).toEqual([['2027-06-18', 1], ['2027-06-19', 0], ['2027-06-20', 0]]);
    const h = await room.staff.visitStats({ facility_id: room.facility.id, from: '2027-06-18', to: '2027-06-20', group_by: 'hour' });
    expect(h.items.filter((i) => i.visits > 0).map((i) => i.key)).toEqual(['14']);
  });

  it('without facility_id: every facility the caller covers', async () => {
    const org = expected(ids().org, JUNE.from, JUNE.to, 'day', null);
    expect(await admin.visitStats({ ...JUNE, group_by: 'day' })).toEqual(org);
    expect(await both.visitStats({ ...JUNE, group_by: 'day' })).toEqual(org);
    expect(org.total).toEqual({ visits: 14, children: 16, adults: 8, families: 8 });
    expect(await room.staff.visitStats({ ...JUNE, group_by: 'day' })).toEqual(expected(ids().room, JUNE.from, JUNE.to, 'day', null));
    expect(await club.staff.visitStats({ ...JUNE, group_by: 'day' })).toEqual(expected(ids().club, JUNE.from, JUNE.to, 'day', null));
    // The other organization sees its own visit only.
    const theirs = await otherAdmin.visitStats({ ...JUNE, group_by: 'day' });
    expect(theirs.total).toEqual({ visits: 1, children: 1, adults: 1, families: 1 });
    expect(item(theirs, '2027-06-01')).toMatchObject({ visits: 1, first_time_families: 1 });
  });

  it('a range with no visits lists every day at zero', async () => {
    const s = await admin.visitStats({ from: '2027-08-01', to: '2027-08-31', group_by: 'day' });
    expect(s).toEqual(expected(ids().org, '2027-08-01', '2027-08-31', 'day', null));
    expect(s.items).toHaveLength(31);
    expect(s.total).toEqual({ visits: 0, children: 0, adults: 0, families: 0 });
  });
});

describe('GET /stats/visits group_by=month', () => {
  it('every month of the range, first-time families in the month of their first visit ever', async () => {
    const s = await room.staff.visitStats({ facility_id: room.facility.id, from: '2027-03-01', to: '2027-07-31', group_by: 'month' });
    expect(s).toEqual(expected(ids().room, '2027-03-01', '2027-07-31', 'month', room.facility.id));
    expect(s.items.map((i) => [i.key, i.visits, i.families, i.first_time_families])).toEqual([
      ['2027-03', 1, 1, 1],
      ['2027-04', 1, 1, 0],
      ['2027-05', 1, 1, 1],
      ['2027-06', 7, 4, 2], // the Aoki family's three children are one visit
      ['2027-07', 1, 1, 0],
    ]);
    expect(s.total).toEqual({ visits: 11, children: 13, adults: 12, families: 4 });
  });

  it('a range from April: 上田 はな came first in March, so April has no first-time family; months at zero are listed', async () => {
    const s = await room.staff.visitStats({ facility_id: room.facility.id, from: '2027-04-01', to: '2027-06-30', group_by: 'month' });
    expect(s).toEqual(expected(ids().room, '2027-04-01', '2027-06-30', 'month', room.facility.id));
    expect(item(s, '2027-04')).toMatchObject({ visits: 1, first_time_families: 0 });
    const wide = await admin.visitStats({ from: '2027-01-01', to: '2027-12-31', group_by: 'month' });
    expect(wide).toEqual(expected(ids().org, '2027-01-01', '2027-12-31', 'month', null));
    expect(wide.items.map((i) => i.key)).toEqual(['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12'].map((m) => `2027-${m}`));
    expect(item(wide, '2027-06')).toMatchObject({ visits: 14, children: 16, families: 8, first_time_families: 6 });
  });
});

describe('GET /stats/visits group_by=age_band', () => {
  it('the six bands by age on the visit day (a first birthday mid-month; six but not at school)', async () => {
    const s = await room.staff.visitStats({ facility_id: room.facility.id, ...JUNE, group_by: 'age_band' });
    expect(s).toEqual(expected(ids().room, JUNE.from, JUNE.to, 'age_band', room.facility.id));
    expect(s.items.map((i) => [i.key, i.visits, i.families])).toEqual([
      ['0歳', 2, 1], // ひな on 6/1 and 6/14
      ['1歳', 3, 2], // ひな on her birthday, めい twice
      ['2歳', 1, 1],
      ['3歳以上未就学', 2, 2], // ゆな, and れん (six, born 2021-04-02)
      ['小学生', 1, 1], // はな
      ['中学生', 0, 0],
    ]);
    for (const i of s.items) expect(i.first_time_families, i.key).toBe(0);
  });

  it('その他 is listed when anyone is outside the bands (a high-school student at the club)', async () => {
    const c = await club.staff.visitStats({ facility_id: club.facility.id, ...JUNE, group_by: 'age_band' });
    expect(c).toEqual(expected(ids().club, JUNE.from, JUNE.to, 'age_band', club.facility.id));
    expect(c.items.map((i) => [i.key, i.visits])).toEqual([['0歳', 0], ['1歳', 0], ['2歳', 0], ['3歳以上未就学', 0], ['小学生', 4], ['中学生', 1], ['その他', 2]]);
    expect(await admin.visitStats({ ...JUNE, group_by: 'age_band' })).toEqual(expected(ids().org, JUNE.from, JUNE.to, 'age_band', null));
  });

  it('before and after the first school day (3/31 and 4/1)', async () => {
    const s = await room.staff.visitStats({ facility_id: room.facility.id, from: '2027-03-31', to: '2027-04-01', group_by: 'age_band' });
    expect(s).toEqual(expected(ids().room, '2027-03-31', '2027-04-01', 'age_band', room.facility.id));
    expect(s.items.filter((i) => i.visits > 0).map((i) => i.key)).toEqual(['3歳以上未就学', '小学生']);
  });
});

describe('GET /stats/visits group_by=hour', () => {
  it('lists "00".."23" by the hour of in_at in Tokyo', async () => {
    const s = await room.staff.visitStats({ facility_id: room.facility.id, from: '2027-06-01', to: '2027-07-01', group_by: 'hour' });
    expect(s).toEqual(expected(ids().room, '2027-06-01', '2027-07-01', 'hour', room.facility.id));
    expect(s.items.map((i) => i.key)).toEqual(Array.from({ length: 24 }, (_, h) => String(h).padStart(2, '0')));
    expect(Object.fromEntries(s.items.filter((i) => i.visits > 0).map((i) => [i.key, i.visits]))).toEqual({ '00': 1, '09': 1, '10': 3, '13': 1, '14': 1, '23': 1 });
    expect(await admin.visitStats({ ...JUNE, group_by: 'hour' })).toEqual(expected(ids().org, JUNE.from, JUNE.to, 'hour', null));
  });
});

describe('GET /stats/visits group_by=grade', () => {
  it('the grades seen, by the school year of the visit day (April 2 cut-off)', async () => {
    const spring = await room.staff.visitStats({ facility_id: room.facility.id, from: '2027-03-31', to: '2027-04-01', group_by: 'grade' });
    expect(inGradeOrder(spring)).toEqual(expected(ids().room, '2027-03-31', '2027-04-01', 'grade', room.facility.id));
    expect(inGradeOrder(spring).items.map((i) => [i.key, i.visits])).toEqual([['未就学', 1], ['小1', 1]]);

    const c = await club.staff.visitStats({ facility_id: club.facility.id, ...JUNE, group_by: 'grade' });
    expect(inGradeOrder(c)).toEqual(expected(ids().club, JUNE.from, JUNE.to, 'grade', club.facility.id));
    // Born 2015-04-02: 小6; born 2015-04-01: 中1.
    expect(inGradeOrder(c).items.map((i) => [i.key, i.visits])).toEqual([['小3', 3], ['小6', 1], ['中1', 1], ['高1', 2]]);

    const org = await admin.visitStats({ ...JUNE, group_by: 'grade' });
    expect(inGradeOrder(org)).toEqual(expected(ids().org, JUNE.from, JUNE.to, 'grade', null));
  });
});

describe('GET /stats/plans', () => {
  it('per day at the club: planned, arrived, absent, not-arrived alerts, arrivals without a plan', async () => {
    const s = await club.staff.planStats({ facility_id: club.facility.id, ...JUNE });
    expect(s).toEqual({ ...JUNE, facility_id: club.facility.id, items: expectedPlanStats(plans, play.visits, ids().club, JUNE.from, JUNE.to) });
    const row = (date: string) => {
      const { date: _d, ...rest } = day(s, date)!;
      return rest;
    };
    expect(row('2027-06-02')).toEqual({ planned: 1, arrived: 1, absent: 1, not_arrived_alerts: 0, unplanned_arrivals: 1 });
    expect(row('2027-06-03')).toEqual({ planned: 3, arrived: 2, absent: 0, not_arrived_alerts: 2, unplanned_arrivals: 0 });
    expect(row('2027-06-30')).toEqual({ planned: 2, arrived: 1, absent: 2, not_arrived_alerts: 0, unplanned_arrivals: 1 });
    expect(row('2027-06-15')).toEqual({ planned: 0, arrived: 0, absent: 0, not_arrived_alerts: 0, unplanned_arrivals: 0 });
    expect(s.items.map((i) => i.date)).toEqual(Array.from({ length: 30 }, (_, i) => `2027-06-${String(i + 1).padStart(2, '0')}`));
  });

  it('the room (no plans: every arrival is unplanned, a child once a day) and the whole organization', async () => {
    const r = await room.staff.planStats({ facility_id: room.facility.id, ...JUNE });
    expect(r).toEqual({ ...JUNE, facility_id: room.facility.id, items: expectedPlanStats(plans, play.visits, ids().room, JUNE.from, JUNE.to) });
    expect(day(r, '2027-06-01')?.unplanned_arrivals).toBe(4);
    expect(day(r, '2027-06-18')?.unplanned_arrivals, 'the corrected visit').toBe(1);
    expect(day(r, '2027-06-20')?.unplanned_arrivals).toBe(0);
    const org = { ...JUNE, facility_id: null, items: expectedPlanStats(plans, play.visits, ids().org, JUNE.from, JUNE.to) };
    expect(await admin.planStats(JUNE)).toEqual(org);
    expect(await both.planStats(JUNE)).toEqual(org);
    expect(await club.staff.planStats(JUNE)).toEqual({ ...JUNE, facility_id: null, items: expectedPlanStats(plans, play.visits, ids().club, JUNE.from, JUNE.to) });
  });
});

describe('bad input and who may ask', () => {
  const bad = async (api: TestApi, path: string, field: string) => {
    const res = await api.request('GET', path);
    expectErrorBody(res, 400, 'invalid_argument');
    expect(Object.keys(res.body.error.fields), `${path}: ${JSON.stringify(res.body)}`).toEqual([field]);
  };

  it('/stats/visits: missing or bad from, to, group_by; to before from; over 366 days → 400 naming it', async () => {
    const f = `facility_id=${room.facility.id}`;
    const cases: [string, string][] = [
      [`${f}&to=2027-06-30&group_by=day`, 'from'],
      [`${f}&from=2027-06-01&group_by=day`, 'to'],
      [`${f}&from=2027-06-01&to=2027-06-30`, 'group_by'],
      [`${f}&from=2027-06-31&to=2027-07-30&group_by=day`, 'from'],
      [`${f}&from=2027-6-1&to=2027-06-30&group_by=day`, 'from'],
      [`${f}&from=2027-06-01&to=30-06-2027&group_by=day`, 'to'],
      [`${f}&from=2027-06-01&to=2027-06-30&group_by=week`, 'group_by'],
      [`${f}&from=2027-06-01&to=2027-06-30&group_by=DAY`, 'group_by'],
      [`${f}&from=2027-06-30&to=2027-06-01&group_by=day`, 'to'],
      [`${f}&from=2027-01-01&to=2028-01-03&group_by=month`, 'to'], // 367 days after from
      ['from=2027-01-01&to=2028-01-03&group_by=day', 'to'],
    ];
    for (const [q, field] of cases) await bad(room.staff, `/api/v1/stats/visits?${q}`, field);
    for (const [q, field] of cases.slice(0, 3)) await bad(admin, `/api/v1/stats/visits?${q}`, field);
    // 366 days after from is the longest range.
    const year = await room.staff.visitStats({ facility_id: room.facility.id, from: '2027-01-01', to: '2028-01-02', group_by: 'month' });
    expect(year.items.map((i) => i.key)).toEqual([...Array.from({ length: 12 }, (_, m) => `2027-${String(m + 1).padStart(2, '0')}`), '2028-01']);
    expect(year.total.visits).toBe(11);
    expect((await room.staff.visitStats({ from: '2027-01-01', to: '2028-01-02', group_by: 'day' })).items).toHaveLength(367);
  });

  it('/stats/plans: missing or bad from and to, to before from, over 366 days → 400 naming it', async () => {
    const f = `facility_id=${club.facility.id}`;
    const cases: [string, string][] = [
      [`${f}&to=2027-06-30`, 'from'],
      [`${f}&from=2027-06-01`, 'to'],
      [`${f}&from=yesterday&to=2027-06-30`, 'from'],
      [`${f}&from=2027-06-01&to=2027-02-30`, 'to'],
      [`${f}&from=2027-06-30&to=2027-06-29`, 'to'],
      [`${f}&from=2027-01-01&to=2028-01-03`, 'to'],
    ];
    for (const [q, field] of cases) await bad(club.staff, `/api/v1/stats/plans?${q}`, field);
    expect((await club.staff.planStats({ facility_id: club.facility.id, from: '2027-01-01', to: '2028-01-02' })).items).toHaveLength(367);
  });

  it("another organization's facility, an unknown one, or one the staff member does not cover: 404", async () => {
    const q = { ...JUNE, group_by: 'day' as const };
    for (const [who, id] of [
      [admin, foreign.facility.id],
      [otherAdmin, room.facility.id],
      [admin, 'no-such-facility'],
      [room.staff, club.facility.id],
      [club.staff, room.facility.id],
      [foreign.staff, club.facility.id],
    ] as const) {
      await expectApiError(who.visitStats({ facility_id: id, ...q }), 404, 'not_found');
      await expectApiError(who.planStats({ facility_id: id, ...JUNE }), 404, 'not_found');
    }
  });

  it('guardians 403; without a session 401', async () => {
    for (const g of [k.ren.guardian, k.kento.guardian]) {
      await expectApiError(g.visitStats({ ...JUNE, group_by: 'day' }), 403);
      await expectApiError(g.visitStats({ facility_id: room.facility.id, ...JUNE, group_by: 'day' }), 403);
      await expectApiError(g.planStats({ facility_id: club.facility.id, ...JUNE }), 403);
      await expectApiError(g.planStats(JUNE), 403);
    }
    await expectApiError(server.api().visitStats({ ...JUNE, group_by: 'day' }), 401);
    await expectApiError(server.api().planStats(JUNE), 401);
  });
});

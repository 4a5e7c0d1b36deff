// The calendar (行事予定): closures (休館日), events (行事) and courses (講座) as entries — who
// may add them (a facility's staff for it, org_admin for the whole organization), the 400s
// naming each bad field and adding nothing, the lists by starts_at over from..to and who
// sees which entries, PATCH checked as on creation, DELETE keeping the entry as cancelled —
// and how a closure changes its days: the roster shows it, plans for those days are refused
// (409 facility_closed) and written nowhere, the families planned that day are told (an
// emergency for today), cancelling tells them again, and no not-arrived alert is raised.
// The test clock stands at 2027-06-10 15:00 Tokyo; only the last block moves it (to tomorrow).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CalendarEvent, EventInput, RosterItem } from '../../web/src/shared/types';
import {
  PINNED_DAY, addDate, allDay, clientId, closureInput, courseInput, enrolledFamily, expectApiError, expectErrorBody,
  expectInvalid, newSite, serverNow, startCheckinServer, tokyo, tokyoAt, type Site, type TestApi, type TestServer,
} from '../support';

let server: TestServer;
let admin: TestApi;
let a: Site; // ひまわり: the Yamada family
let b: Site; // さくら: the Suzuki family
let yamada: TestApi;
let suzuki: TestApi;
let otherFacilityId: string; // of another organization

const day = (n: number) => addDate(PINNED_DAY, { days: n });
const eventAt = (facility_id: string | undefined, date: string, over: Partial<EventInput> = {}): EventInput =>
  ({ ...(facility_id ? { facility_id } : {}), kind: 'event', title: '夏祭り', starts_at: tokyoAt(date, '10:00'), ends_at: tokyoAt(date, '12:00'), ...over });
const post = (api: TestApi, body: unknown) => api.request('POST', '/api/v1/events', body);
/** Every entry `api` sees over the whole span the tests use. */
const everything = async (api: TestApi) => (await api.events({ from: day(-30), to: day(330) })).map((e) => e.id);
const idsOf = (items: CalendarEvent[], among: string[]) => items.map((e) => e.id).filter((id) => among.includes(id));

beforeAll(async () => {
  server = await startCheckinServer();
  admin = await server.login();
  a = await newSite(server, admin, { name: 'ひまわり児童クラブ' });
  b = await newSite(server, admin, { name: 'さくら児童クラブ' });
  yamada = (await enrolledFamily(server, a.staff, [a.facility.id], { name: '山田家' })).guardian;
  suzuki = (await enrolledFamily(server, b.staff, [b.facility.id], { name: '鈴木家' })).guardian;
  const otherAdmin = await server.login(await server.createOrg('となり市'));
  otherFacilityId = (await newSite(server, otherAdmin)).facility.id;
});
afterAll(async () => {
  await server?.close();
});

describe('entries', () => {
  it('adds a closure, an event and a course (201); all_day for midnight to midnight in Tokyo', async () => {
    const base = { facility_id: a.facility.id, facility_name: 'ひまわり児童クラブ', description: '', capacity: null, age_months: null,
      apply_until: null, status: 'scheduled', seats_taken: 0, waitlisted: 0, created_at: tokyo(serverNow()) };
    const closure = await post(a.staff, closureInput(a.facility.id, day(3), '臨時休館'));
    expect(closure.status, JSON.stringify(closure.body)).toBe(201);
    expect(closure.body.event).toEqual({ ...base, id: expect.any(String), kind: 'closure', title: '臨時休館', ...allDay(day(3)), all_day: true });
    const event = await post(a.staff, eventAt(a.facility.id, day(20), { description: '浴衣でどうぞ' }));
    expect(event.status).toBe(201);
    expect(event.body.event).toEqual({ ...base, id: expect.any(String), kind: 'event', title: '夏祭り', description: '浴衣でどうぞ',
      starts_at: tokyoAt(day(20), '10:00'), ends_at: tokyoAt(day(20), '12:00'), all_day: false });
    const course = await post(a.staff, courseInput(a.facility.id, day(21), { capacity: 12, age_months: { min: 72, max: 144 }, apply_until: tokyoAt(day(14), '17:00') }));
    expect(course.status).toBe(201);
    expect(course.body.event).toMatchObject({ kind: 'course', capacity: 12, age_months: { min: 72, max: 144 }, apply_until: tokyoAt(day(14), '17:00'), all_day: false });
    // A course without apply_until takes applications until it starts; two whole days are all-day too.
    const open = (await a.staff.createEvent(courseInput(a.facility.id, day(22)))).apply_until;
    expect(open).toBe(tokyoAt(day(22), '10:00'));
    expect((await a.staff.createEvent({ ...eventAt(a.facility.id, day(23)), ...allDay(day(23), 2) })).all_day).toBe(true);
    expect((await a.staff.createEvent({ ...eventAt(a.facility.id, day(23)), starts_at: tokyoAt(day(23)), ends_at: tokyoAt(day(23), '12:00') })).all_day).toBe(false);
    // 31 days is the longest entry.
    expect((await a.staff.createEvent({ ...eventAt(a.facility.id, day(40)), ...allDay(day(40), 31) })).all_day).toBe(true);
    for (const e of [closure.body.event, event.body.event, course.body.event]) {
      expect(await a.staff.event(e.id)).toEqual(e);
      expect(await yamada.event(e.id)).toEqual({ ...e, application: null });
    }
  });

  it('adds once for one client_id: the retry answers 200 with the first entry', async () => {
    const input = { ...eventAt(a.facility.id, day(25), { title: '一度だけ' }), client_id: clientId() };
    const first = await post(a.staff, input);
    expect(first.status).toBe(201);
    const before = await everything(admin);
    const again = await post(a.staff, { ...input, title: '別の題名' });
    expect(again.status, JSON.stringify(again.body)).toBe(200);
    expect(again.body).toEqual(first.body);
    expect(await everything(admin)).toEqual(before);
  });

  it('the whole organization only by org_admin; another facility 403; guardians 403; nothing added', async () => {
    const before = await everything(admin);
    const org = await expectApiError(a.staff.createEvent(eventAt(undefined, day(26))), 403);
    expect(org.reason).toBe('org_admin_only');
    const theirs = await expectApiError(a.staff.createEvent(eventAt(b.facility.id, day(26))), 403);
    expect(theirs.reason).toBe('not_your_facility');
    await expectApiError(yamada.createEvent(eventAt(a.facility.id, day(26))), 403);
    await expectApiError(server.api().createEvent(eventAt(a.facility.id, day(26))), 401);
    const foreign = await expectApiError(admin.createEvent(eventAt(otherFacilityId, day(26))), 404);
    expect(foreign.fieldReasons.facility_id).toBe('no_such_facility');
    expect(await everything(admin)).toEqual(before);
    const all = await admin.createEvent(eventAt(undefined, day(26), { title: '市の運動会' }));
    expect(all).toMatchObject({ facility_id: null, facility_name: null, title: '市の運動会' });
    expect(await everything(a.staff)).toContain(all.id);
  });

  it('refuses bad input with 400 naming each field and its reason, adding nothing', async () => {
    const before = await everything(admin);
    const inbox = (await yamada.notifications({ limit: 200 })).items.length;
    const d = day(30);
    const ev = eventAt(a.facility.id, d);
    const co = courseInput(a.facility.id, d);
    const cases: [string, unknown, string][] = [
      ['ends_at', { ...ev, ends_at: ev.starts_at }, 'not_after_starts_at'],
      ['ends_at', { ...ev, ends_at: tokyoAt(d, '09:00') }, 'not_after_starts_at'],
      ['ends_at', { ...ev, ends_at: tokyoAt(addDate(d, { days: 31 }), '10:01') }, 'event_too_long'],
      ['capacity', { ...ev, capacity: 10 }, 'course_only'],
      ['age_months', { ...closureInput(a.facility.id, d), age_months: { min: 60 } }, 'course_only'],
      ['apply_until', { ...ev, apply_until: tokyoAt(day(20)) }, 'course_only'],
      ['apply_until', { ...co, apply_until: tokyoAt(d, '10:01') }, 'apply_until_after_start'],
      ['capacity', { ...co, capacity: 0 }, 'out_of_range'],
      ['capacity', { ...co, capacity: 10001 }, 'out_of_range'],
      ['age_months.min', { ...co, age_months: { min: 120, max: 60 } }, 'min_above_max'],
      ['kind', { ...ev, kind: 'festival' }, 'not_a_choice'],
      ['title', { ...ev, title: '' }, 'empty'],
      ['starts_at', { ...ev, starts_at: '来週の土曜' }, 'not_instant'],
      ['client_id', { ...ev, client_id: 'not-a-uuid' }, 'not_uuid'],
      ['location', { ...ev, location: '体育館' }, 'unknown_field'],
      ['age_months.avg', { ...co, age_months: { avg: 80 } }, 'unknown_field'],
    ];
    for (const [field, body, reason] of cases) {
      const e = await expectInvalid(admin.createEvent(body as EventInput), field);
      expect(e.fieldReasons[field], `${field}: ${JSON.stringify(e.body)}`).toBe(reason);
    }
    const missing = await admin.request('POST', '/api/v1/events', {});
    expectErrorBody(missing, 400, 'invalid_argument');
    expect(Object.keys(missing.body.error.fields).sort()).toEqual(['ends_at', 'kind', 'starts_at', 'title']);
    expect(await everything(admin)).toEqual(before);
    expect((await yamada.notifications({ limit: 200 })).items.length).toBe(inbox);
  });
});

describe('lists', () => {
  it('the entries overlapping from..to by starts_at, today and 60 days on by default, cancelled ones included', async () => {
    const mk = (input: EventInput) => a.staff.createEvent(input).then((e) => e.id);
    const late = await mk(eventAt(a.facility.id, day(5), { title: '後' }));
    const early = await mk({ ...eventAt(a.facility.id, day(5), { title: '先' }), starts_at: tokyoAt(day(5), '09:00') });
    const spanning = await mk({ ...eventAt(a.facility.id, day(-3)), ...allDay(day(-3), 4) }); // day -3 .. today
    const ended = await mk(closureInput(a.facility.id, day(-1))); // ends at midnight of today
    const last = await mk({ ...eventAt(a.facility.id, day(60)), starts_at: tokyoAt(day(60), '23:00'), ends_at: tokyoAt(day(61), '01:00') });
    const beyond = await mk(eventAt(a.facility.id, day(61)));
    const cancelled = await mk(eventAt(a.facility.id, day(6), { title: '中止になった' }));
    await a.staff.cancelEvent(cancelled);
    const mine = [late, early, spanning, ended, last, beyond, cancelled];
    const items = await a.staff.events();
    expect(idsOf(items, mine)).toEqual([spanning, early, late, cancelled, last]);
    const starts = items.map((e) => Date.parse(e.starts_at));
    expect(starts).toEqual([...starts].sort((x, y) => x - y));
    expect(items.find((e) => e.id === cancelled)!.status).toBe('cancelled');
    expect(idsOf(await a.staff.events({ from: day(-1), to: day(-1) }), mine)).toEqual([spanning, ended]);
    expect(idsOf(await a.staff.events({ from: day(61), to: day(61) }), mine)).toEqual([last, beyond]);
    expect(idsOf(await a.staff.events({ from: day(5), to: day(5), kind: 'event' }), mine)).toEqual([early, late]);
    expect(idsOf(await a.staff.events({ from: day(-1), to: day(1), kind: 'closure' }), mine)).toEqual([ended]);
    expect(await a.staff.events({ from: day(0), to: day(366) })).toEqual(expect.any(Array));
  });

  it('refuses bad parameters naming them; a facility the caller may not see 404', async () => {
    const cases: [string, string, string][] = [
      [`from=${day(5)}&to=${day(4)}`, 'to', 'before_from'],
      [`from=${day(0)}&to=${day(367)}`, 'to', 'range_too_long'],
      ['from=tomorrow', 'from', 'not_date'],
      [`from=${day(0)}&to=2027-13-01`, 'to', 'not_date'],
      ['kind=party', 'kind', 'not_a_choice'],
    ];
    for (const [q, field, reason] of cases) {
      for (const who of [admin, yamada]) {
        const res = await who.request('GET', `/api/v1/events?${q}`);
        expectErrorBody(res, 400, 'invalid_argument');
        expect(res.body.error.field_reasons, q).toEqual({ [field]: reason });
      }
    }
    for (const [who, id] of [[admin, otherFacilityId], [admin, 'no-such-facility'], [a.staff, b.facility.id], [yamada, b.facility.id]] as const)
      await expectApiError(who.events({ facility_id: id }), 404);
    await expectApiError(server.api().events(), 401);
  });

  it('guardians see their facilities\' entries and the organization\'s; staff of A not B\'s', async () => {
    const atA = await a.staff.createEvent(eventAt(a.facility.id, day(8), { title: 'A の行事' }));
    const atB = await b.staff.createEvent(eventAt(b.facility.id, day(8), { title: 'B の行事' }));
    const all = await admin.createEvent(eventAt(undefined, day(8), { title: '全館の行事' }));
    const mine = [atA.id, atB.id, all.id];
    const seen = async (api: TestApi, facility_id?: string) => idsOf(await api.events({ from: day(8), to: day(8), facility_id }), mine).sort();
    expect(await seen(admin)).toEqual([...mine].sort());
    expect(await seen(a.staff)).toEqual([atA.id, all.id].sort());
    expect(await seen(b.staff)).toEqual([atB.id, all.id].sort());
    expect(await seen(yamada)).toEqual([atA.id, all.id].sort());
    expect(await seen(suzuki)).toEqual([atB.id, all.id].sort());
    expect(await seen(admin, a.facility.id)).toEqual([atA.id, all.id].sort());
    expect(await seen(yamada, a.facility.id)).toEqual([atA.id, all.id].sort());
    expect((await yamada.events({ from: day(8), to: day(8) })).find((e) => e.id === atA.id)).toEqual({ ...atA, application: null });
    for (const [who, id] of [[a.staff, atB.id], [b.staff, atA.id], [yamada, atB.id], [suzuki, atA.id]] as const) {
      await expectApiError(who.event(id), 404);
      expect((await who.request('GET', `/api/v1/events/${id}/event.ics`)).status).toBe(404);
    }
  });
});

describe('change and cancel', () => {
  it('PATCH changes the fields given, checked as on creation; bad input changes nothing', async () => {
    const e = await a.staff.createEvent(eventAt(a.facility.id, day(9), { title: '遠足' }));
    const changed = await a.staff.updateEvent(e.id, { title: '秋の遠足', description: '雨天中止', ...allDay(day(10)) });
    expect(changed).toEqual({ ...e, title: '秋の遠足', description: '雨天中止', ...allDay(day(10)), all_day: true });
    for (const [field, patch, reason] of [
      ['ends_at', { ends_at: tokyoAt(day(9)) }, 'not_after_starts_at'],
      ['ends_at', { ends_at: tokyoAt(day(45)) }, 'event_too_long'],
      ['capacity', { capacity: 5 }, 'course_only'],
      ['title', { title: '' }, 'empty'],
      ['kind', { kind: 'course' }, 'unknown_field'],
    ] as const) {
      const err = await expectInvalid(a.staff.updateEvent(e.id, patch as never), field);
      expect(err.fieldReasons[field]).toBe(reason);
    }
    expect(await a.staff.event(e.id)).toEqual(changed);
    await expectApiError(b.staff.updateEvent(e.id, { title: '乗っ取り' }), 404);
    await expectApiError(yamada.updateEvent(e.id, { title: '乗っ取り' }), 403);
    const all = await admin.createEvent(eventAt(undefined, day(9), { title: '全館' }));
    expect((await expectApiError(a.staff.updateEvent(all.id, { title: '変更' }), 403)).reason).toBe('org_admin_only');
    expect((await expectApiError(a.staff.cancelEvent(all.id), 403)).reason).toBe('org_admin_only');
    expect(await a.staff.event(e.id)).toEqual(changed);
    expect((await admin.event(all.id)).status).toBe('scheduled');
  });

  it('DELETE cancels (204, again 204): the entry stays as cancelled and refuses changes (409 event_cancelled)', async () => {
    const e = await a.staff.createEvent(eventAt(a.facility.id, day(11), { title: '中止する行事' }));
    await expectApiError(b.staff.cancelEvent(e.id), 404);
    await expectApiError(yamada.cancelEvent(e.id), 403);
    expect((await a.staff.request('DELETE', `/api/v1/events/${e.id}`)).status).toBe(204);
    expect((await a.staff.request('DELETE', `/api/v1/events/${e.id}`)).status).toBe(204);
    expect(await a.staff.event(e.id)).toEqual({ ...e, status: 'cancelled' });
    expect((await yamada.events({ from: day(11), to: day(11) })).find((x) => x.id === e.id)?.status).toBe('cancelled');
    expect((await expectApiError(a.staff.updateEvent(e.id, { title: '復活' }), 409)).reason).toBe('event_cancelled');
    expect((await a.staff.event(e.id)).title).toBe('中止する行事');
  });
});

// ---- closures ----

type Kid = Awaited<ReturnType<typeof enrolledFamily>>;
const closureNotices = async (kid: Kid) => (await kid.guardian.notifications({ limit: 200 })).items.filter((n) => n.kind === 'closure');
const rosterItem = (items: RosterItem[], kid: Kid) => items.find((i) => i.child.id === kid.child.id)!;
const attend = (date: string, arrive_at = '15:00') => ({ days: [{ date, status: 'attend' as const, arrive_at }] });

describe('a closure changes its days', () => {
  let closed: Site; // closed tomorrow
  let open: Site; // the same plans, no closure
  let planned: Kid; // attends tomorrow at 15:00
  let absent: Kid; // absent tomorrow
  let later: Kid; // attends the day after
  let control: Kid; // attends tomorrow at 15:00 at `open`
  let closure: CalendarEvent;

  beforeAll(async () => {
    closed = await newSite(server, admin, { name: 'あおば児童クラブ' });
    open = await newSite(server, admin, { name: 'みどり児童クラブ' });
    [planned, absent, later] = [await enrolledFamily(server, closed.staff, [closed.facility.id]), await enrolledFamily(server, closed.staff, [closed.facility.id]), await enrolledFamily(server, closed.staff, [closed.facility.id])];
    control = await enrolledFamily(server, open.staff, [open.facility.id]);
    await planned.guardian.putPlans(planned.child.id, attend(day(1)));
    await absent.guardian.putPlans(absent.child.id, { days: [{ date: day(1), status: 'absent', reason: '旅行' }] });
    await later.guardian.putPlans(later.child.id, attend(day(2)));
    await control.guardian.putPlans(control.child.id, attend(day(1)));
    closure = await closed.staff.createEvent(closureInput(closed.facility.id, day(1), '設備点検のため休館'));
  });

  it('the roster of that day shows the closure, other days and facilities none', async () => {
    expect((await closed.staff.roster(closed.facility.id, day(1))).closure).toEqual({ id: closure.id, title: '設備点検のため休館' });
    expect((await closed.staff.roster(closed.facility.id, day(0))).closure).toBeNull();
    expect((await closed.staff.roster(closed.facility.id, day(2))).closure).toBeNull();
    expect((await open.staff.roster(open.facility.id, day(1))).closure).toBeNull();
  });

  it('tells the guardians of the children planned to attend that day, not as an emergency; nobody else', async () => {
    const told = await closureNotices(planned);
    expect(told, 'one closure notice').toHaveLength(1);
    expect(told[0].title + told[0].body).toContain('設備点検のため休館');
    expect(told[0].emergency ?? false).toBe(false);
    for (const k of [absent, later, control]) expect(await closureNotices(k)).toEqual([]);
  });

  it('refuses plans for that day (409 facility_closed naming days[i].date) and writes nothing; other days are plannable', async () => {
    const before = await later.guardian.listPlans(later.child.id, { from: day(0), to: day(5) });
    const body = { days: [{ date: day(3), status: 'attend', arrive_at: '15:30' }, { date: day(1), status: 'attend', arrive_at: '15:00' }] };
    for (const who of [later.guardian, closed.staff]) {
      const e = await expectApiError(who.putPlans(later.child.id, body as never), 409);
      expect(e.reason).toBe('facility_closed');
      expect(Object.keys(e.fieldReasons)).toEqual(['days[1].date']);
      expect(e.fieldReasons['days[1].date']).toBe('facility_closed');
    }
    const absence = await expectApiError(planned.guardian.putPlans(planned.child.id, { days: [{ date: day(1), status: 'absent', reason: '休館' }] }), 409);
    expect(absence.fieldReasons['days[0].date']).toBe('facility_closed');
    expect(await later.guardian.listPlans(later.child.id, { from: day(0), to: day(5) })).toEqual(before);
    expect((await planned.guardian.listPlans(planned.child.id, { from: day(1), to: day(1) }))[0]).toMatchObject({ status: 'attend' });
    expect((await later.guardian.putPlans(later.child.id, attend(day(3)))).map((p) => p.date)).toEqual([day(3)]);
    expect((await control.guardian.putPlans(control.child.id, attend(day(1), '15:00'))).map((p) => p.date)).toEqual([day(1)]);
  });

  it('a closure today is told as an emergency; cancelling it tells them again and plans are taken again', async () => {
    const today = await newSite(server, admin);
    const kid = await enrolledFamily(server, today.staff, [today.facility.id]);
    await kid.guardian.putPlans(kid.child.id, attend(day(0), '16:00'));
    const c = await today.staff.createEvent(closureInput(today.facility.id, day(0), '台風のため休館'));
    const told = await closureNotices(kid);
    expect(told).toHaveLength(1);
    expect(told[0].emergency).toBe(true);
    await expectApiError(kid.guardian.putPlans(kid.child.id, attend(day(0), '17:00')), 409);
    await today.staff.cancelEvent(c.id);
    const again = await closureNotices(kid);
    expect(again, 'told of the cancellation').toHaveLength(2);
    expect(again[0].id).not.toBe(told[0].id);
    expect((await today.staff.roster(today.facility.id)).closure).toBeNull();
    expect((await kid.guardian.putPlans(kid.child.id, attend(day(0), '17:00')))[0]).toMatchObject({ date: day(0), arrive_at: '17:00' });
  });

  it('a plan sent while the closure is added is either refused or told of (15 rounds)', async () => {
    for (let round = 0; round < 15; round++) {
      const s = await newSite(server, admin);
      const k = await enrolledFamily(server, s.staff, [s.facility.id]);
      const [plan] = await Promise.all([k.guardian.request('PUT', `/api/v1/children/${k.child.id}/plans`, attend(day(4))),
        s.staff.createEvent(closureInput(s.facility.id, day(4)))]);
      const stored = await k.guardian.listPlans(k.child.id, { from: day(4), to: day(4) });
      const told = (await closureNotices(k)).length;
      expect({ round, status: plan.status, stored: stored.length, told }).toEqual(plan.status === 409 ? { round, status: 409, stored: 0, told: 0 } : { round, status: 200, stored: 1, told: 1 });
    }
  });

  it('raises no not-arrived alert on the closed day (the same plan at an open facility is raised)', async () => {
    const moved = await server.setClock(tokyoAt(day(1), '15:16'));
    const logs = await server.logsThroughLastMove();
    const raised = (k: Kid) => logs.split(`not arrived: child ${k.child.id} `).length - 1;
    const atOpen = rosterItem((await open.staff.roster(open.facility.id, day(1))).items, control);
    expect(atOpen).toMatchObject({ status: 'not_arrived' });
    expect(Date.parse(atOpen.alerted_at!)).toBe(moved.getTime());
    expect(raised(control)).toBe(1);
    expect(rosterItem((await closed.staff.roster(closed.facility.id, day(1))).items, planned).alerted_at).toBeNull();
    expect(raised(planned)).toBe(0);
    expect((await planned.guardian.notifications({ limit: 200 })).items.filter((n) => n.kind === 'not_arrived')).toEqual([]);
  });
});

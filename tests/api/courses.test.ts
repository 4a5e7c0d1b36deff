// Courses (講座): applications take one seat a child, confirmed while seats are free and
// nobody waits, else waitlisted strictly in order (a family needing two seats is never
// passed over by a later one needing one); a withdrawal or a larger capacity gives the
// freed seats to the waitlist head and tells that family; the refusals (ages, enrollment,
// another family's child, twice, not a course, cancelled, closed) change nothing; staff's
// list of applicants; cancelling the course cancels its applications and tells the
// families; two families racing for the last seat get one confirmed and one waitlisted;
// a client_id applies once. The test clock stands at 2027-06-10 15:00 Tokyo; the last
// block moves it past a course's start.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Application, CalendarEvent, CourseApplications, EventInput } from '../../web/src/shared/types';
import {
  PINNED_DAY, addDate, ageOn, clientId, courseInput, enrolledFamily, expectApiError, expectInvalid, newSite, serverNow, startCheckinServer,
  tokyo, tokyoAt, type Site, type TestApi, type TestServer,
} from '../support';

let server: TestServer;
let admin: TestApi;
let site: Site; // ひまわり児童クラブ
let other: Site; // さくら児童クラブ
type Fam = Awaited<ReturnType<typeof enrolledFamily>>;
let one: Fam; // one child
let two: Fam; // two children
let three: Fam; // one child
let four: Fam; // one child
let young: Fam; // a child of 3
let split: Fam; // one child enrolled here, one at `other`

const day = (n: number) => addDate(PINNED_DAY, { days: n });
const COURSE_DAY = day(7);
const BIRTH = '2018-06-15'; // 9 years 0 months on COURSE_DAY
const course = (over: Partial<EventInput> = {}) => site.staff.createEvent(courseInput(site.facility.id, COURSE_DAY, { title: 'プログラミング講座', ...over }));
const apply = (api: TestApi, id: string, child_ids: string[], client_id?: string) =>
  api.request<{ application: Application }>('POST', `/api/v1/events/${id}/applications`, { child_ids, ...(client_id ? { client_id } : {}) });
const applied = async (api: TestApi, id: string, child_ids: string[]) => {
  const res = await apply(api, id, child_ids);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.application;
};
const childIds = (f: Fam) => f.family.children.map((c) => c.id);
const courseNotices = async (f: Fam, id: string) =>
  (await f.guardian.notifications({ limit: 200 })).items.filter((n) => n.kind === 'course' && n.link?.includes(id));
/** Staff's lineup as [family name, status, position, waiting_for_seats] rows. */
const lineup = async (id: string) => {
  const l: CourseApplications = await site.staff.courseApplications(id);
  return { rows: [...l.confirmed, ...l.waitlisted].map((x) => [x.family.name, x.status, x.position, x.waiting_for_seats]), seats_taken: l.seats_taken, capacity: l.capacity };
};

beforeAll(async () => {
  server = await startCheckinServer();
  admin = await server.login();
  site = await newSite(server, admin, { name: 'ひまわり児童クラブ' });
  other = await newSite(server, admin, { name: 'さくら児童クラブ' });
  const fam = (name: string, children: { name: string; birth_date: string }[], facility_ids = [site.facility.id]) =>
    enrolledFamily(server, admin, facility_ids, { name, children: children.map((c) => ({ ...c, name_kana: 'てすと' })) });
  one = await fam('一ノ瀬家', [{ name: '一ノ瀬 葵', birth_date: BIRTH }]);
  two = await fam('二宮家', [{ name: '二宮 蓮', birth_date: BIRTH }, { name: '二宮 凛', birth_date: '2019-01-20' }]);
  three = await fam('三浦家', [{ name: '三浦 陽', birth_date: BIRTH }]);
  four = await fam('四谷家', [{ name: '四谷 湊', birth_date: BIRTH }]);
  young = await fam('小池家', [{ name: '小池 結', birth_date: '2024-04-01' }]);
  split = await fam('分家', [{ name: '分家 朝', birth_date: BIRTH }, { name: '分家 夕', birth_date: BIRTH }], []);
  await admin.createEnrollment({ facility_id: site.facility.id, child_id: split.family.children[0].id });
  await admin.createEnrollment({ facility_id: other.facility.id, child_id: split.family.children[1].id });
});
afterAll(async () => {
  await server?.close();
});

describe('the waitlist', () => {
  let c: CalendarEvent;
  const apps: Record<string, Application> = {};

  it('confirms while seats are free and nobody waits; else waitlists strictly in order', async () => {
    c = await course({ capacity: 2, age_months: { min: 72, max: 144 } });
    apps.one = await applied(one.guardian, c.id, childIds(one));
    expect(apps.one).toEqual({
      id: expect.any(String), event_id: c.id, status: 'confirmed', position: null, waiting_for_seats: null,
      family: { id: one.family.id, name: '一ノ瀬家' }, seats: 1, created_at: tokyo(serverNow()),
      children: [{ id: one.child.id, name: '一ノ瀬 葵', name_kana: 'てすと', age: ageOn(BIRTH, COURSE_DAY) }],
    });
    apps.two = await applied(two.guardian, c.id, childIds(two));
    expect(apps.two).toMatchObject({ status: 'waitlisted', position: 1, waiting_for_seats: 1, seats: 2 });
    expect(apps.two.children.map((x) => [x.name, x.age])).toEqual([['二宮 蓮', ageOn(BIRTH, COURSE_DAY)], ['二宮 凛', ageOn('2019-01-20', COURSE_DAY)]]);
    // One seat is free, but the Ninomiya family waits first: the Miura family queues behind it.
    apps.three = await applied(three.guardian, c.id, childIds(three));
    expect(apps.three).toMatchObject({ status: 'waitlisted', position: 2, waiting_for_seats: 2, seats: 1 });
    expect(await site.staff.event(c.id)).toMatchObject({ seats_taken: 1, waitlisted: 2, capacity: 2 });
    expect((await two.guardian.event(c.id)).application).toEqual({ id: apps.two.id, status: 'waitlisted', position: 1, child_ids: childIds(two) });
    expect((await one.guardian.events({ from: COURSE_DAY, to: COURSE_DAY })).find((e) => e.id === c.id)!.application)
      .toEqual({ id: apps.one.id, status: 'confirmed', position: null, child_ids: childIds(one) });
    expect((await four.guardian.event(c.id)).application).toBeNull();
  });

  it('staff list the confirmed and the waitlist with names, ages and families; guardians may not', async () => {
    const l = await site.staff.courseApplications(c.id);
    expect(l).toEqual({ confirmed: [apps.one], waitlisted: [apps.two, apps.three], seats_taken: 1, capacity: 2 });
    expect(await admin.courseApplications(c.id)).toEqual(l);
    for (const g of [one.guardian, four.guardian]) {
      const res = await g.request('GET', `/api/v1/events/${c.id}/applications`);
      expect([403, 404], JSON.stringify(res.body)).toContain(res.status);
    }
    await expectApiError(other.staff.courseApplications(c.id), 404);
  });

  it('a withdrawal gives the seats to the waitlist head (which needed two) and tells that family only', async () => {
    expect((await one.guardian.request('DELETE', `/api/v1/applications/${apps.one.id}`)).status).toBe(204);
    expect((await one.guardian.request('DELETE', `/api/v1/applications/${apps.one.id}`)).status).toBe(204);
    expect(await lineup(c.id)).toEqual({ rows: [['二宮家', 'confirmed', null, null], ['三浦家', 'waitlisted', 1, 1]], seats_taken: 2, capacity: 2 });
    const told = await courseNotices(two, c.id);
    expect(told, 'the Ninomiya family is told').toHaveLength(1);
    expect(told[0].title + told[0].body).toContain('プログラミング講座');
    expect(await courseNotices(three, c.id)).toEqual([]);
    expect((await one.guardian.event(c.id)).application).toBeNull();
  });

  it('capacity may not go below the confirmed seats (409 below_confirmed); a larger one confirms the waitlist head', async () => {
    const e = await expectApiError(site.staff.updateEvent(c.id, { capacity: 1 }), 409);
    expect(e.reason).toBe('below_confirmed');
    expect((await site.staff.event(c.id)).capacity).toBe(2);
    expect(await site.staff.updateEvent(c.id, { capacity: 3 })).toMatchObject({ capacity: 3, seats_taken: 3, waitlisted: 0 });
    expect((await lineup(c.id)).rows).toEqual([['二宮家', 'confirmed', null, null], ['三浦家', 'confirmed', null, null]]);
    expect(await courseNotices(three, c.id)).toHaveLength(1);
    // Room again for the Ichinose family's child.
    expect((await applied(one.guardian, c.id, childIds(one))).status).toBe('waitlisted');
  });
});

describe('the waitlist moves', () => {
  it('when the head withdraws, the next one takes the seats that are free (nobody waits before it any more)', async () => {
    const c = await course({ capacity: 2, title: '先頭が抜ける講座' });
    await applied(one.guardian, c.id, childIds(one));
    const head = await applied(two.guardian, c.id, childIds(two));
    await applied(three.guardian, c.id, childIds(three));
    await two.guardian.cancelApplication(head.id);
    expect(await lineup(c.id)).toEqual({ rows: [['一ノ瀬家', 'confirmed', null, null], ['三浦家', 'confirmed', null, null]], seats_taken: 2, capacity: 2 });
    expect(await courseNotices(three, c.id)).toHaveLength(1);
  });

  it('no capacity confirms the whole waitlist; a new time tells the applicants, a new title does not', async () => {
    const c = await course({ capacity: 1, title: '時間が変わる講座' });
    await applied(one.guardian, c.id, childIds(one));
    await applied(two.guardian, c.id, childIds(two));
    expect(await site.staff.updateEvent(c.id, { capacity: null })).toMatchObject({ capacity: null, seats_taken: 3, waitlisted: 0 });
    expect(await courseNotices(two, c.id)).toHaveLength(1);
    await site.staff.updateEvent(c.id, { title: '時間が変わる講座（改）' });
    expect(await courseNotices(one, c.id)).toHaveLength(0);
    await site.staff.updateEvent(c.id, { starts_at: tokyoAt(COURSE_DAY, '13:00'), ends_at: tokyoAt(COURSE_DAY, '14:30') });
    expect(await courseNotices(one, c.id)).toHaveLength(1);
    expect(await courseNotices(two, c.id)).toHaveLength(2);
  });
});

describe('refusals', () => {
  it('are answered with their reasons and change nothing', async () => {
    const c = await course({ capacity: 5, age_months: { min: 96, max: 120 } });
    const event = await site.staff.createEvent({ facility_id: site.facility.id, kind: 'event', title: '夏祭り', starts_at: tokyoAt(COURSE_DAY, '10:00'), ends_at: tokyoAt(COURSE_DAY, '12:00') });
    const first = await applied(four.guardian, c.id, childIds(four));
    const before = await site.staff.courseApplications(c.id);
    const err = async (api: TestApi, id: string, ids: string[], status: number, reason: string, field?: string) => {
      const e = await expectApiError(api.applyForCourse(id, ids), status);
      expect(e.reason, JSON.stringify(e.body)).toBe(reason);
      if (field) expect(e.fieldReasons[field], JSON.stringify(e.body)).toBe(reason);
    };
    await err(young.guardian, c.id, childIds(young), 400, 'outside_age_range', 'child_ids[0]');
    await err(split.guardian, c.id, childIds(split), 400, 'not_enrolled', 'child_ids[1]');
    await err(one.guardian, c.id, [two.child.id], 404, 'no_such_child', 'child_ids[0]');
    await err(one.guardian, c.id, [...childIds(one), two.child.id], 404, 'no_such_child', 'child_ids[1]');
    await err(admin, c.id, [one.child.id, three.child.id], 404, 'no_such_child', 'child_ids[1]'); // staff: children of several families
    await err(other.staff, c.id, [one.child.id], 404, 'not_found'); // the course is not theirs to see
    await err(four.guardian, c.id, childIds(four), 409, 'already_applied');
    await err(four.guardian, event.id, childIds(four), 409, 'not_a_course');
    await err(site.staff, c.id, childIds(four), 409, 'already_applied');
    await expectInvalid(one.guardian.applyForCourse(c.id, []), 'child_ids');
    expect((await expectInvalid(one.guardian.applyForCourse(c.id, childIds(one), 'not-a-uuid'), 'client_id')).reason).toBe('not_uuid');
    expect(await site.staff.courseApplications(c.id)).toEqual(before);
    expect(before.confirmed.map((x) => x.id)).toEqual([first.id]);

    const closed = await course({ apply_until: tokyo(serverNow().getTime() - 60_000) });
    await err(one.guardian, closed.id, childIds(one), 409, 'applications_closed');
    expect((await applied(site.staff, closed.id, childIds(one))).status).toBe('confirmed'); // staff: until the start
    const cancelled = await course();
    await site.staff.cancelEvent(cancelled.id);
    await err(one.guardian, cancelled.id, childIds(one), 409, 'event_cancelled');
    expect((await site.staff.courseApplications(cancelled.id)).confirmed).toEqual([]);
  });

  it('ages count in completed months on the first day, inclusive at both ends', async () => {
    const edge = await enrolledFamily(server, admin, [site.facility.id], { name: '境家', children: [
      { name: '境 満', birth_date: '2018-06-17' }, { name: '境 欠', birth_date: '2018-06-18' }] }); // 108 and 107 months on COURSE_DAY
    const c = await course({ age_months: { min: 108, max: 108 } });
    const e = await expectApiError(edge.guardian.applyForCourse(c.id, [edge.family.children[1].id]), 400);
    expect(e.fieldReasons['child_ids[0]']).toBe('outside_age_range');
    expect((await applied(edge.guardian, c.id, [edge.family.children[0].id])).status).toBe('confirmed');
  });

  it('apply_until is the last moment to apply: at it (the clock stands there) the application is taken', async () => {
    const c = await course({ apply_until: tokyo(serverNow()) });
    const res = await apply(four.guardian, c.id, childIds(four));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
  });

  it('one client_id applies once: the retry answers 200 with the first application; three at once make one', async () => {
    const c = await course({ capacity: 10 });
    const id = clientId();
    const first = await apply(three.guardian, c.id, childIds(three), id);
    expect(first.status).toBe(201);
    const again = await apply(three.guardian, c.id, childIds(three), id);
    expect(again.status, JSON.stringify(again.body)).toBe(200);
    expect(again.body).toEqual(first.body);
    const racing = clientId();
    const answers = await Promise.all([1, 2, 3].map(() => apply(two.guardian, c.id, childIds(two), racing)));
    expect(answers.map((r) => r.status).sort(), JSON.stringify(answers.map((r) => r.body))).toEqual([200, 200, 201]);
    expect(new Set(answers.map((r) => r.body.application.id)).size).toBe(1);
    const l = await site.staff.courseApplications(c.id);
    expect(l.confirmed.map((x) => x.family.name)).toEqual(['三浦家', '二宮家']);
    expect(l.seats_taken).toBe(3);
  });

  it('another family gets 404 withdrawing our application, which stays', async () => {
    const c = await course({ capacity: 3 });
    const mine = await applied(one.guardian, c.id, childIds(one));
    await expectApiError(three.guardian.cancelApplication(mine.id), 404);
    await expectApiError(other.staff.cancelApplication(mine.id), 404);
    expect((await site.staff.courseApplications(c.id)).confirmed.map((x) => x.id)).toEqual([mine.id]);
    await site.staff.cancelApplication(mine.id); // staff of the course's facility may
    expect((await site.staff.courseApplications(c.id)).confirmed).toEqual([]);
  });
});

describe('the last seat at once', () => {
  it('two families applying together get one confirmed and one waitlisted (5 times)', async () => {
    for (let round = 0; round < 5; round++) {
      const c = await course({ capacity: 1, title: `先着一名 ${round}` });
      const [x, y] = await Promise.all([apply(one.guardian, c.id, childIds(one)), apply(three.guardian, c.id, childIds(three))]);
      expect([x.status, y.status], JSON.stringify([x.body, y.body])).toEqual([201, 201]);
      expect([x.body.application.status, y.body.application.status].sort()).toEqual(['confirmed', 'waitlisted']);
      const waiting = [x, y].find((r) => r.body.application.status === 'waitlisted')!.body.application;
      expect(waiting).toMatchObject({ position: 1, waiting_for_seats: 1 });
      const l = await site.staff.courseApplications(c.id);
      expect([l.confirmed.length, l.waitlisted.length, l.seats_taken]).toEqual([1, 1, 1]);
    }
  });
});

describe('cancelling and starting', () => {
  it('cancelling a course cancels its applications and tells the families', async () => {
    const c = await course({ capacity: 1, title: '中止になる講座' });
    const a1 = await applied(one.guardian, c.id, childIds(one));
    const a2 = await applied(two.guardian, c.id, childIds(two));
    expect([a1.status, a2.status]).toEqual(['confirmed', 'waitlisted']);
    expect((await site.staff.request('DELETE', `/api/v1/events/${c.id}`)).status).toBe(204);
    expect(await site.staff.event(c.id)).toMatchObject({ status: 'cancelled', seats_taken: 0, waitlisted: 0 });
    const l = await site.staff.courseApplications(c.id);
    expect([l.confirmed, l.waitlisted, l.seats_taken]).toEqual([[], [], 0]);
    for (const f of [one, two]) {
      const told = await courseNotices(f, c.id);
      expect(told, f.family.name).toHaveLength(1);
      expect(told[0].title + told[0].body).toContain('中止になる講座');
      expect((await f.guardian.event(c.id)).application?.status ?? 'cancelled').toBe('cancelled');
    }
    expect(await courseNotices(three, c.id)).toEqual([]);
  });

  it('once the course has begun, a withdrawal promotes nobody and nobody may apply', async () => {
    const c = await site.staff.createEvent(courseInput(site.facility.id, PINNED_DAY, { capacity: 1, title: '今日の講座' }, '16:00', '17:00'));
    const a1 = await applied(one.guardian, c.id, childIds(one));
    const a2 = await applied(two.guardian, c.id, childIds(two));
    await server.setClock(tokyoAt(PINNED_DAY, '16:30'));
    await one.guardian.cancelApplication(a1.id);
    expect(await lineup(c.id)).toEqual({ rows: [['二宮家', 'waitlisted', 1, 1]], seats_taken: 0, capacity: 1 });
    expect(await courseNotices(two, c.id)).toEqual([]);
    expect(a2.status).toBe('waitlisted');
    for (const who of [three.guardian, site.staff]) {
      const e = await expectApiError(who.applyForCourse(c.id, childIds(three)), 409);
      expect(e.reason).toBe('applications_closed');
    }
  });
});

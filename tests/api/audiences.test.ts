// Audiences (POST /audiences/preview): which families a message reaches, counted before
// anything is sent. Families with an active enrollment at the facilities (their own for a
// drop-in room, a child's otherwise), children matching every child filter on the
// organization's day, the family filter; facility staff reach only their facilities;
// another organization's ids answer 404 naming the field; bad values 400 naming the field.
// The server's test clock stands at 2027-06-10 15:00 in Tokyo; the last test moves it to
// the next school year.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Audience, AudienceCount, NewFamily } from '../../web/src/shared/types';
import {
  enrolledFamily,
  expectApiError,
  expectInvalid,
  newSite,
  startCheckinServer,
  type Site,
  type TestApi,
  type TestServer,
} from '../support';

let server: TestServer;
let admin: TestApi;
let a: Site; // after-school club A
let b: Site; // after-school club B
let room: Site; // a drop-in room (the family is enrolled, not the child)
let f1: NewFamily; // at A: two guardians; 小1 (born 2020-05-01) and 小5 (born 2016-06-01)
let f2: NewFamily; // at B: one guardian; 小2 (born 2019-05-01)
let f3: NewFamily; // at the room: one guardian; 17 months (born 2026-01-10)
let f1_guardian: TestApi;
let other_admin: TestApi; // another organization
let other_site: Site;

const preview = (api: TestApi, audience: Audience): Promise<AudienceCount> => api.previewAudience(audience);

beforeAll(async () => {
  server = await startCheckinServer();
  admin = await server.login();
  a = await newSite(server, admin, { name: 'ひまわり児童クラブ' });
  b = await newSite(server, admin, { name: 'さくら児童クラブ' });
  room = await newSite(server, admin, { name: 'こどもルーム中央', kind: 'drop_in' });
  const one = await enrolledFamily(server, a.staff, [a.facility.id], {
    name: '山田家',
    guardians: [{ name: '山田 恵', relation: '母' }, { name: '山田 健', relation: '父' }],
    children: [{ name: '山田 ひかり', birth_date: '2020-05-01' }, { name: '山田 そうた', birth_date: '2016-06-01' }],
  });
  f1 = one.family;
  f1_guardian = one.guardian;
  f2 = (await enrolledFamily(server, b.staff, [b.facility.id], {
    name: '佐藤家', guardians: [{ name: '佐藤 舞', relation: '母' }], children: [{ name: '佐藤 はる', birth_date: '2019-05-01' }],
  })).family;
  f3 = (await enrolledFamily(server, room.staff, [room.facility.id], {
    name: '鈴木家', guardians: [{ name: '鈴木 綾', relation: '母' }], children: [{ name: '鈴木 りく', birth_date: '2026-01-10' }],
  })).family;
  other_admin = await server.login(await server.createOrg('となり市'));
  other_site = await newSite(server, other_admin, { name: 'となり児童クラブ' });
  await enrolledFamily(server, other_site.staff, [other_site.facility.id]);
});
afterAll(async () => {
  await server?.close();
});

describe('what an audience reaches', () => {
  it('{} is every family the organization administrator may reach, not another organization\'s', async () => {
    expect(await preview(admin, {})).toEqual({ families: 3, guardians: 4, children: 4 });
    expect(await preview(other_admin, {})).toEqual({ families: 1, guardians: 1, children: 1 });
  });

  it('every key narrows the set: facilities, grades, age in months, families, children', async () => {
    expect(await preview(admin, { facility_ids: [a.facility.id] })).toEqual({ families: 1, guardians: 2, children: 2 });
    expect(await preview(admin, { facility_ids: [a.facility.id, b.facility.id] }))
      .toEqual({ families: 2, guardians: 3, children: 3 });
    expect(await preview(admin, { grades: ['小1'] })).toEqual({ families: 1, guardians: 2, children: 1 });
    expect(await preview(admin, { grades: ['小1', '小2'] })).toEqual({ families: 2, guardians: 3, children: 2 });
    expect(await preview(admin, { grades: ['小1'], facility_ids: [b.facility.id] }))
      .toEqual({ families: 0, guardians: 0, children: 0 });
    // The drop-in room's family counts its children, whose age decides.
    expect(await preview(admin, { facility_ids: [room.facility.id] })).toEqual({ families: 1, guardians: 1, children: 1 });
    expect(await preview(admin, { age_months: { min: 12, max: 24 } })).toEqual({ families: 1, guardians: 1, children: 1 });
    expect(await preview(admin, { age_months: { max: 24 }, family_ids: [f3.id] })).toEqual({ families: 1, guardians: 1, children: 1 });
    expect(await preview(admin, { age_months: { min: 17, max: 17 } })).toEqual({ families: 1, guardians: 1, children: 1 });
    expect(await preview(admin, { age_months: { min: 18 }, grades: ['未就学'] })).toEqual({ families: 0, guardians: 0, children: 0 });
    expect(await preview(admin, { family_ids: [f2.id] })).toEqual({ families: 1, guardians: 1, children: 1 });
    expect(await preview(admin, { family_ids: [f2.id], facility_ids: [a.facility.id] }))
      .toEqual({ families: 0, guardians: 0, children: 0 });
    expect(await preview(admin, { child_ids: [f1.children[1].id] })).toEqual({ families: 1, guardians: 2, children: 1 });
    expect(await preview(admin, { child_ids: [f1.children[1].id], grades: ['小1'] }))
      .toEqual({ families: 0, guardians: 0, children: 0 });
  });

  it('only active enrollments count: a family whose enrollment ends drops out', async () => {
    const four = await enrolledFamily(server, b.staff, [b.facility.id], {
      name: '高橋家', guardians: [{ name: '高橋 優', relation: '父' }], children: [{ name: '高橋 れん', birth_date: '2019-08-01' }],
    });
    expect(await preview(b.staff, {})).toEqual({ families: 2, guardians: 2, children: 2 });
    const enrollments = await admin.listEnrollments({ facility_id: b.facility.id, limit: 200 });
    const theirs = enrollments.items.filter((e) => e.family_id === four.family.id);
    expect(theirs.length).toBe(1);
    await admin.deleteEnrollment(theirs[0].id);
    expect(await preview(b.staff, {})).toEqual({ families: 1, guardians: 1, children: 1 });
  });
});

describe('who may ask, and about which ids', () => {
  it('facility staff reach their facilities only: {} is theirs, another facility 403', async () => {
    expect(await preview(a.staff, {})).toEqual({ families: 1, guardians: 2, children: 2 });
    const e = await expectApiError(preview(a.staff, { facility_ids: [b.facility.id] }), 403, 'permission_denied');
    expect(e.reason).toBe('not_your_facility');
    // A family or child of another facility is not theirs to name.
    const fam = await expectApiError(preview(a.staff, { family_ids: [f2.id] }), 404, 'not_found');
    expect(Object.keys(fam.fields)).toEqual(['audience.family_ids[0]']);
    const child = await expectApiError(preview(a.staff, { child_ids: [f1.children[0].id, f2.children[0].id] }), 404, 'not_found');
    expect(Object.keys(child.fields)).toEqual(['audience.child_ids[1]']);
  });

  it("another organization's facility, family or child answers 404 naming it", async () => {
    const facility = await expectApiError(preview(admin, { facility_ids: [a.facility.id, other_site.facility.id] }), 404, 'not_found');
    expect(facility.fields).toHaveProperty(['audience.facility_ids[1]']);
    expect(facility.reason).toBe('no_such_facility');
    const family = await expectApiError(preview(other_admin, { family_ids: [f1.id] }), 404, 'not_found');
    expect(family.reason).toBe('no_such_family');
    const child = await expectApiError(preview(other_admin, { child_ids: [f1.children[0].id] }), 404, 'not_found');
    expect(child.reason).toBe('no_such_child');
    await expectApiError(preview(admin, { facility_ids: ['nonexistent'] }), 404, 'not_found');
  });

  it('guardians and kiosks may not ask', async () => {
    const g = await expectApiError(preview(f1_guardian, {}), 403, 'permission_denied');
    expect(g.reason).toBe('staff_only');
    const res = await a.kiosk.request('POST', '/api/v1/audiences/preview', { audience: {} });
    expect(res.status).toBe(403);
    const anonymous = await server.api().request('POST', '/api/v1/audiences/preview', { audience: {} });
    expect(anonymous.status).toBe(401);
  });
});

describe('bad audiences get 400 naming the field', () => {
  it('unknown grades, ages out of range or reversed, empty lists, wrong types, unknown keys', async () => {
    expect((await expectInvalid(preview(admin, { grades: ['小1', '小7'] as any }), 'audience.grades[1]')).reason).toBe('not_grade');
    expect((await expectInvalid(preview(admin, { age_months: { min: 30, max: 12 } }), 'audience.age_months.min')).reason)
      .toBe('min_above_max');
    expect((await expectInvalid(preview(admin, { age_months: { max: 361 } }), 'audience.age_months.max')).reason)
      .toBe('out_of_range');
    expect((await expectInvalid(preview(admin, { facility_ids: [] }), 'audience.facility_ids')).reason).toBe('empty');
    for (const [body, field, reason] of [
      [{ audience: { grades: '小1' } }, 'audience.grades', 'not_string_array'],
      [{ audience: { age_months: { min: 'one' } } }, 'audience.age_months.min', 'not_integer'],
      [{ audience: { school: 'x' } }, 'audience.school', 'unknown_field'],
      [{ audience: {}, extra: 1 }, 'extra', 'unknown_field'],
      [{}, 'audience', 'required'],
      [{ audience: null }, 'audience', 'required'],
      [{ audience: [] }, 'audience', 'not_object'],
    ] as const) {
      const res = await admin.request('POST', '/api/v1/audiences/preview', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect((res.body as any).error.field_reasons, JSON.stringify(body)).toMatchObject({ [field]: reason });
    }
  });
});

describe('the day of sending', () => {
  it('grades and ages are those of the organization\'s today: a new school year moves every child up', async () => {
    expect(await preview(admin, { grades: ['小1'] })).toEqual({ families: 1, guardians: 2, children: 1 });
    await server.setClock('2028-04-01T08:00:00+09:00');
    admin = await server.login(); // the session of ten months ago has ended
    expect(await preview(admin, { grades: ['小1'] })).toEqual({ families: 0, guardians: 0, children: 0 });
    expect(await preview(admin, { grades: ['小2', '小3'] })).toEqual({ families: 2, guardians: 3, children: 2 });
    expect(await preview(admin, { age_months: { min: 26, max: 26 } })).toEqual({ families: 1, guardians: 1, children: 1 });
  });
});

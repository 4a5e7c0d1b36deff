// Bad input on every endpoint answers 400 invalid_argument naming the field, and
// changes nothing (checked by reading everything back).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addDate,
  expectErrorBody,
  facilityInput,
  familyInput,
  newFacility,
  newFamilyWithGuardian,
  newStaff,
  randomPassword,
  startServer,
  todayIn,
  type TestApi,
  type TestServer,
} from '../support';
import type { Method } from '../../web/src/shared/api';
import type { Facility, NewFamily, Staff } from '../../web/src/shared/types';

let server: TestServer;
let admin: TestApi;
let facility: Facility;
let family: NewFamily;
let staff: Staff;
let guardianApi: TestApi;
let pwUser: { login: string; password: string; api: TestApi };

beforeAll(async () => {
  server = await startServer();
  admin = await server.login();
  facility = await newFacility(admin, 'after_school');
  const g = await newFamilyWithGuardian(server, admin, { facility_ids: [facility.id] });
  family = g.family;
  guardianApi = g.api;
  const s = await newStaff(server, admin, [facility.id]);
  staff = s.staff;
  pwUser = { login: s.login, password: s.password, api: s.api };
});
afterAll(async () => {
  await server?.close();
});

/** Everything the organization holds, as the admin reads it. */
async function snapshot() {
  const [facilities, staffList, families, enrollments] = await Promise.all([
    admin.listFacilities({ limit: 200 }),
    admin.listStaff({ limit: 200 }),
    admin.listFamilies({ limit: 200 }),
    admin.listEnrollments({ limit: 200 }),
  ]);
  return { facilities, staffList, families, enrollments };
}

interface Case {
  name: string;
  method: Method;
  path: () => string;
  body?: unknown;
  raw?: string;
  /** The field the error must name (any of, when several are acceptable). */
  field?: string | string[];
  unknown?: boolean;
  as?: () => TestApi;
}

const long = (n: number) => 'あ'.repeat(n);

function validFamily(over: Record<string, unknown> = {}) {
  return {
    name: '検証家',
    guardians: [{ name: '検証 保護者', email: 'ok@example.jp' }],
    children: [{ name: '検証 子', name_kana: 'けんしょう こ', birth_date: '2019-06-01' }],
    ...over,
  };
}

const tomorrow = () => addDate(todayIn(), { days: 2 });

const cases: Case[] = [
  // POST /api/v1/auth/login
  { name: 'login: missing password', method: 'POST', path: () => '/api/v1/auth/login', body: { login: 'someone' }, field: 'password', as: () => server.api() },
  { name: 'login: login not a string', method: 'POST', path: () => '/api/v1/auth/login', body: { login: 12, password: 'x' }, field: 'login', as: () => server.api() },
  { name: 'login: unknown field', method: 'POST', path: () => '/api/v1/auth/login', body: { login: 'a', password: 'b', remember: true }, field: 'remember', unknown: true, as: () => server.api() },
  { name: 'login: invalid JSON', method: 'POST', path: () => '/api/v1/auth/login', raw: '{"login": "a", ', as: () => server.api() },
  { name: 'login: JSON array', method: 'POST', path: () => '/api/v1/auth/login', raw: '[]', as: () => server.api() },

  // POST /api/v1/auth/password
  { name: 'password: new too short', method: 'POST', path: () => '/api/v1/auth/password', field: 'new_password', as: () => pwUser.api },
  { name: 'password: new too long', method: 'POST', path: () => '/api/v1/auth/password', field: 'new_password', as: () => pwUser.api },
  { name: 'password: missing current', method: 'POST', path: () => '/api/v1/auth/password', body: { new_password: 'long-enough-password' }, field: 'current_password', as: () => pwUser.api },
  { name: 'password: new not a string', method: 'POST', path: () => '/api/v1/auth/password', field: 'new_password', as: () => pwUser.api },
  { name: 'password: unknown field', method: 'POST', path: () => '/api/v1/auth/password', field: 'confirm', unknown: true, as: () => pwUser.api },
  { name: 'password: invalid JSON', method: 'POST', path: () => '/api/v1/auth/password', raw: '{', as: () => pwUser.api },

  // POST /api/v1/facilities
  ...(
    [
      ['empty name', { name: '' }, 'name'],
      ['blank name', { name: '   ' }, 'name'],
      ['name of 101 characters', { name: long(101) }, 'name'],
      ['name not a string', { name: 5 }, 'name'],
      ['unknown kind', { kind: 'school' }, 'kind'],
      ['opens_at 25:00', { opens_at: '25:00' }, 'opens_at'],
      ['opens_at 9:00', { opens_at: '9:00' }, 'opens_at'],
      ['opens_at 14:60', { opens_at: '14:60' }, 'opens_at'],
      ['closes_at text', { closes_at: 'evening' }, 'closes_at'],
      ['opens after it closes', { opens_at: '19:00', closes_at: '14:00' }, ['opens_at', 'closes_at']],
      ['opens when it closes', { opens_at: '14:00', closes_at: '14:00' }, ['opens_at', 'closes_at']],
    ] as const
  ).map(([n, over, field]): Case => ({ name: `create facility: ${n}`, method: 'POST', path: () => '/api/v1/facilities', body: facilityInput(over as any), field: field as any })),
  { name: 'create facility: missing kind', method: 'POST', path: () => '/api/v1/facilities', body: { name: 'x', opens_at: '14:00', closes_at: '19:00' }, field: 'kind' },
  { name: 'create facility: unknown field', method: 'POST', path: () => '/api/v1/facilities', body: { ...facilityInput(), capacity: 40 }, field: 'capacity', unknown: true },
  { name: 'create facility: invalid JSON', method: 'POST', path: () => '/api/v1/facilities', raw: '{"name": "x" "kind": "drop_in"}' },

  // PATCH /api/v1/facilities/{id}
  { name: 'patch facility: empty name', method: 'PATCH', path: () => `/api/v1/facilities/${facility.id}`, body: { name: '' }, field: 'name' },
  { name: 'patch facility: null name', method: 'PATCH', path: () => `/api/v1/facilities/${facility.id}`, body: { name: null }, field: 'name' },
  { name: 'patch facility: unknown kind', method: 'PATCH', path: () => `/api/v1/facilities/${facility.id}`, body: { kind: 'zoo' }, field: 'kind' },
  { name: 'patch facility: opens after the stored closing time', method: 'PATCH', path: () => `/api/v1/facilities/${facility.id}`, body: { opens_at: '20:00' }, field: ['opens_at', 'closes_at'] },
  { name: 'patch facility: closes before the stored opening time', method: 'PATCH', path: () => `/api/v1/facilities/${facility.id}`, body: { closes_at: '13:00' }, field: ['opens_at', 'closes_at'] },
  { name: 'patch facility: unknown field', method: 'PATCH', path: () => `/api/v1/facilities/${facility.id}`, body: { id: 'other' }, field: 'id', unknown: true },
  { name: 'patch facility: invalid JSON', method: 'PATCH', path: () => `/api/v1/facilities/${facility.id}`, raw: 'name=x' },

  // POST /api/v1/staff
  ...(
    [
      ['login too short', { login: 'ab' }, 'login'],
      ['login too long', { login: 'a'.repeat(65) }, 'login'],
      ['login with capitals', { login: 'Tanaka' }, 'login'],
      ['login with a space', { login: 'ta naka' }, 'login'],
      ['login in kana', { login: 'たなか' }, 'login'],
      ['empty name', { name: '' }, 'name'],
      ['short password', { password: '1234567' }, 'password'],
      ['password not a string', { password: 12345678 }, 'password'],
      ['role guardian', { role: 'guardian' }, 'role'],
      ['unknown role', { role: 'boss' }, 'role'],
      ['facility_staff without facilities', { facility_ids: [] }, 'facility_ids'],
      ['facility_ids not a list', { facility_ids: 'all' }, 'facility_ids'],
      ['unknown field', { email: 'x@example.jp' }, 'email'],
    ] as const
  ).map(
    ([n, over, field]): Case => ({
      name: `create staff: ${n}`,
      method: 'POST',
      path: () => '/api/v1/staff',
      body: () => ({ login: 'valid.login', name: '職員', password: randomPassword(), role: 'facility_staff', facility_ids: [facility.id], ...over }),
      field,
      unknown: n === 'unknown field',
    }),
  ),
  { name: 'create staff: missing login', method: 'POST', path: () => '/api/v1/staff', body: () => ({ name: 'x', password: randomPassword(), role: 'org_admin', facility_ids: [] }), field: 'login' },

  // PATCH /api/v1/staff/{id}
  { name: 'patch staff: empty name', method: 'PATCH', path: () => `/api/v1/staff/${staff.id}`, body: { name: ' ' }, field: 'name' },
  { name: 'patch staff: role guardian', method: 'PATCH', path: () => `/api/v1/staff/${staff.id}`, body: { role: 'guardian' }, field: 'role' },
  { name: 'patch staff: facility_staff without facilities', method: 'PATCH', path: () => `/api/v1/staff/${staff.id}`, body: { facility_ids: [] }, field: 'facility_ids' },
  { name: 'patch staff: login is not patchable', method: 'PATCH', path: () => `/api/v1/staff/${staff.id}`, body: { login: 'renamed' }, field: 'login' },
  { name: 'patch staff: password is not patchable', method: 'PATCH', path: () => `/api/v1/staff/${staff.id}`, body: { password: 'new-password-1' }, field: 'password' },

  // POST /api/v1/families
  ...(
    [
      ['empty name', { name: '' }, 'name'],
      ['name of 101 characters', { name: long(101) }, 'name'],
      ['no guardians', { guardians: [] }, 'guardians'],
      ['11 guardians', { guardians: Array.from({ length: 11 }, (_, i) => ({ name: `保護者${i}` })) }, 'guardians'],
      ['guardian without name', { guardians: [{ name: '' }] }, 'guardians[0].name'],
      ['second guardian with a bad e-mail', { guardians: [{ name: '正しい 保護者' }, { name: '二人目', email: 'not-an-email' }] }, 'guardians[1].email'],
      ['e-mail without a dot', { guardians: [{ name: 'g', email: 'a@b' }] }, 'guardians[0].email'],
      ['e-mail of 255 characters', { guardians: [{ name: 'g', email: `${'a'.repeat(244)}@example.jp` }] }, 'guardians[0].email'],
      ['21 children', { children: Array.from({ length: 21 }, (_, i) => ({ name: `子${i}`, birth_date: '2019-01-01' })) }, 'children'],
      ['child without name', { children: [{ name: '', birth_date: '2019-01-01' }] }, 'children[0].name'],
      ['kanji in name_kana', { children: [{ name: '子', name_kana: '山田', birth_date: '2019-01-01' }] }, 'children[0].name_kana'],
      ['latin in name_kana', { children: [{ name: '子', name_kana: 'yamada', birth_date: '2019-01-01' }] }, 'children[0].name_kana'],
      ['February 30', { children: [{ name: '子', birth_date: '2020-02-30' }] }, 'children[0].birth_date'],
      ['slashes in a date', { children: [{ name: '子', birth_date: '2020/01/01' }] }, 'children[0].birth_date'],
      ['second child born in the future', { children: [{ name: '子', birth_date: '2019-01-01' }, { name: '未来', birth_date: '2999-01-01' }] }, 'children[1].birth_date'],
      ['child without birth date', { children: [{ name: '子' }] }, 'children[0].birth_date'],
      ['letters in phone', { phone: 'call me' }, 'phone'],
      ['phone of 21 characters', { phone: '0'.repeat(21) }, 'phone'],
      ['guardians not a list', { guardians: { name: 'x' } }, 'guardians'],
    ] as const
  ).map(([n, over, field]): Case => ({ name: `create family: ${n}`, method: 'POST', path: () => '/api/v1/families', body: validFamily(over as any), field })),
  { name: 'create family: missing guardians', method: 'POST', path: () => '/api/v1/families', body: { name: 'x', children: [] }, field: 'guardians' },
  { name: 'create family: unknown field', method: 'POST', path: () => '/api/v1/families', body: validFamily({ notes: 'x' }), field: 'notes', unknown: true },
  { name: 'create family: unknown guardian field', method: 'POST', path: () => '/api/v1/families', body: validFamily({ guardians: [{ name: 'g', age: 40 }] }), field: ['guardians[0].age', 'age'], unknown: true },
  { name: 'create family: invalid JSON', method: 'POST', path: () => '/api/v1/families', raw: '{"name": "\u0000' },

  // PATCH /api/v1/families/{id}
  { name: 'patch family: empty name', method: 'PATCH', path: () => `/api/v1/families/${family.id}`, body: { name: '' }, field: 'name' },
  { name: 'patch family: null name', method: 'PATCH', path: () => `/api/v1/families/${family.id}`, body: { name: null }, field: 'name' },
  { name: 'patch family: bad phone', method: 'PATCH', path: () => `/api/v1/families/${family.id}`, body: { phone: 'abc' }, field: 'phone' },
  { name: 'patch family: guardians are not patchable', method: 'PATCH', path: () => `/api/v1/families/${family.id}`, body: { guardians: [] }, field: 'guardians' },

  // POST /api/v1/families/{id}/children
  { name: 'add child: empty name', method: 'POST', path: () => `/api/v1/families/${family.id}/children`, body: { name: '', birth_date: '2020-01-01' }, field: 'name' },
  { name: 'add child: latin kana', method: 'POST', path: () => `/api/v1/families/${family.id}/children`, body: { name: 'x', name_kana: 'abc', birth_date: '2020-01-01' }, field: 'name_kana' },
  { name: 'add child: month 13', method: 'POST', path: () => `/api/v1/families/${family.id}/children`, body: { name: 'x', birth_date: '2021-13-01' }, field: 'birth_date' },
  { name: 'add child: born after today', method: 'POST', path: () => `/api/v1/families/${family.id}/children`, body: () => ({ name: 'x', birth_date: tomorrow() }), field: 'birth_date' },
  { name: 'add child: missing birth date', method: 'POST', path: () => `/api/v1/families/${family.id}/children`, body: { name: 'x' }, field: 'birth_date' },
  { name: 'add child: unknown field', method: 'POST', path: () => `/api/v1/families/${family.id}/children`, body: { name: 'x', birth_date: '2020-01-01', family_id: 'other' }, field: 'family_id', unknown: true },

  // PATCH /api/v1/children/{id}
  { name: 'patch child: empty name', method: 'PATCH', path: () => `/api/v1/children/${family.children[0].id}`, body: { name: '' }, field: 'name' },
  { name: 'patch child: kanji kana', method: 'PATCH', path: () => `/api/v1/children/${family.children[0].id}`, body: { name_kana: '漢字' }, field: 'name_kana' },
  { name: 'patch child: born after today', method: 'PATCH', path: () => `/api/v1/children/${family.children[0].id}`, body: () => ({ birth_date: tomorrow() }), field: 'birth_date' },
  { name: 'patch child: null birth date', method: 'PATCH', path: () => `/api/v1/children/${family.children[0].id}`, body: { birth_date: null }, field: 'birth_date' },
  { name: 'patch child: unknown field', method: 'PATCH', path: () => `/api/v1/children/${family.children[0].id}`, body: { grade: '小1' }, field: 'grade', unknown: true },

  // POST /api/v1/families/{id}/guardians
  { name: 'invite guardian: empty name', method: 'POST', path: () => `/api/v1/families/${family.id}/guardians`, body: { name: '' }, field: 'name' },
  { name: 'invite guardian: bad e-mail', method: 'POST', path: () => `/api/v1/families/${family.id}/guardians`, body: { name: 'x', email: 'no-at.example.jp' }, field: 'email' },
  { name: 'invite guardian: unknown field', method: 'POST', path: () => `/api/v1/families/${family.id}/guardians`, body: { name: 'x', login: 'chosen' }, field: 'login', unknown: true },
  { name: 'invite guardian (by a guardian): bad e-mail', method: 'POST', path: () => `/api/v1/families/${family.id}/guardians`, body: { name: 'x', email: 'a@b' }, field: 'email', as: () => guardianApi },

  // PATCH /api/v1/guardians/{id}
  { name: 'patch guardian: empty name', method: 'PATCH', path: () => `/api/v1/guardians/${family.guardians[0].id}`, body: { name: '' }, field: 'name' },
  { name: 'patch guardian: bad e-mail', method: 'PATCH', path: () => `/api/v1/guardians/${family.guardians[0].id}`, body: { email: 'bad' }, field: 'email' },
  { name: 'patch guardian: login is not patchable', method: 'PATCH', path: () => `/api/v1/guardians/${family.guardians[0].id}`, body: { login: 'other' }, field: 'login' },
  { name: 'patch guardian (itself): bad e-mail', method: 'PATCH', path: () => `/api/v1/guardians/${family.guardians[0].id}`, body: { email: 'x@' }, field: 'email', as: () => guardianApi },

  // POST /api/v1/enrollments
  { name: 'enroll: empty body', method: 'POST', path: () => '/api/v1/enrollments', body: {}, field: 'facility_id' },
  { name: 'enroll: neither child nor family', method: 'POST', path: () => '/api/v1/enrollments', body: () => ({ facility_id: facility.id }), field: ['child_id', 'family_id'] },
  { name: 'enroll: both child and family', method: 'POST', path: () => '/api/v1/enrollments', body: () => ({ facility_id: facility.id, child_id: family.children[0].id, family_id: family.id }), field: ['child_id', 'family_id'] },
  { name: 'enroll: facility_id not a string', method: 'POST', path: () => '/api/v1/enrollments', body: () => ({ facility_id: 7, child_id: family.children[0].id }), field: 'facility_id' },
  { name: 'enroll: unknown field', method: 'POST', path: () => '/api/v1/enrollments', body: () => ({ facility_id: facility.id, child_id: family.children[0].id, status: 'active' }), field: 'status', unknown: true },

  // query parameters of lists
  ...['0', '201', '-1', 'ten', '1.5'].map((limit): Case => ({ name: `families: limit=${limit}`, method: 'GET', path: () => `/api/v1/families?limit=${limit}`, field: 'limit' })),
  { name: 'families: garbage cursor', method: 'GET', path: () => '/api/v1/families?cursor=%25%25not-a-cursor', field: 'cursor' },
  { name: 'facilities: limit=0', method: 'GET', path: () => '/api/v1/facilities?limit=0', field: 'limit' },
  { name: 'facilities: garbage cursor', method: 'GET', path: () => '/api/v1/facilities?cursor=zzz', field: 'cursor' },
  { name: 'staff: limit=500', method: 'GET', path: () => '/api/v1/staff?limit=500', field: 'limit' },
  { name: 'enrollments: unknown status', method: 'GET', path: () => '/api/v1/enrollments?status=done', field: 'status' },
  { name: 'enrollments: limit=0', method: 'GET', path: () => '/api/v1/enrollments?limit=0', field: 'limit' },
];

// Bodies that depend on the case name (password cases need the user's real password).
function bodyOf(c: Case): unknown {
  switch (c.name) {
    case 'password: new too short':
      return { current_password: pwUser.password, new_password: '1234567' };
    case 'password: new too long':
      return { current_password: pwUser.password, new_password: 'x'.repeat(201) };
    case 'password: new not a string':
      return { current_password: pwUser.password, new_password: 12345678 };
    case 'password: unknown field':
      return { current_password: pwUser.password, new_password: 'long-enough-password', confirm: 'long-enough-password' };
  }
  return typeof c.body === 'function' ? (c.body as () => unknown)() : c.body;
}

describe('bad input answers 400 naming the field and changes nothing', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const before = await snapshot();
    const api = c.as ? c.as() : admin;
    const res = await api.request(c.method, c.path(), c.raw === undefined ? bodyOf(c) : undefined, c.raw === undefined ? {} : { raw: c.raw });
    expectErrorBody(res, 400, 'invalid_argument');
    if (c.field) {
      const fields: Record<string, string> = res.body.error.fields ?? {};
      const wanted = Array.isArray(c.field) ? c.field : [c.field];
      const named = Object.keys(fields).filter((k) => wanted.includes(k));
      expect(named, `fields ${JSON.stringify(fields)} should name one of ${wanted.join(', ')}`).not.toEqual([]);
      for (const k of named) expect(fields[k]).toMatch(/\S/);
      if (c.unknown) expect(res.body.error.field_reasons[named[0]]).toBe('unknown_field');
    }
    expect(await snapshot()).toEqual(before);
  });

  it('after all that, the password user still signs in with its password', async () => {
    expect((await server.api().login(pwUser.login, pwUser.password)).login).toBe(pwUser.login);
  });
});

describe('limits that are allowed', () => {
  it('names of exactly 100 characters (counted as characters, not bytes) are accepted', async () => {
    const f = await admin.createFacility(facilityInput({ name: long(100) }));
    expect(f.name).toBe(long(100));
    const fam = await admin.createFamily(familyInput({ name: `  ${long(100)}  ` }));
    expect(fam.name).toBe(long(100));
  });

  it('kana with katakana, hiragana, spaces and ー is accepted', async () => {
    const child = await admin.addChild(family.id, { name: '長音', name_kana: 'ゆーき　ユーキ ちゃん', birth_date: '2020-08-08' });
    expect(child.name_kana).toBe('ゆーき　ユーキ ちゃん');
  });

  it('limit=1 and limit=200 are accepted', async () => {
    expect((await admin.listFamilies({ limit: 1 })).items).toHaveLength(1);
    expect((await admin.listFamilies({ limit: 200 })).items.length).toBeGreaterThan(0);
  });
});

describe('unknown ids on endpoints without a body answer 404', () => {
  it.each([
    ['POST', '/api/v1/enrollments/no-such-id/approve'],
    ['DELETE', '/api/v1/enrollments/no-such-id'],
    ['POST', '/api/v1/guardians/no-such-id/password-reset'],
    ['GET', '/api/v1/families/no-such-id'],
    ['GET', '/api/v1/children/no-such-id'],
    ['GET', '/api/v1/facilities/no-such-id'],
  ] as const)('%s %s', async (method, path) => {
    expectErrorBody(await admin.request(method, path), 404, 'not_found');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectApiError,
  expectInvalid,
  newFacility,
  newStaff,
  randomPassword,
  signIn,
  startServer,
  uid,
  type TestApi,
  type TestServer,
} from '../support';
import type { Staff } from '../../web/src/shared/types';

let server: TestServer;
let admin: TestApi;

beforeAll(async () => {
  server = await startServer();
  admin = await server.login();
});
afterAll(async () => {
  await server?.close();
});

async function allStaff(): Promise<Staff[]> {
  const out: Staff[] = [];
  let cursor: string | null = null;
  do {
    const page = await admin.listStaff({ limit: 2, cursor });
    out.push(...page.items);
    cursor = page.next_cursor;
  } while (cursor);
  return out;
}

describe('staff', () => {
  it('creates facility_staff (201, must change password) who can then sign in', async () => {
    const f = await newFacility(admin);
    const login = `kyoko.${uid()}`;
    const password = randomPassword();
    const res = await admin.request('POST', '/api/v1/staff', {
      login,
      name: '佐藤 京子',
      password,
      role: 'facility_staff',
      facility_ids: [f.id],
    });
    expect(res.status).toBe(201);
    const staff = res.body.staff as Staff;
    expect(staff).toEqual({
      id: expect.any(String),
      login,
      name: '佐藤 京子',
      role: 'facility_staff',
      facility_ids: [f.id],
      must_change_password: true,
    });
    expect(JSON.stringify(res.body)).not.toContain(password);
    expect((await allStaff()).find((s) => s.id === staff.id)).toEqual(staff);

    const { api } = await signIn(server, login, password);
    const me = await api.me();
    expect(me).toMatchObject({ id: staff.id, role: 'facility_staff', facility_ids: [f.id], must_change_password: false });
    expect((await allStaff()).find((s) => s.id === staff.id)!.must_change_password).toBe(false);
  });

  it('the admin from create-org is listed and not forced to change its password', async () => {
    const me = await admin.me();
    const listed = (await allStaff()).find((s) => s.id === me.id);
    expect(listed).toMatchObject({ login: server.admin.login, role: 'org_admin', must_change_password: false });
  });

  it('creates an org_admin without facilities', async () => {
    const s = await admin.createStaff({
      login: `boss.${uid()}`,
      name: '課長',
      password: randomPassword(),
      role: 'org_admin',
      facility_ids: [],
    });
    expect(s.role).toBe('org_admin');
  });

  it('a taken login answers 409 conflict', async () => {
    const login = `taken.${uid()}`;
    const f = await newFacility(admin);
    await admin.createStaff({ login, name: 'A', password: randomPassword(), role: 'facility_staff', facility_ids: [f.id] });
    const before = await allStaff();
    await expectApiError(
      admin.createStaff({ login, name: 'B', password: randomPassword(), role: 'facility_staff', facility_ids: [f.id] }),
      409,
      'conflict',
    );
    expect(await allStaff()).toEqual(before);
  });

  it('accepts logins of 3 and 64 characters of [a-z0-9._-]', async () => {
    const short = `a${uid().slice(0, 2)}`.slice(0, 3).padEnd(3, 'z');
    const long = `x.${uid()}-_`.padEnd(64, '9');
    for (const login of [short, long]) {
      const s = await admin.createStaff({ login, name: 'N', password: randomPassword(), role: 'org_admin', facility_ids: [] });
      expect(s.login).toBe(login);
    }
  });

  it('PATCH changes name, role and facilities', async () => {
    const f1 = await newFacility(admin);
    const f2 = await newFacility(admin);
    const { staff, api } = await newStaff(server, admin, [f1.id]);
    const renamed = await admin.updateStaff(staff.id, { name: '新しい名前' });
    expect(renamed).toMatchObject({ id: staff.id, name: '新しい名前', facility_ids: [f1.id], role: 'facility_staff' });

    const moved = await admin.updateStaff(staff.id, { facility_ids: [f2.id] });
    expect(moved.facility_ids).toEqual([f2.id]);
    // The staff member's view follows at once.
    expect((await api.listFacilities()).items.map((f) => f.id)).toEqual([f2.id]);
    await expectApiError(api.getFacility(f1.id), 404, 'not_found');

    const both = await admin.updateStaff(staff.id, { facility_ids: [f1.id, f2.id] });
    expect([...both.facility_ids].sort()).toEqual([f1.id, f2.id].sort());

    const promoted = await admin.updateStaff(staff.id, { role: 'org_admin' });
    expect(promoted.role).toBe('org_admin');
    expect((await api.me()).role).toBe('org_admin');
    expect((await allStaff()).find((s) => s.id === staff.id)).toEqual(promoted);
  });

  it('facility_staff may not list, create or change staff', async () => {
    const f = await newFacility(admin);
    const { api, staff } = await newStaff(server, admin, [f.id]);
    await expectApiError(api.listStaff(), 403, 'permission_denied');
    await expectApiError(
      api.createStaff({ login: `x.${uid()}`, name: 'x', password: randomPassword(), role: 'org_admin', facility_ids: [] }),
      403,
      'permission_denied',
    );
    await expectApiError(api.updateStaff(staff.id, { role: 'org_admin' }), 403, 'permission_denied');
    expect((await api.me()).role).toBe('facility_staff');
  });

  it('lists with limit and cursor: every account exactly once', async () => {
    for (let i = 0; i < 4; i++) {
      await admin.createStaff({ login: `page.${uid()}`, name: 'N', password: randomPassword(), role: 'org_admin', facility_ids: [] });
    }
    const first = await admin.listStaff({ limit: 2 });
    expect(first.items).toHaveLength(2);
    expect(first.next_cursor).toEqual(expect.any(String));
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await admin.listStaff({ limit: 2, cursor });
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((s) => s.id));
      cursor = page.next_cursor;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    expect(new Set(seen)).toEqual(new Set((await admin.listStaff({ limit: 200 })).items.map((s) => s.id)));
  });

  it('an unknown staff id answers 404', async () => {
    await expectApiError(admin.updateStaff('no-such-staff', { name: 'x' }), 404, 'not_found');
  });

  it('facility_staff needs at least one facility', async () => {
    const login = `lonely.${uid()}`;
    await expectInvalid(
      admin.createStaff({ login, name: 'x', password: randomPassword(), role: 'facility_staff', facility_ids: [] }),
      'facility_ids',
    );
    expect((await allStaff()).some((s) => s.login === login)).toBe(false);
  });
});

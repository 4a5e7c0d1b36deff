// Who may see what: organizations, guardians, facility_staff. Ids that a caller may not
// see answer 404 (existence is never revealed) and nothing changes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectApiError,
  familyInput,
  newFacility,
  newFamilyWithGuardian,
  newStaff,
  randomPassword,
  startServer,
  type TestApi,
  type TestServer,
} from '../support';
import type { Facility, Family, NewFamily } from '../../web/src/shared/types';

let server: TestServer;
let adminA: TestApi;
let adminB: TestApi;

beforeAll(async () => {
  server = await startServer();
  adminA = await server.login();
  adminB = await server.login(await server.createOrg('隣町こども課'));
});
afterAll(async () => {
  await server?.close();
});

async function allFamilies(api: TestApi, q?: string): Promise<Family[]> {
  const out: Family[] = [];
  let cursor: string | null = null;
  do {
    const page = await api.listFamilies({ q, limit: 200, cursor });
    out.push(...page.items);
    cursor = page.next_cursor;
  } while (cursor);
  return out;
}

describe('organizations', () => {
  let facilityA: Facility;
  let familyA: NewFamily;
  let facilityB: Facility;

  beforeAll(async () => {
    facilityA = await newFacility(adminA, 'drop_in');
    familyA = await adminA.createFamily(familyInput({ name: '組織Aの家族', facility_ids: [facilityA.id] }));
    facilityB = await newFacility(adminB, 'after_school');
    await adminB.createFamily(familyInput({ name: '組織Bの家族' }));
  });

  it('each admin sees its own organization', async () => {
    const [a, b] = [await adminA.organization(), await adminB.organization()];
    expect(a.id).not.toBe(b.id);
    expect(b.name).toBe('隣町こども課');
  });

  it("org B's staff cannot read org A's facilities, families, children or enrollments", async () => {
    await expectApiError(adminB.getFacility(facilityA.id), 404, 'not_found');
    await expectApiError(adminB.getFamily(familyA.id), 404, 'not_found');
    await expectApiError(adminB.getChild(familyA.children[0].id), 404, 'not_found');
    expect((await adminB.listFacilities({ limit: 200 })).items.map((f) => f.id)).toEqual([facilityB.id]);
    const familiesB = await allFamilies(adminB);
    expect(familiesB.map((f) => f.name)).toEqual(['組織Bの家族']);
    expect(await allFamilies(adminB, '組織A')).toEqual([]);
    const enrollmentsB = await adminB.listEnrollments({ limit: 200 });
    expect(enrollmentsB.items).toEqual([]);
    const staffB = await adminB.listStaff({ limit: 200 });
    expect(staffB.items.map((s) => s.login)).not.toContain(server.admin.login);
  });

  it("org B's staff cannot change anything of org A (404) and nothing changes", async () => {
    const [g] = familyA.guardians;
    const [e] = familyA.enrollments;
    await expectApiError(adminB.updateFacility(facilityA.id, { name: '乗っ取り' }), 404, 'not_found');
    await expectApiError(adminB.updateFamily(familyA.id, { name: '乗っ取り' }), 404, 'not_found');
    await expectApiError(adminB.addChild(familyA.id, { name: '侵入', birth_date: '2020-01-01' }), 404, 'not_found');
    await expectApiError(adminB.updateChild(familyA.children[0].id, { name: '乗っ取り' }), 404, 'not_found');
    await expectApiError(adminB.inviteGuardian(familyA.id, { name: '侵入者' }), 404, 'not_found');
    await expectApiError(adminB.updateGuardian(g.id, { email: 'evil@example.com' }), 404, 'not_found');
    await expectApiError(adminB.resetGuardianPassword(g.id), 404, 'not_found');
    await expectApiError(adminB.approveEnrollment(e.id), 404, 'not_found');
    await expectApiError(adminB.deleteEnrollment(e.id), 404, 'not_found');
    const meA = await adminA.me();
    await expectApiError(adminB.updateStaff(meA.id, { name: '乗っ取り' }), 404, 'not_found');

    const { guardians: _g, ...rest } = familyA;
    expect(await adminA.getFamily(familyA.id)).toMatchObject({ ...rest, guardians: [expect.objectContaining({ email: g.email })] });
    expect(await adminA.getFacility(facilityA.id)).toEqual(facilityA);
    expect((await adminA.me()).name).toBe(meA.name);
    // The guardian's password was not reset.
    expect((await server.api().login(g.login, g.initial_password)).role).toBe('guardian');
  });

  it("org A's ids named in a request body answer 404 too, and nothing is created", async () => {
    await expectApiError(adminB.createEnrollment({ facility_id: facilityA.id, family_id: familyA.id }), 404, 'not_found');
    await expectApiError(adminB.createEnrollment({ facility_id: facilityB.id, child_id: familyA.children[0].id }), 404, 'not_found');
    const spy = `spy.${Date.now()}`;
    await expectApiError(
      adminB.createStaff({ login: spy, name: 'x', password: randomPassword(), role: 'facility_staff', facility_ids: [facilityA.id] }),
      404,
      'not_found',
    );
    await expectApiError(adminB.createFamily(familyInput({ name: '越境', facility_ids: [facilityA.id] })), 404, 'not_found');
    await expectApiError(adminB.updateStaff((await adminB.me()).id, { facility_ids: [facilityA.id] }), 404, 'not_found');
    expect((await adminB.listStaff({ limit: 200 })).items.map((s) => s.login)).not.toContain(spy);
    expect(await allFamilies(adminB, '越境')).toEqual([]);
    expect((await adminB.listEnrollments({ limit: 200 })).items).toEqual([]);
    expect((await adminA.getFamily(familyA.id)).enrollments).toEqual(familyA.enrollments);
  });
});

describe('guardians', () => {
  it('a guardian cannot read or touch another family (404)', async () => {
    const one = await newFamilyWithGuardian(server, adminA);
    const two = await newFamilyWithGuardian(server, adminA);
    const g1 = one.api;
    await expectApiError(g1.getFamily(two.family.id), 404, 'not_found');
    await expectApiError(g1.getChild(two.family.children[0].id), 404, 'not_found');
    await expectApiError(g1.inviteGuardian(two.family.id, { name: '侵入者' }), 404, 'not_found');
    await expectApiError(g1.updateGuardian(two.guardian.id, { name: '乗っ取り' }), 404, 'not_found');
    const twoNow = await adminA.getFamily(two.family.id);
    expect(twoNow.guardians).toHaveLength(1);
    expect(twoNow.guardians[0].name).toBe(two.guardian.name);
    // Its own family and child stay readable.
    expect((await g1.getFamily(one.family.id)).id).toBe(one.family.id);
    expect((await g1.getChild(one.family.children[0].id)).id).toBe(one.family.children[0].id);
  });

  it("a guardian asking to enroll another family gets 404 and nothing is created", async () => {
    const one = await newFamilyWithGuardian(server, adminA);
    const two = await newFamilyWithGuardian(server, adminA);
    const dropIn = await newFacility(adminA, 'drop_in');
    await expectApiError(one.api.createEnrollment({ facility_id: dropIn.id, family_id: two.family.id }), 404, 'not_found');
    expect((await adminA.getFamily(two.family.id)).enrollments).toEqual([]);
    expect((await adminA.listEnrollments({ facility_id: dropIn.id })).items).toEqual([]);
  });

  it("a guardian cannot read facilities or staff lists of its organization's staff side", async () => {
    const { api } = await newFamilyWithGuardian(server, adminA);
    await expectApiError(api.listFacilities(), 403, 'permission_denied');
    await expectApiError(api.listStaff(), 403, 'permission_denied');
  });
});

describe('facility_staff', () => {
  let x: Facility, y: Facility;
  let staffX: TestApi;
  let atX: NewFamily, atY: NewFamily, nowhere: NewFamily;

  beforeAll(async () => {
    x = await newFacility(adminA, 'after_school');
    y = await newFacility(adminA, 'drop_in');
    staffX = (await newStaff(server, adminA, [x.id])).api;
    atX = await adminA.createFamily(familyInput({ name: '施設Xの家族', facility_ids: [x.id] }));
    atY = await adminA.createFamily(familyInput({ name: '施設Yの家族', facility_ids: [y.id] }));
    nowhere = await adminA.createFamily(familyInput({ name: '未登録の家族' }));
  });

  it('sees only its facilities', async () => {
    expect((await staffX.listFacilities({ limit: 200 })).items).toEqual([x]);
    await expectApiError(staffX.getFacility(y.id), 404, 'not_found');
  });

  it('sees only the families enrolled at its facilities', async () => {
    const seen = (await allFamilies(staffX)).map((f) => f.id);
    expect(seen).toContain(atX.id);
    expect(seen).not.toContain(atY.id);
    expect(seen).not.toContain(nowhere.id);
    expect(await allFamilies(staffX, '施設Yの家族')).toEqual([]);
    expect((await staffX.getFamily(atX.id)).id).toBe(atX.id);
    expect((await staffX.getChild(atX.children[0].id)).id).toBe(atX.children[0].id);
    await expectApiError(staffX.getFamily(atY.id), 404, 'not_found');
    await expectApiError(staffX.getFamily(nowhere.id), 404, 'not_found');
    await expectApiError(staffX.getChild(atY.children[0].id), 404, 'not_found');
    await expectApiError(staffX.updateFamily(atY.id, { name: '乗っ取り' }), 404, 'not_found');
    await expectApiError(staffX.resetGuardianPassword(atY.guardians[0].id), 404, 'not_found');
    expect((await adminA.getFamily(atY.id)).name).toBe('施設Yの家族');
  });

  it('sees only the enrollments of its facilities', async () => {
    const items = (await staffX.listEnrollments({ limit: 200 })).items;
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((e) => e.facility_id === x.id)).toBe(true);
    const res = await staffX.request('GET', `/api/v1/enrollments?facility_id=${y.id}`);
    if (res.status === 200) expect(res.body.items).toEqual([]);
    else expect(res.status).toBe(404);
    await expectApiError(staffX.deleteEnrollment(atY.enrollments[0].id), 404, 'not_found');
    expect((await adminA.getFamily(atY.id)).enrollments).toEqual(atY.enrollments);
  });

  it('must create families within its own facilities', async () => {
    const created = await staffX.createFamily(familyInput({ name: '職員が登録', facility_ids: [x.id] }));
    expect(created.enrollments.every((e) => e.facility_id === x.id && e.status === 'active')).toBe(true);
    expect((await staffX.getFamily(created.id)).id).toBe(created.id);

    const e1 = await expectApiError(staffX.createFamily(familyInput({ name: '施設なし' })), 400, 'invalid_argument');
    expect(Object.keys(e1.fields)).toContain('facility_ids');
    expect(await allFamilies(adminA, '施設なし')).toEqual([]);
  });

  it('naming a facility outside its own when creating a family answers 404', async () => {
    await expectApiError(staffX.createFamily(familyInput({ name: '他施設', facility_ids: [y.id] })), 404, 'not_found');
    await expectApiError(staffX.createFamily(familyInput({ name: '他施設', facility_ids: [x.id, y.id] })), 404, 'not_found');
    expect(await allFamilies(adminA, '他施設')).toEqual([]);
  });

  it('cannot enroll at another facility', async () => {
    await expectApiError(staffX.createEnrollment({ facility_id: y.id, family_id: atX.id }), 404, 'not_found');
    expect((await adminA.getFamily(atX.id)).enrollments).toEqual(atX.enrollments);
  });
});

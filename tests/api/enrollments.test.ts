import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectApiError,
  familyInput,
  newFacility,
  newFamilyWithGuardian,
  startServer,
  type TestApi,
  type TestServer,
} from '../support';
import type { Enrollment, EnrollmentListParams } from '../../web/src/shared/types';

let server: TestServer;
let admin: TestApi;

beforeAll(async () => {
  server = await startServer();
  admin = await server.login();
});
afterAll(async () => {
  await server?.close();
});

async function all(api: TestApi, p: EnrollmentListParams): Promise<Enrollment[]> {
  const out: Enrollment[] = [];
  let cursor: string | null = null;
  do {
    const page = await api.listEnrollments({ ...p, limit: 2, cursor });
    out.push(...page.items);
    cursor = page.next_cursor;
  } while (cursor);
  return out;
}

describe('enrollments', () => {
  it('staff enroll a child (201 active); it shows in the list and the family', async () => {
    const facility = await newFacility(admin, 'after_school');
    const family = await admin.createFamily(familyInput());
    const child = family.children[0];
    const res = await admin.request('POST', '/api/v1/enrollments', { facility_id: facility.id, child_id: child.id });
    expect(res.status).toBe(201);
    const e = res.body.enrollment as Enrollment;
    expect(e).toMatchObject({ id: expect.any(String), facility_id: facility.id, child_id: child.id, status: 'active' });
    // A child's enrollment may also name the child's family.
    expect([null, family.id]).toContain(e.family_id);
    expect(await all(admin, { facility_id: facility.id })).toEqual([e]);
    expect(await all(admin, { facility_id: facility.id, status: 'active' })).toEqual([e]);
    expect(await all(admin, { facility_id: facility.id, status: 'pending' })).toEqual([]);
    expect((await admin.getFamily(family.id)).enrollments).toEqual([e]);
  });

  it('staff enroll a family at a drop_in facility (active)', async () => {
    const facility = await newFacility(admin, 'drop_in');
    const family = await admin.createFamily(familyInput());
    const e = await admin.createEnrollment({ facility_id: facility.id, family_id: family.id });
    expect(e).toMatchObject({ facility_id: facility.id, family_id: family.id, child_id: null, status: 'active' });
  });

  it('a guardian asks for a drop_in facility → pending; staff approve → active', async () => {
    const facility = await newFacility(admin, 'drop_in');
    const { family, api } = await newFamilyWithGuardian(server, admin);
    const res = await api.request('POST', '/api/v1/enrollments', { facility_id: facility.id, family_id: family.id });
    expect(res.status).toBe(201);
    const pending = res.body.enrollment as Enrollment;
    expect(pending).toMatchObject({ facility_id: facility.id, family_id: family.id, child_id: null, status: 'pending' });
    expect(await all(admin, { status: 'pending', facility_id: facility.id })).toEqual([pending]);
    expect((await api.getFamily(family.id)).enrollments).toEqual([pending]);

    const approved = await admin.approveEnrollment(pending.id);
    expect(approved).toEqual({ ...pending, status: 'active' });
    expect(await all(admin, { status: 'pending', facility_id: facility.id })).toEqual([]);
    expect(await all(admin, { status: 'active', facility_id: facility.id })).toEqual([approved]);
    expect((await api.getFamily(family.id)).enrollments).toEqual([approved]);
  });

  it('a guardian may not enroll at an after_school facility, nor approve', async () => {
    const school = await newFacility(admin, 'after_school');
    const dropIn = await newFacility(admin, 'drop_in');
    const { family, api } = await newFamilyWithGuardian(server, admin);
    await expectApiError(api.createEnrollment({ facility_id: school.id, child_id: family.children[0].id }), 403, 'permission_denied');
    // family_id at a facility that enrolls children: refused either as forbidden or as bad input.
    const e = await api.createEnrollment({ facility_id: school.id, family_id: family.id }).then(
      () => null,
      (err) => err,
    );
    expect([400, 403]).toContain(e?.status);
    const pending = await api.createEnrollment({ facility_id: dropIn.id, family_id: family.id });
    // Approving and deleting are for staff: refused (403, or 404 as if unseen).
    // One call at a time: a second promise made up front would reject unobserved meanwhile.
    for (const call of [() => api.approveEnrollment(pending.id), () => api.deleteEnrollment(pending.id)]) {
      const err = await call().then(
        () => null,
        (x) => x,
      );
      expect([403, 404]).toContain(err?.status);
    }
    expect((await admin.getFamily(family.id)).enrollments).toEqual([pending]);
  });

  it('DELETE answers 204 and the enrollment is gone', async () => {
    const facility = await newFacility(admin, 'nursery');
    const family = await admin.createFamily(familyInput({ facility_ids: [facility.id] }));
    const [e] = family.enrollments;
    const res = await admin.request('DELETE', `/api/v1/enrollments/${e.id}`);
    expect(res.status).toBe(204);
    expect(await all(admin, { facility_id: facility.id })).toEqual([]);
    expect((await admin.getFamily(family.id)).enrollments).toEqual([]);
    await expectApiError(admin.deleteEnrollment(e.id), 404, 'not_found');
    await expectApiError(admin.approveEnrollment(e.id), 404, 'not_found');
  });

  it('lists with limit and cursor: every enrollment exactly once', async () => {
    const facility = await newFacility(admin, 'after_school');
    const family = await admin.createFamily(
      familyInput({
        children: Array.from({ length: 5 }, (_, i) => ({ name: `子 ${i}`, birth_date: '2018-01-01' })),
        facility_ids: [facility.id],
      }),
    );
    const first = await admin.listEnrollments({ facility_id: facility.id, limit: 2 });
    expect(first.items).toHaveLength(2);
    expect(first.next_cursor).toEqual(expect.any(String));
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await admin.listEnrollments({ facility_id: facility.id, limit: 2, cursor });
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((e) => e.id));
      cursor = page.next_cursor;
    } while (cursor);
    expect(seen.sort()).toEqual(family.enrollments.map((e) => e.id).sort());
  });

  it('unknown facility, child or family ids answer 404 and create nothing', async () => {
    const facility = await newFacility(admin, 'after_school');
    const family = await admin.createFamily(familyInput());
    await expectApiError(admin.createEnrollment({ facility_id: 'no-such-facility', child_id: family.children[0].id }), 404, 'not_found');
    await expectApiError(admin.createEnrollment({ facility_id: facility.id, child_id: 'no-such-child' }), 404, 'not_found');
    await expectApiError(admin.createEnrollment({ facility_id: facility.id, family_id: 'no-such-family' }), 404, 'not_found');
    expect(await all(admin, { facility_id: facility.id })).toEqual([]);
    expect((await admin.getFamily(family.id)).enrollments).toEqual([]);
  });
});

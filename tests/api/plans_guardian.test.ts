// The guardian's side of issue 5: GET /api/v1/me/children (the family's children, their
// facilities and today's status from visits and plans), the visit history of their own
// children, and a family member invited by a guardian seeing the same.
// The server's test clock stands at 2027-06-10 15:00 in Tokyo.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  PINNED_DAY,
  addDate,
  ageOn,
  allVisits,
  childResult,
  clientId,
  enrolledFamily,
  expectApiError,
  expectSameInstant,
  gradeOn,
  newSite,
  secondsFromNow,
  signIn,
  startCheckinServer,
  tokyo,
  type Site,
  type TestApi,
  type TestServer,
} from '../support';
import type { MyChild } from '../../web/src/shared/types';

let server: TestServer;
let admin: TestApi;
let club: Site;
let room: Site;

beforeAll(async () => {
  server = await startCheckinServer();
  admin = await server.login();
  club = await newSite(server, admin, { duplicate_window_seconds: 0 });
  room = await newSite(server, admin, { kind: 'drop_in', duplicate_window_seconds: 0 });
});
afterAll(async () => {
  await server?.close();
});

const byChild = (items: MyChild[], id: string) => {
  const found = items.find((i) => i.child.id === id);
  expect(found, `child ${id} in /me/children`).toBeDefined();
  return found!;
};

describe('GET /api/v1/me/children', () => {
  it('lists the family’s children, eldest first, with facilities and today’s status', async () => {
    const f = await enrolledFamily(server, club.staff, [club.facility.id], {
      children: [
        { name: '山田 次郎', name_kana: 'やまだ じろう', birth_date: '2019-09-01' },
        { name: '山田 一郎', name_kana: 'やまだ いちろう', birth_date: '2017-04-02' },
        { name: '山田 三郎', name_kana: 'やまだ さぶろう', birth_date: '2020-01-15' },
      ],
    });
    const named = (n: string) => f.family.children.find((c) => c.name === n)!;
    const [ichiro, jiro, saburo] = ['山田 一郎', '山田 次郎', '山田 三郎'].map(named);
    // 一郎 came at 14:00 and was picked up by his grandmother; 次郎 is expected at 16:00;
    // 三郎 is reported absent.
    const credential = (await club.staff.childCredential(ichiro.id)).text;
    const arrived = childResult(await club.kiosk.stamp({ facility_id: club.facility.id, client_id: clientId(), credential, scanned_at: tokyo(secondsFromNow(-3600)) })).visit;
    const left = childResult(await club.kiosk.stamp({ facility_id: club.facility.id, client_id: clientId(), credential, pickup_by: '祖母' })).visit;
    const [jiroPlan] = await f.guardian.putPlans(jiro.id, { days: [{ date: PINNED_DAY, status: 'attend', arrive_at: '16:00', pickup_by: '母' }] });
    const [saburoPlan] = await f.guardian.putPlans(saburo.id, { days: [{ date: PINNED_DAY, status: 'absent', reason: '発熱' }] });

    const res = await f.guardian.request('GET', '/api/v1/me/children');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const items: MyChild[] = res.body.items;
    expect(items.map((i) => i.child.id)).toEqual([ichiro.id, jiro.id, saburo.id]);
    for (const i of items) {
      expect(i.facilities).toEqual([{ id: club.facility.id, name: club.facility.name, kind: 'after_school' }]);
      expect(i.today.date).toBe(PINNED_DAY);
      expect(i.child.age).toEqual(ageOn(i.child.birth_date, PINNED_DAY));
      expect(i.child.grade).toBe(gradeOn(i.child.birth_date, PINNED_DAY));
    }
    const one = byChild(items, ichiro.id);
    expect(one.today).toMatchObject({ status: 'left', facility_id: club.facility.id, pickup_by: '祖母', plan: null });
    expectSameInstant(one.today.in_at, arrived.in_at, 'in_at');
    expectSameInstant(one.today.out_at, left.out_at!, 'out_at');
    expect(byChild(items, jiro.id).today).toMatchObject({ status: 'expected', facility_id: club.facility.id, in_at: null, out_at: null, pickup_by: null, plan: jiroPlan });
    expect(byChild(items, saburo.id).today).toMatchObject({ status: 'absent', plan: saburoPlan });

    // Staff acknowledge the absence: the parents' app shows 確認済.
    await club.staff.acknowledgePlan(saburoPlan.id);
    const after = await f.guardian.myChildren();
    expect(byChild(after, saburo.id).today.plan?.acknowledged_by).toEqual({ name: (await club.staff.me()).name });
    // 次郎 arrives: present.
    const jiroCode = (await club.staff.childCredential(jiro.id)).text;
    await club.kiosk.stamp({ facility_id: club.facility.id, client_id: clientId(), credential: jiroCode });
    expect(byChild(await f.guardian.myChildren(), jiro.id).today).toMatchObject({ status: 'present', out_at: null, plan: { id: jiroPlan.id } });
  });

  it('a child without plan or visit is unplanned; a drop-in family lists the room', async () => {
    const f = await enrolledFamily(server, admin, [club.facility.id, room.facility.id]);
    const [mine] = await f.guardian.myChildren();
    expect(mine.today).toEqual({ date: PINNED_DAY, status: 'unplanned', facility_id: null, in_at: null, out_at: null, pickup_by: null, left_alone: false, plan: null });
    expect(mine.facilities.map((x) => [x.id, x.kind]).sort()).toEqual(
      [
        [club.facility.id, 'after_school'],
        [room.facility.id, 'drop_in'],
      ].sort(),
    );
    // A plan at the room decides today's status there.
    await f.guardian.putPlans(mine.child.id, { facility_id: room.facility.id, days: [{ date: PINNED_DAY, status: 'attend', arrive_at: '10:00' }] });
    // 10:00 + 15 minutes has passed at 15:00: the child is missing at the room.
    expect((await f.guardian.myChildren())[0].today).toMatchObject({ status: 'not_arrived', facility_id: room.facility.id });
  });

  it('is the guardian’s own family only; staff are refused', async () => {
    const a = await enrolledFamily(server, club.staff, [club.facility.id]);
    const b = await enrolledFamily(server, club.staff, [club.facility.id]);
    const ids = (await a.guardian.myChildren()).map((i) => i.child.id);
    expect(ids).toEqual(a.family.children.map((c) => c.id));
    expect(ids).not.toContain(b.child.id);
    await expectApiError(club.staff.myChildren(), 403, 'permission_denied');
    await expectApiError(admin.myChildren(), 403, 'permission_denied');
    await expectApiError(server.api().myChildren(), 401, 'unauthenticated');
  });

  it('a family member invited by a guardian signs in and sees the same children and plans', async () => {
    const f = await enrolledFamily(server, club.staff, [club.facility.id]);
    await f.guardian.putPlans(f.child.id, { days: [{ date: addDate(PINNED_DAY, { days: 1 }), status: 'attend', arrive_at: '15:00' }] });
    const invited = await f.guardian.inviteGuardian(f.family.id, { name: '山田 トメ', relation: '祖母' });
    expect(invited).toMatchObject({ guardian: { name: '山田 トメ', relation: '祖母' }, login: expect.any(String), initial_password: expect.any(String) });
    const { api: grandma } = await signIn(server, invited.login, invited.initial_password);
    expect(await grandma.myChildren()).toEqual(await f.guardian.myChildren());
    expect(await grandma.listPlans(f.child.id)).toEqual(await f.guardian.listPlans(f.child.id));
    // Not into another family.
    const other = await enrolledFamily(server, club.staff, [club.facility.id]);
    await expectApiError(grandma.inviteGuardian(other.family.id, { name: '侵入者' }), 404, 'not_found');
    expect((await club.staff.getFamily(other.family.id)).guardians).toHaveLength(1);
  });
});

describe('a guardian’s visit history', () => {
  it('lists the visits of their own child by date range; not another family’s', async () => {
    const f = await enrolledFamily(server, club.staff, [club.facility.id]);
    const credential = (await club.staff.childCredential(f.child.id)).text;
    const stamp = async (hoursAgo: number) =>
      childResult(await club.kiosk.stamp({ facility_id: club.facility.id, client_id: clientId(), credential, scanned_at: tokyo(secondsFromNow(-hoursAgo * 3600)) })).visit;
    await stamp(49); // two days ago, 14:00
    const old = await stamp(48);
    await stamp(2);
    const today = await stamp(1);
    const all = await allVisits(f.guardian, { child_id: f.child.id });
    expect(all.map((v) => v.id)).toEqual([today.id, old.id]);
    const twoDaysAgo = addDate(PINNED_DAY, { days: -2 });
    expect((await allVisits(f.guardian, { child_id: f.child.id, from: twoDaysAgo, to: twoDaysAgo })).map((v) => v.id)).toEqual([old.id]);
    expect(all).toEqual(await allVisits(club.staff, { child_id: f.child.id }));

    const other = await enrolledFamily(server, club.staff, [club.facility.id]);
    await expectApiError(other.guardian.listVisits({ child_id: f.child.id }), 404, 'not_found');
    await expectApiError(other.guardian.listVisits({}), 400, 'invalid_argument');
    const csv = await other.guardian.request('GET', `/api/v1/visits?child_id=${other.child.id}&format=csv`);
    expect(csv.status).toBe(403);
  });
});

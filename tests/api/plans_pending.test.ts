// The staff's list of plan changes not acknowledged yet (連絡（未確認）, GET /plans?pending=true):
// guardians' absences and late changes from the organization's today on, by date, then
// change; acknowledged ones leave it and come back when changed again; scoped to the
// staff member's facilities and organization; dates and ranges checked.
// The server's test clock stands at 2027-06-10 15:00 in Tokyo (a Thursday); the facilities
// keep the default deadline (17:00 the day before), so a change for tomorrow is on time
// and a change for today is late. The last test moves the clock two days on.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PendingPlan, PendingPlanPage, PendingPlanParams, PlanDayInput } from '../../web/src/shared/types';
import {
  PINNED_DAY,
  addDate,
  enrolledFamily,
  expectApiError,
  expectInvalid,
  gradeOn,
  newSite,
  startCheckinServer,
  type Site,
  type TestApi,
  type TestServer,
} from '../support';

let server: TestServer;
let admin: TestApi;
let a: Site; // facility A and its facility_staff
let b: Site; // facility B and its facility_staff

const TODAY = PINNED_DAY; // 2027-06-10
const day = (n: number) => addDate(TODAY, { days: n });

beforeAll(async () => {
  server = await startCheckinServer();
  admin = await server.login();
  a = await newSite(server, admin, { name: 'ひまわり児童クラブ' });
  b = await newSite(server, admin, { name: 'さくら児童クラブ' });
});
afterAll(async () => {
  await server?.close();
});

/** Every line `api` sees with these filters, walking the pages; checks `total` on each page. */
async function pending(api: TestApi, p: Omit<PendingPlanParams, 'cursor'> = {}): Promise<PendingPlan[]> {
  const out: PendingPlan[] = [];
  let cursor: string | null = null;
  let total: number | null = null;
  for (let n = 0; n < 50; n++) {
    const page: PendingPlanPage = await api.pendingPlans({ limit: 200, ...p, cursor });
    if (total === null) total = page.total;
    expect(page.total, 'total is the whole list on every page').toBe(total);
    out.push(...page.items);
    cursor = page.next_cursor;
    if (!cursor) {
      expect(out.length).toBe(total);
      return out;
    }
  }
  throw new Error('more than 50 pages');
}

/** The lines of `childId` that `api` sees. */
const linesOf = async (api: TestApi, childId: string, p: Omit<PendingPlanParams, 'cursor'> = {}) =>
  (await pending(api, p)).filter((l) => l.child.id === childId);

const family = (s: Site = a) => enrolledFamily(server, s.staff, [s.facility.id]);

const put = (api: TestApi, childId: string, ...days: PlanDayInput[]) => api.putPlans(childId, { days });

describe('GET /api/v1/plans?pending=true', () => {
  it('shows a guardian’s absence for tomorrow with the child, facility, reason, who and when', async () => {
    const { family: fam, child, guardian } = await family();
    const before = (await a.staff.pendingPlans()).total;
    const [plan] = await put(guardian, child.id, { date: day(1), status: 'absent', reason: '発熱のため' });
    const lines = await linesOf(a.staff, child.id);
    expect(lines).toHaveLength(1);
    const line = lines[0];
    expect(line).toMatchObject({
      ...plan,
      child: { id: child.id, name: child.name, name_kana: 'やまだ たろう', grade: gradeOn(fam.children[0].birth_date, day(1)) },
      facility: { id: a.facility.id, name: 'ひまわり児童クラブ' },
    });
    expect(line).toMatchObject({
      date: day(1), status: 'absent', reason: '発熱のため', late: false, acknowledged_at: null,
      updated_by: { role: 'guardian', name: fam.guardians[0].name },
    });
    expect(line.updated_at).toMatch(/^2027-06-10T15:\d\d:\d\d\+09:00$/);
    expect((await a.staff.pendingPlans()).total).toBe(before + 1);
    // The organization's administrator sees it too.
    expect(await linesOf(admin, child.id)).toEqual(lines);
  });

  it('leaves out an on-time attend change and shows a late one with its times and pick-up person', async () => {
    const { child, guardian } = await family();
    // Tomorrow, before today's 17:00 deadline: on time, nothing to look at.
    await put(guardian, child.id, { date: day(1), status: 'attend', arrive_at: '15:00', leave_at: '18:00' });
    expect(await linesOf(a.staff, child.id)).toEqual([]);
    // Today, after yesterday's 17:00 deadline: late.
    const [late] = await put(guardian, child.id, { date: TODAY, status: 'attend', arrive_at: '16:00', leave_at: '17:30', pickup_by: '祖母' });
    expect(late.late).toBe(true);
    const lines = await linesOf(a.staff, child.id);
    expect(lines.map((l) => [l.date, l.status, l.late, l.arrive_at, l.leave_at, l.pickup_by])).toEqual([
      [TODAY, 'attend', true, '16:00', '17:30', '祖母'],
    ]);
  });

  it('drops a line once acknowledged, and shows it again when the guardian changes the plan', async () => {
    const { child, guardian } = await family();
    const [plan] = await put(guardian, child.id, { date: day(2), status: 'absent', reason: '通院' });
    expect((await linesOf(a.staff, child.id)).map((l) => l.id)).toEqual([plan.id]);
    const total = (await a.staff.pendingPlans()).total;

    await a.staff.acknowledgePlan(plan.id);
    expect(await linesOf(a.staff, child.id)).toEqual([]);
    expect(await linesOf(admin, child.id)).toEqual([]);
    expect((await a.staff.pendingPlans()).total).toBe(total - 1);

    // Changed after the acknowledgement: waiting again.
    await put(guardian, child.id, { date: day(2), status: 'absent', reason: '通院（午後まで）' });
    const again = await linesOf(a.staff, child.id);
    expect(again.map((l) => [l.id, l.reason, l.acknowledged_at])).toEqual([[plan.id, '通院（午後まで）', null]]);

    // Turned into an on-time attendance: nothing to look at any more.
    await put(guardian, child.id, { date: day(2), status: 'attend', arrive_at: '15:00' });
    expect(await linesOf(a.staff, child.id)).toEqual([]);
  });

  it('leaves out what staff entered themselves (acknowledged as made) and children no longer enrolled', async () => {
    const { child } = await family();
    await put(a.staff, child.id, { date: day(3), status: 'absent', reason: '電話連絡' }, { date: TODAY, status: 'attend', arrive_at: '16:00' });
    expect(await linesOf(a.staff, child.id)).toEqual([]);

    const gone = await family();
    await put(gone.guardian, gone.child.id, { date: day(3), status: 'absent' });
    expect(await linesOf(a.staff, gone.child.id)).toHaveLength(1);
    const [enrollment] = (await a.staff.listEnrollments({ facility_id: a.facility.id, limit: 200 })).items
      .filter((e) => e.child_id === gone.child.id);
    await a.staff.deleteEnrollment(enrollment.id);
    expect(await linesOf(a.staff, gone.child.id)).toEqual([]);
  });

  it('sorts by date, then by the time of the change, and pages with a cursor', async () => {
    const first = await family();
    const second = await family();
    // Changed in this order: second's day 5, first's day 4, first's day 5, second's day 4.
    await put(second.guardian, second.child.id, { date: day(5), status: 'absent' });
    await put(first.guardian, first.child.id, { date: day(4), status: 'absent' });
    await put(first.guardian, first.child.id, { date: day(5), status: 'absent' });
    await put(second.guardian, second.child.id, { date: day(4), status: 'absent' });
    const ours = new Set([first.child.id, second.child.id]);
    const whole = (await pending(a.staff, { from: day(4), to: day(5) })).filter((l) => ours.has(l.child.id));
    expect(whole.map((l) => [l.date, l.child.id])).toEqual([
      [day(4), first.child.id],
      [day(4), second.child.id],
      [day(5), second.child.id],
      [day(5), first.child.id],
    ]);
    // The whole list in order, and the same lines one page at a time.
    const all = await pending(a.staff);
    const sorted = [...all].sort((x, y) => x.date.localeCompare(y.date) || Date.parse(x.updated_at) - Date.parse(y.updated_at));
    expect(all.map((l) => [l.date, l.updated_at])).toEqual(sorted.map((l) => [l.date, l.updated_at]));
    expect(all.length).toBeGreaterThan(3);
    const paged = await pending(a.staff, { limit: 1 });
    expect(paged.map((l) => l.id)).toEqual(all.map((l) => l.id));
    const page = await a.staff.pendingPlans({ limit: 2 });
    expect(page.items).toHaveLength(2);
    expect(page.next_cursor).toEqual(expect.any(String));
    expect(page.total).toBe(all.length);
  });

  it('shows a facility_staff member only their facilities, and another organization nothing', async () => {
    const at_a = await family(a);
    const at_b = await family(b);
    await put(at_a.guardian, at_a.child.id, { date: day(6), status: 'absent' });
    await put(at_b.guardian, at_b.child.id, { date: day(6), status: 'absent' });

    const seen_by_a = await pending(a.staff);
    expect(seen_by_a.some((l) => l.child.id === at_a.child.id)).toBe(true);
    expect(seen_by_a.every((l) => l.facility.id === a.facility.id)).toBe(true);
    const seen_by_b = await pending(b.staff);
    expect(seen_by_b.some((l) => l.child.id === at_b.child.id)).toBe(true);
    expect(seen_by_b.every((l) => l.facility.id === b.facility.id)).toBe(true);
    // Another facility's id, as a filter: 404 as for any row one may not see.
    const refused = await expectApiError(a.staff.pendingPlans({ facility_id: b.facility.id }), 404, 'not_found');
    expect(Object.keys(refused.fields)).toEqual(['facility_id']);

    // The organization's administrator sees both facilities, or one by the filter.
    const everything = await pending(admin);
    expect(new Set(everything.map((l) => l.facility.id))).toEqual(new Set([a.facility.id, b.facility.id]));
    expect(everything).toHaveLength(seen_by_a.length + seen_by_b.length);
    expect(await pending(admin, { facility_id: b.facility.id })).toEqual(seen_by_b);

    // Another organization: an empty list, and our facility is unknown there.
    const other = await server.login(await server.createOrg());
    const theirs = await other.pendingPlans();
    expect(theirs).toEqual({ from: TODAY, to: day(62), items: [], next_cursor: null, total: 0 });
    await expectApiError(other.pendingPlans({ facility_id: a.facility.id }), 404, 'not_found');
    await expectApiError(other.pendingPlans({ facility_id: 'no-such-facility' }), 404, 'not_found');
    // Guardians may not list it.
    await expectApiError(at_a.guardian.pendingPlans(), 403, 'permission_denied');
    await expectApiError(at_a.guardian.pendingPlans({ facility_id: a.facility.id }), 403, 'permission_denied');
    expect((await server.api().request('GET', '/api/v1/plans')).status).toBe(401);
  });

  it('bounds the days by from and to (at most 62 days) and refuses bad dates and ranges, naming the field', async () => {
    const { child, guardian } = await family();
    await put(guardian, child.id, { date: day(7), status: 'absent' }, { date: day(62), status: 'absent' }, { date: day(63), status: 'absent' });
    // Default: today and the 62 days after it.
    expect(await a.staff.pendingPlans()).toMatchObject({ from: TODAY, to: day(62) });
    expect(await a.staff.pendingPlans({ from: day(8) })).toMatchObject({ from: day(8), to: day(70) });
    expect((await linesOf(a.staff, child.id)).map((l) => l.date)).toEqual([day(7), day(62)]);
    expect((await linesOf(a.staff, child.id, { from: day(7), to: day(7) })).map((l) => l.date)).toEqual([day(7)]);
    expect((await linesOf(a.staff, child.id, { from: day(8) })).map((l) => l.date)).toEqual([day(62), day(63)]);
    expect((await linesOf(a.staff, child.id, { from: day(1), to: day(63) })).map((l) => l.date)).toEqual([day(7), day(62), day(63)]);

    const total = (await a.staff.pendingPlans()).total;
    await expectInvalid(a.staff.pendingPlans({ from: day(1), to: day(64) }), 'to');
    await expectInvalid(a.staff.pendingPlans({ to: day(63) }), 'to');
    await expectInvalid(a.staff.pendingPlans({ from: day(3), to: day(2) }), 'to');
    await expectInvalid(a.staff.pendingPlans({ from: '2027-02-30' }), 'from');
    await expectInvalid(a.staff.pendingPlans({ from: '2027-6-11' }), 'from');
    await expectInvalid(a.staff.pendingPlans({ to: 'tomorrow' }), 'to');
    await expectInvalid(a.staff.pendingPlans({ limit: 0 }), 'limit');
    await expectInvalid(a.staff.pendingPlans({ limit: 201 }), 'limit');
    await expectInvalid(a.staff.pendingPlans({ cursor: 'not-a-cursor' }), 'cursor');
    await expectInvalid(a.staff.pendingPlans({ cursor: '2027-06-11.x.abc' }), 'cursor');
    const both = await expectApiError(a.staff.pendingPlans({ from: 'x', to: 'y' }), 400, 'invalid_argument');
    expect(Object.keys(both.fields).sort()).toEqual(['from', 'to']);
    for (const bad of ['false', 'yes', 'TRUE', '']) {
      const res = await a.staff.request('GET', `/api/v1/plans?pending=${bad}`);
      expect(res.status, JSON.stringify(res.body)).toBe(400);
      expect(Object.keys(res.body.error.fields)).toEqual(['pending']);
    }
    expect((await a.staff.request('GET', '/api/v1/plans')).status).toBe(200); // pending=true by default
    // Refused requests changed nothing.
    expect((await a.staff.pendingPlans()).total).toBe(total);
  });

  // Last: moves the server's clock.
  it('starts at the organization’s today: yesterday’s lines leave the default list', async () => {
    const { child, guardian } = await family();
    await put(guardian, child.id, { date: day(1), status: 'absent', reason: '旅行' }, { date: day(2), status: 'absent', reason: '旅行' });
    expect((await linesOf(a.staff, child.id)).map((l) => l.date)).toEqual([day(1), day(2)]);
    // 2027-06-12 09:00 in Tokyo (00:00 UTC): day(1) is yesterday, day(2) today.
    await server.setClock('2027-06-12T09:00:00+09:00');
    expect((await a.staff.pendingPlans()).from).toBe(day(2));
    expect((await linesOf(a.staff, child.id)).map((l) => l.date)).toEqual([day(2)]);
    expect((await linesOf(a.staff, child.id, { from: day(1) })).map((l) => l.date)).toEqual([day(1), day(2)]);
  });
});

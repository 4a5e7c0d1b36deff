// Attendance plans (出欠予定): many days in one request, validation that names the bad
// day and stores nothing, the facility's deadline (late changes, in the organization's
// zone), acknowledgement of absence reports, and who may read and write whose plans.
// The server's test clock stands at 2027-06-10 15:00 in Tokyo (a Thursday).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  PINNED_DAY,
  addDate,
  enrolledFamily,
  expectApiError,
  expectInvalid,
  expectInvalidAt,
  newSite,
  newStaff,
  orThrow,
  signIn,
  startCheckinServer,
  type Site,
  type TestApi,
  type TestServer,
} from '../support';
import type { Plan, PlanDayInput } from '../../web/src/shared/types';

let server: TestServer;
let admin: TestApi;
let site: Site;

const TODAY = PINNED_DAY; // 2027-06-10
const day = (n: number) => addDate(TODAY, { days: n });

beforeAll(async () => {
  server = await startCheckinServer();
  admin = await server.login();
  site = await newSite(server, admin);
});
afterAll(async () => {
  await server?.close();
});

/** A family enrolled at `s` (default the shared site), its first child and guardian. */
const family = (s: Site = site) => enrolledFamily(server, s.staff, [s.facility.id]);

/** The plans of `childId` as `api` sees them over the next weeks (and the past week). */
const plansOf = (api: TestApi, childId: string) => api.listPlans(childId, { from: day(-7), to: day(60) });

describe('PUT /api/v1/children/{id}/plans', () => {
  it('stores many days in one request and answers the stored plans by date', async () => {
    const { child, guardian } = await family();
    const me = await guardian.me();
    const days: PlanDayInput[] = [
      { date: day(4), status: 'attend', arrive_at: '15:00', leave_at: '18:00', pickup_by: '祖母' },
      { date: day(1), status: 'attend', arrive_at: '14:30', leave_at: '17:30' },
      { date: day(2), status: 'absent', reason: '通院のため' },
      { date: day(3), status: 'attend' },
      { date: day(5), status: 'attend', arrive_at: '16:00', reason: '習い事の後に来ます' },
    ];
    const res = await guardian.request('PUT', `/api/v1/children/${child.id}/plans`, { days });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const items: Plan[] = res.body.items;
    expect(items.map((p) => p.date)).toEqual([day(1), day(2), day(3), day(4), day(5)]);
    for (const p of items) {
      expect(p).toMatchObject({
        child_id: child.id,
        facility_id: site.facility.id, // the child's only facility: facility_id may be left out
        late: false, // every day lies after its deadline (17:00 the day before)
        updated_by: { role: 'guardian', name: me.name },
        acknowledged_at: null,
        acknowledged_by: null,
      });
      expect(p.id).toEqual(expect.any(String));
      expect(p.updated_at).toMatch(/^2027-06-10T15:\d\d:\d\d\+09:00$/);
    }
    expect(items[0]).toMatchObject({ status: 'attend', arrive_at: '14:30', leave_at: '17:30', pickup_by: null, reason: null });
    expect(items[1]).toMatchObject({ status: 'absent', arrive_at: null, leave_at: null, pickup_by: null, reason: '通院のため' });
    expect(items[2]).toMatchObject({ status: 'attend', arrive_at: null, leave_at: null });
    expect(items[3]).toMatchObject({ arrive_at: '15:00', leave_at: '18:00', pickup_by: '祖母' });
    expect(items[4]).toMatchObject({ arrive_at: '16:00', leave_at: null, reason: '習い事の後に来ます' });

    // The guardian and the facility's staff read the same plans.
    expect(await plansOf(guardian, child.id)).toEqual(items);
    expect(await plansOf(site.staff, child.id)).toEqual(items);
    // from/to bound the list (inclusive).
    expect((await guardian.listPlans(child.id, { from: day(2), to: day(3) })).map((p) => p.date)).toEqual([day(2), day(3)]);
  });

  it('changes, keeps and deletes days in one request; an unchanged day keeps its id and time', async () => {
    const { child, guardian } = await family();
    const first = await guardian.putPlans(child.id, {
      days: [1, 2, 3].map((n) => ({ date: day(n), status: 'attend' as const, arrive_at: '15:00' })),
    });
    const second = await guardian.putPlans(child.id, {
      facility_id: site.facility.id,
      days: [
        { date: day(1), status: 'attend', arrive_at: '15:00' }, // the same
        { date: day(2), status: 'absent', reason: '家族旅行' }, // changed
        { date: day(3), status: 'none' }, // deleted
        { date: day(9), status: 'none' }, // nothing to delete
      ],
    });
    expect(second.map((p) => p.date)).toEqual([day(1), day(2)]);
    expect(second[0]).toEqual(first[0]);
    expect(second[1]).toMatchObject({ id: first[1].id, status: 'absent', arrive_at: null, reason: '家族旅行' });
    expect((await plansOf(guardian, child.id)).map((p) => [p.date, p.status])).toEqual([
      [day(1), 'attend'],
      [day(2), 'absent'],
    ]);
  });

  it('takes up to 100 days at once; none or 101 are refused', async () => {
    const { child, guardian } = await family();
    const hundred = Array.from({ length: 100 }, (_, i) => ({ date: day(i + 1), status: 'absent' as const }));
    expect(await guardian.putPlans(child.id, { days: hundred })).toHaveLength(100);
    await expectInvalid(guardian.putPlans(child.id, { days: [] }), 'days');
    const attend101 = Array.from({ length: 101 }, (_, i) => ({ date: day(i + 1), status: 'attend' as const }));
    await expectInvalid(guardian.putPlans(child.id, { days: attend101 }), 'days');
    const stored = await guardian.listPlans(child.id, { from: day(1), to: day(101) });
    expect(stored).toHaveLength(100);
    expect(stored.every((p) => p.status === 'absent')).toBe(true);
  });

  it('refuses impossible dates and unknown statuses, naming the day, and stores nothing of the request', async () => {
    const { child, guardian } = await family();
    const good: PlanDayInput = { date: day(1), status: 'attend', arrive_at: '15:00' };
    const cases: [PlanDayInput | Record<string, unknown>, string][] = [
      [{ date: '2027-02-30', status: 'attend' }, 'days[1].date'],
      [{ date: '2027-13-01', status: 'attend' }, 'days[1].date'],
      [{ date: '2027-6-12', status: 'attend' }, 'days[1].date'],
      [{ date: 'tomorrow', status: 'attend' }, 'days[1].date'],
      [{ date: day(2), status: 'maybe' }, 'days[1].status'],
      [{ date: day(2), status: 'ATTEND' }, 'days[1].status'],
      [{ date: day(2) }, 'days[1].status'],
      [{ status: 'attend' }, 'days[1].date'],
      [{ date: day(1), status: 'absent' }, 'days[1].date'], // the same date twice
      [{ date: day(2), status: 'attend', arrive_at: '25:00' }, 'days[1].arrive_at'],
      [{ date: day(2), status: 'attend', leave_at: '1700' }, 'days[1].leave_at'],
      [{ date: day(2), status: 'attend', arrive_at: '17:00', leave_at: '15:00' }, 'days[1].leave_at'],
      [{ date: day(2), status: 'attend', arrive_at: '15:00', leave_at: '15:00' }, 'days[1].leave_at'],
      [{ date: day(2), status: 'absent', arrive_at: '15:00' }, 'days[1].arrive_at'],
      [{ date: day(2), status: 'absent', pickup_by: '母' }, 'days[1].pickup_by'],
      [{ date: day(2), status: 'attend', pickup_by: 'あ'.repeat(51) }, 'days[1].pickup_by'],
      [{ date: day(2), status: 'absent', reason: 'あ'.repeat(201) }, 'days[1].reason'],
      [{ date: day(2), status: 'none', reason: '不要' }, 'days[1].reason'],
      [{ date: day(2), status: 'attend', arrive_at: 1500 }, 'days[1].arrive_at'],
      [{ date: day(2), status: 'attend', note: 'x' }, 'days[1].note'],
      [{ date: day(400), status: 'attend' }, 'days[1].date'],
    ];
    for (const [bad, field] of cases) {
      const e = await expectInvalid(guardian.putPlans(child.id, { days: [good, bad as PlanDayInput] }), field);
      expect(e.fields, JSON.stringify(bad)).not.toHaveProperty('days[0].date');
    }
    await expectInvalid(guardian.request('PUT', `/api/v1/children/${child.id}/plans`, { days: [good], extra: 1 }).then(orThrow), 'extra');
    await expectInvalid(guardian.request('PUT', `/api/v1/children/${child.id}/plans`, {}).then(orThrow), 'days');
    await expectInvalid(guardian.request('PUT', `/api/v1/children/${child.id}/plans`, { days: 'all' }).then(orThrow), 'days');
    // One answer names every bad day.
    const e = await expectInvalidAt(
      guardian.putPlans(child.id, { days: [good, { date: '2027-02-29', status: 'attend' }, { date: day(3), status: 'sometimes' as never }] }),
      'days',
    );
    expect(Object.keys(e.fields).sort()).toEqual(['days[1].date', 'days[2].status']);
    expect(await plansOf(guardian, child.id)).toEqual([]);
  });

  it('lets guardians plan from today on; staff may record earlier days', async () => {
    const { child, guardian } = await family();
    await expectInvalid(guardian.putPlans(child.id, { days: [{ date: day(-1), status: 'absent' }] }), 'days[0].date');
    expect(await guardian.putPlans(child.id, { days: [{ date: TODAY, status: 'absent', reason: '発熱' }] })).toHaveLength(1);
    const past = await site.staff.putPlans(child.id, { days: [{ date: day(-1), status: 'absent', reason: '電話連絡' }] });
    expect(past[0]).toMatchObject({ date: day(-1), late: true, updated_by: { role: 'facility_staff' } });
    // A guardian cannot delete a past day either.
    await expectInvalid(guardian.putPlans(child.id, { days: [{ date: day(-1), status: 'none' }] }), 'days[0].date');
    expect((await plansOf(guardian, child.id)).map((p) => p.date)).toEqual([day(-1), TODAY]);
  });

  it('needs facility_id when the child has several facilities, and one where the child is enrolled', async () => {
    const second = await newSite(server, admin);
    const elsewhere = await newSite(server, admin);
    const both = await enrolledFamily(server, admin, [site.facility.id, second.facility.id]);
    const e = await expectInvalid(both.guardian.putPlans(both.child.id, { days: [{ date: day(1), status: 'attend' }] }), 'facility_id');
    expect(e.fields.facility_id).toMatch(/several/);
    const atSecond = await both.guardian.putPlans(both.child.id, { facility_id: second.facility.id, days: [{ date: day(1), status: 'attend' }] });
    expect(atSecond[0].facility_id).toBe(second.facility.id);
    // The same day at the other facility is another plan.
    const atFirst = await both.guardian.putPlans(both.child.id, { facility_id: site.facility.id, days: [{ date: day(1), status: 'absent' }] });
    expect(atFirst[0].id).not.toBe(atSecond[0].id);
    expect((await both.guardian.listPlans(both.child.id, { from: day(1), to: day(1), facility_id: second.facility.id })).map((p) => p.status)).toEqual(['attend']);
    // Staff of one facility see only its plans.
    expect((await plansOf(second.staff, both.child.id)).map((p) => p.facility_id)).toEqual([second.facility.id]);

    await expectInvalid(both.guardian.putPlans(both.child.id, { facility_id: elsewhere.facility.id, days: [{ date: day(1), status: 'attend' }] }), 'facility_id');
    await expectApiError(both.guardian.putPlans(both.child.id, { facility_id: 'no-such-facility', days: [{ date: day(1), status: 'attend' }] }), 404, 'not_found');
    // Staff of the second facility may not write plans at the first.
    await expectApiError(second.staff.putPlans(both.child.id, { facility_id: site.facility.id, days: [{ date: day(2), status: 'attend' }] }), 404, 'not_found');
  });
});

describe('the deadline', () => {
  it('flags changes after the facility’s deadline as late; unchanged days keep their flag', async () => {
    const s = await newSite(server, admin);
    const { child, guardian } = await family(s);
    expect(s.facility).toMatchObject({ plan_deadline_days: 1, plan_deadline_time: '17:00', not_arrived_grace_minutes: 15, not_arrived_notify: false });
    // Now is 15:00 on the 10th: tomorrow's deadline (17:00 today) has not passed, today's has.
    const [today, tomorrow] = await guardian.putPlans(child.id, {
      days: [
        { date: TODAY, status: 'absent', reason: '発熱' },
        { date: day(1), status: 'attend', arrive_at: '15:00' },
      ],
    });
    expect([today.late, tomorrow.late]).toEqual([true, false]);

    // The deadline moves to 14:59 on the day before: tomorrow's has passed now.
    await admin.updateFacility(s.facility.id, { plan_deadline_time: '14:59' });
    const [same] = await guardian.putPlans(child.id, { days: [{ date: day(1), status: 'attend', arrive_at: '15:00' }] });
    expect(same).toEqual(tomorrow);
    const [changed] = await guardian.putPlans(child.id, { days: [{ date: day(1), status: 'attend', arrive_at: '15:30' }] });
    expect(changed).toMatchObject({ id: tomorrow.id, late: true, arrive_at: '15:30' });

    // Two days before at 15:10: on time again.
    await admin.updateFacility(s.facility.id, { plan_deadline_days: 2, plan_deadline_time: '15:10' });
    expect((await guardian.putPlans(child.id, { days: [{ date: day(2), status: 'attend' }] }))[0].late).toBe(false);
    expect((await guardian.putPlans(child.id, { days: [{ date: day(1), status: 'attend' }] }))[0].late).toBe(true);
  });

  it('judges the deadline in the organization’s time zone, not the server’s UTC', async () => {
    const s = await newSite(server, admin);
    const { child, guardian } = await family(s);
    // The same day at 10:00: in Tokyo that was five hours ago (01:00 UTC); read as UTC
    // it would still be four hours ahead.
    await admin.updateFacility(s.facility.id, { plan_deadline_days: 0, plan_deadline_time: '10:00' });
    expect((await guardian.putPlans(child.id, { days: [{ date: TODAY, status: 'attend' }] }))[0].late).toBe(true);
    // 16:00 in Tokyo is still an hour ahead.
    await admin.updateFacility(s.facility.id, { plan_deadline_time: '16:00' });
    expect((await guardian.putPlans(child.id, { days: [{ date: TODAY, status: 'absent' }] }))[0].late).toBe(false);
  });
});

describe('absence reports and acknowledgement', () => {
  it('staff acknowledge (確認済); the guardian sees it; a change asks again', async () => {
    const { child, guardian } = await family();
    const staffName = (await site.staff.me()).name;
    const [report] = await guardian.putPlans(child.id, { days: [{ date: TODAY, status: 'absent', reason: '発熱のため' }] });
    expect(report).toMatchObject({ acknowledged_at: null, acknowledged_by: null });
    const roster = await site.staff.roster(site.facility.id);
    expect(roster.items.find((i) => i.child.id === child.id)).toMatchObject({ status: 'absent', late: true, plan: { id: report.id, reason: '発熱のため', acknowledged_at: null } });

    const res = await site.staff.request('POST', `/api/v1/plans/${report.id}/acknowledge`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const acked: Plan = res.body.plan;
    expect(acked).toMatchObject({ id: report.id, status: 'absent', reason: '発熱のため', acknowledged_by: { name: staffName } });
    expect(acked.acknowledged_at).toMatch(/^2027-06-10T15:\d\d:\d\d\+09:00$/);
    // Acknowledging does not make it the staff's plan.
    expect(acked.updated_by).toEqual(report.updated_by);
    expect((await plansOf(guardian, child.id))[0]).toEqual(acked);
    // Again: nothing changes.
    expect(await site.staff.acknowledgePlan(report.id)).toEqual(acked);

    const [changed] = await guardian.putPlans(child.id, { days: [{ date: TODAY, status: 'absent', reason: '発熱のため (通院)' }] });
    expect(changed).toMatchObject({ id: report.id, acknowledged_at: null, acknowledged_by: null });
    // The same values again do not reset it.
    const again = await site.staff.acknowledgePlan(report.id);
    expect((await guardian.putPlans(child.id, { days: [{ date: TODAY, status: 'absent', reason: '発熱のため (通院)' }] }))[0]).toEqual(again);
  });

  it('an absence staff enter (a phone call) is acknowledged by them at once; the guardian changing it asks again', async () => {
    const { child, guardian } = await family();
    const staffName = (await site.staff.me()).name;
    const [entered] = await site.staff.putPlans(child.id, { days: [{ date: TODAY, status: 'absent', reason: '電話連絡: 発熱' }] });
    expect(entered).toMatchObject({ status: 'absent', acknowledged_by: { name: staffName }, updated_by: { role: expect.not.stringMatching(/^guardian$/) } });
    expect(entered.acknowledged_at).toMatch(/^2027-06-10T15:\d\d:\d\d\+09:00$/);
    expect((await plansOf(guardian, child.id))[0]).toEqual(entered);
    const [changed] = await guardian.putPlans(child.id, { days: [{ date: TODAY, status: 'absent', reason: '発熱（通院）' }] });
    expect(changed).toMatchObject({ id: entered.id, acknowledged_at: null, acknowledged_by: null });
  });

  it('only staff covering the facility acknowledge', async () => {
    const { child, guardian } = await family();
    const other = await newSite(server, admin);
    const [p] = await guardian.putPlans(child.id, { days: [{ date: TODAY, status: 'absent' }] });
    await expectApiError(guardian.acknowledgePlan(p.id), 403, 'permission_denied');
    await expectApiError(other.staff.acknowledgePlan(p.id), 404, 'not_found');
    await expectApiError(site.staff.acknowledgePlan('no-such-plan'), 404, 'not_found');
    await expectApiError(site.kiosk.acknowledgePlan(p.id), 403, 'permission_denied');
    expect((await plansOf(guardian, child.id))[0].acknowledged_at).toBeNull();
    // The organization's administrator covers every facility.
    expect((await admin.acknowledgePlan(p.id)).acknowledged_at).not.toBeNull();
  });
});

describe('who may plan', () => {
  it('another family’s child is not found, for reading and writing; nothing is stored', async () => {
    const a = await family();
    const b = await family();
    const days: PlanDayInput[] = [{ date: day(1), status: 'absent', reason: 'いたずら' }];
    await expectApiError(a.guardian.putPlans(b.child.id, { days }), 404, 'not_found');
    await expectApiError(a.guardian.listPlans(b.child.id), 404, 'not_found');
    await expectApiError(a.guardian.putPlans('no-such-child', { days }), 404, 'not_found');
    expect(await plansOf(b.guardian, b.child.id)).toEqual([]);
    // Even with a wrong body, another family's child is refused the same way (no hint).
    const res = await a.guardian.request('PUT', `/api/v1/children/${b.child.id}/plans`, { days: [{ date: day(1), status: 'attend' }] });
    expect(res.status).toBe(404);
  });

  it('staff of other facilities and other organizations do not see the child', async () => {
    const { child, guardian } = await family();
    await guardian.putPlans(child.id, { days: [{ date: day(1), status: 'attend' }] });
    const other = await newSite(server, admin);
    await expectApiError(other.staff.listPlans(child.id), 404, 'not_found');
    await expectApiError(other.staff.putPlans(child.id, { days: [{ date: day(1), status: 'absent' }] }), 404, 'not_found');
    const otherOrg = await server.login(await server.createOrg());
    await expectApiError(otherOrg.listPlans(child.id), 404, 'not_found');
    await expectApiError(otherOrg.putPlans(child.id, { days: [{ date: day(1), status: 'absent' }] }), 404, 'not_found');
    expect((await plansOf(guardian, child.id)).map((p) => p.status)).toEqual(['attend']);
  });

  it('staff of the facility and every guardian of the family may write; a kiosk may not', async () => {
    const { family: f, child, guardian } = await family();
    const invited = await guardian.inviteGuardian(f.id, { name: '祖母 山田 トメ', relation: '祖母' });
    const { api: grandma } = await signIn(server, invited.login, invited.initial_password);
    const [byGrandma] = await grandma.putPlans(child.id, { days: [{ date: day(1), status: 'attend', pickup_by: '祖母' }] });
    expect(byGrandma.updated_by).toEqual({ role: 'guardian', name: '祖母 山田 トメ' });
    expect(await guardian.listPlans(child.id, { from: day(1), to: day(1) })).toEqual([byGrandma]);

    const { api: colleague } = await newStaff(server, admin, [site.facility.id]);
    const [byStaff] = await colleague.putPlans(child.id, { days: [{ date: day(1), status: 'absent', reason: '電話あり' }] });
    expect(byStaff).toMatchObject({ id: byGrandma.id, updated_by: { role: 'facility_staff' } });
    const [byAdmin] = await admin.putPlans(child.id, { days: [{ date: day(2), status: 'attend' }] });
    expect(byAdmin.updated_by.role).toBe('org_admin');

    await expectApiError(site.kiosk.putPlans(child.id, { days: [{ date: day(3), status: 'attend' }] }), 403, 'permission_denied');
    await expectApiError(server.api().listPlans(child.id), 401, 'unauthenticated');
    // Without the CSRF header a cookie session may not write.
    const res = await guardian.request('PUT', `/api/v1/children/${child.id}/plans`, { days: [{ date: day(3), status: 'attend' }] }, { headers: { 'X-CSRF-Token': '' } });
    expect(res.status).toBe(403);
    expect((await plansOf(guardian, child.id)).map((p) => p.date)).toEqual([day(1), day(2)]);
  });
});

describe('GET /api/v1/children/{id}/plans', () => {
  it('defaults to today and the next 30 days, and checks its range', async () => {
    const { child, guardian } = await family();
    await site.staff.putPlans(child.id, { days: [day(-1), TODAY, day(30), day(31)].map((date) => ({ date, status: 'attend' as const })) });
    expect((await guardian.listPlans(child.id)).map((p) => p.date)).toEqual([TODAY, day(30)]);
    // `to` defaults to 30 days after `from`.
    expect((await guardian.listPlans(child.id, { from: day(-1) })).map((p) => p.date)).toEqual([day(-1), TODAY]);
    await expectInvalid(guardian.listPlans(child.id, { from: '2027-02-30' }), 'from');
    await expectInvalid(guardian.listPlans(child.id, { to: 'soon' }), 'to');
    await expectInvalid(guardian.listPlans(child.id, { from: day(2), to: day(1) }), 'to');
    await expectInvalid(guardian.listPlans(child.id, { from: day(0), to: day(367) }), 'to');
  });
});

describe('facility settings', () => {
  it('reads and changes the plan deadline and the not-arrived alert; bad values change nothing', async () => {
    const s = await newSite(server, admin);
    const read = await s.staff.getFacility(s.facility.id);
    expect(read).toMatchObject({ plan_deadline_days: 1, plan_deadline_time: '17:00', not_arrived_grace_minutes: 15, not_arrived_notify: false });
    const changed = await admin.updateFacility(s.facility.id, { plan_deadline_days: 0, plan_deadline_time: '09:30', not_arrived_grace_minutes: 30, not_arrived_notify: true });
    expect(changed).toMatchObject({ plan_deadline_days: 0, plan_deadline_time: '09:30', not_arrived_grace_minutes: 30, not_arrived_notify: true });
    const bad: [Record<string, unknown>, string][] = [
      [{ plan_deadline_days: -1 }, 'plan_deadline_days'],
      [{ plan_deadline_days: 61 }, 'plan_deadline_days'],
      [{ plan_deadline_days: 1.5 }, 'plan_deadline_days'],
      [{ plan_deadline_time: '24:00' }, 'plan_deadline_time'],
      [{ plan_deadline_time: null }, 'plan_deadline_time'],
      [{ not_arrived_grace_minutes: -5 }, 'not_arrived_grace_minutes'],
      [{ not_arrived_grace_minutes: 241 }, 'not_arrived_grace_minutes'],
      [{ not_arrived_notify: 'yes' }, 'not_arrived_notify'],
      [{ not_arrived_notify: null }, 'not_arrived_notify'],
    ];
    for (const [patch, field] of bad) {
      await expectInvalid(admin.updateFacility(s.facility.id, { plan_deadline_days: 3, ...patch } as never), field);
    }
    expect(await admin.getFacility(s.facility.id)).toEqual(changed);
    // Settings are the organization administrator's.
    await expectApiError(s.staff.updateFacility(s.facility.id, { not_arrived_grace_minutes: 5 }), 403, 'permission_denied');
    // A new facility may set them at once.
    const created = await admin.createFacility({ name: `設定つき ${Date.now()}`, kind: 'after_school', opens_at: '14:00', closes_at: '19:00', not_arrived_notify: true, plan_deadline_time: '12:00' });
    expect(created).toMatchObject({ not_arrived_notify: true, plan_deadline_time: '12:00', plan_deadline_days: 1, not_arrived_grace_minutes: 15 });
  });
});

// The window does not let wrong arrivals pass silently: a child reported absent for today
// who arrives, and a child arriving at or after the facility's closing time, are recorded
// (the child is here) but marked for review with the reason — in the stamp's answer (the
// kiosk says so), on the visit and on the roster — and a correction clears the mark. An
// ordinary arrival is not marked. The test clock stands at 2027-06-10 15:00 in Tokyo.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  childResult,
  clientId,
  enrolledFamily,
  newSite,
  startCheckinServer,
  type Site,
  type TestApi,
  type TestServer,
} from '../support';

const TODAY = '2027-06-10';

let server: TestServer;
let admin: TestApi;
let open: Site; // open 00:00–23:59
let closed: Site; // closed at 14:00

const stamp = async (site: Site, child_id: string) => {
  const credential = (await site.staff.childCredential(child_id)).text;
  return childResult(await site.kiosk.stamp({ facility_id: site.facility.id, client_id: clientId(), credential, direction: 'in' }));
};
const rosterItem = async (site: Site, child_id: string) =>
  (await site.staff.roster(site.facility.id, TODAY)).items.find((i) => i.child.id === child_id)!;

beforeAll(async () => {
  server = await startCheckinServer();
  admin = await server.login();
  open = await newSite(server, admin, { duplicate_window_seconds: 0 });
  closed = await newSite(server, admin, { duplicate_window_seconds: 0, opens_at: '09:00', closes_at: '14:00' });
});
afterAll(async () => {
  await server?.close();
});

describe('arrivals the window lets through', () => {
  it('an ordinary arrival is not marked', async () => {
    const k = await enrolledFamily(server, open.staff, [open.facility.id]);
    const r = await stamp(open, k.child.id);
    expect(r.result).toBe('arrived');
    expect(r.visit).toMatchObject({ needs_review: false, review_reason: null });
    expect(await rosterItem(open, k.child.id)).toMatchObject({ status: 'present', needs_review: false, review_reason: null });
  });

  it('a child reported absent today is recorded, marked absent_plan, and a correction clears it', async () => {
    const k = await enrolledFamily(server, open.staff, [open.facility.id]);
    await k.guardian.putPlans(k.child.id, { days: [{ date: TODAY, status: 'absent', reason: '発熱' }] });
    const r = await stamp(open, k.child.id);
    expect(r.result).toBe('arrived');
    expect(r.visit).toMatchObject({ needs_review: true, review_reason: 'absent_plan' });
    const item = await rosterItem(open, k.child.id);
    expect(item).toMatchObject({ needs_review: true, review_reason: 'absent_plan', visit_id: r.visit.id });
    expect(item.plan?.status).toBe('absent');
    const listed = await open.staff.listVisits({ facility_id: open.facility.id, needs_review: true });
    expect(listed.items.map((v) => v.id)).toContain(r.visit.id);

    const corrected = await open.staff.updateVisit(r.visit.id, { in_at: r.visit.in_at, reason: '保護者に確認、出席に変更' });
    expect(corrected).toMatchObject({ needs_review: false, review_reason: null });
    expect(await rosterItem(open, k.child.id)).toMatchObject({ needs_review: false, review_reason: null });
  });

  it('an arrival after closing time is recorded and marked after_closing', async () => {
    const k = await enrolledFamily(server, closed.staff, [closed.facility.id]);
    const r = await stamp(closed, k.child.id);
    expect(r.result).toBe('arrived');
    expect(r.visit).toMatchObject({ needs_review: true, review_reason: 'after_closing' });
    // The departure that follows keeps the arrival's mark.
    const credential = (await closed.staff.childCredential(k.child.id)).text;
    const out = childResult(await closed.kiosk.stamp({ facility_id: closed.facility.id, client_id: clientId(), credential, direction: 'out' }));
    expect(out).toMatchObject({ result: 'departed', visit: { needs_review: true, review_reason: 'after_closing' } });
  });

  it('the same client_id again answers the first, marked answer', async () => {
    const k = await enrolledFamily(server, open.staff, [open.facility.id]);
    await k.guardian.putPlans(k.child.id, { days: [{ date: TODAY, status: 'absent', reason: '通院' }] });
    const credential = (await open.staff.childCredential(k.child.id)).text;
    const input = { facility_id: open.facility.id, client_id: clientId(), credential, direction: 'in' as const };
    const first = childResult(await open.kiosk.stamp(input));
    const again = childResult(await open.kiosk.stamp(input));
    expect(again.visit).toEqual(first.visit);
    expect(again.visit.review_reason).toBe('absent_plan');
  });
});

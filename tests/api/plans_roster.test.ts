// The roster knows the plans: expected, present, left, absent, not_arrived and unplanned,
// the not_arrived status exactly at the grace boundary (one minute before: expected; at
// it: not_arrived), and the background job that raises each missing child once
// (alerted_at), also with two server processes on one database.
// The server's clock starts one minute before the boundary of a child expected at 15:00
// with the default grace of 15 minutes, then restarts exactly at it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addDate,
  childResult,
  clientId,
  enrolledFamily,
  newSite,
  startServer,
  type Site,
  type TestApi,
  type TestServer,
} from '../support';
import type { RosterItem } from '../../web/src/shared/types';

const DAY = '2027-06-10';
const BEFORE = '2027-06-10T15:14:00+09:00'; // one minute before 15:00 + 15 minutes
const AT = '2027-06-10T15:15:00+09:00'; // the boundary itself
const JOB = { TADAIMA_JOB_INTERVAL_SECONDS: '1' };

let server: TestServer;
let admin: TestApi;
let site: Site;
let lenient: Site; // not_arrived_grace_minutes 30

type Kid = Awaited<ReturnType<typeof enrolledFamily>>;
const kids: Record<string, Kid> = {};

const item = (items: RosterItem[], kid: Kid) => {
  const found = items.find((i) => i.child.id === kid.child.id);
  expect(found, `roster item of ${kid.child.name}`).toBeDefined();
  return found!;
};

/** Polls the roster of `s` until `done` holds for it or `ms` pass; returns the last roster. */
async function rosterUntil(s: Site, done: (items: RosterItem[]) => boolean, ms = 20_000, date?: string) {
  const deadline = Date.now() + ms;
  for (;;) {
    const { items } = await s.staff.roster(s.facility.id, date);
    if (done(items) || Date.now() > deadline) return items;
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Milliseconds since the Unix epoch of an RFC 3339 time. */
const ms = (t: string) => Date.parse(t);

beforeAll(async () => {
  server = await startServer({ env: { TADAIMA_CLOCK_START: BEFORE, ...JOB } });
  admin = await server.login();
  site = await newSite(server, admin, { duplicate_window_seconds: 0 });
  lenient = await newSite(server, admin, { duplicate_window_seconds: 0 });
  await admin.updateFacility(lenient.facility.id, { not_arrived_grace_minutes: 30 });
  for (const name of ['expected', 'present', 'left', 'absent', 'missing', 'unplanned', 'edge', 'early', 'untimed', 'yesterday']) {
    kids[name] = await enrolledFamily(server, site.staff, [site.facility.id]);
  }
  kids.lenient = await enrolledFamily(server, lenient.staff, [lenient.facility.id]);

  const plan = (k: Kid, day: object) => k.guardian.putPlans(k.child.id, { days: [{ date: DAY, ...day } as never] });
  await plan(kids.expected, { status: 'attend', arrive_at: '16:00', leave_at: '18:00', pickup_by: '父' });
  await plan(kids.present, { status: 'attend', arrive_at: '15:00' });
  await plan(kids.absent, { status: 'absent', reason: '発熱' });
  await plan(kids.missing, { status: 'attend', arrive_at: '14:00' });
  await plan(kids.edge, { status: 'attend', arrive_at: '15:00' });
  await plan(kids.early, { status: 'attend', arrive_at: '14:00' });
  await plan(kids.untimed, { status: 'attend' });
  await plan(kids.lenient, { status: 'attend', arrive_at: '14:50' }); // 15:20 with a grace of 30
  await site.staff.putPlans(kids.yesterday.child.id, { days: [{ date: addDate(DAY, { days: -1 }), status: 'attend', arrive_at: '15:00' }] });
  await site.staff.putPlans(kids.yesterday.child.id, { days: [{ date: addDate(DAY, { days: 1 }), status: 'attend', arrive_at: '15:00' }] });

  const stamp = async (k: Kid, at?: string) => {
    const credential = (await site.staff.childCredential(k.child.id)).text;
    return childResult(await site.kiosk.stamp({ facility_id: site.facility.id, client_id: clientId(), credential, ...(at ? { scanned_at: at } : {}) })).visit;
  };
  await stamp(kids.present);
  await stamp(kids.left, '2027-06-10T13:00:00+09:00');
  await stamp(kids.left, '2027-06-10T14:00:00+09:00');
  await stamp(kids.early, '2027-06-10T13:30:00+09:00');
});
afterAll(async () => {
  await server?.close();
});

describe('one minute before the grace boundary', () => {
  it('shows each child’s status with its plan', async () => {
    // Wait for the job to have raised the child missing since 14:15.
    const items = await rosterUntil(site, (its) => its.some((i) => i.child.id === kids.missing.child.id && i.alerted_at));
    const status = (k: Kid) => item(items, k).status;
    expect({
      expected: status(kids.expected),
      present: status(kids.present),
      left: status(kids.left),
      absent: status(kids.absent),
      missing: status(kids.missing),
      unplanned: status(kids.unplanned),
      edge: status(kids.edge),
      early: status(kids.early),
      untimed: status(kids.untimed),
      yesterday: status(kids.yesterday),
    }).toEqual({
      expected: 'expected',
      present: 'present',
      left: 'left',
      absent: 'absent',
      missing: 'not_arrived',
      unplanned: 'unplanned',
      edge: 'expected',
      early: 'present', // came before the expected time: never missing
      untimed: 'expected',
      yesterday: 'unplanned',
    });
    const exp = item(items, kids.expected);
    expect(exp.plan).toMatchObject({ status: 'attend', arrive_at: '16:00', leave_at: '18:00', pickup_by: '父', date: DAY });
    // Plans for today made at 15:14 came after the deadline (17:00 yesterday).
    expect(exp.late).toBe(true);
    expect(exp.plan!.late).toBe(true);
    expect(item(items, kids.absent).plan).toMatchObject({ status: 'absent', reason: '発熱', acknowledged_at: null });
    expect(item(items, kids.unplanned)).toMatchObject({ plan: null, late: false, alerted_at: null });
    expect(item(items, kids.left)).toMatchObject({ plan: null, status: 'left' });
  });

  it('the job raised the missing child once, and nobody else', async () => {
    const items = await rosterUntil(site, (its) => its.some((i) => i.child.id === kids.missing.child.id && i.alerted_at));
    const alerted = item(items, kids.missing).alerted_at!;
    expect(ms(alerted)).toBeGreaterThanOrEqual(ms(BEFORE));
    expect(ms(alerted)).toBeLessThan(ms(AT));
    for (const k of ['expected', 'present', 'absent', 'edge', 'early', 'untimed', 'unplanned']) {
      expect(item(items, kids[k]).alerted_at, k).toBeNull();
    }
    // Later runs of the job leave it as it is.
    await new Promise((r) => setTimeout(r, 2500));
    expect(item((await site.staff.roster(site.facility.id)).items, kids.missing).alerted_at).toBe(alerted);
    expect(server.logs().split(`not arrived: child ${kids.missing.child.id} `).length - 1).toBe(1);
  });

  it('another day: a past plan without arrival is not_arrived, a future one expected', async () => {
    const past = await site.staff.roster(site.facility.id, addDate(DAY, { days: -1 }));
    expect(item(past.items, kids.yesterday)).toMatchObject({ status: 'not_arrived', alerted_at: null });
    expect(item(past.items, kids.expected).status).toBe('unplanned');
    const next = await site.staff.roster(site.facility.id, addDate(DAY, { days: 1 }));
    expect(item(next.items, kids.yesterday)).toMatchObject({ status: 'expected', late: false });
  });

  it('uses the facility’s own grace', async () => {
    const { items } = await lenient.staff.roster(lenient.facility.id);
    expect(item(items, kids.lenient)).toMatchObject({ status: 'expected', alerted_at: null });
  });
});

describe('exactly at the grace boundary', () => {
  // The clients follow the server across the restart (their sessions are in the database).
  beforeAll(async () => {
    await server.restart({ TADAIMA_CLOCK_START: AT, ...JOB });
  });

  it('the child expected at 15:00 is not_arrived at 15:15 and raised once; the others keep their status', async () => {
    const staff = site.staff;
    const first = await staff.roster(site.facility.id);
    expect(item(first.items, kids.edge).status).toBe('not_arrived');
    expect(item(first.items, kids.expected).status).toBe('expected');
    expect(item(first.items, kids.present).status).toBe('present');
    const items = await rosterUntil(site, (its) => its.some((i) => i.child.id === kids.edge.child.id && i.alerted_at));
    const alerted = item(items, kids.edge).alerted_at;
    expect(alerted).not.toBeNull();
    expect(ms(alerted!)).toBeGreaterThanOrEqual(ms(AT));
    expect(item(items, kids.early).alerted_at).toBeNull();
    // Still the grace of 30 minutes at the other facility (15:20).
    expect(item((await lenient.staff.roster(lenient.facility.id)).items, kids.lenient).status).toBe('expected');
  });

  it('an arrival after the alert makes the child present; the alert stays on record', async () => {
    const staff = site.staff;
    const credential = (await staff.childCredential(kids.missing.child.id)).text;
    const before = item((await staff.roster(site.facility.id)).items, kids.missing).alerted_at;
    expect(before).not.toBeNull();
    await staff.stamp({ facility_id: site.facility.id, client_id: clientId(), credential });
    expect(item((await staff.roster(site.facility.id)).items, kids.missing)).toMatchObject({ status: 'present', alerted_at: before });
  });

  it('a new arrival time arms the alert again; an unchanged plan does not', async () => {
    const staff = site.staff;
    const k = kids.edge;
    const was = item((await staff.roster(site.facility.id)).items, k).alerted_at;
    expect(was).not.toBeNull();
    // Unchanged: the alert stays.
    await k.guardian.putPlans(k.child.id, { days: [{ date: DAY, status: 'attend', arrive_at: '15:00' }] });
    expect(item((await staff.roster(site.facility.id)).items, k).alerted_at).toBe(was);
    // Coming at 17:00 instead: expected again, not raised.
    await k.guardian.putPlans(k.child.id, { days: [{ date: DAY, status: 'attend', arrive_at: '17:00' }] });
    expect(item((await staff.roster(site.facility.id)).items, k)).toMatchObject({ status: 'expected', alerted_at: null });
    // Back to 15:00: due at once and raised again by the job.
    await k.guardian.putPlans(k.child.id, { days: [{ date: DAY, status: 'attend', arrive_at: '15:00' }] });
    const items = await rosterUntil(site, (its) => its.some((i) => i.child.id === k.child.id && i.alerted_at));
    expect(item(items, k)).toMatchObject({ status: 'not_arrived' });
    expect(ms(item(items, k).alerted_at!)).toBeGreaterThan(ms(was!));
  });
});

describe('two server processes on one database', () => {
  it('raise each missing child once between them', async () => {
    const other = await server.another({ TADAIMA_CLOCK_START: AT, ...JOB });
    const due: Kid[] = [];
    for (let i = 0; i < 6; i++) {
      const k = await enrolledFamily(server, site.staff, [site.facility.id]);
      await k.guardian.putPlans(k.child.id, { days: [{ date: DAY, status: 'attend', arrive_at: '14:30' }] });
      due.push(k);
    }
    const items = await rosterUntil(site, (its) => due.every((k) => its.find((i) => i.child.id === k.child.id)?.alerted_at));
    for (const k of due) expect(item(items, k)).toMatchObject({ status: 'not_arrived', alerted_at: expect.any(String) });
    // Both processes ran the job at least twice more since then.
    await new Promise((r) => setTimeout(r, 2500));
    const logs = server.logs() + other.logs();
    for (const k of due) expect(logs.split(`not arrived: child ${k.child.id} `).length - 1, k.child.name).toBe(1);
    // The other process sees the same alerts.
    const seen = (await (await other.login()).roster(site.facility.id)).items;
    for (const k of due) expect(item(seen, k).alerted_at).toBe(item(items, k).alerted_at);
    await other.stop();
  });
});

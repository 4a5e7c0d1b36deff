// The roster knows the plans: expected, present, left, absent, not_arrived and unplanned,
// the not_arrived status exactly at the grace boundary (one minute before: expected; at
// it: not_arrived), and the background job that raises each missing child once
// (alerted_at), also with two server processes on one database.
// The server runs on a test clock standing one minute before the boundary of a child
// expected at 15:00 with the default grace of 15 minutes; the test then moves it exactly
// to the boundary. The job runs after each move (and not on a timer), so nothing it does
// depends on how fast the machine runs.
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

/** Milliseconds since the Unix epoch of an RFC 3339 time. */
const ms = (t: string) => Date.parse(t);

/** How many times the job logged raising `kid` in `logs`. */
const raisedIn = (logs: string, kid: Kid) => logs.split(`not arrived: child ${kid.child.id} `).length - 1;

beforeAll(async () => {
  server = await startServer({ testClock: BEFORE });
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
  // The job runs at 15:14, now that every plan and stamp is in.
  await server.advanceClock(0);
});
afterAll(async () => {
  await server?.close();
});

describe('one minute before the grace boundary', () => {
  it('shows each child’s status with its plan', async () => {
    const { items } = await site.staff.roster(site.facility.id);
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
    const { items } = await site.staff.roster(site.facility.id);
    const alerted = item(items, kids.missing).alerted_at!;
    expect(ms(alerted)).toBe(ms(BEFORE)); // the clock stood at 15:14 when the job ran
    for (const k of ['expected', 'present', 'absent', 'edge', 'early', 'untimed', 'unplanned']) {
      expect(item(items, kids[k]).alerted_at, k).toBeNull();
    }
    // Later runs of the job (still before the boundary) leave it as it is.
    await server.advanceClock(10_000);
    await server.advanceClock(10_000);
    const later = (await site.staff.roster(site.facility.id)).items;
    expect(item(later, kids.missing).alerted_at).toBe(alerted);
    expect(item(later, kids.edge)).toMatchObject({ status: 'expected', alerted_at: null });
    expect(raisedIn(await server.logsThroughLastMove(), kids.missing)).toBe(1);
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
  beforeAll(async () => {
    expect((await server.setClock(AT)).getTime()).toBe(ms(AT));
  });

  it('the child expected at 15:00 is not_arrived at 15:15 and raised once; the others keep their status', async () => {
    const staff = site.staff;
    const { items } = await staff.roster(site.facility.id);
    expect(item(items, kids.edge).status).toBe('not_arrived');
    expect(item(items, kids.expected).status).toBe('expected');
    expect(item(items, kids.present).status).toBe('present');
    // The job ran at the boundary before the move answered.
    expect(item(items, kids.edge).alerted_at).toBe(AT);
    expect(raisedIn(await server.logsThroughLastMove(), kids.edge)).toBe(1);
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
    // Back to 15:00: due at once (not_arrived, not raised yet) and raised again by the job's next run.
    await k.guardian.putPlans(k.child.id, { days: [{ date: DAY, status: 'attend', arrive_at: '15:00' }] });
    expect(item((await staff.roster(site.facility.id)).items, k)).toMatchObject({ status: 'not_arrived', alerted_at: null });
    const next = await server.advanceClock(1000);
    const items = (await staff.roster(site.facility.id)).items;
    expect(item(items, k)).toMatchObject({ status: 'not_arrived' });
    expect(ms(item(items, k).alerted_at!)).toBe(next.getTime());
    expect(ms(item(items, k).alerted_at!)).toBeGreaterThan(ms(was!));
  });
});

describe('two server processes on one database', () => {
  it('raise each missing child once between them', async () => {
    const other = await server.another(); // its own test clock, standing where the first one's does
    expect(other.clockNow().getTime()).toBe(server.clockNow().getTime());
    const due: Kid[] = [];
    for (let i = 0; i < 6; i++) {
      const k = await enrolledFamily(server, site.staff, [site.facility.id]);
      await k.guardian.putPlans(k.child.id, { days: [{ date: DAY, status: 'attend', arrive_at: '14:30' }] });
      due.push(k);
    }
    // Both processes run the job at the same time, then twice more.
    const both = () => Promise.all([server.advanceClock(1000), other.advanceClock(1000)]);
    await both();
    const items = (await site.staff.roster(site.facility.id)).items;
    for (const k of due) expect(item(items, k)).toMatchObject({ status: 'not_arrived', alerted_at: expect.any(String) });
    await both();
    await both();
    expect(item((await site.staff.roster(site.facility.id)).items, due[0]).alerted_at).toBe(item(items, due[0]).alerted_at);
    const logs = (await server.logsThroughLastMove()) + (await other.logsThroughLastMove());
    for (const k of due) expect(raisedIn(logs, k), k.child.name).toBe(1);
    // The other process sees the same alerts.
    const seen = (await (await other.login()).roster(site.facility.id)).items;
    for (const k of due) expect(item(seen, k).alerted_at).toBe(item(items, k).alerted_at);
    await other.stop();
  });
});

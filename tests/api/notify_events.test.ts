// Live events (GET /api/v1/me/events, Server-Sent Events): a guardian sees the `stamp`
// and `notification` events of their own family only; staff see the `stamp` and `roster`
// events of the facilities they cover, never another facility's or organization's.
// "Never" is checked with a marker: a later event the listener does see proves that an
// earlier one it must not see had its chance to arrive.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectSameInstant,
  familyAt,
  newSite,
  newStaff,
  openEvents,
  orThrow,
  stampAt,
  startNotifyWorld,
  wholeInbox,
  type EventStream,
  type NotifiedFamily,
  type NotifyWorld,
  type Site,
  type SseEvent,
  type TestApi,
} from '../support';

let world: NotifyWorld;
let site1: Site;
let site2: Site;
let siteB: Site;
let adminB: TestApi;
const streams: EventStream[] = [];

beforeAll(async () => {
  world = await startNotifyWorld();
  site1 = await newSite(world.server, world.admin, { duplicate_window_seconds: 0 });
  site2 = await newSite(world.server, world.admin, { duplicate_window_seconds: 0 });
  adminB = await world.server.login(await world.server.createOrg('隣町こども課'));
  siteB = await newSite(world.server, adminB, { duplicate_window_seconds: 0 });
});
afterAll(async () => {
  for (const s of streams) s.close();
  await world?.close();
});

async function listen(api: TestApi): Promise<EventStream> {
  const s = await openEvents(() => world.server.url, api.jar);
  streams.push(s);
  expect(s.status, JSON.stringify(s.errorBody)).toBe(200);
  expect(s.contentType).toMatch(/^text\/event-stream/);
  return s;
}

const mentions = (s: EventStream, ...needles: string[]) => s.events.filter((e) => needles.some((n) => e.text.includes(n)));
const stampOf = (childId: string, result: string) => (e: SseEvent) => e.event === 'stamp' && e.data?.visit?.child?.id === childId && e.data?.result === result;

describe('guardians', () => {
  let fam1: NotifiedFamily;
  let fam2: NotifiedFamily;
  let g1: EventStream;
  let g1b: EventStream;
  let g2: EventStream;

  beforeAll(async () => {
    fam1 = await familyAt(site1, world.server, [{ email: false }, { email: false }]);
    fam2 = await familyAt(site1, world.server, [{ email: false }]);
    g1 = await listen(fam1.guardians[0].api);
    g1b = await listen(fam1.guardians[1].api);
    g2 = await listen(fam2.guardians[0].api);
  });

  it('see the arrival and departure of their own child, and the new inbox items', async () => {
    const a = await stampAt(site1, fam1.credential);
    for (const s of [g1, g1b]) {
      const e = await s.waitFor(stampOf(fam1.child.id, 'arrived'), 10_000, 'the arrival event');
      expect(e.data).toMatchObject({ type: 'stamp', result: 'arrived', visit: { id: a.visit.id, child: { id: fam1.child.id, name: fam1.child.name }, facility_id: site1.facility.id } });
      expectSameInstant(e.data.visit.in_at, a.visit.in_at, 'in_at');
    }
    const l = await stampAt(site1, fam1.credential, { pickup_by: '母 お迎え' });
    const e = await g1.waitFor(stampOf(fam1.child.id, 'departed'), 10_000, 'the departure event');
    expect(e.data.visit).toMatchObject({ id: l.visit.id, pickup_by: '母 お迎え' });
    expectSameInstant(e.data.visit.out_at, l.visit.out_at!, 'out_at');

    // Each guardian hears of their own inbox items, as the inbox lists them.
    for (const [i, s] of [g1, g1b].entries()) {
      const items = await wholeInbox(fam1.guardians[i].api);
      expect(items).toHaveLength(2);
      for (const item of items) {
        const n = await s.waitFor((x) => x.event === 'notification' && x.data?.notification?.id === item.id, 10_000, `notification ${item.kind}`);
        expect(n.data).toEqual({ type: 'notification', notification: item });
      }
    }
    // A guardian's notification events are theirs alone, not the other guardian's.
    const ids1 = new Set((await wholeInbox(fam1.guardians[0].api)).map((i) => i.id));
    for (const n of g1b.ofType('notification')) expect(ids1.has(n.data.notification.id)).toBe(false);
    expect(g1.malformed).toEqual([]);
  });

  it("never see another family's child", async () => {
    await stampAt(site1, fam1.credential);
    await stampAt(site1, fam2.credential); // the marker for g2
    await g2.waitFor(stampOf(fam2.child.id, 'arrived'), 10_000, "g2's own arrival");
    expect(mentions(g2, fam1.child.id, fam1.child.name)).toEqual([]);
    const marker = await stampAt(site1, fam1.credential); // the marker for g1
    await g1.waitFor((e) => stampOf(fam1.child.id, marker.result)(e) && e.data.visit.id === marker.visit.id && (marker.result !== 'departed' || !!e.data.visit.out_at), 10_000, "g1's marker");
    expect(mentions(g1, fam2.child.id, fam2.child.name)).toEqual([]);
    // Guardians get no roster events.
    expect(g1.ofType('roster')).toEqual([]);
    expect(g2.ofType('roster')).toEqual([]);
  });
});

describe('staff', () => {
  it('see stamp and roster events of the facilities they cover only', async () => {
    const staff1 = await listen(site1.staff);
    const staff2 = await listen(site2.staff);
    const adminA = await listen(world.admin);
    const other = await listen(adminB);
    const { api: both } = await newStaff(world.server, world.admin, [site1.facility.id, site2.facility.id]);
    const bothStream = await listen(both);

    const fam = await familyAt(site1, world.server, [{ email: false }]);
    const famElsewhere = await familyAt(site2, world.server, [{ email: false }]);
    const famB = await familyAt(siteB, world.server, [{ email: false }]);

    const a = await stampAt(site1, fam.credential);
    const date = a.visit.in_at.slice(0, 10);
    for (const s of [staff1, adminA, bothStream]) {
      await s.waitFor(stampOf(fam.child.id, 'arrived'), 10_000, 'the stamp at facility 1');
      const r = await s.waitFor((e) => e.event === 'roster' && e.data?.facility_id === site1.facility.id, 10_000, 'the roster of facility 1');
      expect(r.data).toEqual({ type: 'roster', facility_id: site1.facility.id, date });
    }
    // A pick-up person set afterwards changes the roster too.
    const before = staff1.ofType('roster').length;
    const l = await stampAt(site1, fam.credential);
    orThrow(await site1.staff.request('POST', `/api/v1/visits/${l.visit.id}/pickup`, { pickup_by: '祖母' }));
    await staff1.waitFor(() => staff1.ofType('roster').length >= before + 2, 10_000, 'roster events for the departure and the pick-up');

    // Markers: a stamp at facility 2 and one in the other organization.
    await stampAt(site2, famElsewhere.credential);
    await stampAt(siteB, famB.credential);
    await staff2.waitFor(stampOf(famElsewhere.child.id, 'arrived'), 10_000, "facility 2's own stamp");
    await other.waitFor(stampOf(famB.child.id, 'arrived'), 10_000, "organization B's own stamp");
    await adminA.waitFor(stampOf(famElsewhere.child.id, 'arrived'), 10_000, 'the org admin sees facility 2 too');
    await bothStream.waitFor(stampOf(famElsewhere.child.id, 'arrived'), 10_000, 'staff of both facilities see facility 2 too');
    const marker = await stampAt(site1, fam.credential); // after B's stamp
    await staff1.waitFor((e) => e.event === 'stamp' && e.data?.visit?.id === marker.visit.id && e.data?.result === marker.result, 10_000, "staff 1's marker");

    expect(mentions(staff2, site1.facility.id, fam.child.id, fam.child.name), 'facility 2 staff see nothing of facility 1').toEqual([]);
    expect(mentions(other, site1.facility.id, site2.facility.id, fam.child.id, famElsewhere.child.id), 'organization B sees nothing of A').toEqual([]);
    expect(mentions(staff1, famB.child.id, siteB.facility.id), 'A sees nothing of B').toEqual([]);
    // Staff have no inbox: no notification events.
    for (const s of [staff1, staff2, adminA, other, bothStream]) {
      expect(s.ofType('notification')).toEqual([]);
      expect(s.malformed).toEqual([]);
    }
  });
});

describe('who may listen', () => {
  it('a signed-in user only: no session 401, a kiosk token is refused', async () => {
    const anon = await openEvents(world.server.url, world.server.api().jar);
    expect(anon.status).toBe(401);
    expect(anon.errorBody?.error?.code).toBe('unauthenticated');
    const res = await fetch(`${world.server.url}/api/v1/me/events`, { headers: { Authorization: `Bearer ${site1.kioskToken}`, Accept: 'text/event-stream' } });
    expect([401, 403]).toContain(res.status);
    await res.body?.cancel();
  });
});

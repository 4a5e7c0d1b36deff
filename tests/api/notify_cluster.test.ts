// Two app servers on one PostgreSQL database (always PostgreSQL, whatever
// TADAIMA_TEST_DB says: several processes need it). Stamps go through both; both
// processes' workers race for the same outbox, and every notification is delivered
// exactly once, also when one process is killed with work in hand. Live events cross
// processes: a guardian connected to process B hears of a stamp made on process A.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKioskApi, type Api } from '../../web/src/shared/api';
import {
  allStaffNotifications,
  childResult,
  clientId,
  familyAt,
  newSite,
  openEvents,
  stampAt,
  startNotifyWorld,
  subscribe,
  until,
  type EventStream,
  type NotifiedFamily,
  type NotifyWorld,
  type OtherServer,
  type PushDevice,
  type Site,
} from '../support';

let world: NotifyWorld;
let b: OtherServer;
let site: Site;
const streams: EventStream[] = [];

beforeAll(async () => {
  world = await startNotifyWorld({ db: 'postgres' });
  // Process B starts on the clock A reads now (to the millisecond, as far as the test
  // can tell: two servers' clocks always differ a little; see clockPast).
  b = await world.server.another({ TADAIMA_CLOCK_START: world.now().toISOString() });
  site = await newSite(world.server, world.admin, { duplicate_window_seconds: 0 });
}, 120_000);
afterAll(async () => {
  for (const s of streams) s.close();
  await world?.close();
});

/** The site's kiosk talking to process B. */
const kioskOnB = () => createKioskApi(site.kioskToken, { baseUrl: '', fetch: (input, init) => fetch(b.url + String(input), init) });

/**
 * Waits until the clock of the process behind `kiosk` has passed `instant` (its
 * server_time, whole seconds, is later): a departure scanned there is then after the
 * arrival by that server's own clock, as when a child leaves minutes after coming.
 */
async function clockPast(kiosk: Api, instant: string): Promise<void> {
  await until(async () => Date.parse((await kiosk.kioskMe()).server_time) > Date.parse(instant), 10_000, `the server clock past ${instant}`, 50);
}

const count = <T>(xs: T[]) => {
  const m = new Map<T, number>();
  for (const x of xs) m.set(x, (m.get(x) ?? 0) + 1);
  return m;
};

describe('two server processes on one PostgreSQL database', () => {
  it('stamps through both: every notification delivered exactly once', async () => {
    const families: { fam: NotifiedFamily; devices: PushDevice[] }[] = [];
    for (let i = 0; i < 8; i++) {
      const fam = await familyAt(site, world.server, [{ email: true }, { email: true }]);
      const devices: PushDevice[] = [];
      for (const g of fam.guardians) devices.push((await subscribe(g.api, world.push)).device);
      families.push({ fam, devices });
    }
    const onB = kioskOnB();
    // Arrival and departure of every child, alternating processes, all at once.
    await Promise.all(
      families.map(async ({ fam }, i) => {
        const first = i % 2 === 0 ? site.kiosk : onB;
        const second = i % 2 === 0 ? onB : site.kiosk;
        const a = childResult(await first.stamp({ facility_id: site.facility.id, client_id: clientId(), credential: fam.credential }));
        expect(a.result).toBe('arrived');
        await clockPast(second, a.visit.in_at);
        const l = childResult(await second.stamp({ facility_id: site.facility.id, client_id: clientId(), credential: fam.credential, pickup_by: `父 ${i}` }));
        expect(l.result).toBe('departed');
      }),
    );
    // 8 families × 2 guardians × 2 stamps × (push, e-mail, in-app) = 96 rows.
    const rows = await until(async () => {
      const rs = (await Promise.all(families.map(({ fam }) => allStaffNotifications(site.staff, { child_id: fam.child.id })))).flat();
      return rs.length === 96 && rs.every((r) => r.status === 'delivered') ? rs : null;
    }, 60_000, 'all 96 rows delivered', 500);

    const mails = world.smtp.messages().filter((m) => families.some(({ fam }) => m.body.includes(fam.child.name)));
    const pushes = world.push.delivered().filter((p) => families.some(({ fam }) => p.payload.child_id === fam.child.id));
    expect([...count(mails.map((m) => m.messageId)).values()].filter((n) => n > 1), 'no Message-ID twice').toEqual([]);
    expect([...count(pushes.map((p) => p.payload.id)).values()].filter((n) => n > 1), 'no push id twice').toEqual([]);
    expect(mails).toHaveLength(32);
    expect(pushes).toHaveLength(32);
    const idOf = (messageId: string | undefined) => /^<([^@]+)@/.exec(messageId ?? '')?.[1];
    expect(mails.map((m) => idOf(m.messageId)).sort()).toEqual(rows.filter((r) => r.channel === 'email').map((r) => r.id).sort());
    expect(pushes.map((p) => p.payload.id).sort()).toEqual(rows.filter((r) => r.channel === 'push').map((r) => r.id).sort());
    for (const [i, { fam, devices }] of families.entries()) {
      for (const [g, guardian] of fam.guardians.entries()) {
        expect(world.smtp.to(guardian.email!), guardian.name).toHaveLength(2);
        const got = world.push.delivered(devices[g]).map((p) => p.payload);
        expect(got.map((p) => p.kind).sort()).toEqual(['arrival', 'departure']);
        expect(got.find((p) => p.kind === 'departure').pickup_by).toBe(`父 ${i}`);
      }
    }
    expect(world.push.failures()).toEqual([]);
    for (const m of mails) expect(m.problems).toEqual([]);
  }, 120_000);

  it('a live event of a stamp on process A reaches a guardian and staff connected to process B, and back', async () => {
    const fam = await familyAt(site, world.server, [{ email: false }]);
    // Sign in on B (sessions are in the database: the same cookie works on either).
    const guardianOnB = await openEvents(() => b.url, fam.guardians[0].api.jar);
    const staffOnB = await openEvents(() => b.url, site.staff.jar);
    const guardianOnA = await openEvents(() => world.server.url, fam.guardians[0].api.jar);
    streams.push(guardianOnB, staffOnB, guardianOnA);
    for (const s of [guardianOnB, staffOnB, guardianOnA]) expect(s.status, JSON.stringify(s.errorBody)).toBe(200);

    const a = await stampAt(site, fam.credential); // through process A
    const isArrival = (e: { event: string; data: any }) => e.event === 'stamp' && e.data?.visit?.id === a.visit.id && e.data?.result === 'arrived';
    await guardianOnB.waitFor(isArrival, 15_000, 'the arrival on A, heard on B by the guardian');
    await staffOnB.waitFor(isArrival, 15_000, 'the arrival on A, heard on B by staff');
    await staffOnB.waitFor((e) => e.event === 'roster' && e.data?.facility_id === site.facility.id, 15_000, 'the roster event on B');
    await guardianOnB.waitFor((e) => e.event === 'notification' && e.data?.notification?.child_id === fam.child.id, 15_000, 'the inbox item event on B');

    // And from B to A.
    await clockPast(kioskOnB(), a.visit.in_at);
    const l = childResult(await kioskOnB().stamp({ facility_id: site.facility.id, client_id: clientId(), credential: fam.credential }));
    await guardianOnA.waitFor((e) => e.event === 'stamp' && e.data?.visit?.id === l.visit.id && e.data?.result === 'departed', 15_000, 'the departure on B, heard on A');
    await guardianOnB.waitFor((e) => e.event === 'stamp' && e.data?.visit?.id === l.visit.id && e.data?.result === 'departed', 15_000, 'the departure on B, heard on B');
    // Each event once per listener, although two processes relay it.
    expect(guardianOnB.events.filter(isArrival)).toHaveLength(1);
    expect(staffOnB.events.filter(isArrival)).toHaveLength(1);
  }, 60_000);

  it('process A is killed with work claimed: process B delivers all of it, exactly once', async () => {
    const families: { fam: NotifiedFamily; devices: PushDevice[] }[] = [];
    for (let i = 0; i < 4; i++) {
      const fam = await familyAt(site, world.server, [{ email: true }, { email: true }]);
      const devices: PushDevice[] = [];
      for (const g of fam.guardians) devices.push((await subscribe(g.api, world.push)).device);
      families.push({ fam, devices });
    }
    const onB = kioskOnB();
    await world.smtp.stop();
    world.push.down(true);
    for (const [i, { fam }] of families.entries()) {
      const [first, second] = i % 2 === 0 ? [site.kiosk, onB] : [onB, site.kiosk];
      const a = childResult(await first.stamp({ facility_id: site.facility.id, client_id: clientId(), credential: fam.credential }));
      expect(a.result).toBe('arrived');
      await clockPast(second, a.visit.in_at);
      expect(childResult(await second.stamp({ facility_id: site.facility.id, client_id: clientId(), credential: fam.credential })).result).toBe('departed');
    }
    // Both processes' workers are trying (and failing) to deliver: kill A now.
    await world.server.kill9();
    await world.smtp.start();
    world.push.down(false);

    // Staff read through B (the session is in the database).
    const staffOnB = b.api();
    for (const [k, v] of Object.entries(site.staff.jar.all())) staffOnB.jar.set(k, v);
    // A's claimed rows wait for their 30 s lease, hence the long deadline.
    const rows = await until(async () => {
      const rs = (await Promise.all(families.map(({ fam }) => allStaffNotifications(staffOnB, { child_id: fam.child.id })))).flat();
      return rs.length === 48 && rs.every((r) => r.status === 'delivered') ? rs : null;
    }, 90_000, 'all 48 rows delivered by process B', 500);

    const childIds = new Set(families.map(({ fam }) => fam.child.id));
    const pushes = world.push.delivered().filter((p) => childIds.has(p.payload.child_id));
    const mails = world.smtp.messages().filter((m) => families.some(({ fam }) => m.body.includes(fam.child.name)));
    expect([...count(pushes.map((p) => p.payload.id)).values()].filter((n) => n > 1), 'no push id twice').toEqual([]);
    expect([...count(mails.map((m) => m.messageId)).values()].filter((n) => n > 1), 'no Message-ID twice').toEqual([]);
    expect(pushes).toHaveLength(16);
    expect(mails).toHaveLength(16);
    const idOf = (messageId: string | undefined) => /^<([^@]+)@/.exec(messageId ?? '')?.[1];
    expect(mails.map((m) => idOf(m.messageId)).sort()).toEqual(rows.filter((r) => r.channel === 'email').map((r) => r.id).sort());
    expect(pushes.map((p) => p.payload.id).sort()).toEqual(rows.filter((r) => r.channel === 'push').map((r) => r.id).sort());
  }, 150_000);
});

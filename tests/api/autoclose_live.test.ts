// Auto-close of a live arrival: the server runs on a test clock standing a few seconds
// before the facility's closes_at; the child arrives, the clock moves past 19:00, and the
// job (which runs after the move) closes the visit at closes_at.
import { afterAll, describe, expect, it } from 'vitest';
import { allVisits, childResult, clientId, enrolledFamily, expectSameInstant, newSite, startServer, type TestServer } from '../support';

describe('a few seconds before closing', () => {
  let server: TestServer;
  afterAll(async () => {
    await server?.close();
  });

  it('a live arrival is closed at 19:00 once the clock passes it', async () => {
    server = await startServer({ testClock: '2027-06-10T18:59:50+09:00' });
    const admin = await server.login();
    const club = await newSite(server, admin, { opens_at: '14:00', closes_at: '19:00', duplicate_window_seconds: 0 });
    const f = await enrolledFamily(server, club.staff, [club.facility.id]);
    const credential = (await club.staff.childCredential(f.child.id)).text;
    const v = childResult(await club.kiosk.stamp({ facility_id: club.facility.id, client_id: clientId(), credential })).visit;
    expect(v.in_at).toBe('2027-06-10T18:59:50+09:00');
    expect(v.out_at).toBeNull();

    // One second before closing the job leaves it open.
    await server.setClock('2027-06-10T18:59:59+09:00');
    expect((await allVisits(admin, { child_id: f.child.id })).map((x) => x.out_at)).toEqual([null]);

    await server.setClock('2027-06-10T19:00:01+09:00');
    const [closed] = await allVisits(admin, { child_id: f.child.id });
    expect(closed).toMatchObject({ id: v.id, auto_closed: true, needs_review: true });
    expectSameInstant(closed.out_at, '2027-06-10T19:00:00+09:00', 'out_at');
  });
});

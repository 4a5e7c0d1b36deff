// Auto-close of a live arrival: the server's clock starts a few seconds before the
// facility's closes_at; the job (at least every 30 s) closes the visit at closes_at.
import { afterAll, describe, expect, it } from 'vitest';
import { childResult, clientId, enrolledFamily, expectSameInstant, newSite, pollVisit, startServer, type TestServer } from '../support';

describe('pinned a few seconds before closing', () => {
  let server: TestServer;
  afterAll(async () => {
    await server?.close();
  });

  it('a live arrival is closed at 19:00 once the clock passes it', { timeout: 120_000 }, async () => {
    server = await startServer();
    const admin = await server.login();
    const club = await newSite(server, admin, { opens_at: '14:00', closes_at: '19:00', duplicate_window_seconds: 0 });
    const f = await enrolledFamily(server, club.staff, [club.facility.id]);
    const credential = (await club.staff.childCredential(f.child.id)).text;
    await server.restart({ TADAIMA_CLOCK_START: '2027-06-10T18:59:50+09:00' });
    // Sessions from before the jump of the clock have expired: sign in again.
    const adminLater = await server.login();
    const v = childResult(await club.kiosk.stamp({ facility_id: club.facility.id, client_id: clientId(), credential })).visit;
    expect(Date.parse(v.in_at)).toBeLessThan(Date.parse('2027-06-10T19:00:00+09:00'));
    expect(v.out_at).toBeNull();
    const closed = (await pollVisit(adminLater, f.child.id, v.id, (x) => x.out_at !== null, 60_000))!;
    expect(closed, 'closed within 60 s').toMatchObject({ auto_closed: true, needs_review: true });
    expectSameInstant(closed.out_at, '2027-06-10T19:00:00+09:00', 'out_at');
  });
});


// Auto-close: a background job closes open visits at the facility's closes_at
// (organization time zone) of the visit's day, with auto_closed and needs_review; a staff
// correction with a reason clears needs_review.
//
// The server runs on a test clock standing after closing time, with visits whose
// scanned_at lies before it: the job's next run (after a move of the clock) must close
// them. autoclose_live.test.ts stands a server a few seconds before closing and moves
// its clock past it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  allVisits,
  childResult,
  clientId,
  enrolledFamily,
  expectSameInstant,
  newSite,
  startServer,
  type Site,
  type TestApi,
  type TestServer,
} from '../support';

async function cardAt(server: TestServer, site: Site) {
  const f = await enrolledFamily(server, site.staff, [site.facility.id]);
  const credential = (await site.staff.childCredential(f.child.id)).text;
  const stamp = async (scanned_at?: string) =>
    childResult(await site.kiosk.stamp({ facility_id: site.facility.id, client_id: clientId(), credential, ...(scanned_at ? { scanned_at } : {}) })).visit;
  return { ...f, stamp };
}

describe('pinned after closing time (19:30 in Tokyo, the club closes at 19:00)', () => {
  let server: TestServer;
  let admin: TestApi;
  beforeAll(async () => {
    server = await startServer({ testClock: '2027-06-10T19:30:00+09:00' });
    admin = await server.login();
  });
  afterAll(async () => {
    await server?.close();
  });

  it('closes open visits at closes_at of their day, flags them, and a correction clears the flag', async () => {
    const club = await newSite(server, admin, { opens_at: '14:00', closes_at: '19:00', duplicate_window_seconds: 0 });
    const late = await newSite(server, admin, { opens_at: '14:00', closes_at: '21:00', duplicate_window_seconds: 0 });
    const open = await cardAt(server, club);
    const gone = await cardAt(server, club);
    const stillOpen = await cardAt(server, late);
    const yesterday = await cardAt(server, late);
    const afterHours = await cardAt(server, club);

    const v = await open.stamp('2027-06-10T18:00:00+09:00');
    await gone.stamp('2027-06-10T17:00:00+09:00');
    const left = await gone.stamp('2027-06-10T18:30:00+09:00');
    const o = await stillOpen.stamp('2027-06-10T18:00:00+09:00');
    const y = await yesterday.stamp('2027-06-09T15:00:00+09:00');
    const a = await afterHours.stamp(); // 19:30, after the club closed
    expect([v.out_at, o.out_at, y.out_at, a.out_at]).toEqual([null, null, null, null]);

    // The job runs (still at 19:30) before the move answers.
    await server.advanceClock(0);
    const [closed] = await allVisits(club.staff, { child_id: open.child.id });
    expect(closed, 'the job closed the visit').toMatchObject({ id: v.id, auto_closed: true, needs_review: true });
    expectSameInstant(closed.out_at, '2027-06-10T19:00:00+09:00', 'out_at = closes_at');
    expectSameInstant(closed.in_at, v.in_at, 'in_at kept');

    // Yesterday's open visit at the late room closed at 21:00 of yesterday.
    const [y2] = await allVisits(late.staff, { child_id: yesterday.child.id });
    expect(y2).toMatchObject({ id: y.id, auto_closed: true, needs_review: true });
    expectSameInstant(y2.out_at, '2027-06-09T21:00:00+09:00', 'yesterday closed at its closes_at');

    // Not touched: a visit that ended before closing, and one whose facility is still open.
    expect((await allVisits(club.staff, { child_id: gone.child.id }))).toEqual([left]);
    expect(left).toMatchObject({ auto_closed: false, needs_review: false });
    expect((await allVisits(late.staff, { child_id: stillOpen.child.id }))).toEqual([o]);
    // An arrival after closing time stays open until the end of its day, flagged from the start.
    expect(await allVisits(club.staff, { child_id: afterHours.child.id })).toEqual([a]);
    expect(a).toMatchObject({ auto_closed: false, needs_review: true, review_reason: 'after_closing' });

    // needs_review shows in the filter and the roster.
    expect((await allVisits(club.staff, { facility_id: club.facility.id, needs_review: true })).map((x) => x.id).sort())
      .toEqual([v.id, a.id].sort());
    const roster = await club.staff.roster(club.facility.id);
    expect(roster.date).toBe('2027-06-10');
    const item = roster.items.find((i) => i.child.id === open.child.id)!;
    expect(item).toMatchObject({ status: 'left', visit_id: v.id, needs_review: true });
    expectSameInstant(item.out_at, '2027-06-10T19:00:00+09:00', 'roster out_at');

    // A correction with a reason clears it.
    const fixed = await club.staff.updateVisit(v.id, { out_at: '2027-06-10T18:40:00+09:00', reason: '保護者のお迎えを確認（18:40）' });
    expect(fixed).toMatchObject({ id: v.id, needs_review: false });
    expectSameInstant(fixed.out_at, '2027-06-10T18:40:00+09:00', 'corrected out_at');
    expect((await allVisits(club.staff, { facility_id: club.facility.id, needs_review: true })).map((x) => x.id)).toEqual([a.id]);
    expect((await club.staff.roster(club.facility.id)).items.find((i) => i.child.id === open.child.id)).toMatchObject({ needs_review: false });
    // A later run of the job leaves the corrected visit alone.
    await server.advanceClock(60_000);
    expect((await allVisits(club.staff, { child_id: open.child.id }))).toEqual([fixed]);
  });
});

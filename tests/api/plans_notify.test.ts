// The not-arrived alert told to the families (issue 5 through issue 4's outbox): when a
// facility turns not_arrived_notify on, every guardian of a child who has not arrived
// gets one `not_arrived` notification on each channel — Web Push (decrypted by the
// local receiver), e-mail through a real SMTP server, the in-app inbox — even in quiet
// hours; staff see the rows; a facility without the setting notifies nobody. Plan
// changes and alerts reach the live views (`plan` and `roster` events).
// The server runs on a test clock standing at 15:00 in Tokyo; the job runs after each move.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  allStaffNotifications,
  clientId,
  familyAt,
  newSite,
  openEvents,
  orThrow,
  putPreferences,
  sleep,
  startNotifyWorld,
  subscribe,
  until,
  wholeInbox,
  type NotifyWorld,
  type Site,
} from '../support';

const DAY = '2027-06-10';
let world: NotifyWorld;
let alerting: Site;
let silent: Site;

beforeAll(async () => {
  world = await startNotifyWorld({ testClock: true });
  alerting = await newSite(world.server, world.admin);
  silent = await newSite(world.server, world.admin);
  await world.admin.updateFacility(alerting.facility.id, { not_arrived_notify: true });
});
afterAll(async () => {
  await world?.close();
});

/** Moves the clock a second on (the job runs before the move answers); the roster item of `childId` at `s`, raised. */
async function alerted(s: Site, childId: string) {
  await world.server.advanceClock(1000);
  const item = (await s.staff.roster(s.facility.id)).items.find((i) => i.child.id === childId);
  expect(item?.alerted_at, `alert of ${childId}`).toEqual(expect.any(String));
  return item!;
}

describe('a facility that notifies', () => {
  it('tells every guardian once on each channel, in quiet hours too', async () => {
    const fam = await familyAt(alerting, world.server, [{ email: true }, { email: false, relation: '祖母' }]);
    const [mother, grandma] = fam.guardians;
    const { device } = await subscribe(mother.api, world.push);
    // Quiet from 14:00 to 16:00: arrivals would wait, the alert must not.
    orThrow(await putPreferences(mother.api, { stamps: { push: true, email: true, inapp: true }, messages: { push: true, email: true, inapp: true }, quiet_hours: { from: '14:00', to: '16:00' }, language: 'ja' }));

    // Expected at 14:30: with the grace of 15 minutes, missing since 14:45.
    await mother.api.putPlans(fam.child.id, { days: [{ date: DAY, status: 'attend', arrive_at: '14:30' }] });
    const item = await alerted(alerting, fam.child.id);
    expect(item.status).toBe('not_arrived');

    for (const g of [mother, grandma]) {
      const items = await until(async () => (await wholeInbox(g.api)).filter((i) => i.kind === 'not_arrived'), 15_000, `${g.name}'s inbox`);
      expect(items).toHaveLength(1);
      expect(items[0]).toMatchObject({ child_id: fam.child.id, child_name: fam.child.name, facility_id: alerting.facility.id, facility_name: alerting.facility.name });
      expect(items[0].at).toBe('2027-06-10T14:30:00+09:00');
      expect(items[0].title).toContain(fam.child.name);
      expect(items[0].body).toContain('14:30');
      expect(items[0].body).toContain(alerting.facility.name);
    }

    const pushed = await world.push.waitFor((d) => d.some((a) => a.device === device.id && a.payload?.kind === 'not_arrived'), 15_000, 'the not_arrived push');
    const push = pushed.filter((a) => a.device === device.id && a.payload?.kind === 'not_arrived');
    expect(push).toHaveLength(1);
    expect(push[0].payload).toMatchObject({ kind: 'not_arrived', child_id: fam.child.id, child_name: fam.child.name, facility_name: alerting.facility.name, url: '/app/' });
    expect(push[0].headers.urgency).toBe('high');

    const mails = await world.smtp.waitFor((m) => m.some((x) => x.toAddress === mother.email), 15_000, 'the not_arrived e-mail');
    const mail = mails.filter((m) => m.toAddress === mother.email);
    expect(mail).toHaveLength(1);
    expect(mail[0].problems).toEqual([]);
    expect(mail[0].subject).toContain(fam.child.name);
    expect(mail[0].body).toContain('14:30');
    expect(mail[0].body).toContain(alerting.facility.name);

    // Staff see the rows of the alert in the delivery history.
    const rows = await allStaffNotifications(alerting.staff, { child_id: fam.child.id });
    expect(rows.filter((r) => r.kind === 'not_arrived').map((r) => r.channel).sort()).toEqual(['email', 'inapp', 'inapp', 'push']);

    // Later runs of the job send nothing more.
    await world.server.advanceClock(1000);
    await world.server.advanceClock(1000);
    expect((await wholeInbox(mother.api)).filter((i) => i.kind === 'not_arrived')).toHaveLength(1);
    expect((await allStaffNotifications(alerting.staff, { child_id: fam.child.id })).filter((r) => r.kind === 'not_arrived')).toHaveLength(4);
    expect(world.push.delivered(device).filter((a) => a.payload?.kind === 'not_arrived')).toHaveLength(1);
    expect(world.smtp.to(mother.email!)).toHaveLength(1);
  });

  it('a child who arrives in time is not reported', async () => {
    const fam = await familyAt(alerting, world.server, [{ email: true }]);
    const [g] = fam.guardians;
    await alerting.kiosk.stamp({ facility_id: alerting.facility.id, client_id: clientId(), credential: fam.credential });
    await g.api.putPlans(fam.child.id, { days: [{ date: DAY, status: 'attend', arrive_at: '14:00' }] });
    // Another child planned alongside is raised: the job ran past this one.
    const other = await familyAt(alerting, world.server, [{ email: false }]);
    await other.guardians[0].api.putPlans(other.child.id, { days: [{ date: DAY, status: 'attend', arrive_at: '14:00' }] });
    await alerted(alerting, other.child.id); // the same run of the job looked at this child
    const mine = (await alerting.staff.roster(alerting.facility.id)).items.find((i) => i.child.id === fam.child.id)!;
    expect(mine).toMatchObject({ status: 'present', alerted_at: null });
    expect((await wholeInbox(g.api)).map((i) => i.kind)).not.toContain('not_arrived');
  });
});

describe('a facility that does not notify', () => {
  it('raises the child on the roster but tells no guardian', async () => {
    const fam = await familyAt(silent, world.server, [{ email: true }]);
    const [g] = fam.guardians;
    await subscribe(g.api, world.push);
    await g.api.putPlans(fam.child.id, { days: [{ date: DAY, status: 'attend', arrive_at: '14:00' }] });
    await alerted(silent, fam.child.id); // the job wrote its notices (none) in the same transaction
    expect((await wholeInbox(g.api)).map((i) => i.kind)).not.toContain('not_arrived');
    expect(world.smtp.to(g.email!)).toEqual([]);
    expect((await allStaffNotifications(silent.staff, { child_id: fam.child.id })).filter((r) => r.kind === 'not_arrived')).toEqual([]);
  });
});

describe('live events', () => {
  it('a plan change reaches the family and the facility’s staff; an alert refreshes the roster', async () => {
    const fam = await familyAt(alerting, world.server, [{ email: false }]);
    const [g] = fam.guardians;
    const outsider = await familyAt(alerting, world.server, [{ email: false }]);
    const otherStaff = await newSite(world.server, world.admin);
    const streams = {
      family: await openEvents(() => world.server.url, g.api.jar),
      staff: await openEvents(() => world.server.url, alerting.staff.jar),
      outsider: await openEvents(() => world.server.url, outsider.guardians[0].api.jar),
      elsewhere: await openEvents(() => world.server.url, otherStaff.staff.jar),
    };
    try {
      for (const s of Object.values(streams)) expect(s.status).toBe(200);
      await g.api.putPlans(fam.child.id, { days: [{ date: DAY, status: 'attend', arrive_at: '14:45' }] });
      const isPlan = (e: { event: string; data: any }) => e.event === 'plan' && e.data?.child_id === fam.child.id && e.data?.date === DAY;
      await streams.family.waitFor(isPlan, 10_000, 'plan event to the family');
      await streams.staff.waitFor(isPlan, 10_000, 'plan event to the staff');
      // 14:45 + 15 minutes is 15:00: due at once; the alert refreshes the staff's roster.
      await alerted(alerting, fam.child.id);
      const roster = (e: { event: string; data: any }) => e.event === 'roster' && e.data?.facility_id === alerting.facility.id && e.data?.date === DAY;
      await streams.staff.waitFor(roster, 10_000, 'roster event to the staff');
      await sleep(1000);
      expect(streams.outsider.events.filter((e) => e.event === 'plan' || e.event === 'roster')).toEqual([]);
      expect(streams.elsewhere.events.filter((e) => e.data?.facility_id === alerting.facility.id || e.data?.child_id === fam.child.id)).toEqual([]);
      expect(streams.family.events.filter((e) => e.event === 'roster')).toEqual([]);
    } finally {
      for (const s of Object.values(streams)) s.close();
    }
  });
});

// Delivery at the pace of a distant push service: the push receiver holds each answer
// (300 ms to 1 s), as a service across the internet takes. A worker sends a batch's pushes at
// once rather than one after another, and still keeps one device's messages of a batch
// in order (an arrival is not shown after its departure), for e-mail to one address too.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEFAULT_PREFERENCES,
  familyAt,
  orThrow,
  putPreferences,
  stampAt,
  startNotifyWorld,
  subscribe,
  waitForRows,
  type NotifyWorld,
  type PushDevice,
  type Site,
  newSite,
} from '../support';

let world: NotifyWorld;
let site: Site;

beforeAll(async () => {
  world = await startNotifyWorld(); // 15:00 in Tokyo
  site = await newSite(world.server, world.admin, { duplicate_window_seconds: 0 });
});
afterAll(async () => {
  await world?.close();
});

describe('delivery to a slow push service', () => {
  it("sends a stamp's pushes to six devices at the same time", async () => {
    // Long enough that all six are surely waiting together, even on a busy machine.
    world.push.hold(1000);
    const fam = await familyAt(site, world.server, [{ email: false }]);
    const devices: PushDevice[] = [];
    for (let i = 0; i < 6; i++) devices.push((await subscribe(fam.guardians[0].api, world.push)).device);
    expect((await stampAt(site, fam.credential)).result).toBe('arrived');
    await world.push.waitFor(() => devices.every((d) => world.push.delivered(d).length === 1), 20_000, 'a push on each device');
    // One after another, at most one would wait for its answer at a time.
    expect(world.push.maxInFlight()).toBe(6);
    const rows = await waitForRows(site.staff, fam.child.id, (rs) => rs.filter((r) => r.channel === 'push').every((r) => r.status === 'delivered'), 10_000, 'push rows delivered');
    expect(rows.filter((r) => r.channel === 'push')).toHaveLength(6);
  });

  it("keeps one device's and one address's messages in order when they go out together", async () => {
    world.push.hold(300);
    const fam = await familyAt(site, world.server, [{ email: true }]);
    const guardian = fam.guardians[0];
    const { device } = await subscribe(guardian.api, world.push);
    // Quiet until 16:00: the arrival and the departure wait, and are due together.
    orThrow(await putPreferences(guardian.api, { ...DEFAULT_PREFERENCES, quiet_hours: { from: '14:00', to: '16:00' } }));
    expect((await stampAt(site, fam.credential)).result).toBe('arrived');
    expect((await stampAt(site, fam.credential, { pickup_by: '祖母' })).result).toBe('departed');
    await waitForRows(site.staff, fam.child.id, (rs) => rs.length === 6, 10_000, 'six rows');
    expect(world.push.delivered(device)).toEqual([]);

    // One worker, so that both come in one batch (what the order is promised for: rows of
    // one device claimed by two workers at the same moment may cross).
    await world.restart('2027-06-10T16:00:05+09:00', { TADAIMA_NOTIFY_WORKERS: '1' });
    await world.push.waitFor(() => world.push.delivered(device).length === 2, 20_000, 'both pushes after 16:00');
    await world.smtp.waitFor(() => world.smtp.to(guardian.email!).length === 2, 20_000, 'both mails after 16:00');
    expect(world.push.delivered(device).map((p) => p.payload.kind)).toEqual(['arrival', 'departure']);
    const [first, second] = world.push.delivered(device);
    // The departure left only after the arrival was answered.
    expect(second.receivedAt.getTime() - first.receivedAt.getTime()).toBeGreaterThanOrEqual(250);
    const mails = world.smtp.to(guardian.email!);
    expect(mails.map((m) => m.body.includes('祖母'))).toEqual([false, true]);
  });
});

// The crash test: with the mail server and the push service down, stamps are made; the
// app server is killed with SIGKILL right after the last stamp is answered; the mail
// server, the push service and the app server come back — and every guardian gets every
// notification exactly once (counted by Message-ID and by push payload id).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  allStaffNotifications,
  familyAt,
  newSite,
  stampAt,
  startNotifyWorld,
  subscribe,
  until,
  wholeInbox,
  type NotifiedFamily,
  type NotifyWorld,
  type PushDevice,
  type Site,
} from '../support';

let world: NotifyWorld;
let site: Site;

beforeAll(async () => {
  world = await startNotifyWorld();
  site = await newSite(world.server, world.admin, { duplicate_window_seconds: 0 });
});
afterAll(async () => {
  await world?.close();
});

const count = <T>(xs: T[]) => {
  const m = new Map<T, number>();
  for (const x of xs) m.set(x, (m.get(x) ?? 0) + 1);
  return m;
};

describe('crash', () => {
  it('SIGKILL with the mail server and push service down: after recovery every notification arrives exactly once', async () => {
    const families: { fam: NotifiedFamily; devices: PushDevice[] }[] = [];
    for (let i = 0; i < 3; i++) {
      const fam = await familyAt(site, world.server, [{ email: true }, { email: true }]);
      const devices: PushDevice[] = [];
      for (const g of fam.guardians) devices.push((await subscribe(g.api, world.push)).device);
      families.push({ fam, devices });
    }

    await world.smtp.stop();
    world.push.down(true);
    // An arrival and a departure for each child; the server dies right after the last answer.
    for (const { fam } of families) expect((await stampAt(site, fam.credential)).result).toBe('arrived');
    for (const [i, { fam }] of families.entries()) {
      const r = await stampAt(site, fam.credential, { pickup_by: `祖父 ${i}` });
      expect(r.result).toBe('departed');
    }
    await world.server.kill9();
    expect(world.smtp.messages(), 'nothing mailed while the mail server was down').toEqual([]);
    expect(world.push.delivered(), 'nothing pushed while the push service was down').toEqual([]);

    await world.smtp.start();
    world.push.down(false);
    await world.restart(); // its clock goes on from where it was
    // The VAPID key pair is kept: the subscriptions made before stay valid.
    const key = await (await fetch(`${world.server.url}/api/v1/push/public-key`)).json();
    expect(key).toEqual({ vapid_public_key: world.vapidKey });

    // 3 families × 2 guardians × 2 stamps: 12 e-mails and 12 pushes. A row claimed by the
    // killed process is retried after its 30 s lease, hence the long deadline.
    const expected = 12;
    const allRows = async () => (await Promise.all(families.map(({ fam }) => allStaffNotifications(site.staff, { child_id: fam.child.id })))).flat();
    const rows = await until(async () => {
      const rs = await allRows();
      return rs.length === 3 * expected && rs.every((r) => r.status === 'delivered') ? rs : null;
    }, 90_000, 'every notification delivered after the crash', 500);

    const mails = world.smtp.messages();
    const pushes = world.push.delivered();
    const messageIds = mails.map((m) => m.messageId);
    const pushIds = pushes.map((p) => p.payload.id);
    expect([...count(messageIds).values()].filter((n) => n > 1), 'no Message-ID twice').toEqual([]);
    expect([...count(pushIds).values()].filter((n) => n > 1), 'no push payload id twice').toEqual([]);
    expect(mails).toHaveLength(expected);
    expect(pushes).toHaveLength(expected);
    // The mails and pushes are exactly the rows staff see.
    const idOf = (messageId: string | undefined) => /^<([^@]+)@/.exec(messageId ?? '')?.[1];
    expect(messageIds.map(idOf).sort()).toEqual(rows.filter((r) => r.channel === 'email').map((r) => r.id).sort());
    expect([...pushIds].sort()).toEqual(rows.filter((r) => r.channel === 'push').map((r) => r.id).sort());

    for (const [i, { fam, devices }] of families.entries()) {
      for (const [g, guardian] of fam.guardians.entries()) {
        const got = world.smtp.to(guardian.email!);
        expect(got, `mails to ${guardian.name}`).toHaveLength(2);
        expect(got.filter((m) => m.body.includes(`祖父 ${i}`)), 'one departure naming the pick-up person').toHaveLength(1);
        for (const m of got) expect(m.problems).toEqual([]);
        const pushed = world.push.delivered(devices[g]).map((p) => p.payload);
        expect(pushed.map((p) => p.kind).sort()).toEqual(['arrival', 'departure']);
        expect(pushed.find((p) => p.kind === 'departure').pickup_by).toBe(`祖父 ${i}`);
        for (const p of pushed) expect(p.child_id).toBe(fam.child.id);
        const items = await wholeInbox(guardian.api);
        expect(items.map((x) => x.kind)).toEqual(['departure', 'arrival']);
      }
    }
    // Each e-mail row was delivered once, whatever failed before.
    const mailRow = rows.find((r) => r.channel === 'email')!;
    const detail = (await site.staff.request('GET', `/api/v1/notifications/${mailRow.id}`)).body;
    expect(detail.history.at(-1).result).toBe('delivered');
    expect(detail.history.filter((h: { result: string }) => h.result === 'delivered')).toHaveLength(1);
  }, 150_000);
});

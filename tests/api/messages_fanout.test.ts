// A message to more families than TADAIMA_MESSAGE_BATCH_FAMILIES (here 2, a whole city in
// production) is answered once the message and its receipts are committed; its outbox rows
// are written right after, a batch of families per transaction. Every guardian gets it
// exactly once — also when the server is killed with SIGKILL right after the answer, with
// the mail server and the push service down, and comes back (counted by Message-ID and by
// push payload id).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  familyAt,
  newSite,
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
const families: { fam: NotifiedFamily; device: PushDevice }[] = [];

beforeAll(async () => {
  world = await startNotifyWorld({ env: { TADAIMA_MESSAGE_BATCH_FAMILIES: '2' } });
  site = await newSite(world.server, world.admin);
  for (let i = 0; i < 7; i++) {
    const fam = await familyAt(site, world.server, [{ email: true }]);
    families.push({ fam, device: (await subscribe(fam.guardians[0].api, world.push)).device });
  }
}, 120_000);
afterAll(async () => {
  await world?.close();
});

const count = <T>(xs: T[]) => {
  const m = new Map<T, number>();
  for (const x of xs) m.set(x, (m.get(x) ?? 0) + 1);
  return m;
};

/** Every guardian got the message titled `title` once by e-mail, push and in the inbox. */
async function expectEachOnce(title: string) {
  const mails = await world.smtp.waitFor(
    (ms) => families.every(({ fam }) => ms.some((m) => m.subject === title && m.toAddress === fam.guardians[0].email)),
    90_000, `the mails of ${title}`,
  );
  await world.push.waitFor(
    () => families.every(({ device }) => world.push.delivered(device).some((p) => p.payload.title === title)),
    90_000, `the pushes of ${title}`,
  );
  const ours = mails.filter((m) => m.subject === title);
  expect([...count(ours.map((m) => m.messageId)).values()].filter((n) => n > 1), 'no Message-ID twice').toEqual([]);
  expect(ours).toHaveLength(families.length);
  for (const { fam, device } of families) {
    const g = fam.guardians[0];
    expect(ours.filter((m) => m.toAddress === g.email), `mails to ${g.name}`).toHaveLength(1);
    expect(world.push.delivered(device).filter((p) => p.payload.title === title), `pushes to ${g.name}`).toHaveLength(1);
    const inbox = await until(async () => {
      const items = (await wholeInbox(g.api)).filter((n) => n.title === title);
      return items.length > 0 ? items : null;
    }, 30_000, `the inbox of ${g.name}`);
    expect(inbox).toHaveLength(1);
  }
}

describe('a message to more families than one batch', () => {
  it('reaches every guardian once, through the fan-out after the answer', async () => {
    const sent = await site.staff.sendMessage({
      title: '全家庭へのお知らせ', body: '本文です。', audience: { facility_ids: [site.facility.id] }, channels: ['push', 'email', 'inapp'],
    });
    expect(sent.recipients.families).toBe(7);
    await expectEachOnce('全家庭へのお知らせ');
    const receipts = await until(async () => {
      const r = await site.staff.messageReceipts(sent.message.id);
      return r.items.every((x) => x.delivered) ? r : null;
    }, 30_000, 'every receipt delivered');
    expect(receipts.families).toBe(7);
  }, 120_000);

  it('SIGKILL right after the answer, with mail and push down: after recovery every guardian gets it exactly once', async () => {
    await world.smtp.stop();
    world.push.down(true);
    const sent = await site.staff.sendMessage({
      title: '台風のため閉所します', body: 'お迎えをお願いします。', audience: { facility_ids: [site.facility.id] }, channels: ['push', 'email', 'inapp'],
    });
    expect(sent.recipients.families).toBe(7);
    await world.server.kill9();
    await world.smtp.start();
    world.push.down(false);
    await world.restart();
    // A batch claimed by the killed process is retried after its 30 s lease, hence the long waits.
    await expectEachOnce('台風のため閉所します');
  }, 150_000);
});

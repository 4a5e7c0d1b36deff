// How a message reaches the guardians through the outbox, against the real SMTP server and
// the push receiver: the sender's channels within each guardian's own choice for
// messages; the e-mail carries the whole text, the attachments' names and the link to the
// message in the app, never the files; a push carries the title, the start of the body and
// the link. Quiet hours hold a normal message; an emergency goes at once on every channel
// the guardian has, whatever they chose. The server's test clock stands at 15:00 in Tokyo.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEFAULT_PREFERENCES,
  allStaffNotifications,
  familyAt,
  newSite,
  orThrow,
  putPreferences,
  startNotifyWorld,
  subscribe,
  until,
  type NotifyWorld,
  type PushDevice,
  type Site,
} from '../support';

const PUBLIC_URL = 'http://127.0.0.1:18080';
const PDF = Buffer.from('%PDF-1.4\nTADAIMA-ATTACHMENT-BYTES\n%%EOF\n');

let world: NotifyWorld;
let site: Site;

beforeAll(async () => {
  world = await startNotifyWorld({ testClock: true, env: { TADAIMA_PUBLIC_URL: PUBLIC_URL } });
  site = await newSite(world.server, world.admin);
});
afterAll(async () => {
  await world?.close();
});

/** The rows of the staff's delivery history (every channel) of the message titled so (titles are unique here). */
const rowsOf = async (title: string) =>
  (await allStaffNotifications(world.admin)).filter((r) => r.kind === 'message' && r.title === title);

describe('a message through the outbox', () => {
  it('e-mails the whole text with the link and the attachments named, pushes the start with the link', async () => {
    const fam = await familyAt(site, world.server, [{ email: true }, { email: true }]);
    const [mother, father] = fam.guardians;
    const devices: PushDevice[] = [];
    for (const g of fam.guardians) devices.push((await subscribe(g.api, world.push)).device);
    // The father wants no e-mail for messages.
    orThrow(await putPreferences(father.api, { ...DEFAULT_PREFERENCES, messages: { push: true, email: false, inapp: true } }));

    const pdf = await site.staff.uploadAttachment(PDF, '12月のおたより.pdf', 'application/pdf');
    const body = `${'今月の行事をお知らせします。'.repeat(12)}\n最後の行まで読んでください。`;
    const { message } = await site.staff.sendMessage({
      title: 'ひまわりだより 12月号',
      body,
      audience: { family_ids: [fam.familyId] },
      channels: ['push', 'email', 'inapp'],
      attachment_ids: [pdf.id],
    });

    const [mail] = await world.smtp.waitFor((m) => m.some((x) => x.toAddress === mother.email), 20_000, 'the mother’s mail');
    const mine = world.smtp.to(mother.email!);
    expect(mine).toHaveLength(1);
    expect(mine[0].subject).toBe('ひまわりだより 12月号');
    expect(mine[0].problems).toEqual([]);
    expect(mine[0].body).toContain('最後の行まで読んでください。');
    expect(mine[0].body).toContain(`${PUBLIC_URL}/app/messages/${message.id}`);
    expect(mine[0].body).toContain('12月のおたより.pdf');
    expect(mine[0].raw.includes('TADAIMA-ATTACHMENT-BYTES')).toBe(false);
    expect(mine[0].raw.toString('latin1')).not.toMatch(/multipart/i);
    expect(mail).toBeDefined();

    await world.push.waitFor(() => devices.every((d) => world.push.delivered(d).length === 1), 20_000, 'both pushes');
    for (const d of devices) {
      const p = world.push.delivered(d)[0];
      expect(p.payload).toMatchObject({ kind: 'message', title: 'ひまわりだより 12月号', message_id: message.id, url: `/app/messages/${message.id}` });
      expect(p.payload.body.length).toBeLessThanOrEqual(121);
      expect(p.payload.body.endsWith('…')).toBe(true);
      expect(p.headers.urgency).toBe('normal');
    }
    await until(async () => (await rowsOf('ひまわりだより 12月号')).every((r: any) => r.status === 'delivered'), 20_000, 'every row delivered');
    const rows = await rowsOf('ひまわりだより 12月号');
    expect(rows.map((r: any) => `${r.guardian.name}:${r.channel}`).sort()).toEqual(
      [`${father.name}:inapp`, `${father.name}:push`, `${mother.name}:email`, `${mother.name}:inapp`, `${mother.name}:push`].sort(),
    );
    expect(world.smtp.to(father.email!)).toEqual([]);
  }, 60_000);

  it('goes only on the channels the sender chose', async () => {
    const fam = await familyAt(site, world.server, [{ email: true }]);
    const { device } = await subscribe(fam.guardians[0].api, world.push);
    const { message } = await site.staff.sendMessage({
      title: 'アプリだけのお知らせ', body: '本文', audience: { family_ids: [fam.familyId] }, channels: ['inapp'],
    });
    expect(message.channels).toEqual(['inapp']);
    expect((await rowsOf('アプリだけのお知らせ')).map((r) => r.channel)).toEqual(['inapp']);
    // A later push to the same device shows that the first was never sent.
    await site.staff.sendMessage({ title: '次', body: '本文', audience: { family_ids: [fam.familyId] }, channels: ['push'] });
    await world.push.waitFor(() => world.push.delivered(device).length === 1, 20_000, 'the second message’s push');
    expect(world.push.delivered(device)[0].payload.title).toBe('次');
    expect(world.smtp.to(fam.guardians[0].email!)).toEqual([]);
  }, 60_000);

  it('waits for the end of quiet hours, unless it is an emergency: that goes at once on every channel', async () => {
    const fam = await familyAt(site, world.server, [{ email: true }, { email: true }]);
    const [resting, off] = fam.guardians;
    const devices: PushDevice[] = [];
    for (const g of fam.guardians) devices.push((await subscribe(g.api, world.push)).device);
    orThrow(await putPreferences(resting.api, { ...DEFAULT_PREFERENCES, quiet_hours: { from: '14:00', to: '23:00' } }));
    orThrow(await putPreferences(off.api, { ...DEFAULT_PREFERENCES, messages: { push: false, email: false, inapp: true } }));
    const to = { audience: { family_ids: [fam.familyId] }, channels: ['push', 'email', 'inapp'] as ('push' | 'email' | 'inapp')[] };

    await site.staff.sendMessage({ title: '通常のお知らせ', body: '本文', ...to });
    const normal = await rowsOf('通常のお知らせ');
    const of = (name: string) => normal.filter((r) => r.guardian.name === name);
    expect(of(off.name).map((r) => r.channel), 'push and e-mail are off for messages').toEqual(['inapp']);
    const held = of(resting.name).filter((r) => r.channel !== 'inapp');
    expect(held.map((r) => r.channel).sort()).toEqual(['email', 'push']);
    for (const r of held) {
      expect(r.status).toBe('pending');
      expect(r.next_attempt_at).toBe('2027-06-10T23:00:00+09:00');
    }

    await site.staff.sendMessage({ title: '台風のため閉所します', body: 'お迎えをお願いします。', priority: 'emergency', ...to, channels: ['inapp'] });
    await world.push.waitFor(() => devices.every((d) => world.push.delivered(d).length === 1), 20_000, 'the emergency pushes');
    for (const d of devices) {
      expect(world.push.delivered(d)[0].headers.urgency).toBe('high');
      expect(world.push.delivered(d)[0].payload).toMatchObject({ emergency: true, title: '台風のため閉所します' });
    }
    await world.smtp.waitFor((m) => fam.guardians.every((g) => m.some((x) => x.toAddress === g.email)), 20_000, 'the emergency mails');
    await until(async () => (await rowsOf('台風のため閉所します')).every((r) => r.status === 'delivered'), 20_000, 'delivered');
    expect((await rowsOf('台風のため閉所します')).map((r) => r.channel).sort()).toEqual(['email', 'email', 'inapp', 'inapp', 'push', 'push']);
    // The normal message still waits for the end of the quiet hours.
    expect(world.smtp.to(resting.email!).map((m) => m.subject)).toEqual(['台風のため閉所します']);
  }, 60_000);
});

describe('a staff reply in a contact thread', () => {
  it('reaches the family by e-mail with the whole post and the link, and by push with the link', async () => {
    const fam = await familyAt(site, world.server, [{ email: true }]);
    const [mother] = fam.guardians;
    const { device } = await subscribe(mother.api, world.push);
    const { thread } = await mother.api.createThread({ child_id: fam.child.id, facility_id: site.facility.id, body: '今日は熱があるのでお休みします' });
    // The guardian's own post tells no guardian.
    const reply = `${'お大事になさってください。'.repeat(12)}\n明日の予定はまたお知らせください。`;
    await site.staff.postToThread(thread.id, reply);

    await world.smtp.waitFor((m) => m.some((x) => x.toAddress === mother.email), 20_000, 'the mother’s mail');
    const mails = world.smtp.to(mother.email!);
    expect(mails).toHaveLength(1);
    expect(mails[0].subject).toBe(`【連絡】${site.facility.name}からの返信`);
    expect(mails[0].problems).toEqual([]);
    expect(mails[0].body).toContain('明日の予定はまたお知らせください。');
    expect(mails[0].body).toContain(`${PUBLIC_URL}/app/threads/${thread.id}`);

    await world.push.waitFor(() => world.push.delivered(device).length === 1, 20_000, 'the push');
    const p = world.push.delivered(device)[0];
    expect(p.payload).toMatchObject({ kind: 'thread', thread_id: thread.id, url: `/app/threads/${thread.id}` });
    expect(p.payload.body.endsWith('…')).toBe(true);
    expect(p.headers.urgency).toBe('normal');
  }, 60_000);
});

// Arrivals and departures reach every guardian of the family on every channel: Web Push
// (decrypted by the local receiver), e-mail through a real SMTP server (Japanese, or
// English for a guardian who chose it) and the in-app inbox — with the child, the
// facility, the time and the pick-up person — and each notification exactly once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  allStaffNotifications,
  clockOf,
  expectSameInstant,
  familyAt,
  getPreferences,
  MAIL_FROM,
  metric,
  newSite,
  orThrow,
  putPreferences,
  RFC3339,
  stampAt,
  startNotifyWorld,
  subscribe,
  until,
  waitForRows,
  wholeInbox,
  type InboxItem,
  type Mail,
  type NotifiedFamily,
  type NotifyWorld,
  type PushAttempt,
  type PushDevice,
  type Site,
} from '../support';

let world: NotifyWorld;
let site: Site;

beforeAll(async () => {
  world = await startNotifyWorld();
  // duplicate window 0: two scans in a row are an arrival and a departure.
  site = await newSite(world.server, world.admin, { duplicate_window_seconds: 0 });
});
afterAll(async () => {
  await world?.close();
});

const JAPANESE = /[\u3040-\u30ff\u3400-\u9fff\uff01-\uff60]/;
/** The text without the names in it (they are Japanese whatever the language). */
const withoutNames = (text: string, names: (string | null | undefined)[]) =>
  names.reduce<string>((t, n) => (n ? t.split(n).join('') : t), text);

function expectLanguage(text: string, language: 'ja' | 'en', names: (string | null | undefined)[], what: string) {
  const rest = withoutNames(text, names);
  if (language === 'ja') expect(rest, `${what} is Japanese`).toMatch(JAPANESE);
  else expect(rest, `${what} is English`).not.toMatch(JAPANESE);
}

describe('an arrival and a departure with a pick-up person', () => {
  let fam: NotifiedFamily;
  let devices: PushDevice[][]; // per guardian
  let arrival: Awaited<ReturnType<typeof stampAt>>;
  let departure: Awaited<ReturnType<typeof stampAt>>;
  const pickup = '祖母 山田 トメ';
  const languages: ('ja' | 'en')[] = ['ja', 'en', 'ja'];

  beforeAll(async () => {
    // Guardian 1: e-mail, two devices; guardian 2: e-mail in English, one device;
    // guardian 3: no e-mail address, one device.
    fam = await familyAt(site, world.server, [{ email: true }, { email: true }, { email: false }]);
    devices = [];
    for (const [i, n] of [2, 1, 1].entries()) {
      const ds: PushDevice[] = [];
      for (let k = 0; k < n; k++) ds.push((await subscribe(fam.guardians[i].api, world.push)).device);
      devices.push(ds);
    }
    const prefs = orThrow(await getPreferences(fam.guardians[1].api));
    orThrow(await putPreferences(fam.guardians[1].api, { ...prefs, language: 'en' }));

    arrival = await stampAt(site, fam.credential);
    expect(arrival.result).toBe('arrived');
    departure = await stampAt(site, fam.credential, { pickup_by: pickup });
    expect(departure.result).toBe('departed');
    expect(departure.visit.pickup_by).toBe(pickup);

    // Every row of this child is final: delivered (nothing can be sent after that).
    // In-app 2 each; push 2 per device (4 devices); e-mail 2 for each of the 2 addresses.
    await waitForRows(site.staff, fam.child.id, (rows) => rows.length === 2 * 3 + 2 * 4 + 2 * 2 && rows.every((r) => r.status === 'delivered'), 30_000, 'all 18 notifications delivered');
  }, 60_000);

  const pushesOf = (d: PushDevice) => world.push.delivered(d);
  const mailsTo = (address: string) => world.smtp.to(address);

  it('every device gets the arrival and the departure once, decrypted, with their content', () => {
    const visit = departure.visit;
    for (const [g, ds] of devices.entries()) {
      for (const d of ds) {
        const got = pushesOf(d);
        expect(got.map((p) => p.payload.kind).sort(), `guardian ${g + 1} device ${d.id}`).toEqual(['arrival', 'departure']);
        const a = got.find((p) => p.payload.kind === 'arrival')!.payload;
        const l = got.find((p) => p.payload.kind === 'departure')!.payload;
        for (const p of [a, l]) {
          expect(p).toMatchObject({
            id: expect.any(String),
            title: expect.stringMatching(/\S/),
            body: expect.any(String),
            url: '/app/',
            child_id: fam.child.id,
            child_name: fam.child.name,
            facility_id: site.facility.id,
            facility_name: site.facility.name,
          });
          expect(p.body).toContain(fam.child.name);
          expect(p.body).toContain(site.facility.name);
          expectLanguage(`${p.title}\n${p.body}`, languages[g], [fam.child.name, site.facility.name, pickup], `push to guardian ${g + 1}`);
        }
        expectSameInstant(a.at, visit.in_at, 'arrival at');
        expect(a.body).toContain(clockOf(visit.in_at));
        expect(a.pickup_by ?? null).toBeNull();
        expectSameInstant(l.at, visit.out_at!, 'departure at');
        expect(l.body).toContain(clockOf(visit.out_at!));
        expect(l.pickup_by).toBe(pickup);
        expect(l.body).toContain(pickup);
      }
    }
  });

  it('pushes carry the headers of the contract and a VAPID JWT for the receiver', () => {
    const all: PushAttempt[] = devices.flat().flatMap(pushesOf);
    expect(all).toHaveLength(8);
    for (const p of all) {
      expect(p.headers).toMatchObject({ contentEncoding: 'aes128gcm', contentType: 'application/octet-stream', ttl: '86400', topic: p.payload.id });
      expect(p.headers.urgency).toMatch(/^(high|normal)$/);
      expect(p.vapid!.header).toEqual({ typ: 'JWT', alg: 'ES256' });
      expect(p.vapid!.claims.aud).toBe(world.push.origin);
      expect(p.vapid!.claims.sub).toMatch(/^(mailto:|https:)/);
      expect(p.vapid!.key).toBe(world.vapidKey);
    }
    expect(new Set(all.map((p) => p.payload.id)).size, 'one id per push').toBe(8);
    expect(world.push.failures()).toEqual([]);
  });

  it('guardians with an address get two correct MIME e-mails, in their language; the one without gets none', () => {
    const visit = departure.visit;
    for (const [g, lang] of [[0, 'ja'], [1, 'en']] as const) {
      const address = fam.guardians[g].email!;
      const mails = mailsTo(address);
      expect(mails, `mail to guardian ${g + 1}`).toHaveLength(2);
      for (const m of mails) {
        expect(m.problems, `problems of ${m.subject}`).toEqual([]);
        expect(m.mimeVersion).toBe('1.0');
        expect(m.contentType?.type).toBe('text/plain');
        expect(m.contentType?.params.charset?.toUpperCase()).toBe('UTF-8');
        expect(m.transferEncoding?.toLowerCase()).toBe('base64');
        expect(m.messageId).toMatch(/^<[^@]+@[^>]+>$/);
        expect(m.fromAddress).toBe(MAIL_FROM);
        expect(m.toAddress).toBe(address);
        expect(m.envelopeTo).toEqual([address]);
        // The Date is the server's (pinned) clock: between the stamp and now.
        expect(m.date, 'Date header').not.toBeNull();
        expect(m.date!.getTime()).toBeGreaterThanOrEqual(Date.parse(visit.in_at) - 60_000);
        expect(m.date!.getTime()).toBeLessThanOrEqual(world.now().getTime() + 60_000);
        expect(m.subject).toContain(fam.child.name);
        expect(m.body).toContain(fam.child.name);
        expect(m.body).toContain(site.facility.name);
        expectLanguage(m.subject, lang, [fam.child.name, site.facility.name], `subject to guardian ${g + 1}`);
        expectLanguage(m.body, lang, [fam.child.name, site.facility.name, pickup], `body to guardian ${g + 1}`);
      }
      const [a, l] = [mails.find((m) => !m.body.includes(pickup)), mails.find((m) => m.body.includes(pickup))];
      expect(a, 'an arrival mail (no pick-up person)').toBeDefined();
      expect(l, 'a departure mail naming the pick-up person').toBeDefined();
      expect(a!.body).toContain(clockOf(visit.in_at));
      expect(l!.body).toContain(clockOf(visit.out_at!));
      expect(a!.subject).not.toBe(l!.subject);
    }
    const mine = world.smtp.messages().filter((m) => m.body.includes(fam.child.name));
    expect(mine, 'no mail but those four').toHaveLength(4);
    expect(new Set(mine.map((m) => m.messageId)).size).toBe(4);
  });

  it('each guardian’s inbox holds the departure then the arrival, in their language, matching the push', async () => {
    const visit = departure.visit;
    for (const [g, s] of fam.guardians.entries()) {
      const page = await s.api.notifications();
      expect(page.unread_count).toBe(2);
      expect(page.next_cursor).toBeNull();
      const [l, a] = page.items as InboxItem[];
      expect(page.items).toHaveLength(2);
      expect(a).toMatchObject({ kind: 'arrival', child_id: fam.child.id, child_name: fam.child.name, facility_id: site.facility.id, facility_name: site.facility.name });
      expect(l).toMatchObject({ kind: 'departure', child_id: fam.child.id, child_name: fam.child.name, facility_id: site.facility.id, facility_name: site.facility.name, pickup_by: pickup });
      expectSameInstant(a.at, visit.in_at, 'inbox arrival at');
      expectSameInstant(l.at, visit.out_at!, 'inbox departure at');
      for (const item of [a, l]) {
        expect(item.created_at).toMatch(RFC3339);
        expect(item.created_at, 'in the organization’s offset').toMatch(/\+09:00$/);
        expect(item.read_at ?? null).toBeNull();
        expectLanguage(`${item.title}\n${item.body}`, languages[g], [fam.child.name, site.facility.name, pickup], `inbox of guardian ${g + 1}`);
        // The device says what the inbox says.
        const pushed = pushesOf(devices[g][0]).find((p) => p.payload.kind === item.kind)!.payload;
        expect({ title: pushed.title, body: pushed.body }).toEqual({ title: item.title, body: item.body });
      }
      expect(a.body).toContain(clockOf(visit.in_at));
      expect(l.body).toContain(pickup);
    }
  });

  it('the ids staff see are the push payload ids and the e-mails’ Message-IDs', async () => {
    const rows = await allStaffNotifications(site.staff, { child_id: fam.child.id });
    const ids = (channel: string) => rows.filter((r) => r.channel === channel).map((r) => r.id).sort();
    expect(ids('push')).toEqual(devices.flat().flatMap(pushesOf).map((p) => p.payload.id).sort());
    const mailIds = [...mailsTo(fam.guardians[0].email!), ...mailsTo(fam.guardians[1].email!)].map((m: Mail) => /^<([^@]+)@/.exec(m.messageId!)![1]).sort();
    expect(ids('email')).toEqual(mailIds);
    expect(ids('inapp')).toHaveLength(6);
    for (const r of rows) {
      expect(r).toMatchObject({ status: 'delivered', child_id: fam.child.id, child_name: fam.child.name, facility_id: site.facility.id, attempts: expect.any(Number) });
      expect(r.delivered_at).toMatch(RFC3339);
      expect(fam.guardians.map((g) => g.name)).toContain(r.guardian.name);
    }
    const byGuardian = (name: string) => rows.filter((r) => r.guardian.name === name).length;
    expect(fam.guardians.map((g) => byGuardian(g.name))).toEqual([8, 6, 4]);
  });
});

describe('the in-app inbox', () => {
  it('pages newest first, marks one read, then all; unread=true lists only unread', async () => {
    const fam = await familyAt(site, world.server, [{ email: false }]);
    const me = fam.guardians[0].api;
    for (let i = 0; i < 3; i++) await stampAt(site, fam.credential);
    const items = await until(async () => {
      const all = await wholeInbox(me);
      return all.length === 3 ? all : null;
    }, 20_000, 'three inbox items');
    expect(items.map((i) => i.kind)).toEqual(['arrival', 'departure', 'arrival']);
    expect(items.map((i) => i.id)).toEqual([...items.map((i) => i.id)].sort().reverse());

    const first = await me.notifications({ limit: 2 });
    expect(first.items.map((i) => i.id)).toEqual(items.slice(0, 2).map((i) => i.id));
    expect(first.next_cursor).toEqual(expect.any(String));
    const second = await me.notifications({ limit: 2, cursor: first.next_cursor! });
    expect(second.items.map((i) => i.id)).toEqual([items[2].id]);
    expect(second.next_cursor).toBeNull();

    const read = await me.request('POST', `/api/v1/me/notifications/${items[1].id}/read`);
    expect(read.status, JSON.stringify(read.body)).toBe(204);
    const after = await me.notifications();
    expect(after.unread_count).toBe(2);
    expect(after.items.find((i) => i.id === items[1].id)!.read_at).toMatch(RFC3339);
    const unread = await me.notifications({ unread: true });
    expect(unread.items.map((i) => i.id)).toEqual([items[0].id, items[2].id]);
    expect(unread.unread_count).toBe(2);

    // Reading again changes nothing (the first read time stays).
    const readAt = after.items.find((i) => i.id === items[1].id)!.read_at;
    expect((await me.request('POST', `/api/v1/me/notifications/${items[1].id}/read`)).status).toBe(204);
    expect((await me.notifications()).items.find((i) => i.id === items[1].id)!.read_at).toBe(readAt);

    expect((await me.request('POST', '/api/v1/me/notifications/read-all')).status).toBe(204);
    const done = await me.notifications();
    expect(done.unread_count).toBe(0);
    expect(done.items.every((i) => typeof i.read_at === 'string')).toBe(true);
    expect((await me.notifications({ unread: true })).items).toEqual([]);
  }, 60_000);

  it('refuses a bad limit or cursor with 400, and an unknown id with 404', async () => {
    const fam = await familyAt(site, world.server, [{ email: false }]);
    const me = fam.guardians[0].api;
    for (const bad of ['limit=0', 'limit=abc', 'limit=1001', 'cursor=%00nonsense', 'unread=maybe']) {
      const res = await me.request('GET', `/api/v1/me/notifications?${bad}`);
      expect(res.status, bad).toBe(400);
      expect(res.body.error.code).toBe('invalid_argument');
    }
    const res = await me.request('POST', '/api/v1/me/notifications/01jx0000000000000000000000/read');
    expect(res.status).toBe(404);
  });

  it('staff and kiosks have no inbox', async () => {
    for (const api of [site.staff, world.admin]) {
      const res = await api.request('GET', '/api/v1/me/notifications');
      expect(res.status).toBe(403);
    }
    const res = await site.kiosk.request('GET', '/api/v1/me/notifications');
    expect([401, 403]).toContain(res.status);
  });
});

describe('metrics', () => {
  it('count push deliveries and e-mails, and record the commit-to-delivery latency', async () => {
    const fam = await familyAt(site, world.server, [{ email: true }]);
    const { device } = await subscribe(fam.guardians[0].api, world.push);
    const before = {
      push: await metric(world.server, 'tadaima_notification_deliveries_total', { channel: 'push', result: 'delivered' }).catch(() => 0),
      email: await metric(world.server, 'tadaima_notification_deliveries_total', { channel: 'email', result: 'delivered' }).catch(() => 0),
      latency: await metric(world.server, 'tadaima_notification_delivery_seconds_count', { channel: 'push' }).catch(() => 0),
    };
    await stampAt(site, fam.credential);
    await world.push.waitFor(() => world.push.delivered(device).length === 1, 20_000, 'the push');
    await world.smtp.waitFor(() => world.smtp.to(fam.guardians[0].email!).length === 1, 20_000, 'the e-mail');
    await waitForRows(site.staff, fam.child.id, (rows) => rows.length === 3 && rows.every((r) => r.status === 'delivered'), 20_000, 'three rows delivered');
    expect(await metric(world.server, 'tadaima_notification_deliveries_total', { channel: 'push', result: 'delivered' })).toBe(before.push + 1);
    expect(await metric(world.server, 'tadaima_notification_deliveries_total', { channel: 'email', result: 'delivered' })).toBe(before.email + 1);
    expect(await metric(world.server, 'tadaima_notification_delivery_seconds_count', { channel: 'push' })).toBe(before.latency + 1);
    expect(await metric(world.server, 'tadaima_notifications_pending')).toBeGreaterThanOrEqual(0);
  }, 60_000);
});

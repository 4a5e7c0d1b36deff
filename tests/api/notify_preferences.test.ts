// Guardians' notification preferences: the defaults, validation (a bad body changes
// nothing), a channel switched off gets nothing for stamps, and quiet hours hold push
// and e-mail (the inbox gets it at once) until they end — checked by moving the server's
// test clock past their end.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEFAULT_PREFERENCES,
  expectApiError,
  expectInvalidAt,
  expectSameInstant,
  familyAt,
  getPreferences,
  orThrow,
  putPreferences,
  stampAt,
  startNotifyWorld,
  subscribe,
  until,
  waitForRows,
  wholeInbox,
  type NotifyWorld,
  type NotificationPreferences,
  type PushDevice,
  type Site,
  newSite,
} from '../support';
import type { RawResponse } from '../../web/src/shared/api';

let world: NotifyWorld;
let site: Site;

beforeAll(async () => {
  world = await startNotifyWorld({ testClock: true }); // 15:00 in Tokyo, standing still
  site = await newSite(world.server, world.admin, { duplicate_window_seconds: 0 });
});
afterAll(async () => {
  await world?.close();
});

const raise = async <T>(p: Promise<RawResponse<T>>) => orThrow(await p);

describe('preferences', () => {
  it('default to every channel for stamps and messages, no quiet hours, Japanese', async () => {
    const fam = await familyAt(site, world.server, [{ email: true }]);
    expect(await raise(getPreferences(fam.guardians[0].api))).toEqual(DEFAULT_PREFERENCES);
  });

  it('are stored as sent and read back', async () => {
    const fam = await familyAt(site, world.server, [{ email: true }, { email: true }]);
    const mine: NotificationPreferences = {
      stamps: { push: false, email: true, inapp: true },
      messages: { push: true, email: false, inapp: true },
      quiet_hours: { from: '21:00', to: '07:00' },
      language: 'en',
    };
    expect(await raise(putPreferences(fam.guardians[0].api, mine))).toEqual(mine);
    expect(await raise(getPreferences(fam.guardians[0].api))).toEqual(mine);
    // Another guardian of the same family keeps their own.
    expect(await raise(getPreferences(fam.guardians[1].api))).toEqual(DEFAULT_PREFERENCES);
    const back = { ...mine, quiet_hours: null };
    expect(await raise(putPreferences(fam.guardians[0].api, back))).toEqual(back);
    expect(await raise(getPreferences(fam.guardians[0].api))).toEqual(back);
  });

  it('refuse a bad body with 400 naming the field, and keep what was stored', async () => {
    const fam = await familyAt(site, world.server, [{ email: true }]);
    const me = fam.guardians[0].api;
    const stored: NotificationPreferences = { ...DEFAULT_PREFERENCES, quiet_hours: { from: '22:00', to: '06:30' } };
    orThrow(await putPreferences(me, stored));
    const call = async (body: unknown) => orThrow(await putPreferences(me, body));
    const cases: [string, unknown][] = [
      ['stamps', { ...stored, stamps: { ...stored.stamps, push: 'yes' } }],
      ['stamps', { ...stored, stamps: { push: true, email: true } }],
      ['messages', { ...stored, messages: null }],
      ['language', { ...stored, language: 'fr' }],
      ['quiet_hours', { ...stored, quiet_hours: { from: '25:00', to: '07:00' } }],
      ['quiet_hours', { ...stored, quiet_hours: { from: '21:00', to: '7:00' } }],
      ['quiet_hours', { ...stored, quiet_hours: { from: '21:00' } }],
      ['quiet_hours', { ...stored, quiet_hours: '21:00-07:00' }],
    ];
    for (const [field, body] of cases) await expectInvalidAt(call(body), field);
    // Unknown fields, and a body that is not an object.
    await expectApiError(call({ ...stored, sms: true }), 400);
    await expectApiError(call({ ...stored, stamps: { ...stored.stamps, sms: true } }), 400);
    await expectApiError(call([stored]), 400);
    expect(await raise(getPreferences(me))).toEqual(stored);
  });

  it('belong to guardians: staff have none', async () => {
    const res = await site.staff.request('GET', '/api/v1/me/notification-preferences');
    expect(res.status).toBe(403);
    const put = await site.staff.request('PUT', '/api/v1/me/notification-preferences', DEFAULT_PREFERENCES);
    expect(put.status).toBe(403);
    const anon = await world.server.api().request('GET', '/api/v1/me/notification-preferences');
    expect(anon.status).toBe(401);
  });
});

describe('a channel switched off for stamps', () => {
  it('gets nothing; the other channels and other guardians are unaffected', async () => {
    // Each guardian has an address and a device; each switches one channel off.
    const fam = await familyAt(site, world.server, [{ email: true }, { email: true }, { email: true }, { email: true }]);
    const [noPush, noMail, noInbox, noMessages] = fam.guardians;
    const devices: PushDevice[] = [];
    for (const g of fam.guardians) devices.push((await subscribe(g.api, world.push)).device);
    const off = (over: Partial<NotificationPreferences>) => ({ ...DEFAULT_PREFERENCES, ...over });
    orThrow(await putPreferences(noPush.api, off({ stamps: { push: false, email: true, inapp: true } })));
    orThrow(await putPreferences(noMail.api, off({ stamps: { push: true, email: false, inapp: true } })));
    orThrow(await putPreferences(noInbox.api, off({ stamps: { push: true, email: true, inapp: false } })));
    // Messages off does not touch stamps.
    orThrow(await putPreferences(noMessages.api, off({ messages: { push: false, email: false, inapp: false } })));

    await stampAt(site, fam.credential);
    const rows = await waitForRows(site.staff, fam.child.id, (rs) => rs.length === 9 && rs.every((r) => r.status === 'delivered'), 30_000, 'nine rows delivered');
    const channels = (name: string) => rows.filter((r) => r.guardian.name === name).map((r) => r.channel).sort();
    expect(channels(noPush.name)).toEqual(['email', 'inapp']);
    expect(channels(noMail.name)).toEqual(['inapp', 'push']);
    expect(channels(noInbox.name)).toEqual(['email', 'push']);
    expect(channels(noMessages.name)).toEqual(['email', 'inapp', 'push']);

    expect(world.push.delivered(devices[0])).toEqual([]);
    expect(world.push.delivered(devices[1])).toHaveLength(1);
    expect(world.push.delivered(devices[2])).toHaveLength(1);
    expect(world.push.delivered(devices[3])).toHaveLength(1);
    expect(world.smtp.to(noPush.email!)).toHaveLength(1);
    expect(world.smtp.to(noMail.email!)).toEqual([]);
    expect(world.smtp.to(noInbox.email!)).toHaveLength(1);
    expect(world.smtp.to(noMessages.email!)).toHaveLength(1);
    expect(await wholeInbox(noPush.api)).toHaveLength(1);
    expect(await wholeInbox(noMail.api)).toHaveLength(1);
    expect(await wholeInbox(noInbox.api)).toEqual([]);
    expect(await wholeInbox(noMessages.api)).toHaveLength(1);
  }, 60_000);
});

describe('quiet hours', () => {
  it('hold push and e-mail until they end; the inbox gets it at once; outside them nothing waits', async () => {
    // The server's clock stands at 15:00 in Tokyo.
    const fam = await familyAt(site, world.server, [{ email: true }, { email: true }, { email: true }, { email: true }]);
    const [quiet, overnight, awake, later] = fam.guardians;
    const devices: PushDevice[] = [];
    for (const g of fam.guardians) devices.push((await subscribe(g.api, world.push)).device);
    const withQuiet = (from: string, to: string) => ({ ...DEFAULT_PREFERENCES, quiet_hours: { from, to } });
    orThrow(await putPreferences(quiet.api, withQuiet('14:00', '16:00'))); // now, ends today 16:00
    orThrow(await putPreferences(overnight.api, withQuiet('14:30', '06:00'))); // now, across midnight
    orThrow(await putPreferences(awake.api, withQuiet('21:00', '07:00'))); // not now
    orThrow(await putPreferences(later.api, withQuiet('15:30', '16:30'))); // later today

    const { visit } = await stampAt(site, fam.credential);
    expect(visit.in_at, 'the stamp is at 15:00').toBe('2027-06-10T15:00:00+09:00');

    // Those not in quiet hours get push and e-mail now.
    await world.push.waitFor(() => [devices[2], devices[3]].every((d) => world.push.delivered(d).length === 1), 20_000, 'pushes outside quiet hours');
    await world.smtp.waitFor(() => [awake, later].every((g) => world.smtp.to(g.email!).length === 1), 20_000, 'mails outside quiet hours');
    // Everyone's inbox has it at once.
    for (const g of fam.guardians) await until(async () => (await wholeInbox(g.api)).length === 1, 10_000, `inbox of ${g.name}`);

    const rows = await waitForRows(site.staff, fam.child.id, (rs) => rs.length === 12, 10_000, 'twelve rows');
    const held = (name: string) => rows.filter((r) => r.guardian.name === name && r.channel !== 'inapp');
    for (const r of held(quiet.name)) {
      expect(r.status, `${r.channel} of ${quiet.name}`).toBe('pending');
      expectSameInstant(r.next_attempt_at, '2027-06-10T16:00:00+09:00', 'held until 16:00');
    }
    for (const r of held(overnight.name)) {
      expect(r.status).toBe('pending');
      expectSameInstant(r.next_attempt_at, '2027-06-11T06:00:00+09:00', 'held until 06:00 the next morning');
    }
    expect(held(quiet.name)).toHaveLength(2);
    expect(held(overnight.name)).toHaveLength(2);
    expect(world.push.delivered(devices[0])).toEqual([]);
    expect(world.push.delivered(devices[1])).toEqual([]);
    expect(world.smtp.to(quiet.email!)).toEqual([]);
    expect(world.smtp.to(overnight.email!)).toEqual([]);

    // Move the clock past 16:00: the workers look for what became due.
    await world.server.setClock('2027-06-10T16:00:05+09:00');
    await world.push.waitFor(() => world.push.delivered(devices[0]).length === 1, 20_000, 'the held push after 16:00');
    await world.smtp.waitFor(() => world.smtp.to(quiet.email!).length === 1, 20_000, 'the held mail after 16:00');
    await waitForRows(
      site.staff,
      fam.child.id,
      (rs) => rs.filter((r) => r.guardian.name === quiet.name).length === 3 && rs.filter((r) => r.guardian.name === quiet.name).every((r) => r.status === 'delivered'),
      20_000,
      'the quiet guardian’s rows delivered',
    );
    const pushed = world.push.delivered(devices[0])[0];
    expect(pushed.payload).toMatchObject({ kind: 'arrival', child_id: fam.child.id });
    // Across midnight: still waiting for 06:00.
    const now = await waitForRows(site.staff, fam.child.id, () => true, 1000, 'rows');
    for (const r of now.filter((x) => x.guardian.name === overnight.name && x.channel !== 'inapp')) expect(r.status).toBe('pending');
    expect(world.push.delivered(devices[1])).toEqual([]);
    expect(world.smtp.to(overnight.email!)).toEqual([]);
  }, 90_000);
});

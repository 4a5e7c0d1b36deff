// Notifications are private: a guardian cannot read or mark another guardian's inbox
// items (404), not even within the same family, nor delete their push subscription; staff
// of another facility or organization cannot see a facility's delivery history (404 or
// nothing listed); guardians cannot list deliveries at all. Refusals change nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  allStaffNotifications,
  expectApiError,
  familyAt,
  newSite,
  newStaff,
  orThrow,
  stampAt,
  startNotifyWorld,
  subscribe,
  waitForRows,
  wholeInbox,
  type InboxItem,
  type NotifiedFamily,
  type NotifyWorld,
  type Site,
  type StaffNotification,
  type TestApi,
} from '../support';

let world: NotifyWorld;
let site: Site;
let fam: NotifiedFamily; // two guardians
let stranger: NotifiedFamily; // another family at the same facility
let rows: StaffNotification[];
let items: InboxItem[][];

beforeAll(async () => {
  world = await startNotifyWorld();
  site = await newSite(world.server, world.admin, { duplicate_window_seconds: 0 });
  fam = await familyAt(site, world.server, [{ email: true }, { email: true }]);
  stranger = await familyAt(site, world.server, [{ email: false }]);
  await subscribe(fam.guardians[0].api, world.push);
  await stampAt(site, fam.credential);
  await stampAt(site, stranger.credential);
  rows = await waitForRows(site.staff, fam.child.id, (rs) => rs.length === 5 && rs.every((r) => r.status === 'delivered'), 30_000, "the family's five rows delivered");
  items = [await wholeInbox(fam.guardians[0].api), await wholeInbox(fam.guardians[1].api)];
  expect(items.map((i) => i.length)).toEqual([1, 1]);
}, 60_000);
afterAll(async () => {
  await world?.close();
});

const call = async (p: Promise<{ status: number; body: any; headers: Headers }>) => orThrow(await p);

describe('guardians', () => {
  it("cannot mark another guardian's inbox item read, even in the same family (404); it stays unread", async () => {
    const theirs = items[1][0];
    for (const api of [fam.guardians[0].api, stranger.guardians[0].api]) {
      await expectApiError(call(api.request('POST', `/api/v1/me/notifications/${theirs.id}/read`)), 404, 'not_found');
    }
    // Their inbox stays as it was.
    const after = await fam.guardians[1].api.notifications();
    expect(after.unread_count).toBe(1);
    expect(after.items[0].read_at ?? null).toBeNull();
    // read-all marks one's own only.
    expect((await fam.guardians[0].api.request('POST', '/api/v1/me/notifications/read-all')).status).toBe(204);
    expect((await fam.guardians[0].api.notifications()).unread_count).toBe(0);
    expect((await fam.guardians[1].api.notifications()).unread_count).toBe(1);
  });

  it("list only their own items: never another guardian's or another family's", async () => {
    const mine = await wholeInbox(fam.guardians[0].api);
    const ids = new Set(mine.map((i) => i.id));
    expect(ids.has(items[1][0].id)).toBe(false);
    const strangers = await wholeInbox(stranger.guardians[0].api);
    expect(strangers.map((i) => i.child_id)).toEqual([stranger.child.id]);
    expect(JSON.stringify(strangers)).not.toContain(fam.child.name);
  });

  it("cannot delete another guardian's push subscription (404); it keeps working", async () => {
    const subs = orThrow(await fam.guardians[0].api.request('GET', '/api/v1/me/push-subscriptions')).items;
    expect(subs).toHaveLength(1);
    for (const api of [fam.guardians[1].api, stranger.guardians[0].api]) {
      await expectApiError(call(api.request('DELETE', `/api/v1/me/push-subscriptions/${subs[0].id}`)), 404, 'not_found');
      expect(orThrow(await api.request('GET', '/api/v1/me/push-subscriptions')).items).toEqual([]);
    }
    expect(orThrow(await fam.guardians[0].api.request('GET', '/api/v1/me/push-subscriptions')).items).toEqual(subs);
  });

  it('cannot list deliveries or read their history (staff only)', async () => {
    const g = fam.guardians[0].api;
    await expectApiError(call(g.request('GET', '/api/v1/notifications')), 403, 'permission_denied');
    const one = await g.request('GET', `/api/v1/notifications/${rows[0].id}`);
    expect([403, 404]).toContain(one.status);
    const retry = await g.request('POST', `/api/v1/notifications/${rows[0].id}/retry`);
    expect([403, 404]).toContain(retry.status);
  });
});

describe('staff of another facility or organization', () => {
  async function expectBlind(api: TestApi, what: string) {
    for (const r of rows.slice(0, 3)) {
      await expectApiError(call(api.request('GET', `/api/v1/notifications/${r.id}`)), 404, 'not_found');
      await expectApiError(call(api.request('POST', `/api/v1/notifications/${r.id}/retry`)), 404, 'not_found');
    }
    for (const q of [`facility_id=${site.facility.id}`, `child_id=${fam.child.id}`]) {
      const res = await api.request('GET', `/api/v1/notifications?${q}`);
      if (res.status === 200) expect(res.body.items, `${what}: ${q}`).toEqual([]);
      else expect(res.status, `${what}: ${q}`).toBe(404);
    }
    const all = await allStaffNotifications(api);
    const ids = new Set(rows.map((r) => r.id));
    expect(all.filter((r) => ids.has(r.id)), what).toEqual([]);
    expect(JSON.stringify(all)).not.toContain(fam.child.name);
  }

  it('another facility of the organization sees none of it', async () => {
    const other = await newSite(world.server, world.admin);
    const { api } = await newStaff(world.server, world.admin, [other.facility.id]);
    await expectBlind(api, 'staff of another facility');
  });

  it('another organization sees none of it', async () => {
    const adminB = await world.server.login(await world.server.createOrg('隣町こども課'));
    await expectBlind(adminB, 'admin of another organization');
  });

  it('staff of the facility and the organization admin see it all', async () => {
    const byStaff = await allStaffNotifications(site.staff, { child_id: fam.child.id });
    const byAdmin = await allStaffNotifications(world.admin, { child_id: fam.child.id });
    expect(byStaff.map((r) => r.id).sort()).toEqual(rows.map((r) => r.id).sort());
    expect(byAdmin.map((r) => r.id).sort()).toEqual(rows.map((r) => r.id).sort());
    const d = orThrow(await site.staff.request('GET', `/api/v1/notifications/${rows[0].id}`));
    expect(d).toMatchObject({ id: rows[0].id, history: expect.any(Array) });
    // The stranger's rows are listed for the facility but not under this child.
    const facility = await allStaffNotifications(site.staff, { facility_id: site.facility.id });
    expect(facility.some((r) => r.child_id === stranger.child.id)).toBe(true);
    expect(byStaff.every((r) => r.child_id === fam.child.id)).toBe(true);
  });
});

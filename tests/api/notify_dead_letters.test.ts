// Dead letters: with the mail server down and a give-up time of a few seconds, e-mail rows
// go `dead`; staff see them with their delivery history; a retry makes one pending again
// and, the mail server being back, it is delivered once. A permanent SMTP error (550)
// makes a row dead at its first attempt.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  allStaffNotifications,
  expectApiError,
  familyAt,
  metric,
  newSite,
  newStaff,
  orThrow,
  RFC3339,
  stampAt,
  startNotifyWorld,
  subscribe,
  waitForRows,
  type NotifyWorld,
  type Site,
  type StaffNotification,
  type StaffNotificationDetail,
} from '../support';

let world: NotifyWorld;
let site: Site;

beforeAll(async () => {
  world = await startNotifyWorld({ env: { TADAIMA_NOTIFY_GIVE_UP_SECONDS: '3', TADAIMA_NOTIFY_RETRY_MAX_SECONDS: '1' } });
  site = await newSite(world.server, world.admin, { duplicate_window_seconds: 0 });
});
afterAll(async () => {
  await world?.close();
});

const detail = async (id: string) => orThrow(await site.staff.request('GET', `/api/v1/notifications/${id}`)) as StaffNotificationDetail;
const mailRows = (rows: StaffNotification[]) => rows.filter((r) => r.channel === 'email');

describe('dead letters', () => {
  it('mail server down past the give-up time: e-mail rows dead with history; push and inbox unaffected; retry delivers once', async () => {
    const fam = await familyAt(site, world.server, [{ email: true }, { email: true }]);
    const { device } = await subscribe(fam.guardians[0].api, world.push);
    await world.smtp.stop();
    try {
      await stampAt(site, fam.credential);
      const rows = await waitForRows(site.staff, fam.child.id, (rs) => rs.length === 5 && mailRows(rs).every((r) => r.status === 'dead'), 30_000, 'both e-mail rows dead');
      for (const r of rows.filter((x) => x.channel !== 'email')) expect(r.status, r.channel).toBe('delivered');
      expect(world.push.delivered(device)).toHaveLength(1);

      const dead = mailRows(rows);
      for (const r of dead) {
        expect(r.attempts).toBeGreaterThanOrEqual(2);
        expect(r.last_error).toMatch(/\S/);
        expect(r.delivered_at ?? null).toBeNull();
        const d = await detail(r.id);
        expect(d).toMatchObject({ id: r.id, status: 'dead', channel: 'email', kind: 'arrival', child_id: fam.child.id });
        const results = d.history!.map((h) => h.result);
        expect(results.at(-1)).toBe('dead');
        expect(results.slice(0, -1).every((x) => x === 'retry')).toBe(true);
        expect(d.history!.length).toBe(d.attempts);
        for (const h of d.history!) {
          expect(h.at).toMatch(RFC3339);
          expect(h.detail).toMatch(/\S/);
        }
      }
      // Listed by status for the facility.
      const listed = await allStaffNotifications(site.staff, { facility_id: site.facility.id, status: 'dead' });
      expect(listed.map((r) => r.id).sort()).toEqual(expect.arrayContaining(dead.map((r) => r.id).sort()));
      expect(listed.every((r) => r.status === 'dead')).toBe(true);

      // Retrying while the mail server is still down: pending again, then dead again.
      const first = dead[0];
      const again = orThrow(await site.staff.request('POST', `/api/v1/notifications/${first.id}/retry`));
      expect(again).toMatchObject({ id: first.id, status: 'pending' });
      await waitForRows(site.staff, fam.child.id, (rs) => rs.find((r) => r.id === first.id)?.status === 'dead', 30_000, 'dead again');
    } finally {
      await world.smtp.start();
    }

    // The mail server is back: a retry delivers, exactly once; the other stays dead.
    const rows = await allStaffNotifications(site.staff, { child_id: fam.child.id });
    const [one, other] = mailRows(rows);
    const res = orThrow(await site.staff.request('POST', `/api/v1/notifications/${one.id}/retry`));
    expect(res.status).toBe('pending');
    const after = await waitForRows(site.staff, fam.child.id, (rs) => rs.find((r) => r.id === one.id)?.status === 'delivered', 20_000, 'the retried row delivered');
    expect(after.find((r) => r.id === other.id)!.status).toBe('dead');
    const mails = world.smtp.messages().filter((m) => m.messageId?.startsWith(`<${one.id}@`));
    expect(mails).toHaveLength(1);
    expect(world.smtp.messages().filter((m) => m.messageId?.startsWith(`<${other.id}@`))).toEqual([]);
    const d = await detail(one.id);
    expect(d.history!.at(-1)!.result).toBe('delivered');
    expect(d.delivered_at).toMatch(RFC3339);

    // Only a dead row can be retried; the delivered one is refused and stays delivered.
    const refused = await site.staff.request('POST', `/api/v1/notifications/${one.id}/retry`);
    expect(refused.status).toBeGreaterThanOrEqual(400);
    expect(refused.status).toBeLessThan(500);
    expect((await detail(one.id)).status).toBe('delivered');
    expect(world.smtp.messages().filter((m) => m.messageId?.startsWith(`<${one.id}@`))).toHaveLength(1);
  }, 120_000);

  it('a permanent SMTP error (550) makes the row dead at the first attempt', async () => {
    const fam = await familyAt(site, world.server, [{ email: true }]);
    await world.smtp.reply(550);
    try {
      await stampAt(site, fam.credential);
      const rows = await waitForRows(site.staff, fam.child.id, (rs) => mailRows(rs).length === 1 && mailRows(rs)[0].status !== 'pending', 20_000, 'the e-mail row final');
      const [r] = mailRows(rows);
      expect(r.status).toBe('dead');
      expect(r.attempts).toBe(1);
      expect(r.last_error).toMatch(/550/);
    } finally {
      await world.smtp.reply(250);
    }
    expect(await metric(world.server, 'tadaima_notification_deliveries_total', { channel: 'email' })).toBeGreaterThan(0);
  }, 60_000);

  it('staff of another facility can neither see nor retry a dead row (404)', async () => {
    const dead = await allStaffNotifications(site.staff, { facility_id: site.facility.id, status: 'dead' });
    expect(dead.length).toBeGreaterThan(0);
    const other = await newSite(world.server, world.admin);
    const { api } = await newStaff(world.server, world.admin, [other.facility.id]);
    for (const r of dead) {
      await expectApiError(orThrowP(api.request('GET', `/api/v1/notifications/${r.id}`)), 404, 'not_found');
      await expectApiError(orThrowP(api.request('POST', `/api/v1/notifications/${r.id}/retry`)), 404, 'not_found');
      expect((await detail(r.id)).status).toBe('dead');
    }
  });
});

async function orThrowP(p: Promise<{ status: number; body: any; headers: Headers }>) {
  return orThrow(await p);
}

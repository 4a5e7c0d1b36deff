// The children in a facility now (GET /facilities/{id}/on-site), for an evacuation or an
// emergency notice: today's visits without a departure, in order of arrival, each with the
// family's phone and the guardians' names; staff of the facility only. The server's test
// clock stands at 2027-06-10 15:00 in Tokyo and moves on by minutes between arrivals.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  clientId,
  enrolledFamily,
  expectApiError,
  newSite,
  startCheckinServer,
  type Site,
  type TestApi,
  type TestServer,
} from '../support';

let server: TestServer;
let admin: TestApi;
let a: Site;
let b: Site;

beforeAll(async () => {
  server = await startCheckinServer();
  admin = await server.login();
  a = await newSite(server, admin, { name: 'ひまわり児童クラブ' });
  b = await newSite(server, admin, { name: 'さくら児童クラブ' });
});
afterAll(async () => {
  await server?.close();
});

const stampAt = (site: Site, child_id: string, direction: 'in' | 'out') =>
  site.staff.stamp({ facility_id: site.facility.id, client_id: clientId(), child_id, direction });

describe('on site now', () => {
  it('lists the children in, by arrival, with the family phone and the guardians; not those who left', async () => {
    const yamada = await enrolledFamily(server, a.staff, [a.facility.id], {
      name: '山田家',
      phone: '090-1111-2222',
      guardians: [{ name: '山田 恵', relation: '母', email: 'megumi@example.jp' }, { name: '山田 健', relation: '父' }],
      children: [{ name: '山田 ひかり', name_kana: 'やまだ ひかり', birth_date: '2019-05-01' }],
    });
    const sato = await enrolledFamily(server, a.staff, [a.facility.id], {
      name: '佐藤家', phone: '03-3333-4444',
      guardians: [{ name: '佐藤 舞', relation: '母' }], children: [{ name: '佐藤 はる', birth_date: '2018-09-01' }],
    });
    const suzuki = await enrolledFamily(server, a.staff, [a.facility.id], {
      name: '鈴木家', guardians: [{ name: '鈴木 綾', relation: '母' }], children: [{ name: '鈴木 そら', birth_date: '2018-04-10' }],
    });
    expect((await a.staff.onSite(a.facility.id)).items).toEqual([]);

    await stampAt(a, sato.child.id, 'in');
    await server.advanceClock(60_000);
    await stampAt(a, yamada.child.id, 'in');
    await server.advanceClock(60_000);
    await stampAt(a, suzuki.child.id, 'in');
    await server.advanceClock(5 * 60_000);
    expect((await stampAt(a, suzuki.child.id, 'out')) as any).toMatchObject({ result: 'departed' }); // gone home

    const list = await a.staff.onSite(a.facility.id);
    expect(list.facility_id).toBe(a.facility.id);
    expect(list.items.map((i) => i.child.name)).toEqual(['佐藤 はる', '山田 ひかり']);
    const hikari = list.items[1];
    expect(hikari.child).toMatchObject({ id: yamada.child.id, name_kana: 'やまだ ひかり', grade: '小2' });
    expect(hikari.in_at).toBe('2027-06-10T15:01:00+09:00');
    expect(hikari.family).toEqual({ id: yamada.family.id, name: '山田家', phone: '090-1111-2222' });
    expect(hikari.guardians.map((g) => [g.name, g.relation, g.email]).sort()).toEqual([
      ['山田 健', '父', null], ['山田 恵', '母', 'megumi@example.jp'],
    ]);
    expect(list.items[0].family.phone).toBe('03-3333-4444');

    // The organization's administrator sees the same; another facility's list is its own.
    expect((await admin.onSite(a.facility.id)).items.length).toBe(2);
    expect((await b.staff.onSite(b.facility.id)).items).toEqual([]);
  });

  it('is for staff of the facility only', async () => {
    await expectApiError(b.staff.onSite(a.facility.id), 404, 'not_found');
    const family = await enrolledFamily(server, a.staff, [a.facility.id]);
    const e = await expectApiError(family.guardian.onSite(a.facility.id), 403, 'permission_denied');
    expect(e.reason).toBe('staff_only');
    const kiosk = await a.kiosk.request('GET', `/api/v1/facilities/${a.facility.id}/on-site`);
    expect(kiosk.status).toBe(403);
    const other = await server.login(await server.createOrg('となり市'));
    await expectApiError(other.onSite(a.facility.id), 404, 'not_found');
    await expectApiError(admin.onSite('nonexistent'), 404, 'not_found');
  });
});

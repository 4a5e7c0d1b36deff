// Drop-in rooms end to end through the running binary: a family's visit (組) with its
// adults by code or by staff, paper visitor forms (利用者票) counted in every statistic,
// and consultation records (相談記録) — staff only, audited, sealed at rest.
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  clientId,
  download,
  enrolledFamily,
  familyResult,
  newSite,
  serverNow,
  startCheckinServer,
  type Site,
  type TestApi,
  type TestServer,
} from '../support';

let server: TestServer;
let admin: TestApi;
let room: Site; // a drop-in room
let otherRoom: Site; // another drop-in room of the organization
let club: Site; // an after-school club
let family: Awaited<ReturnType<typeof enrolledFamily>>;
let otherAdmin: TestApi;

const req = (who: Pick<TestApi, 'request'>, method: Parameters<TestApi['request']>[0], path: string, body?: unknown) =>
  who.request(method, path, body);
const today = () => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Tokyo' }).format(serverNow());
const hoursAgo = (h: number) => new Date(serverNow().getTime() - h * 3600_000).toISOString();

beforeAll(async () => {
  server = await startCheckinServer();
  admin = await server.login();
  // No duplicate window: the test clock stands still, and the same code goes in and out at once.
  room = await newSite(server, admin, { kind: 'drop_in', duplicate_window_seconds: 0 });
  otherRoom = await newSite(server, admin, { kind: 'drop_in' });
  club = await newSite(server, admin);
  family = await enrolledFamily(server, room.staff, [room.facility.id], {
    children: [
      { name: '森 ひなた', name_kana: 'もり ひなた', birth_date: '2026-03-01' },
      { name: '森 そうた', name_kana: 'もり そうた', birth_date: '2024-01-15' },
    ],
  });
  otherAdmin = await server.login(await server.createOrg('隣町こども課'));
}, 120_000);
afterAll(async () => server?.close());

describe('a family visit at a drop-in room', () => {
  it('one stamp of the family code is one visit (組) with the chosen children and adults', async () => {
    const credential = (await room.staff.familyCredential(family.family.id)).text;
    const preview = (await req(room.kiosk, 'POST', '/api/v1/stamps/preview', { facility_id: room.facility.id, credential })).body;
    expect(preview.asks_adults).toBe(true);
    const [hinata, sota] = family.family.children;
    const answer = await req(room.kiosk, 'POST', '/api/v1/stamps', {
      facility_id: room.facility.id, client_id: clientId(), credential, child_ids: [hinata.id], adults: 2,
    });
    expect(answer.status).toBe(201);
    const results = familyResult(answer.body).results;
    expect(results.map((r) => [r.result, r.visit.child.id, r.visit.adults])).toEqual([['arrived', hinata.id, 2]]);
    expect(answer.body.group).toEqual({ id: results[0].visit.group_id, adults: 2, children: 1 });
    // Later the other child arrives by staff's hand with the default one adult: a second visit.
    const byHand = await req(room.staff, 'POST', '/api/v1/stamps', {
      facility_id: room.facility.id, client_id: clientId(), family_id: family.family.id, child_ids: [sota.id], direction: 'in',
    });
    expect(byHand.status).toBe(201);
    expect(byHand.body.group).toMatchObject({ adults: 1, children: 1 });
    expect(byHand.body.results[0].visit.group_id).not.toBe(results[0].visit.group_id);
    const day = today();
    const stats = (await req(room.staff, 'GET', `/api/v1/stats/visits?facility_id=${room.facility.id}&from=${day}&to=${day}&group_by=day`)).body;
    expect(stats.total).toEqual({ visits: 2, children: 2, adults: 3, families: 1 });
    // Both leave with one scan: departures form no group.
    const out = await req(room.kiosk, 'POST', '/api/v1/stamps', { facility_id: room.facility.id, client_id: clientId(), credential, direction: 'out' });
    expect(familyResult(out.body).results.map((r) => r.result)).toEqual(['departed', 'departed']);
    expect(out.body.group).toBeUndefined();
  });

  it('a replayed stamp answers its group again and records nothing new', async () => {
    const credential = (await room.staff.familyCredential(family.family.id)).text;
    const body = { facility_id: room.facility.id, client_id: clientId(), credential, adults: 3, direction: 'in' };
    const first = await req(room.kiosk, 'POST', '/api/v1/stamps', body);
    const again = await req(room.kiosk, 'POST', '/api/v1/stamps', body);
    expect([first.status, again.status]).toEqual([201, 200]);
    expect(again.body.group).toEqual(first.body.group);
    expect(first.body.group).toMatchObject({ adults: 3, children: 2 });
    await req(room.kiosk, 'POST', '/api/v1/stamps', { facility_id: room.facility.id, client_id: clientId(), credential, direction: 'out' });
  });

  it('refuses adults elsewhere, out of range, and a family by hand from a locked kiosk', async () => {
    const clubFamily = await enrolledFamily(server, club.staff, [club.facility.id]);
    const credential = (await club.staff.familyCredential(clubFamily.family.id)).text;
    const preview = (await req(club.kiosk as TestApi, 'POST', '/api/v1/stamps/preview', { facility_id: club.facility.id, credential })).body;
    expect(preview.asks_adults).toBe(false);
    const elsewhere = await req(club.kiosk as TestApi, 'POST', '/api/v1/stamps', { facility_id: club.facility.id, client_id: clientId(), credential, adults: 1 });
    expect([elsewhere.status, elsewhere.body.error.field_reasons]).toEqual([400, { adults: 'not_drop_in' }]);
    const tooMany = await req(room.staff, 'POST', '/api/v1/stamps', { facility_id: room.facility.id, client_id: clientId(), family_id: family.family.id, adults: 21 });
    expect([tooMany.status, tooMany.body.error.field_reasons]).toEqual([400, { adults: 'out_of_range' }]);
    const both = await req(room.staff, 'POST', '/api/v1/stamps', { facility_id: room.facility.id, client_id: clientId(), family_id: family.family.id, child_id: family.child.id });
    expect(both.body.error.field_reasons).toEqual({ credential: 'credential_or_child' });
    const locked = await req(room.kiosk, 'POST', '/api/v1/stamps', { facility_id: room.facility.id, client_id: clientId(), family_id: family.family.id });
    expect([locked.status, locked.body.error.reason]).toEqual([403, 'kiosk_locked']);
    const foreign = await req(otherRoom.staff, 'POST', '/api/v1/stamps', { facility_id: room.facility.id, client_id: clientId(), family_id: family.family.id });
    expect(foreign.status).toBe(404);
    const notEnrolled = await req(otherRoom.staff, 'POST', '/api/v1/stamps', { facility_id: otherRoom.facility.id, client_id: clientId(), family_id: family.family.id });
    expect(notEnrolled.body.error.field_reasons).toEqual({ family_id: 'not_enrolled' });
  });
});

describe('paper visitor forms (利用者票)', () => {
  const form = (over: Record<string, unknown> = {}) => ({
    client_id: clientId(), visited_at: hoursAgo(1), adults: 1, children: [{ age_months: 14 }], area: '中央町', ...over,
  });
  const walkIns = (who: TestApi, site: Site = room) => req(who, 'GET', `/api/v1/facilities/${site.facility.id}/walk-ins?from=${today()}`);

  it('records a form once per client_id, lists it, and counts it in the statistics', async () => {
    const day = today();
    const stats = async () => (await req(room.staff, 'GET', `/api/v1/stats/visits?facility_id=${room.facility.id}&from=${day}&to=${day}&group_by=age_band`)).body;
    const before = await stats();
    const input = form({ adults: 2, children: [{ age_months: 14 }, { birth_date: '2025-01-20' }, { grade: '小2' }] });
    const made = await req(room.staff, 'POST', `/api/v1/facilities/${room.facility.id}/walk-ins`, input);
    expect(made.status).toBe(201);
    expect(made.body.walk_in).toMatchObject({
      adults: 2, area: '中央町', family_id: null,
      children: [
        { age_months: 14, birth_date: null, grade: null, age_band: '1歳' },
        { birth_date: '2025-01-20', age_band: expect.stringMatching(/^[12]歳$/) },
        { grade: '小2', age_band: '小学生' },
      ],
    });
    const again = await req(room.staff, 'POST', `/api/v1/facilities/${room.facility.id}/walk-ins`, input);
    expect([again.status, again.body.walk_in.id]).toEqual([200, made.body.walk_in.id]);
    // The contract's body has no client_id: each such form is a form of its own.
    const { client_id: _, ...plain } = form({ adults: 1, children: [] });
    const first = await req(room.staff, 'POST', `/api/v1/facilities/${room.facility.id}/walk-ins`, plain);
    const second = await req(room.staff, 'POST', `/api/v1/facilities/${room.facility.id}/walk-ins`, plain);
    expect([first.status, second.status]).toEqual([201, 201]);
    expect(first.body.walk_in.id).not.toBe(second.body.walk_in.id);
    for (const w of [first, second]) await req(room.staff, 'DELETE', `/api/v1/walk-ins/${w.body.walk_in.id}`);
    expect((await walkIns(room.staff)).body.items.filter((w: any) => w.id === made.body.walk_in.id)).toHaveLength(1);
    // An adult alone (a parent-to-be) is a visit too.
    await req(room.staff, 'POST', `/api/v1/facilities/${room.facility.id}/walk-ins`, form({ children: [] }));
    const after = await stats();
    expect(after.total.visits - before.total.visits).toBe(2);
    expect(after.total.children - before.total.children).toBe(3);
    expect(after.total.adults - before.total.adults).toBe(3);
    const band = (s: any, key: string) => s.items.find((i: any) => i.key === key);
    expect(band(after, '1歳').children - band(before, '1歳').children).toBeGreaterThanOrEqual(1);
    expect(band(after, '小学生').children - band(before, '小学生').children).toBe(1);
    // The monthly report counts it as well.
    const month = day.slice(0, 7);
    const report = (await req(room.staff, 'GET', `/api/v1/reports/monthly?facility_id=${room.facility.id}&month=${month}&format=json`)).body;
    const line = report.facilities[0].days.find((d: any) => d.date === day);
    expect(line.visits).toBe(after.total.visits);
    expect(line.adults).toBe(after.total.adults);
    expect(line.children).toBe(after.total.children);
  });

  it('names each bad field and records nothing', async () => {
    const before = (await walkIns(room.staff)).body.items.length;
    const post = (body: unknown) => req(room.staff, 'POST', `/api/v1/facilities/${room.facility.id}/walk-ins`, body);
    const cases: [unknown, Record<string, string>][] = [
      [form({ children: [{ age_months: 3, grade: '小1' }] }), { 'children[0]': 'one_age_kind' }],
      [form({ children: [{}] }), { 'children[0]': 'one_age_kind' }],
      [form({ children: [{ birth_date: '2999-01-01' }] }), { 'children[0].birth_date': 'future_date' }],
      [form({ children: [{ grade: '高1' }] }), { 'children[0].grade': 'not_a_choice' }],
      [form({ children: [{ age_months: 216 }] }), { 'children[0].age_months': 'out_of_range' }],
      [form({ adults: 0, children: [] }), { adults: 'nobody_came' }],
      [form({ visited_at: new Date(serverNow().getTime() + 3600_000).toISOString() }), { visited_at: 'future_date' }],
      [form({ client_id: 'x' }), { client_id: 'not_uuid' }],
      [form({ adults: undefined }), { adults: 'required' }],
      [form({ extra: 1 }), { extra: 'unknown_field' }],
    ];
    for (const [body, fields] of cases) {
      const res = await post(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.field_reasons, JSON.stringify(body)).toEqual(fields);
    }
    const missingFamily = await post(form({ family_id: 'nope' }));
    expect([missingFamily.status, missingFamily.body.error.field_reasons]).toEqual([404, { family_id: 'no_such_family' }]);
    const atClub = await req(club.staff, 'POST', `/api/v1/facilities/${club.facility.id}/walk-ins`, form());
    expect([atClub.status, atClub.body.error.field_reasons]).toEqual([400, { facility_id: 'not_drop_in' }]);
    expect((await walkIns(room.staff)).body.items.length).toBe(before);
  });

  it('links a form to a family later, deletes a mistyped one, and keeps both in the audit log', async () => {
    const made = (await req(room.staff, 'POST', `/api/v1/facilities/${room.facility.id}/walk-ins`, form())).body.walk_in;
    const linked = await req(room.staff, 'PATCH', `/api/v1/walk-ins/${made.id}`, { family_id: family.family.id });
    expect(linked.body.walk_in).toMatchObject({ family_id: family.family.id, family_name: family.family.name });
    const unlinked = await req(room.staff, 'PATCH', `/api/v1/walk-ins/${made.id}`, { family_id: null });
    expect(unlinked.body.walk_in.family_id).toBeNull();
    expect((await req(room.staff, 'PATCH', `/api/v1/walk-ins/${made.id}`, {})).body.error.field_reasons).toEqual({ family_id: 'required_or_null' });
    expect((await req(room.staff, 'DELETE', `/api/v1/walk-ins/${made.id}`)).status).toBe(204);
    expect((await walkIns(room.staff)).body.items.map((w: any) => w.id)).not.toContain(made.id);
    expect((await req(room.staff, 'DELETE', `/api/v1/walk-ins/${made.id}`)).status).toBe(404);
  });

  it('is the room\'s staff\'s only: other rooms, organizations and families get 404', async () => {
    const made = (await req(room.staff, 'POST', `/api/v1/facilities/${room.facility.id}/walk-ins`, form())).body.walk_in;
    for (const who of [otherRoom.staff, otherAdmin]) {
      expect((await walkIns(who)).status).toBe(404);
      expect((await req(who, 'PATCH', `/api/v1/walk-ins/${made.id}`, { family_id: null })).status).toBe(404);
      expect((await req(who, 'DELETE', `/api/v1/walk-ins/${made.id}`)).status).toBe(404);
      expect((await req(who, 'POST', `/api/v1/facilities/${room.facility.id}/walk-ins`, form())).status).toBe(404);
    }
    expect((await walkIns(family.guardian)).status).toBe(403);
    expect((await walkIns(admin)).body.items.map((w: any) => w.id)).toContain(made.id);
  });
});

describe('consultation records (相談記録)', () => {
  const secret = `言葉の発達について相談。${clientId()}`;
  const record = (over: Record<string, unknown> = {}) => ({
    facility_id: room.facility.id, category: 'development', body: secret, occurred_at: hoursAgo(2), follow_up_on: '2027-07-10', ...over,
  });
  const path = () => `/api/v1/families/${family.family.id}/consultations`;

  it('staff record one; every room the family uses reads it; reads and writes are audited', async () => {
    const made = await req(room.staff, 'POST', path(), record());
    // Not yet enrolled at the other room: its staff do not see the family at all.
    expect((await req(otherRoom.staff, 'GET', path())).status).toBe(404);
    const moved = await req(admin, 'POST', '/api/v1/enrollments', { facility_id: otherRoom.facility.id, family_id: family.family.id });
    expect(moved.status, JSON.stringify(moved.body)).toBe(201);
    expect(made.status).toBe(201);
    expect(made.body.consultation).toMatchObject({ category: 'development', body: secret, facility_id: room.facility.id, follow_up_on: '2027-07-10' });
    const shared = await req(otherRoom.staff, 'GET', path());
    expect(shared.body.items.map((c: any) => c.body)).toEqual([secret]);
    const changed = await req(otherRoom.staff, 'PATCH', `/api/v1/consultations/${made.body.consultation.id}`, { follow_up_on: null, category: 'parenting' });
    expect(changed.body.consultation).toMatchObject({ follow_up_on: null, category: 'parenting', body: secret });
    const csv = await download(server, room.staff, `${path()}.csv`);
    expect(csv.status).toBe(200);
    expect(csv.bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(csv.text).toContain(secret);
    expect(csv.text).toContain('子育て');
    const audit = (await req(admin, 'GET', `/api/v1/audit?subject=${family.family.id}`)).body.items as any[];
    const actions = audit.map((a) => a.action);
    for (const a of ['consultation.create', 'consultation.read', 'consultation.update', 'consultation.export']) expect(actions).toContain(a);
    expect(audit.find((a) => a.action === 'consultation.read').actor.id).toBeTruthy();
    for (const who of [room.staff, otherAdmin, family.guardian]) expect((await req(who, 'GET', `/api/v1/audit?subject=${family.family.id}`)).status).toBe(404);
    expect((await req(admin, 'GET', '/api/v1/audit')).body.error.field_reasons).toEqual({ subject: 'required' });
  });

  it('names bad fields; staff record only at a room they cover', async () => {
    const cases: [unknown, Record<string, string>][] = [
      [record({ category: 'gossip' }), { category: 'not_a_choice' }],
      [record({ body: '   ' }), { body: 'required' }],
      [record({ body: 'あ'.repeat(4001) }), { body: 'too_long' }],
      [record({ occurred_at: new Date(serverNow().getTime() + 3600_000).toISOString() }), { occurred_at: 'future_date' }],
      [record({ follow_up_on: '7月10日' }), { follow_up_on: 'not_date' }],
      [record({ facility_id: undefined }), { facility_id: 'required' }],
    ];
    for (const [body, fields] of cases) {
      const res = await req(room.staff, 'POST', path(), body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.field_reasons, JSON.stringify(body)).toEqual(fields);
    }
    const notCovered = await req(room.staff, 'POST', path(), record({ facility_id: otherRoom.facility.id }));
    expect([notCovered.status, notCovered.body.error.field_reasons]).toEqual([404, { facility_id: 'no_such_facility' }]);
  });

  it('families, other organizations and other facilities\' staff never see them (404), kiosks are refused', async () => {
    for (const who of [family.guardian, otherAdmin, club.staff]) {
      expect((await req(who, 'GET', path())).status).toBe(404);
      expect((await req(who, 'POST', path(), record())).status).toBe(404);
    }
    // A kiosk is no staff member: refused before anything is looked up.
    expect((await req(room.kiosk, 'GET', path())).status).toBe(403);
    const id = (await req(room.staff, 'GET', path())).body.items[0].id;
    expect((await req(family.guardian, 'PATCH', `/api/v1/consultations/${id}`, { body: 'x' })).status).toBe(404);
    expect((await req(otherAdmin, 'PATCH', `/api/v1/consultations/${id}`, { body: 'x' })).status).toBe(404);
    expect((await download(server, family.guardian, `${path()}.csv`)).status).toBe(404);
    const me = await req(family.guardian, 'GET', `/api/v1/families/${family.family.id}`);
    expect(JSON.stringify(me.body)).not.toContain(secret);
  });

  it('the stored database holds no consultation text', async () => {
    const stored = await storedBytes(server);
    expect(stored.length).toBeGreaterThan(0);
    expect(stored.includes(Buffer.from('言葉の発達について相談'))).toBe(false);
    // The same stored bytes do hold the family's name: the search would find plain text.
    expect(stored.includes(Buffer.from(family.family.name))).toBe(true);
  });
});

/** What a copy of the database holds: SQLite's file and its WAL, or PostgreSQL's dump. */
async function storedBytes(s: TestServer): Promise<Buffer> {
  if (s.db === 'sqlite') {
    const file = s.dbUrl.replace(/^sqlite:/, '');
    return Buffer.concat([file, `${file}-wal`].filter(existsSync).map((f) => readFileSync(f)));
  }
  const { stdout } = await promisify(execFile)('pg_dump', ['--data-only', s.dbUrl], { maxBuffer: 256 * 1024 * 1024, encoding: 'buffer' });
  return stdout as Buffer;
}

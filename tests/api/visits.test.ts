// The visits list (filters, paging, CSV export), staff corrections with a reason, and the
// day's roster of a facility.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addDate,
  allVisits,
  childResult,
  clientId,
  download,
  enrolledFamily,
  expectApiError,
  expectInvalid,
  expectSameInstant,
  newSite,
  orThrow,
  secondsFromNow,
  serverNow,
  startCheckinServer,
  todayIn,
  tokyo,
  uid,
  type Site,
  type TestApi,
  type TestServer,
} from '../support';
import type { Visit } from '../../web/src/shared/types';

let server: TestServer;
let admin: TestApi;
let site: Site;

beforeAll(async () => {
  server = await startCheckinServer();
  admin = await server.login();
  site = await newSite(server, admin, { duplicate_window_seconds: 0 });
});
afterAll(async () => {
  await server?.close();
});

async function child(s: Site = site, over: Parameters<typeof enrolledFamily>[3] = {}) {
  const f = await enrolledFamily(server, s.staff, [s.facility.id], over);
  const credential = (await s.staff.childCredential(f.child.id)).text;
  const stamp = async (extra: { scanned_at?: string; pickup_by?: string } = {}) =>
    childResult(await s.kiosk.stamp({ facility_id: s.facility.id, client_id: clientId(), credential, ...extra })).visit;
  return { ...f, credential, stamp };
}

/** Splits CSV text (RFC 4180: quoted fields may hold commas, quotes and line breaks) into rows. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field), rows.push(row), (row = []), (field = '');
    } else field += c;
  }
  if (field !== '' || row.length > 0) row.push(field), rows.push(row);
  return rows;
}

describe('the visits list', () => {
  let s: Site;
  let a: Awaited<ReturnType<typeof child>>;
  let b: Awaited<ReturnType<typeof child>>;
  let old: Visit, today1: Visit, today2: Visit;

  beforeAll(async () => {
    s = await newSite(server, admin, { duplicate_window_seconds: 0 });
    a = await child(s);
    b = await child(s);
    // Two days ago (a queued scan), and today.
    await a.stamp({ scanned_at: tokyo(secondsFromNow(-50 * 3600)) });
    old = await a.stamp({ scanned_at: tokyo(secondsFromNow(-49 * 3600)) });
    today1 = await a.stamp({ scanned_at: tokyo(secondsFromNow(-120)) });
    today2 = await b.stamp();
  });

  it('lists a facility’s visits newest first', async () => {
    const visits = await allVisits(s.staff, { facility_id: s.facility.id });
    expect(visits.map((v) => v.id)).toEqual([today2.id, today1.id, old.id]);
    expect(visits[2]).toEqual(old);
  });

  it('filters by child, by date range and by needs_review', async () => {
    expect((await allVisits(s.staff, { child_id: b.child.id })).map((v) => v.id)).toEqual([today2.id]);
    expect((await allVisits(s.staff, { facility_id: s.facility.id, child_id: a.child.id })).map((v) => v.id)).toEqual([today1.id, old.id]);
    const today = todayIn('Asia/Tokyo', serverNow());
    const oldDay = todayIn('Asia/Tokyo', new Date(Date.parse(old.in_at)));
    expect((await allVisits(s.staff, { facility_id: s.facility.id, from: today, to: today })).map((v) => v.id)).toEqual([today2.id, today1.id]);
    expect((await allVisits(s.staff, { facility_id: s.facility.id, from: oldDay, to: oldDay })).map((v) => v.id)).toEqual([old.id]);
    expect((await allVisits(s.staff, { facility_id: s.facility.id, to: addDate(today, { days: -1 }) })).map((v) => v.id)).toEqual([old.id]);
    expect((await allVisits(s.staff, { facility_id: s.facility.id, from: addDate(today, { days: 1 }) }))).toEqual([]);
    expect(await allVisits(s.staff, { facility_id: s.facility.id, needs_review: true })).toEqual([]);
  });

  it('pages with limit and cursor', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: { items: Visit[]; next_cursor: string | null } = await s.staff.listVisits({ facility_id: s.facility.id, limit: 1, cursor });
      expect(page.items.length).toBeLessThanOrEqual(1);
      seen.push(...page.items.map((v) => v.id));
      cursor = page.next_cursor;
      pages++;
    } while (cursor && pages < 10);
    expect(seen).toEqual([today2.id, today1.id, old.id]);
  });

  it('refuses malformed filters', async () => {
    const bad = async (q: string, field: string) => {
      const res = await s.staff.request('GET', `/api/v1/visits?${q}`);
      expect(res.status, `${q}: ${JSON.stringify(res.body)}`).toBe(400);
      expect(Object.keys(res.body.error.fields ?? {})).toContain(field);
    };
    await bad('from=2026-13-01', 'from');
    await bad('to=tomorrow', 'to');
    await bad('limit=0', 'limit');
    await bad('needs_review=maybe', 'needs_review');
    await bad('format=xml', 'format');
  });

  it('staff see only their facilities’ visits; guardians only their own child’s', async () => {
    expect((await allVisits(site.staff)).map((v) => v.facility_id)).not.toContain(s.facility.id);
    await expectApiError(site.staff.listVisits({ facility_id: s.facility.id }), 404, 'not_found');
    const own = await allVisits(a.guardian, { child_id: a.child.id });
    expect(own.length).toBeGreaterThan(0);
    expect(own).toEqual(await allVisits(admin, { child_id: a.child.id }));
    await expectApiError(a.guardian.listVisits({ child_id: b.child.id }), 404, 'not_found');
    await expectInvalid(a.guardian.listVisits({ facility_id: s.facility.id }), 'child_id');
    expect((await allVisits(admin, { facility_id: s.facility.id })).map((v) => v.id)).toEqual([today2.id, today1.id, old.id]);
  });

  it('CSV: UTF-8 with BOM, the header row, one line per visit', async () => {
    const csv = await download(server, s.staff, `/api/v1/visits?facility_id=${s.facility.id}&format=csv`);
    expect(csv.status).toBe(200);
    expect(csv.type).toMatch(/^text\/csv/);
    expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(csv.text.slice(1)).filter((r) => !(r.length === 1 && r[0] === ''));
    expect(rows[0].join(',')).toBe('日付,施設,児童,入館,退館,お迎え,方法,要確認');
    expect(rows).toHaveLength(4);
    for (const r of rows) expect(r).toHaveLength(8);
    const body = rows.slice(1);
    expect(body.map((r) => r[2])).toEqual([b.child.name, a.child.name, a.child.name]);
    for (const r of body) expect(r[1]).toBe(s.facility.name);
    expect(body[2][0]).toBe(todayIn('Asia/Tokyo', new Date(Date.parse(old.in_at))));
    expect(body[0][4], 'an open visit has no 退館').toBe('');
  });

  it('CSV follows the filters and quotes names that need it', async () => {
    const odd = await child(s, { children: [{ name: `小林, "次郎" ${uid()}`, birth_date: '2017-02-02' }] });
    await odd.stamp();
    const csv = await download(server, s.staff, `/api/v1/visits?child_id=${odd.child.id}&format=csv`);
    expect(csv.status).toBe(200);
    const rows = parseCsv(csv.text.replace(/^\uFEFF/, '')).filter((r) => !(r.length === 1 && r[0] === ''));
    expect(rows).toHaveLength(2);
    expect(rows[1]).toHaveLength(8);
    expect(rows[1][2]).toBe(odd.child.name);
  });
});

describe('corrections (PATCH visits/{id})', () => {
  it('needs a reason (1..200 characters); without one nothing changes', async () => {
    const c = await child();
    const v = await c.stamp();
    const out_at = tokyo(secondsFromNow(30));
    for (const patch of [{ out_at }, { out_at, reason: '' }, { out_at, reason: 'あ'.repeat(201) }]) {
      await expectInvalid(site.staff.request('PATCH', `/api/v1/visits/${v.id}`, patch).then(orThrow), 'reason');
    }
    expect(await allVisits(site.staff, { child_id: c.child.id })).toEqual([v]);
  });

  it('corrects the times, answers the visit, and the list agrees', async () => {
    const c = await child();
    const v = await c.stamp({ scanned_at: tokyo(secondsFromNow(-3600)) });
    const in_at = tokyo(secondsFromNow(-3 * 3600));
    const out_at = tokyo(secondsFromNow(-2 * 3600));
    const res = await site.staff.request('PATCH', `/api/v1/visits/${v.id}`, { in_at, out_at, reason: '打刻忘れのため職員が修正' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const fixed: Visit = res.body.visit;
    expect(fixed).toMatchObject({ id: v.id, child: v.child, facility_id: v.facility_id, needs_review: false });
    expectSameInstant(fixed.in_at, in_at, 'in_at');
    expectSameInstant(fixed.out_at, out_at, 'out_at');
    expect(await allVisits(site.staff, { child_id: c.child.id })).toEqual([fixed]);
    const roster = await site.staff.roster(site.facility.id);
    expect(roster.items.find((i) => i.child.id === c.child.id)).toMatchObject({ status: 'left', visit_id: v.id });

    // Only out_at: in_at stays.
    const later = tokyo(secondsFromNow(-90 * 60));
    const again = await site.staff.updateVisit(v.id, { out_at: later, reason: '退館時刻の訂正' });
    expectSameInstant(again.in_at, in_at, 'in_at kept');
    expectSameInstant(again.out_at, later, 'out_at');
  });

  it('out_at before in_at is 400 and changes nothing', async () => {
    const c = await child();
    const v = await c.stamp({ scanned_at: tokyo(secondsFromNow(-3600)) });
    await expectInvalid(site.staff.updateVisit(v.id, { out_at: tokyo(secondsFromNow(-2 * 3600)), reason: '誤り' }), 'out_at');
    await expectApiError(
      site.staff.updateVisit(v.id, { in_at: tokyo(secondsFromNow(-60)), out_at: tokyo(secondsFromNow(-120)), reason: '誤り' }),
      400,
      'invalid_argument',
    );
    const closed = await c.stamp();
    await expectApiError(site.staff.updateVisit(v.id, { in_at: tokyo(secondsFromNow(600)), reason: '誤り' }), 400, 'invalid_argument');
    expect(await allVisits(site.staff, { child_id: c.child.id })).toEqual([closed]);
  });

  it('refuses unknown fields and malformed times', async () => {
    const c = await child();
    const v = await c.stamp();
    const bad = async (patch: unknown, field: string) => {
      const res = await site.staff.request('PATCH', `/api/v1/visits/${v.id}`, patch);
      expect(res.status, JSON.stringify(res.body)).toBe(400);
      expect(Object.keys(res.body.error.fields ?? {})).toContain(field);
    };
    await bad({ reason: 'x', child_id: 'other' }, 'child_id');
    await bad({ reason: 'x', out_at: '19:00' }, 'out_at');
    await bad({ reason: 'x', in_at: null }, 'in_at');
    expect(await allVisits(site.staff, { child_id: c.child.id })).toEqual([v]);
  });

  it('staff of another facility get 404, guardians 403; nothing changes', async () => {
    const c = await child();
    const v = await c.stamp();
    const other = await newSite(server, admin);
    const patch = { out_at: tokyo(secondsFromNow(0)), reason: '不正' };
    await expectApiError(other.staff.updateVisit(v.id, patch), 404, 'not_found');
    await expectApiError(c.guardian.updateVisit(v.id, patch), 403, 'permission_denied');
    await expectApiError(site.staff.updateVisit('no-such-visit', patch), 404, 'not_found');
    expect(await allVisits(site.staff, { child_id: c.child.id })).toEqual([v]);
  });
});

describe('the roster', () => {
  it('lists the enrolled children with status present / left / unplanned and times, by kana', async () => {
    const s = await newSite(server, admin, { duplicate_window_seconds: 0 });
    const tag = uid();
    const sa = await child(s, { children: [{ name: `佐藤 ${tag}`, name_kana: 'さとう', birth_date: '2017-06-01' }] });
    const ka = await child(s, { children: [{ name: `加藤 ${tag}`, name_kana: 'かとう', birth_date: '2016-06-01' }] });
    const a = await child(s, { children: [{ name: `安藤 ${tag}`, name_kana: 'あんどう', birth_date: '2018-06-01' }] });
    const notHere = await enrolledFamily(server, admin, []);

    const inAt = secondsFromNow(-2 * 3600);
    const present = await ka.stamp({ scanned_at: tokyo(inAt) });
    await sa.stamp({ scanned_at: tokyo(secondsFromNow(-3 * 3600)) });
    const left = await sa.stamp({ scanned_at: tokyo(secondsFromNow(-3600)), pickup_by: '母' });

    const res = await s.staff.request('GET', `/api/v1/facilities/${s.facility.id}/roster`);
    expect(res.status).toBe(200);
    const roster = res.body;
    expect(roster.date).toBe(todayIn('Asia/Tokyo', serverNow()));
    expect(roster.items.map((i: any) => i.child.id)).toEqual([a.child.id, ka.child.id, sa.child.id]);
    expect(roster.items.map((i: any) => i.child.id)).not.toContain(notHere.child.id);
    const [ia, ika, isa] = roster.items;
    expect(ia).toMatchObject({
      child: { id: a.child.id, name: a.child.name, name_kana: 'あんどう', grade: a.child.grade },
      status: 'unplanned',
      in_at: null,
      out_at: null,
      visit_id: null,
      pickup_by: null,
      needs_review: false,
    });
    expect(ika).toMatchObject({ status: 'present', visit_id: present.id, out_at: null, needs_review: false });
    expectSameInstant(ika.in_at, inAt, 'present in_at');
    expect(isa).toMatchObject({ status: 'left', visit_id: left.id, pickup_by: '母' });
    expectSameInstant(isa.in_at, left.in_at, 'left in_at');
    expectSameInstant(isa.out_at, left.out_at!, 'left out_at');

    // A stamp changes the roster (the admin polls it).
    await a.stamp();
    const after = await s.staff.roster(s.facility.id);
    expect(after.items.find((i) => i.child.id === a.child.id)?.status).toBe('present');
  });

  it('takes a date; another day shows that day’s visits', async () => {
    const s = await newSite(server, admin, { duplicate_window_seconds: 0 });
    const c = await child(s);
    await c.stamp({ scanned_at: tokyo(secondsFromNow(-50 * 3600)) });
    const v = await c.stamp({ scanned_at: tokyo(secondsFromNow(-49 * 3600)) });
    const day = todayIn('Asia/Tokyo', new Date(Date.parse(v.in_at)));
    const then = await s.staff.roster(s.facility.id, day);
    expect(then.date).toBe(day);
    expect(then.items.find((i) => i.child.id === c.child.id)).toMatchObject({ status: 'left', visit_id: v.id });
    const today = await s.staff.roster(s.facility.id);
    expect(today.items.find((i) => i.child.id === c.child.id)).toMatchObject({ in_at: null, visit_id: null });
    const e = await expectInvalid(s.staff.roster(s.facility.id, '2026-02-30'), 'date');
    expect(e.status).toBe(400);
  });

  it('a drop-in room lists the children of enrolled families', async () => {
    const room = await newSite(server, admin, { kind: 'drop_in', duplicate_window_seconds: 0 });
    const f = await enrolledFamily(server, room.staff, [room.facility.id], {
      children: [
        { name: `乳児 ${uid()}`, birth_date: '2024-01-01' },
        { name: `幼児 ${uid()}`, birth_date: '2022-01-01' },
      ],
    });
    const roster = await room.staff.roster(room.facility.id);
    expect(roster.items.map((i) => i.child.id).sort()).toEqual(f.family.children.map((c) => c.id).sort());
  });

  it('is for staff of the facility only', async () => {
    const other = await newSite(server, admin);
    const c = await child();
    await expectApiError(other.staff.roster(site.facility.id), 404, 'not_found');
    await expectApiError(c.guardian.roster(site.facility.id), 403, 'permission_denied');
    await expectApiError(site.staff.roster('no-such-facility'), 404, 'not_found');
  });
});

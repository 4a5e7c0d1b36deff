// Stamps: arrival then departure, the duplicate window, idempotent client_id, queued scans
// with scanned_at, family codes with child_ids, pick-up, explicit directions, who may stamp.
// Every refused or repeated stamp is checked to record nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  allVisits,
  childResult,
  clientId,
  enrolledFamily,
  expectApiError,
  expectInvalid,
  expectInvalidAt,
  expectSameInstant,
  familyResult,
  newSite,
  RFC3339,
  secondsFromNow,
  serverNow,
  startCheckinServer,
  tokyo,
  uid,
  type Site,
  type TestApi,
  type TestServer,
} from '../support';
import type { Visit } from '../../web/src/shared/types';

let server: TestServer;
let admin: TestApi;
/** duplicate_window_seconds 0: two scans in a row are an arrival and a departure. */
let quick: Site;
/** The default duplicate window (60 s). */
let normal: Site;

beforeAll(async () => {
  server = await startCheckinServer();
  admin = await server.login();
  quick = await newSite(server, admin, { duplicate_window_seconds: 0 });
  normal = await newSite(server, admin);
});
afterAll(async () => {
  await server?.close();
});

async function cardOf(site: Site, over: Parameters<typeof enrolledFamily>[3] = {}) {
  const f = await enrolledFamily(server, site.staff, [site.facility.id], over);
  const credential = (await site.staff.childCredential(f.child.id)).text;
  return { ...f, credential };
}

describe('facility settings', () => {
  it('default to a 60 s duplicate window and 72 h offline retention, and can be changed', async () => {
    expect(normal.facility).toMatchObject({ duplicate_window_seconds: 60, offline_retention_hours: 72 });
    expect(quick.facility.duplicate_window_seconds).toBe(0);
    const f = await admin.updateFacility(normal.facility.id, { duplicate_window_seconds: 60, offline_retention_hours: 72 });
    expect(f).toMatchObject({ duplicate_window_seconds: 60, offline_retention_hours: 72 });
    await expectInvalid(admin.updateFacility(normal.facility.id, { duplicate_window_seconds: 3601 }), 'duplicate_window_seconds');
    await expectInvalid(admin.updateFacility(normal.facility.id, { duplicate_window_seconds: -1 }), 'duplicate_window_seconds');
    await expectInvalid(admin.updateFacility(normal.facility.id, { offline_retention_hours: 0 }), 'offline_retention_hours');
    await expectInvalid(admin.updateFacility(normal.facility.id, { offline_retention_hours: 721 }), 'offline_retention_hours');
    expect(await admin.getFacility(normal.facility.id)).toEqual(normal.facility);
  });
});

describe('arrival and departure', () => {
  it('auto: the first scan arrives, the next departs the same visit', async () => {
    const { family, child, credential } = await cardOf(quick);
    const t0 = serverNow().getTime();
    const res = await quick.kiosk.request('POST', '/api/v1/stamps', { facility_id: quick.facility.id, client_id: clientId(), credential, direction: 'auto' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({
      result: 'arrived',
      visit: {
        id: expect.any(String),
        facility_id: quick.facility.id,
        child: { id: child.id, name: child.name },
        in_at: expect.stringMatching(RFC3339),
        out_at: null,
        pickup_by: null,
        method: 'qr',
        auto_closed: false,
        needs_review: false,
      },
    });
    const inAt = Date.parse(res.body.visit.in_at);
    expect(inAt).toBeGreaterThanOrEqual(Math.floor(t0 / 1000) * 1000 - 1000);
    expect(inAt).toBeLessThanOrEqual(serverNow().getTime() + 2000);
    expect(res.body.visit.in_at, 'in the organization’s offset').toMatch(/\+09:00$/);

    const out = childResult(await quick.kiosk.stamp({ facility_id: quick.facility.id, client_id: clientId(), credential }));
    expect(out.result).toBe('departed');
    expect(out.visit).toMatchObject({ id: res.body.visit.id, in_at: res.body.visit.in_at, out_at: expect.stringMatching(RFC3339) });
    expect(out.pickup_choices, 'offered after a departure').toEqual([`母 ${family.guardians[0].name}`]);
    expect(Date.parse(out.visit.out_at!)).toBeGreaterThanOrEqual(inAt);

    const visits = await allVisits(quick.staff, { child_id: child.id });
    expect(visits).toEqual([out.visit]);

    // A third scan is a new arrival: a second visit the same day.
    const again = childResult(await quick.kiosk.stamp({ facility_id: quick.facility.id, client_id: clientId(), credential }));
    expect(again.result).toBe('arrived');
    expect(again.visit.id).not.toBe(out.visit.id);
    expect(await allVisits(quick.staff, { child_id: child.id })).toHaveLength(2);
  });

  it('pickup_choices list every guardian ("relation name", or the name alone) in the order they were registered', async () => {
    const tag = uid();
    const { family, credential } = await cardOf(quick, {
      guardians: [
        { name: `山田 花子 ${tag}`, relation: '母' },
        { name: `山田 一郎 ${tag}` },
      ],
    });
    await quick.kiosk.stamp({ facility_id: quick.facility.id, client_id: clientId(), credential });
    const r = childResult(await quick.kiosk.stamp({ facility_id: quick.facility.id, client_id: clientId(), credential }));
    expect(r.result).toBe('departed');
    expect(r.pickup_choices).toEqual([`母 ${family.guardians[0].name}`, family.guardians[1].name]);
    expect(r.pickup_alone, 'the child is not allowed to go home alone').toBe(false);
  });

  it('staff stamp by child_id: a manual visit', async () => {
    const { child } = await cardOf(quick);
    const r = childResult(await quick.staff.stamp({ facility_id: quick.facility.id, client_id: clientId(), child_id: child.id }));
    expect(r).toMatchObject({ result: 'arrived', visit: { method: 'manual', child: { id: child.id } } });
    const out = childResult(await quick.staff.stamp({ facility_id: quick.facility.id, client_id: clientId(), child_id: child.id }));
    expect(out).toMatchObject({ result: 'departed', visit: { id: r.visit.id } });
  });

  it('needs exactly one of credential and child_id', async () => {
    const { child, credential } = await cardOf(quick);
    await expectApiError(quick.staff.stamp({ facility_id: quick.facility.id, client_id: clientId() }), 400, 'invalid_argument');
    await expectApiError(
      quick.staff.stamp({ facility_id: quick.facility.id, client_id: clientId(), credential, child_id: child.id }),
      400,
      'invalid_argument',
    );
    expect(await allVisits(quick.staff, { child_id: child.id })).toEqual([]);
  });

  it('refuses unknown fields, a bad direction and a missing or malformed client_id, recording nothing', async () => {
    const { child, credential } = await cardOf(quick);
    const body = { facility_id: quick.facility.id, client_id: clientId(), credential };
    const raw = (b: unknown) => quick.kiosk.request('POST', '/api/v1/stamps', b);
    const fieldsOf = async (b: unknown) => {
      const res = await raw(b);
      expect(res.status, JSON.stringify(res.body)).toBe(400);
      expect(res.body.error.code).toBe('invalid_argument');
      return Object.keys(res.body.error.fields ?? {});
    };
    expect(await fieldsOf({ ...body, child_name: 'x' })).toContain('child_name');
    expect(await fieldsOf({ ...body, direction: 'sideways' })).toContain('direction');
    const { client_id: _drop, ...noClient } = body;
    expect(await fieldsOf(noClient)).toContain('client_id');
    expect(await fieldsOf({ ...body, client_id: '' })).toContain('client_id');
    expect(await fieldsOf({ ...body, client_id: 'not-a-uuid' })).toContain('client_id');
    expect(await fieldsOf({ ...body, scanned_at: 'yesterday' })).toContain('scanned_at');
    expect(await fieldsOf({ ...body, facility_id: 42 })).toContain('facility_id');
    const { facility_id: _f, ...noFacility } = body;
    expect(await fieldsOf(noFacility)).toContain('facility_id');
    expect(await allVisits(quick.staff, { child_id: child.id })).toEqual([]);
  });
});

describe('the duplicate window', () => {
  it('a second scan within 60 s answers duplicate with the visit, and records nothing', async () => {
    const { child, credential } = await cardOf(normal);
    const first = childResult(await normal.kiosk.stamp({ facility_id: normal.facility.id, client_id: clientId(), credential }));
    expect(first.result).toBe('arrived');
    const res = await normal.kiosk.request('POST', '/api/v1/stamps', { facility_id: normal.facility.id, client_id: clientId(), credential });
    expect([200, 201], JSON.stringify(res.body)).toContain(res.status);
    expect(res.body).toMatchObject({ result: 'duplicate', visit: first.visit });
    const third = childResult(await normal.kiosk.stamp({ facility_id: normal.facility.id, client_id: clientId(), credential }));
    expect(third.result).toBe('duplicate');
    expect(await allVisits(normal.staff, { child_id: child.id })).toEqual([first.visit]);
    const roster = await normal.staff.roster(normal.facility.id);
    expect(roster.items.find((i) => i.child.id === child.id)).toMatchObject({ status: 'present', out_at: null });
  });

  it('also after a departure: a scan within the window does not start a new visit', async () => {
    const { child, credential } = await cardOf(normal);
    const body = { facility_id: normal.facility.id, credential };
    const a = childResult(await normal.kiosk.stamp({ ...body, client_id: clientId(), scanned_at: tokyo(secondsFromNow(-600)) }));
    const d = childResult(await normal.kiosk.stamp({ ...body, client_id: clientId(), scanned_at: tokyo(secondsFromNow(-20)) }));
    expect([a.result, d.result]).toEqual(['arrived', 'departed']);
    const dup = childResult(await normal.kiosk.stamp({ ...body, client_id: clientId() }));
    expect(dup).toMatchObject({ result: 'duplicate', visit: { id: d.visit.id } });
    expect(await allVisits(normal.staff, { child_id: child.id })).toEqual([d.visit]);
  });
});

describe('client_id', () => {
  it('the same client_id again answers 200 with the first answer and records nothing more', async () => {
    const { child, credential } = await cardOf(quick);
    const body = { facility_id: quick.facility.id, client_id: clientId(), credential };
    const first = await quick.kiosk.request('POST', '/api/v1/stamps', body);
    expect(first.status).toBe(201);
    const retry = await quick.kiosk.request('POST', '/api/v1/stamps', body);
    expect(retry.status, JSON.stringify(retry.body)).toBe(200);
    expect(retry.body).toEqual(first.body);
    expect(await allVisits(quick.staff, { child_id: child.id })).toHaveLength(1);
    expect((await allVisits(quick.staff, { child_id: child.id }))[0].out_at).toBeNull();

    // Even after the child has departed, the retry answers the original arrival.
    const out = childResult(await quick.kiosk.stamp({ ...body, client_id: clientId() }));
    expect(out.result).toBe('departed');
    const late = await quick.kiosk.request('POST', '/api/v1/stamps', body);
    expect(late.status).toBe(200);
    expect(late.body).toEqual(first.body);
    expect(await allVisits(quick.staff, { child_id: child.id })).toEqual([out.visit]);
  });

  it('a retry of a family stamp answers the first results', async () => {
    const room = await newSite(server, admin, { kind: 'drop_in', duplicate_window_seconds: 0 });
    const fam = await enrolledFamily(server, room.staff, [room.facility.id], {
      children: [
        { name: `子A ${uid()}`, birth_date: '2021-05-05' },
        { name: `子B ${uid()}`, birth_date: '2023-05-05' },
      ],
    });
    const credential = (await room.staff.familyCredential(fam.family.id)).text;
    const body = { facility_id: room.facility.id, client_id: clientId(), credential };
    const first = await room.kiosk.request('POST', '/api/v1/stamps', body);
    expect(first.status).toBe(201);
    const retry = await room.kiosk.request('POST', '/api/v1/stamps', body);
    expect(retry.status).toBe(200);
    expect(retry.body).toEqual(first.body);
    expect(await allVisits(room.staff, { facility_id: room.facility.id })).toHaveLength(2);
  });

  it('a refused stamp does not use up its client_id', async () => {
    const { child, credential } = await cardOf(quick);
    const id = clientId();
    await expectInvalid(quick.kiosk.stamp({ facility_id: quick.facility.id, client_id: id, credential, scanned_at: tokyo(secondsFromNow(3600)) }), 'scanned_at');
    const ok = childResult(await quick.kiosk.stamp({ facility_id: quick.facility.id, client_id: id, credential }));
    expect(ok.result).toBe('arrived');
    expect(await allVisits(quick.staff, { child_id: child.id })).toHaveLength(1);
  });
});

describe('scanned_at (queued kiosk scans)', () => {
  it('a queued scan takes its time from scanned_at', async () => {
    const { child, credential } = await cardOf(quick);
    const at = secondsFromNow(-45 * 60);
    const r = childResult(await quick.kiosk.stamp({ facility_id: quick.facility.id, client_id: clientId(), credential, scanned_at: tokyo(at) }));
    expect(r.result).toBe('arrived');
    expectSameInstant(r.visit.in_at, at, 'in_at');
    const leave = secondsFromNow(-15 * 60);
    const d = childResult(await quick.kiosk.stamp({ facility_id: quick.facility.id, client_id: clientId(), credential, scanned_at: leave.toISOString() }));
    expect(d.result).toBe('departed');
    expectSameInstant(d.visit.in_at, at, 'in_at');
    expectSameInstant(d.visit.out_at, leave, 'out_at');
    expect(await allVisits(quick.staff, { child_id: child.id })).toEqual([d.visit]);
  });

  it('is refused more than 2 minutes in the future and older than 72 hours, recording nothing', async () => {
    const { child, credential } = await cardOf(quick);
    const body = { facility_id: quick.facility.id, credential };
    for (const at of [secondsFromNow(300), secondsFromNow(24 * 3600), secondsFromNow(-73 * 3600), secondsFromNow(-30 * 24 * 3600)]) {
      const e = await expectInvalid(quick.kiosk.stamp({ ...body, client_id: clientId(), scanned_at: tokyo(at) }), 'scanned_at');
      expect(e.fields.scanned_at).toMatch(/\S/);
    }
    expect(await allVisits(quick.staff, { child_id: child.id })).toEqual([]);
    // Within the bounds it is accepted: slightly ahead (clock skew) …
    const ahead = childResult(await quick.kiosk.stamp({ ...body, client_id: clientId(), scanned_at: tokyo(secondsFromNow(60)) }));
    expect(ahead.result).toBe('arrived');
  });

  it('a scan 71 hours old is accepted', async () => {
    const { child, credential } = await cardOf(quick);
    const at = secondsFromNow(-71 * 3600);
    const r = childResult(await quick.kiosk.stamp({ facility_id: quick.facility.id, client_id: clientId(), credential, scanned_at: tokyo(at) }));
    expect(r.result).toBe('arrived');
    expectSameInstant(r.visit.in_at, at, 'in_at');
    expect((await allVisits(quick.staff, { child_id: child.id })).map((v) => v.id)).toEqual([r.visit.id]);
  });

  it("the facility's offline_retention_hours bounds how old a scan may be", async () => {
    const short = await newSite(server, admin, { offline_retention_hours: 1 });
    const { child, credential } = await cardOf(short);
    await expectInvalid(
      short.kiosk.stamp({ facility_id: short.facility.id, client_id: clientId(), credential, scanned_at: tokyo(secondsFromNow(-2 * 3600)) }),
      'scanned_at',
    );
    expect(await allVisits(short.staff, { child_id: child.id })).toEqual([]);
    const ok = childResult(
      await short.kiosk.stamp({ facility_id: short.facility.id, client_id: clientId(), credential, scanned_at: tokyo(secondsFromNow(-30 * 60)) }),
    );
    expect(ok.result).toBe('arrived');
  });

  it('a late queued scan with an older scanned_at is ordered by scanned_at in the visits list', async () => {
    const site = await newSite(server, admin, { duplicate_window_seconds: 0 });
    const live = await cardOf(site);
    const queued = await cardOf(site);
    const liveVisit = childResult(await site.kiosk.stamp({ facility_id: site.facility.id, client_id: clientId(), credential: live.credential }));
    const queuedAt = secondsFromNow(-20 * 60);
    const late = childResult(
      await site.kiosk.stamp({ facility_id: site.facility.id, client_id: clientId(), credential: queued.credential, scanned_at: tokyo(queuedAt) }),
    );
    expectSameInstant(late.visit.in_at, queuedAt, 'queued in_at');
    const visits = await allVisits(site.staff, { facility_id: site.facility.id });
    expect(visits.map((v) => v.id), 'newest (by in_at) first').toEqual([liveVisit.visit.id, late.visit.id]);
    const roster = await site.staff.roster(site.facility.id);
    const item = roster.items.find((i) => i.child.id === queued.child.id)!;
    expect(item.status).toBe('present');
    expectSameInstant(item.in_at, queuedAt, 'roster in_at');
  });

  it('queued arrival and departure, then a live scan: a second visit', async () => {
    // The kiosk queued an arrival (−50 min) and a departure (−30 min) while offline; sent in order.
    const { child, credential } = await cardOf(quick);
    const body = { facility_id: quick.facility.id, credential };
    const arr = childResult(await quick.kiosk.stamp({ ...body, client_id: clientId(), scanned_at: tokyo(secondsFromNow(-50 * 60)) }));
    const dep = childResult(await quick.kiosk.stamp({ ...body, client_id: clientId(), scanned_at: tokyo(secondsFromNow(-30 * 60)) }));
    expect([arr.result, dep.result]).toEqual(['arrived', 'departed']);
    const now = childResult(await quick.kiosk.stamp({ ...body, client_id: clientId() }));
    expect(now.result).toBe('arrived');
    const visits = await allVisits(quick.staff, { child_id: child.id });
    expect(visits.map((v) => v.id)).toEqual([now.visit.id, dep.visit.id]);
  });
});

describe('family credentials', () => {
  let room: Site;
  beforeAll(async () => {
    room = await newSite(server, admin, { kind: 'drop_in', duplicate_window_seconds: 0 });
  });

  async function familyAt(site: Site) {
    const tag = uid();
    const f = await enrolledFamily(server, site.staff, [site.facility.id], {
      name: `伊藤家 ${tag}`,
      children: [
        { name: `伊藤 陽 ${tag}`, name_kana: 'いとう はる', birth_date: '2021-05-05' },
        { name: `伊藤 凪 ${tag}`, name_kana: 'いとう なぎ', birth_date: '2023-07-07' },
      ],
    });
    const credential = (await site.staff.familyCredential(f.family.id)).text;
    return { ...f, credential };
  }

  it('stamps every child by default', async () => {
    const { family, credential } = await familyAt(room);
    const res = await room.kiosk.request('POST', '/api/v1/stamps', { facility_id: room.facility.id, client_id: clientId(), credential });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const r = familyResult(res.body);
    expect(r.results.map((x) => x.result)).toEqual(['arrived', 'arrived']);
    expect(r.results.map((x) => x.visit.child.id).sort()).toEqual(family.children.map((c) => c.id).sort());
    expect(r.pickup_choices).toEqual([`母 ${family.guardians[0].name}`]);
    expect(await allVisits(room.staff, { facility_id: room.facility.id })).toEqual(
      expect.arrayContaining(r.results.map((x) => x.visit)),
    );
  });

  it('stamps only child_ids when given', async () => {
    const { family, credential } = await familyAt(room);
    const [one, two] = family.children;
    const r = familyResult(await room.kiosk.stamp({ facility_id: room.facility.id, client_id: clientId(), credential, child_ids: [one.id] }));
    expect(r.results).toHaveLength(1);
    expect(r.results[0]).toMatchObject({ result: 'arrived', visit: { child: { id: one.id } } });
    expect(await allVisits(room.staff, { child_id: two.id })).toEqual([]);

    // Later both leave: one departs, the other (not present) arrives — auto per child.
    const both = familyResult(await room.kiosk.stamp({ facility_id: room.facility.id, client_id: clientId(), credential }));
    const byChild = Object.fromEntries(both.results.map((x) => [x.visit.child.id, x.result]));
    expect(byChild).toEqual({ [one.id]: 'departed', [two.id]: 'arrived' });
  });

  it('child_ids outside the family are refused (400) and nothing is recorded', async () => {
    const { family, credential } = await familyAt(room);
    const stranger = await familyAt(room);
    for (const child_ids of [[stranger.family.children[0].id], [family.children[0].id, stranger.family.children[0].id], ['no-such-child']]) {
      await expectInvalidAt(room.kiosk.stamp({ facility_id: room.facility.id, client_id: clientId(), credential, child_ids }), 'child_ids');
    }
    await expectInvalidAt(room.kiosk.stamp({ facility_id: room.facility.id, client_id: clientId(), credential, child_ids: [] }), 'child_ids');
    for (const c of [...family.children, ...stranger.family.children]) expect(await allVisits(room.staff, { child_id: c.id })).toEqual([]);
  });

  it('child_ids with a child credential are refused', async () => {
    const { family } = await familyAt(room);
    const childCard = (await room.staff.childCredential(family.children[0].id)).text;
    await expectInvalidAt(
      room.kiosk.stamp({ facility_id: room.facility.id, client_id: clientId(), credential: childCard, child_ids: [family.children[1].id] }),
      'child_ids',
    );
    expect(await allVisits(room.staff, { child_id: family.children[1].id })).toEqual([]);
  });

  it('preview names the family and its children with their presence, recording nothing', async () => {
    const { family, credential } = await familyAt(room);
    const p = await room.kiosk.previewStamp({ facility_id: room.facility.id, credential });
    expect(p.kind).toBe('family');
    expect(p.family_name).toBe(family.name);
    expect([...p.children].sort((a, b) => (a.id < b.id ? -1 : 1))).toEqual(
      [...family.children].sort((a, b) => (a.id < b.id ? -1 : 1)).map((c) => ({ id: c.id, name: c.name, present: false })),
    );
    expect(p.pickup_choices).toEqual([`母 ${family.guardians[0].name}`]);
    expect(await allVisits(room.staff, { child_id: family.children[0].id })).toEqual([]);

    await room.kiosk.stamp({ facility_id: room.facility.id, client_id: clientId(), credential, child_ids: [family.children[0].id] });
    const after = await room.kiosk.previewStamp({ facility_id: room.facility.id, credential });
    expect(Object.fromEntries(after.children.map((c) => [c.id, c.present]))).toEqual({
      [family.children[0].id]: true,
      [family.children[1].id]: false,
    });
  });

  it('preview of a child code', async () => {
    const { family, credential } = await cardOf(quick);
    const p = await quick.kiosk.previewStamp({ facility_id: quick.facility.id, credential });
    expect(p).toMatchObject({
      kind: 'child',
      family_name: family.name,
      children: [{ id: family.children[0].id, name: family.children[0].name, present: false }],
      pickup_choices: [`母 ${family.guardians[0].name}`],
      pickup_alone: false,
    });
    expect(await allVisits(quick.staff, { child_id: family.children[0].id })).toEqual([]);
  });

  it('at an after-school club, a family code stamps only the children enrolled there', async () => {
    const club = await newSite(server, admin, { kind: 'after_school', duplicate_window_seconds: 0 });
    const tag = uid();
    const family = await admin.createFamily({
      name: `渡辺家 ${tag}`,
      guardians: [{ name: `渡辺 母 ${tag}`, relation: '母' }],
      children: [
        { name: `渡辺 姉 ${tag}`, birth_date: '2016-05-05' },
        { name: `渡辺 妹 ${tag}`, birth_date: '2022-05-05' },
      ],
    });
    const [big, small] = family.children;
    await admin.createEnrollment({ facility_id: club.facility.id, child_id: big.id });
    const credential = (await club.staff.familyCredential(family.id)).text;
    const preview = await club.kiosk.previewStamp({ facility_id: club.facility.id, credential });
    expect(preview.children.map((c) => c.id)).toEqual([big.id]);
    const r = familyResult(await club.kiosk.stamp({ facility_id: club.facility.id, client_id: clientId(), credential }));
    expect(r.results.map((x) => [x.result, x.visit.child.id])).toEqual([['arrived', big.id]]);
    await expectInvalidAt(
      club.kiosk.stamp({ facility_id: club.facility.id, client_id: clientId(), credential, child_ids: [small.id] }),
      'child_ids',
    );
    expect(await allVisits(admin, { child_id: small.id })).toEqual([]);
  });
});

describe('pick-up', () => {
  it('pickup_by on the departure is kept on the visit', async () => {
    const { family, credential } = await cardOf(quick);
    await quick.kiosk.stamp({ facility_id: quick.facility.id, client_id: clientId(), credential });
    const who = `母 ${family.guardians[0].name}`;
    const d = childResult(await quick.kiosk.stamp({ facility_id: quick.facility.id, client_id: clientId(), credential, pickup_by: who }));
    expect(d).toMatchObject({ result: 'departed', visit: { pickup_by: who } });
    const roster = await quick.staff.roster(quick.facility.id);
    expect(roster.items.find((i) => i.visit_id === d.visit.id)).toMatchObject({ status: 'left', pickup_by: who });
  });

  it('POST visits/{id}/pickup: the kiosk within 10 minutes of the departure, and staff', async () => {
    const { credential, child } = await cardOf(quick);
    await quick.kiosk.stamp({ facility_id: quick.facility.id, client_id: clientId(), credential });
    const d = childResult(await quick.kiosk.stamp({ facility_id: quick.facility.id, client_id: clientId(), credential }));
    expect(d.visit.pickup_by).toBeNull();
    const res = await quick.kiosk.request('POST', `/api/v1/visits/${d.visit.id}/pickup`, { pickup_by: 'その他' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.visit).toEqual({ ...d.visit, pickup_by: 'その他' });
    expect(res.body.visit.left_alone).toBe(false);
    const byStaff = await quick.staff.setPickup(d.visit.id, { pickup_by: '祖母 山田 トメ' });
    expect(byStaff.pickup_by).toBe('祖母 山田 トメ');
    expect((await allVisits(quick.staff, { child_id: child.id }))[0].pickup_by).toBe('祖母 山田 トメ');
    await expectInvalid(quick.staff.setPickup(d.visit.id, { pickup_by: '' }), 'pickup_by');
    await expectApiError(quick.staff.setPickup('no-such-visit', { pickup_by: 'x' }), 404, 'not_found');
  });

  it('a kiosk may not set the pick-up long after the departure, nor at another facility', async () => {
    const { credential, child } = await cardOf(quick);
    const body = { facility_id: quick.facility.id, credential };
    await quick.kiosk.stamp({ ...body, client_id: clientId(), scanned_at: tokyo(secondsFromNow(-3600)) });
    const d = childResult(await quick.kiosk.stamp({ ...body, client_id: clientId(), scanned_at: tokyo(secondsFromNow(-20 * 60)) }));
    expect(d.result).toBe('departed');
    const late = await quick.kiosk.request('POST', `/api/v1/visits/${d.visit.id}/pickup`, { pickup_by: 'その他' });
    expect([403, 409], JSON.stringify(late.body)).toContain(late.status);
    const recent = childResult(await quick.kiosk.stamp({ ...body, client_id: clientId() }));
    const recentOut = childResult(await quick.kiosk.stamp({ ...body, client_id: clientId() }));
    expect([recent.result, recentOut.result]).toEqual(['arrived', 'departed']);
    const foreign = await normal.kiosk.request('POST', `/api/v1/visits/${recentOut.visit.id}/pickup`, { pickup_by: 'その他' });
    expect([403, 404], JSON.stringify(foreign.body)).toContain(foreign.status);
    const visits = await allVisits(quick.staff, { child_id: child.id });
    expect(visits.map((v) => v.pickup_by)).toEqual([null, null]);
  });
});

describe('explicit directions', () => {
  it('in when absent arrives; in when present is 409 and changes nothing', async () => {
    const { child, credential } = await cardOf(quick);
    const body = { facility_id: quick.facility.id, credential };
    const a = childResult(await quick.kiosk.stamp({ ...body, client_id: clientId(), direction: 'in' }));
    expect(a.result).toBe('arrived');
    await expectApiError(quick.kiosk.stamp({ ...body, client_id: clientId(), direction: 'in' }), 409, 'conflict');
    expect(await allVisits(quick.staff, { child_id: child.id })).toEqual([a.visit]);
    const d = childResult(await quick.kiosk.stamp({ ...body, client_id: clientId(), direction: 'out' }));
    expect(d).toMatchObject({ result: 'departed', visit: { id: a.visit.id } });
  });

  it('out when not present is 409 and records nothing', async () => {
    const { child, credential } = await cardOf(quick);
    await expectApiError(quick.kiosk.stamp({ facility_id: quick.facility.id, client_id: clientId(), credential, direction: 'out' }), 409, 'conflict');
    await expectApiError(quick.staff.stamp({ facility_id: quick.facility.id, client_id: clientId(), child_id: child.id, direction: 'out' }), 409, 'conflict');
    expect(await allVisits(quick.staff, { child_id: child.id })).toEqual([]);
  });
});

describe('who may stamp', () => {
  it('guardians cannot stamp, not even their own child (403), and nothing is recorded', async () => {
    const { child, guardian, credential } = await cardOf(quick);
    await expectApiError(guardian.stamp({ facility_id: quick.facility.id, client_id: clientId(), credential }), 403, 'permission_denied');
    await expectApiError(guardian.stamp({ facility_id: quick.facility.id, client_id: clientId(), child_id: child.id }), 403, 'permission_denied');
    await expectApiError(guardian.previewStamp({ facility_id: quick.facility.id, credential }), 403, 'permission_denied');
    expect(await allVisits(quick.staff, { child_id: child.id })).toEqual([]);
  });

  it('staff of another facility get 404 and nothing is recorded', async () => {
    const { child, credential } = await cardOf(quick);
    await expectApiError(normal.staff.stamp({ facility_id: quick.facility.id, client_id: clientId(), credential }), 404, 'not_found');
    await expectApiError(normal.staff.stamp({ facility_id: quick.facility.id, client_id: clientId(), child_id: child.id }), 404, 'not_found');
    await expectApiError(normal.staff.previewStamp({ facility_id: quick.facility.id, credential }), 404, 'not_found');
    expect(await allVisits(quick.staff, { child_id: child.id })).toEqual([]);
  });

  it('nobody without credentials (401)', async () => {
    const { child, credential } = await cardOf(quick);
    const res = await fetch(`${server.url}/api/v1/stamps`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ facility_id: quick.facility.id, client_id: clientId(), credential }),
    });
    expect(res.status).toBe(401);
    expect(await allVisits(quick.staff, { child_id: child.id })).toEqual([]);
  });

  it('staff stamping with a cookie need the CSRF header', async () => {
    const { child, credential } = await cardOf(quick);
    const res = await quick.staff.request(
      'POST',
      '/api/v1/stamps',
      { facility_id: quick.facility.id, client_id: clientId(), credential },
      { headers: { 'X-CSRF-Token': '' } },
    );
    expect(res.status).toBe(403);
    expect(await allVisits(quick.staff, { child_id: child.id })).toEqual([]);
  });

  it('the same visit is seen by the kiosk and the staff alike', async () => {
    const { child, credential } = await cardOf(quick);
    const r = childResult(await quick.kiosk.stamp({ facility_id: quick.facility.id, client_id: clientId(), credential }));
    const visits: Visit[] = await allVisits(quick.staff, { child_id: child.id });
    expect(visits).toEqual([r.visit]);
  });
});

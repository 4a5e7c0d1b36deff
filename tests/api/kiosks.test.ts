// Kiosks: staff pair a device for a facility and get its bearer token once; a kiosk may
// call only the kiosk endpoints, only for its facility; revocation works at once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  allVisits,
  clientId,
  enrolledFamily,
  expectApiError,
  expectInvalid,
  kioskApi,
  newSite,
  newStaff,
  orThrow,
  RFC3339,
  serverNow,
  startCheckinServer,
  type Site,
  type TestApi,
  type TestServer,
} from '../support';

let server: TestServer;
let admin: TestApi;
let x: Site;
let y: Site;

beforeAll(async () => {
  server = await startCheckinServer();
  admin = await server.login();
  x = await newSite(server, admin);
  y = await newSite(server, admin);
});
afterAll(async () => {
  await server?.close();
});

describe('pairing', () => {
  it('answers 201 with the kiosk and its token, which is shown only once', async () => {
    const res = await x.staff.request('POST', `/api/v1/facilities/${x.facility.id}/kiosks`, { name: '玄関のタブレット' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const { kiosk, token } = res.body;
    expect(kiosk).toMatchObject({ name: '玄関のタブレット', facility_id: x.facility.id, last_seen_at: null });
    expect(kiosk.id).toEqual(expect.any(String));
    expect(kiosk.created_at).toMatch(RFC3339);
    expect(token).toEqual(expect.any(String));
    expect(token.length).toBeGreaterThanOrEqual(20);

    const list = await x.staff.listKiosks(x.facility.id, { limit: 200 });
    expect(list.items.map((k) => k.id)).toContain(kiosk.id);
    expect(JSON.stringify(list)).not.toContain(token);
    const listed = list.items.find((k) => k.id === kiosk.id)!;
    expect(listed).toEqual(kiosk);
  });

  it('each pairing gets its own token', async () => {
    const a = await x.staff.createKiosk(x.facility.id, 'A');
    const b = await x.staff.createKiosk(x.facility.id, 'B');
    expect(a.token).not.toBe(b.token);
    expect(a.kiosk.id).not.toBe(b.kiosk.id);
  });

  it('needs a name', async () => {
    await expectInvalid(x.staff.request('POST', `/api/v1/facilities/${x.facility.id}/kiosks`, {}).then(orThrow), 'name');
    await expectInvalid(x.staff.createKiosk(x.facility.id, ''), 'name');
    await expectInvalid(
      x.staff.request('POST', `/api/v1/facilities/${x.facility.id}/kiosks`, { name: 'a', token: 'mine' }).then(orThrow),
      'token',
    );
  });

  it('staff of another facility cannot pair, list or revoke (404)', async () => {
    const before = (await x.staff.listKiosks(x.facility.id, { limit: 200 })).items;
    await expectApiError(y.staff.createKiosk(x.facility.id, '侵入'), 404, 'not_found');
    await expectApiError(y.staff.listKiosks(x.facility.id), 404, 'not_found');
    await expectApiError(y.staff.revokeKiosk(x.kioskId), 404, 'not_found');
    expect((await x.staff.listKiosks(x.facility.id, { limit: 200 })).items).toEqual(before);
    expect((await x.kiosk.kioskMe()).kiosk.id).toBe(x.kioskId);
  });

  it('guardians cannot pair kiosks', async () => {
    const { guardian } = await enrolledFamily(server, x.staff, [x.facility.id]);
    const res = await guardian.request('POST', `/api/v1/facilities/${x.facility.id}/kiosks`, { name: 'g' });
    expect([403, 404], JSON.stringify(res.body)).toContain(res.status);
  });

  it('the organization admin may pair for any facility', async () => {
    const paired = await admin.createKiosk(y.facility.id, '管理者が登録');
    expect(paired.kiosk.facility_id).toBe(y.facility.id);
    expect((await kioskApi(server, paired.token).kioskMe()).facility.id).toBe(y.facility.id);
  });
});

describe('a kiosk', () => {
  it('reads itself and its facility', async () => {
    const me = await x.kiosk.kioskMe();
    expect(me.kiosk).toMatchObject({ id: x.kioskId, facility_id: x.facility.id });
    expect(me.facility).toMatchObject({ id: x.facility.id, name: x.facility.name, opens_at: x.facility.opens_at, closes_at: x.facility.closes_at });
    // The server's (test) clock, not this machine's: the kiosk stamps queued scans with it.
    expect(me.server_time).toMatch(RFC3339);
    expect(Date.parse(me.server_time)).toBe(serverNow().getTime());
    const listed = (await x.staff.listKiosks(x.facility.id, { limit: 200 })).items.find((k) => k.id === x.kioskId)!;
    expect(listed.last_seen_at, 'last_seen_at after the kiosk was used').toMatch(RFC3339);
  });

  it('needs no CSRF header and carries no cookie', async () => {
    const res = await fetch(`${server.url}/api/v1/kiosk/me`, { headers: { Authorization: `Bearer ${x.kioskToken}` } });
    expect(res.status).toBe(200);
    expect(res.headers.getSetCookie()).toEqual([]);
  });

  it('is refused everything else with 403 permission_denied', async () => {
    const { family, child } = await enrolledFamily(server, x.staff, [x.facility.id]);
    const arrived = await x.staff.stamp({ facility_id: x.facility.id, client_id: clientId(), child_id: child.id });
    const visitId = 'visit' in arrived ? arrived.visit.id : 'none';
    const k = x.kiosk;
    const fid = x.facility.id;
    const calls: [string, string, unknown?][] = [
      ['GET', '/api/v1/me'],
      ['GET', '/api/v1/organization'],
      ['GET', '/api/v1/facilities'],
      ['GET', `/api/v1/facilities/${fid}`],
      ['PATCH', `/api/v1/facilities/${fid}`, { name: '乗っ取り' }],
      ['GET', `/api/v1/facilities/${fid}/kiosks`],
      ['POST', `/api/v1/facilities/${fid}/kiosks`, { name: '増殖' }],
      ['DELETE', `/api/v1/kiosks/${x.kioskId}`],
      ['GET', `/api/v1/facilities/${fid}/roster`],
      ['GET', `/api/v1/facilities/${fid}/cards.pdf`],
      ['GET', '/api/v1/visits'],
      ['GET', `/api/v1/visits?facility_id=${fid}&format=csv`],
      ['PATCH', `/api/v1/visits/${visitId}`, { out_at: new Date().toISOString(), reason: 'kiosk' }],
      ['GET', '/api/v1/families'],
      ['GET', `/api/v1/families/${family.id}`],
      ['GET', `/api/v1/children/${child.id}`],
      ['GET', `/api/v1/children/${child.id}/credential`],
      ['POST', `/api/v1/children/${child.id}/credential`],
      ['GET', `/api/v1/families/${family.id}/credential`],
      ['GET', `/api/v1/children/${child.id}/qr.png`],
      ['GET', `/api/v1/children/${child.id}/card.pdf`],
      ['GET', '/api/v1/staff'],
      ['GET', '/api/v1/enrollments'],
      ['POST', '/api/v1/enrollments', { facility_id: fid, child_id: child.id }],
      ['POST', '/api/v1/auth/password', { current_password: 'x', new_password: 'yyyyyyyyyy' }],
    ];
    const wrong: string[] = [];
    for (const [method, path, body] of calls) {
      const res = await k.request(method as any, path, body);
      if (res.status !== 403 || res.body?.error?.code !== 'permission_denied') wrong.push(`${method} ${path} → ${res.status} ${JSON.stringify(res.body)?.slice(0, 120)}`);
    }
    expect(wrong).toEqual([]);
    // Nothing changed.
    expect((await x.staff.getFacility(fid)).name).toBe(x.facility.name);
    expect((await k.kioskMe()).kiosk.id).toBe(x.kioskId);
    expect((await x.staff.childCredential(child.id)).version).toBe(1);
  });

  it('stamping at another facility is 403 and records nothing', async () => {
    const { child } = await enrolledFamily(server, admin, [x.facility.id, y.facility.id]);
    const cred = await y.staff.childCredential(child.id);
    await expectApiError(x.kiosk.stamp({ facility_id: y.facility.id, client_id: clientId(), credential: cred.text }), 403, 'permission_denied');
    await expectApiError(x.kiosk.previewStamp({ facility_id: y.facility.id, credential: cred.text }), 403, 'permission_denied');
    await expectApiError(x.kiosk.stamp({ facility_id: y.facility.id, client_id: clientId(), child_id: child.id }), 403, 'permission_denied');
    expect(await allVisits(admin, { child_id: child.id })).toEqual([]);
    // At its own facility the same card works.
    const ok = await x.kiosk.stamp({ facility_id: x.facility.id, client_id: clientId(), credential: cred.text });
    expect(ok).toMatchObject({ result: 'arrived', visit: { facility_id: x.facility.id, child: { id: child.id } } });
  });

  it('an unknown or malformed token is 401', async () => {
    for (const header of ['Bearer nope', 'Bearer ', `Bearer ${x.kioskToken}x`, `Basic ${x.kioskToken}`, x.kioskToken]) {
      const res = await fetch(`${server.url}/api/v1/kiosk/me`, { headers: { Authorization: header } });
      expect(res.status, header).toBe(401);
      expect((await res.json()).error.code).toBe('unauthenticated');
    }
    const res = await fetch(`${server.url}/api/v1/kiosk/me`);
    expect(res.status).toBe(401);
  });
});

describe('revocation', () => {
  it('stops the token at once; stamps with it record nothing', async () => {
    const site = await newSite(server, admin);
    const { child } = await enrolledFamily(server, site.staff, [site.facility.id]);
    const cred = await site.staff.childCredential(child.id);
    expect((await site.kiosk.kioskMe()).kiosk.id).toBe(site.kioskId);

    const res = await site.staff.request('DELETE', `/api/v1/kiosks/${site.kioskId}`);
    expect(res.status).toBe(204);
    await expectApiError(site.kiosk.kioskMe(), 401, 'unauthenticated');
    await expectApiError(site.kiosk.stamp({ facility_id: site.facility.id, client_id: clientId(), credential: cred.text }), 401, 'unauthenticated');
    await expectApiError(site.kiosk.previewStamp({ facility_id: site.facility.id, credential: cred.text }), 401, 'unauthenticated');
    expect(await allVisits(site.staff, { facility_id: site.facility.id })).toEqual([]);
    expect((await site.staff.listKiosks(site.facility.id, { limit: 200 })).items.map((k) => k.id)).not.toContain(site.kioskId);
    // Revoking again: it is gone.
    await expectApiError(site.staff.revokeKiosk(site.kioskId), 404, 'not_found');
  });

  it('revoking one kiosk leaves the others working', async () => {
    const other = await x.staff.createKiosk(x.facility.id, '予備');
    await x.staff.revokeKiosk(other.kiosk.id);
    expect((await x.kiosk.kioskMe()).kiosk.id).toBe(x.kioskId);
    await expectApiError(kioskApi(server, other.token).kioskMe(), 401, 'unauthenticated');
  });

  it('the organization admin may revoke; another organization may not (404)', async () => {
    const paired = await x.staff.createKiosk(x.facility.id, '管理者が外す');
    const adminB = await server.login(await server.createOrg('別の町'));
    await expectApiError(adminB.revokeKiosk(paired.kiosk.id), 404, 'not_found');
    expect((await kioskApi(server, paired.token).kioskMe()).kiosk.id).toBe(paired.kiosk.id);
    await admin.revokeKiosk(paired.kiosk.id);
    await expectApiError(kioskApi(server, paired.token).kioskMe(), 401, 'unauthenticated');
  });

  it('a facility_staff member of the facility may revoke', async () => {
    const paired = await admin.createKiosk(x.facility.id, '職員が外す');
    const { api } = await newStaff(server, admin, [x.facility.id]);
    await api.revokeKiosk(paired.kiosk.id);
    await expectApiError(kioskApi(server, paired.token).kioskMe(), 401, 'unauthenticated');
  });
});

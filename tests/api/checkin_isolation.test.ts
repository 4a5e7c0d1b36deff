// Check-in across families, facilities and organizations: credentials, QR images and
// cards of another family answer 404; staff of another organization or facility cannot
// stamp, read the roster or the visits, or touch kiosks (404); and nothing is recorded.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  allVisits,
  childResult,
  clientId,
  download,
  enrolledFamily,
  expectApiError,
  expectRefusedCode,
  kioskApi,
  newSite,
  newStaff,
  NOT_A_CODE,
  startCheckinServer,
  tokyo,
  secondsFromNow,
  type Site,
  type TestApi,
  type TestServer,
} from '../support';
import type { Visit } from '../../web/src/shared/types';

let server: TestServer;
let adminA: TestApi;
let adminB: TestApi;
let a: Site;
let b: Site;
let famA: Awaited<ReturnType<typeof enrolledFamily>>;
let credA: string;
let familyCredA: string;
let visitA: Visit;

beforeAll(async () => {
  server = await startCheckinServer();
  adminA = await server.login();
  adminB = await server.login(await server.createOrg('隣町こども課'));
  a = await newSite(server, adminA, { duplicate_window_seconds: 0 });
  b = await newSite(server, adminB, { duplicate_window_seconds: 0 });
  famA = await enrolledFamily(server, a.staff, [a.facility.id]);
  credA = (await a.staff.childCredential(famA.child.id)).text;
  familyCredA = (await a.staff.familyCredential(famA.family.id)).text;
  await a.kiosk.stamp({ facility_id: a.facility.id, client_id: clientId(), credential: credA, scanned_at: tokyo(secondsFromNow(-3600)) });
  visitA = childResult(await a.kiosk.stamp({ facility_id: a.facility.id, client_id: clientId(), credential: credA })).visit;
});
afterAll(async () => {
  await server?.close();
});

describe('guardians', () => {
  it("cannot fetch another family's credentials, QR images or card (404), nor reissue them", async () => {
    const other = await enrolledFamily(server, a.staff, [a.facility.id]);
    const g = other.guardian;
    const c = famA.child.id;
    const f = famA.family.id;
    await expectApiError(g.childCredential(c), 404, 'not_found');
    await expectApiError(g.familyCredential(f), 404, 'not_found');
    await expectApiError(g.reissueChildCredential(c), 404, 'not_found');
    await expectApiError(g.reissueFamilyCredential(f), 404, 'not_found');
    for (const path of [
      `/api/v1/children/${c}/qr.png`,
      `/api/v1/children/${c}/qr.svg`,
      `/api/v1/families/${f}/qr.png`,
      `/api/v1/families/${f}/qr.svg`,
      `/api/v1/children/${c}/card.pdf`,
    ]) {
      const res = await download(server, g, path);
      expect(res.status, path).toBe(404);
      expect(res.text).not.toContain(credA);
      expect(res.text).not.toContain(famA.child.name);
    }
    expect((await a.staff.childCredential(c)).text).toBe(credA);
    expect((await a.staff.familyCredential(f)).text).toBe(familyCredA);
    // Its own stay readable.
    expect((await g.childCredential(other.child.id)).subject_id).toBe(other.child.id);
    expect((await download(server, g, `/api/v1/children/${other.child.id}/qr.png`)).status).toBe(200);
  });

  it('read their own child’s visits only; never a roster (403)', async () => {
    const own = (await famA.guardian.listVisits({ child_id: famA.child.id })).items;
    expect(own.map((v) => v.id)).toContain(visitA.id);
    for (const v of own) expect(v.child.id).toBe(famA.child.id);
    const other = await enrolledFamily(server, a.staff, [a.facility.id]);
    await expectApiError(other.guardian.listVisits({ child_id: famA.child.id }), 404, 'not_found');
    await expectApiError(other.guardian.listVisits({ child_id: famA.child.id, facility_id: a.facility.id }), 404, 'not_found');
    await expectApiError(famA.guardian.roster(a.facility.id), 403, 'permission_denied');
  });
});

describe('another organization', () => {
  it("its staff cannot stamp at A's facility or preview A's codes (404), and nothing is recorded", async () => {
    const before = await allVisits(a.staff, { facility_id: a.facility.id });
    await expectApiError(adminB.stamp({ facility_id: a.facility.id, client_id: clientId(), credential: credA }), 404, 'not_found');
    await expectApiError(adminB.stamp({ facility_id: a.facility.id, client_id: clientId(), child_id: famA.child.id }), 404, 'not_found');
    await expectApiError(adminB.stamp({ facility_id: a.facility.id, client_id: clientId(), credential: familyCredA }), 404, 'not_found');
    await expectApiError(adminB.previewStamp({ facility_id: a.facility.id, credential: credA }), 404, 'not_found');
    await expectApiError(b.staff.stamp({ facility_id: a.facility.id, client_id: clientId(), credential: credA }), 404, 'not_found');
    expect(await allVisits(a.staff, { facility_id: a.facility.id })).toEqual(before);
  });

  it("its staff stamping A's child at their own facility: child_id 404, A's code is not a Tadaima code", async () => {
    await expectApiError(b.staff.stamp({ facility_id: b.facility.id, client_id: clientId(), child_id: famA.child.id }), 404, 'not_found');
    await expectRefusedCode(b.staff.stamp({ facility_id: b.facility.id, client_id: clientId(), credential: credA }), NOT_A_CODE);
    await expectRefusedCode(b.kiosk.stamp({ facility_id: b.facility.id, client_id: clientId(), credential: credA }), NOT_A_CODE);
    await expectRefusedCode(b.kiosk.stamp({ facility_id: b.facility.id, client_id: clientId(), credential: familyCredA }), NOT_A_CODE);
    await expectRefusedCode(b.kiosk.previewStamp({ facility_id: b.facility.id, credential: credA }), NOT_A_CODE);
    expect(await allVisits(b.staff, { facility_id: b.facility.id })).toEqual([]);
    expect(await allVisits(adminB)).toEqual([]);
  });

  it("its kiosk naming A's facility is 403", async () => {
    await expectApiError(b.kiosk.stamp({ facility_id: a.facility.id, client_id: clientId(), credential: credA }), 403, 'permission_denied');
    await expectApiError(b.kiosk.previewStamp({ facility_id: a.facility.id, credential: credA }), 403, 'permission_denied');
    const res = await b.kiosk.request('POST', `/api/v1/visits/${visitA.id}/pickup`, { pickup_by: '侵入者' });
    expect([403, 404], JSON.stringify(res.body)).toContain(res.status);
    expect((await allVisits(a.staff, { child_id: famA.child.id }))[0].pickup_by).toBe(visitA.pickup_by);
  });

  it("its staff cannot read A's roster, visits, credentials, images or cards (404)", async () => {
    await expectApiError(adminB.roster(a.facility.id), 404, 'not_found');
    // A list filtered by another organization's id: 404, or an empty list (as for enrollments).
    for (const q of [`facility_id=${a.facility.id}`, `child_id=${famA.child.id}`]) {
      const res = await adminB.request('GET', `/api/v1/visits?${q}`);
      if (res.status === 200) expect(res.body.items, q).toEqual([]);
      else expect(res.status, q).toBe(404);
    }
    const byChild = await adminB.request('GET', `/api/v1/visits?child_id=${famA.child.id}`);
    if (byChild.status === 200) expect(byChild.body.items).toEqual([]);
    else expect(byChild.status).toBe(404);
    expect((await allVisits(adminB)).map((v) => v.id)).not.toContain(visitA.id);
    const csv = await download(server, adminB, `/api/v1/visits?format=csv`);
    expect(csv.text).not.toContain(famA.child.name);
    await expectApiError(adminB.childCredential(famA.child.id), 404, 'not_found');
    await expectApiError(adminB.familyCredential(famA.family.id), 404, 'not_found');
    for (const path of [
      `/api/v1/children/${famA.child.id}/qr.png`,
      `/api/v1/children/${famA.child.id}/qr.svg`,
      `/api/v1/families/${famA.family.id}/qr.png`,
      `/api/v1/children/${famA.child.id}/card.pdf`,
      `/api/v1/facilities/${a.facility.id}/cards.pdf`,
    ]) {
      expect((await download(server, adminB, path)).status, path).toBe(404);
    }
    const csvA = await download(server, adminB, `/api/v1/visits?facility_id=${a.facility.id}&format=csv`);
    expect([200, 404]).toContain(csvA.status);
    expect(csvA.text).not.toContain(famA.child.name);
  });

  it("its staff cannot change A's visits, credentials or kiosks (404), and nothing changes", async () => {
    await expectApiError(adminB.updateVisit(visitA.id, { out_at: tokyo(secondsFromNow(0)), reason: '不正' }), 404, 'not_found');
    await expectApiError(adminB.setPickup(visitA.id, { pickup_by: '侵入者' }), 404, 'not_found');
    await expectApiError(adminB.reissueChildCredential(famA.child.id), 404, 'not_found');
    await expectApiError(adminB.reissueFamilyCredential(famA.family.id), 404, 'not_found');
    await expectApiError(adminB.createKiosk(a.facility.id, '侵入'), 404, 'not_found');
    await expectApiError(adminB.listKiosks(a.facility.id), 404, 'not_found');
    await expectApiError(adminB.revokeKiosk(a.kioskId), 404, 'not_found');
    expect(await allVisits(a.staff, { child_id: famA.child.id })).toEqual([visitA]);
    expect((await a.staff.childCredential(famA.child.id)).text).toBe(credA);
    expect((await a.kiosk.kioskMe()).kiosk.id).toBe(a.kioskId);
    expect((await a.staff.listKiosks(a.facility.id)).items.map((k) => k.id)).toEqual([a.kioskId]);
  });
});

describe('another facility of the same organization', () => {
  it('its staff cannot stamp, read the roster or visits, or touch the kiosks (404)', async () => {
    const y = await newSite(server, adminA);
    const { api: staffY } = await newStaff(server, adminA, [y.facility.id]);
    await expectApiError(staffY.stamp({ facility_id: a.facility.id, client_id: clientId(), credential: credA }), 404, 'not_found');
    await expectApiError(staffY.stamp({ facility_id: a.facility.id, client_id: clientId(), child_id: famA.child.id }), 404, 'not_found');
    await expectApiError(staffY.roster(a.facility.id), 404, 'not_found');
    await expectApiError(staffY.listVisits({ facility_id: a.facility.id }), 404, 'not_found');
    await expectApiError(staffY.updateVisit(visitA.id, { out_at: tokyo(secondsFromNow(0)), reason: '不正' }), 404, 'not_found');
    await expectApiError(staffY.childCredential(famA.child.id), 404, 'not_found');
    await expectApiError(staffY.listKiosks(a.facility.id), 404, 'not_found');
    expect((await allVisits(staffY)).map((v) => v.id)).not.toContain(visitA.id);
    // A's child is not enrolled at Y: its card is refused there.
    const e = await expectApiError(y.kiosk.stamp({ facility_id: y.facility.id, client_id: clientId(), credential: credA }), 400, 'invalid_argument');
    expect((e.body as any).error.field_reasons.credential).toBe('not_enrolled');
    expect(await allVisits(adminA, { child_id: famA.child.id })).toEqual([visitA]);
  });

  it('a kiosk token is not a session: it cannot be used as a cookie', async () => {
    const res = await fetch(`${server.url}/api/v1/kiosk/me`, { headers: { cookie: `tadaima_session=${a.kioskToken}` } });
    expect(res.status).toBe(401);
    expect((await kioskApi(server, a.kioskToken).kioskMe()).kiosk.id).toBe(a.kioskId);
  });
});

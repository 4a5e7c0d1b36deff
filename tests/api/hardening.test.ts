// What an adversarial run found, kept fixed: content types on every write route, bodies on
// the routes that take none, cross-site writes and sign-ins, a guardian's view of facilities,
// duplicate keys and other refused input, stamps before the last one. Every refusal is
// checked to change nothing. (The connection limit has its own file: connections.test.ts.)
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  allVisits,
  BINARY,
  childResult,
  clientId,
  enrolledFamily,
  expectApiError,
  newSite,
  secondsFromNow,
  startCheckinServer,
  startServer,
  tokyo,
  type Site,
  type TestApi,
  type TestServer,
} from '../support';

let server: TestServer;
let admin: TestApi;
let site: Site;
let other: Site;

beforeAll(async () => {
  server = await startCheckinServer();
  admin = await server.login();
  site = await newSite(server, admin, { duplicate_window_seconds: 0 });
  other = await newSite(server, admin);
});
afterAll(async () => {
  await server?.close();
});

/** The writes that take no body (api/routes.cpp says BodyKind::kNone). */
const BODILESS = new Set([
  'POST /api/v1/auth/logout',
  'POST /api/v1/guardians/{id}/password-reset',
  'POST /api/v1/enrollments/{id}/approve',
  'DELETE /api/v1/enrollments/{id}',
  'DELETE /api/v1/kiosks/{id}',
  'POST /api/v1/kiosk/lock',
  'POST /api/v1/children/{id}/credential',
  'POST /api/v1/families/{id}/credential',
  'POST /api/v1/plans/{id}/acknowledge',
  'DELETE /api/v1/messages/{id}',
  'POST /api/v1/messages/{id}/end',
  'POST /api/v1/messages/{id}/remind',
  'POST /api/v1/me/messages/{id}/read',
  'POST /api/v1/me/notifications/read-all',
  'POST /api/v1/me/notifications/{id}/read',
  'DELETE /api/v1/me/push-subscriptions/{id}',
  'POST /api/v1/notifications/{id}/retry',
  'POST /api/v1/surveys/{id}/close',
  'POST /api/v1/surveys/{id}/remind',
  'DELETE /api/v1/events/{id}',
  'DELETE /api/v1/applications/{id}',
  'DELETE /api/v1/walk-ins/{id}',
  'POST /api/v1/me/calendar',
]);
/** Take a file's own bytes. */
const FILE_UPLOADS = new Set(['POST /api/v1/attachments', 'POST /api/v1/imports/families']);

async function writeRoutes(): Promise<{ method: string; path: string; key: string }[]> {
  const { stdout } = await promisify(execFile)(BINARY, ['routes']);
  return stdout
    .split('\n')
    .map((l) => l.trim().split(' '))
    .filter(([method]) => method === 'POST' || method === 'PUT' || method === 'PATCH' || method === 'DELETE')
    .map(([method, path]) => ({ method, path, key: `${method} ${path}` }));
}

const anId = '01J0000000000000000000000A';
const fill = (path: string) => path.replace(/\{[^}]*\}/g, anId);

describe('request bodies', () => {
  it('every JSON write route answers 415 not_json_body to any other content type', async () => {
    const routes = (await writeRoutes()).filter((r) => !BODILESS.has(r.key) && !FILE_UPLOADS.has(r.key));
    expect(routes.length).toBeGreaterThan(20);
    const facilities = (await admin.listFacilities()).items.length;
    for (const r of routes) {
      for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/xml', '', 'application/json; charset=latin1']) {
        const res = await admin.request(r.method as any, fill(r.path), undefined, { raw: '{"name":"x"}', headers: { 'Content-Type': type } });
        expect(res.status, `${r.key} as "${type}"`).toBe(415);
        expect(res.body.error).toMatchObject({ code: 'unsupported_media_type', reason: 'not_json_body' });
      }
    }
    expect((await admin.listFacilities()).items.length).toBe(facilities);
  });

  it('takes application/json with charset utf-8 or none, in any case', async () => {
    for (const type of ['application/json', 'application/json; charset=utf-8', 'Application/JSON;Charset=UTF-8']) {
      const res = await admin.request('POST', '/api/v1/audiences/preview', undefined, { raw: '{"audience":{}}', headers: { 'Content-Type': type } });
      expect(res.status, type).toBe(200);
    }
  });

  it('every bodiless write route refuses a body (400 body_not_allowed) before it acts', async () => {
    const listed = new Set((await writeRoutes()).map((r) => r.key));
    for (const key of BODILESS) expect(listed, key).toContain(key);
    for (const key of BODILESS) {
      const [method, path] = key.split(' ');
      const res = await admin.request(method as any, fill(path), undefined, { raw: '{}' });
      expect(res.status, key).toBe(400);
      expect(res.body.error.reason, key).toBe('body_not_allowed');
    }
  });

  it('a password reset or a card reissue with a body does nothing', async () => {
    const f = await enrolledFamily(server, site.staff, [site.facility.id]);
    const before = await site.staff.childCredential(f.child.id);
    const res = await site.staff.request('POST', `/api/v1/children/${f.child.id}/credential`, undefined, { raw: '{"x":1}' });
    expect(res.status).toBe(400);
    expect((await site.staff.childCredential(f.child.id)).text).toBe(before.text);
    const reset = await site.staff.request('POST', `/api/v1/guardians/${f.family.guardians[0].id}/password-reset`, undefined, { raw: 'x' });
    expect(reset.status).toBe(400);
    expect((await f.guardian.me()).must_change_password).toBe(false);  // still the session and password it had
  });

  it('a key twice in one object is refused, nested ones by their path', async () => {
    const facilities = (await admin.listFacilities()).items.length;
    const twice = await admin.request('POST', '/api/v1/facilities', undefined, {
      raw: '{"name":"一","kind":"after_school","opens_at":"13:00","closes_at":"19:00","name":"二"}',
    });
    expect(twice.status).toBe(400);
    expect(twice.body.error).toMatchObject({ reason: 'duplicate_key', field_reasons: { name: 'duplicate_key' } });
    expect((await admin.listFacilities()).items.length).toBe(facilities);
    const nested = await site.staff.request('POST', '/api/v1/families', undefined, {
      raw: JSON.stringify({ name: '重複', children: [] }).replace('"children":[]',
        '"guardians":[{"name":"a","name":"b"}],"children":[{"name":"c","birth_date":"2018-05-01"}]'),
    });
    expect(nested.status).toBe(400);
    expect(nested.body.error.field_reasons).toEqual({ 'guardians.name': 'duplicate_key' });
    // The same key in two objects is no duplicate.
    const ok = await site.staff.request('POST', '/api/v1/families', undefined, {
      raw: JSON.stringify({ name: '別々', guardians: [{ name: 'a' }], children: [{ name: 'a', birth_date: '2018-05-01' }], facility_ids: [site.facility.id] }),
    });
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
  });

  it('POST /families without children is refused', async () => {
    const before = (await site.staff.listFamilies()).items.length;
    const res = await site.staff.request('POST', '/api/v1/families', { name: '子なし', guardians: [{ name: '保護者' }] });
    expect(res.status).toBe(400);
    expect(res.body.error.field_reasons).toEqual({ children: 'required' });
    expect((await site.staff.listFamilies()).items.length).toBe(before);
  });
});

describe('writes from another site', () => {
  const login = (headers: Record<string, string>, type = 'application/json') =>
    server.api().request('POST', '/api/v1/auth/login', undefined, {
      raw: JSON.stringify({ login: server.admin.login, password: server.admin.password }),
      headers: { 'Content-Type': type, ...headers },
    });

  it('sign-in as a cross-site form can send it is refused, with no session', async () => {
    expect((await login({}, 'text/plain')).status).toBe(415);
    for (const [headers, type] of [
      [{ Origin: 'https://evil.example' }, 'text/plain'],
      [{ Origin: 'https://evil.example' }, 'application/json'],
      [{ 'Sec-Fetch-Site': 'cross-site' }, 'application/json'],
      [{ 'Sec-Fetch-Site': 'same-site', Origin: server.url }, 'application/json'],
      [{ Origin: 'null' }, 'application/json'],
    ] as [Record<string, string>, string][]) {
      const res = await login(headers, type);
      expect(res.status, JSON.stringify([headers, type])).toBe(403);
      expect(res.body.error.reason).toBe('cross_origin');
      expect(res.headers.get('set-cookie'), JSON.stringify(headers)).toBeNull();
    }
  });

  it('sign-in from the server own page, or from a client that is no browser, works', async () => {
    expect((await login({ Origin: server.url, 'Sec-Fetch-Site': 'same-origin' })).status).toBe(200);
    expect((await login({})).status).toBe(200);
  });

  it('a cookie write from another origin changes nothing', async () => {
    const res = await admin.request('PATCH', `/api/v1/facilities/${site.facility.id}`, { name: '乗っ取り' }, { headers: { Origin: 'https://evil.example' } });
    expect(res.status).toBe(403);
    expect(res.body.error.reason).toBe('cross_origin');
    expect((await admin.getFacility(site.facility.id)).name).toBe(site.facility.name);
  });

  it('a kiosk token is not asked where it comes from', async () => {
    const f = await enrolledFamily(server, site.staff, [site.facility.id]);
    const credential = (await site.staff.childCredential(f.child.id)).text;
    const res = await site.kiosk.request('POST', '/api/v1/stamps', { facility_id: site.facility.id, client_id: clientId(), credential }, { headers: { Origin: 'https://elsewhere.example' } });
    expect(res.status).toBe(201);
  });

  it('with public_url set, only its origin may write', async () => {
    const s = await startServer({
      // A public address that is not this machine's: no test password cost there.
      env: { TADAIMA_PUBLIC_URL: 'http://tadaima.example.jp', TADAIMA_TEST_PASSWORD_COST: 'false' },
    });
    try {
      const body = JSON.stringify({ login: s.admin.login, password: s.admin.password });
      const at = (origin: string) => s.api().request('POST', '/api/v1/auth/login', undefined, { raw: body, headers: { Origin: origin } });
      expect((await at(s.url)).status).toBe(403);  // the address it listens on is not the public one
      expect((await at('http://tadaima.example.jp')).status).toBe(200);
    } finally {
      await s.close();
    }
  });
});

describe("a guardian's facilities", () => {
  it('only those of the family, and only what a parent needs', async () => {
    const f = await enrolledFamily(server, site.staff, [site.facility.id]);
    const mine = await f.guardian.request('GET', `/api/v1/facilities/${site.facility.id}`);
    expect(mine.status).toBe(200);
    expect(Object.keys(mine.body.facility).sort()).toEqual(
      ['closes_at', 'id', 'kind', 'name', 'opens_at', 'plan_deadline_days', 'plan_deadline_time'],
    );
    expect(mine.body.facility).toMatchObject({ id: site.facility.id, name: site.facility.name });
    await expectApiError(f.guardian.getFacility(other.facility.id), 404, 'not_found');
    // Staff still get the whole facility.
    expect(await site.staff.getFacility(site.facility.id)).toHaveProperty('duplicate_window_seconds', 0);
  });
});

describe('refused values', () => {
  it('visit corrections to years outside 2000–2999 are refused', async () => {
    const f = await enrolledFamily(server, site.staff, [site.facility.id]);
    const credential = (await site.staff.childCredential(f.child.id)).text;
    const v = childResult(await site.kiosk.stamp({ facility_id: site.facility.id, client_id: clientId(), credential })).visit;
    for (const at of ['0001-01-01T00:00:00+09:00', '1970-01-01T09:00:00+09:00', '1999-12-31T23:59:59Z', '3000-01-01T00:00:00Z']) {
      const res = await site.staff.request('PATCH', `/api/v1/visits/${v.id}`, { in_at: at, reason: '修正' });
      expect(res.status, at).toBe(400);
      expect(res.body.error.field_reasons, at).toEqual({ in_at: 'instant_range' });
    }
    const zero = await site.staff.request('PATCH', `/api/v1/visits/${v.id}`, { in_at: '0000-01-01T00:00:00Z', reason: '修正' });
    expect(zero.status).toBe(400);
    expect(['not_instant', 'instant_range']).toContain(zero.body.error.field_reasons.in_at);
    const [after] = (await allVisits(site.staff, { child_id: f.child.id }));
    expect(after.in_at).toBe(v.in_at);
  });

  it('a visits cursor that no page wrote is refused', async () => {
    for (const cursor of ['..', '.', '1.', '.x', 'x.y', '12.34.56', '1e3.01J0000000000000000000000A']) {
      const res = await site.staff.request('GET', `/api/v1/visits?facility_id=${site.facility.id}&cursor=${encodeURIComponent(cursor)}`);
      expect(res.status, cursor).toBe(400);
      expect(res.body.error.reason, cursor).toBe('bad_cursor');
    }
  });
});

describe('stamps never go before the last one', () => {
  it('a departure scanned just before the arrival (a clock stepped back) departs at the arrival', async () => {
    const f = await enrolledFamily(server, site.staff, [site.facility.id]);
    const credential = (await site.staff.childCredential(f.child.id)).text;
    const stamp = (at: Date) => site.kiosk.stamp({ facility_id: site.facility.id, client_id: clientId(), credential, scanned_at: tokyo(at) });
    const arrived = childResult(await stamp(secondsFromNow(0)));
    expect(arrived.result).toBe('arrived');
    const departed = childResult(await stamp(secondsFromNow(-1)));
    expect(departed.result).toBe('departed');
    expect(departed.visit.id).toBe(arrived.visit.id);
    expect(departed.visit.out_at).toBe(arrived.visit.in_at);
    const visits = await allVisits(site.staff, { child_id: f.child.id });
    expect(visits).toHaveLength(1);
  });

  it('an arrival in the clock future is the open visit: the next scan departs, never a second arrival', async () => {
    const f = await enrolledFamily(server, site.staff, [site.facility.id]);
    const credential = (await site.staff.childCredential(f.child.id)).text;
    const ahead = childResult(await site.kiosk.stamp({ facility_id: site.facility.id, client_id: clientId(), credential, scanned_at: tokyo(secondsFromNow(60)) }));
    expect(ahead.result).toBe('arrived');
    const next = childResult(await site.kiosk.stamp({ facility_id: site.facility.id, client_id: clientId(), credential }));
    expect(next.result).toBe('departed');
    expect((await allVisits(site.staff, { child_id: f.child.id })).filter((v) => !v.out_at)).toHaveLength(0);
  });

  it('a queued scan from before the last stamp is refused (409 before_last_stamp) and records nothing', async () => {
    const f = await enrolledFamily(server, site.staff, [site.facility.id]);
    const credential = (await site.staff.childCredential(f.child.id)).text;
    childResult(await site.kiosk.stamp({ facility_id: site.facility.id, client_id: clientId(), credential, scanned_at: tokyo(secondsFromNow(-600)) }));
    childResult(await site.kiosk.stamp({ facility_id: site.facility.id, client_id: clientId(), credential, scanned_at: tokyo(secondsFromNow(-300)) }));
    const before = await allVisits(site.staff, { child_id: f.child.id });
    const err = await expectApiError(
      site.kiosk.stamp({ facility_id: site.facility.id, client_id: clientId(), credential, scanned_at: tokyo(secondsFromNow(-500)) }),
      409, 'conflict');
    expect(err.reason).toBe('before_last_stamp');
    expect(await allVisits(site.staff, { child_id: f.child.id })).toEqual(before);
  });
});

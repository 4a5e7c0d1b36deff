// Push subscriptions and what the push service answers. A subscription must be https on
// the allow-list (loopback on the list may use http) with a real P-256 key and a 16-byte
// auth secret, or it is refused with 400 and nothing is stored. 404/410 from the push
// service remove the subscription (row `cancelled`); 429 (Retry-After honoured) and 5xx
// are retried and then delivered once; another 4xx makes the row `dead`.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectApiError,
  expectInvalidAt,
  familyAt,
  orThrow,
  RFC3339,
  stampAt,
  startNotifyWorld,
  startServer,
  subscribe,
  waitForRows,
  newSite,
  enrolledFamily,
  type NotifyWorld,
  type Site,
  type StaffNotification,
  type StaffNotificationDetail,
  type TestApi,
  type TestServer,
} from '../support';

let world: NotifyWorld;
let site: Site;

beforeAll(async () => {
  world = await startNotifyWorld({ env: { TADAIMA_PUSH_ALLOWED_HOSTS: '127.0.0.1' } });
  site = await newSite(world.server, world.admin, { duplicate_window_seconds: 0 });
});
afterAll(async () => {
  await world?.close();
});

const listSubs = async (api: TestApi) => orThrow(await api.request('GET', '/api/v1/me/push-subscriptions')).items as { id: string; endpoint: string; created_at: string }[];
const post = async (api: TestApi, body: unknown) => orThrow(await api.request('POST', '/api/v1/me/push-subscriptions', body));
const b64u = (b: Buffer) => b.toString('base64url');

describe('subscribing', () => {
  it('201 with {id, endpoint, created_at}; the same endpoint again answers 200 and takes the new keys', async () => {
    const fam = await familyAt(site, world.server, [{ email: false }]);
    const me = fam.guardians[0].api;
    const device = world.push.device();
    const res = await me.request('POST', '/api/v1/me/push-subscriptions', device.subscription);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toEqual({ id: expect.any(String), endpoint: device.endpoint, created_at: expect.stringMatching(RFC3339) });
    expect(await listSubs(me)).toEqual([res.body]);

    // The browser rotated its keys: same endpoint, new keys.
    const fresh = world.push.rekey(device);
    const again = await me.request('POST', '/api/v1/me/push-subscriptions', { ...fresh, expirationTime: null });
    expect(again.status, JSON.stringify(again.body)).toBe(200);
    expect(again.body.id).toBe(res.body.id);
    expect(await listSubs(me)).toHaveLength(1);
    // The next push decrypts with the new keys only (the receiver knows no others).
    await stampAt(site, fam.credential);
    await world.push.waitFor(() => world.push.delivered(device).length === 1, 20_000, 'the push with the new keys');
    expect(world.push.failures().filter((f) => f.device === device.id)).toEqual([]);
  }, 60_000);

  it('a family tablet moves from one guardian to the other; another family cannot take a device over (409)', async () => {
    const fam = await familyAt(site, world.server, [{ email: false }, { email: false }]);
    const other = await familyAt(site, world.server, [{ email: false }]);
    const [mother, father] = fam.guardians.map((g) => g.api);
    const device = world.push.device();
    expect((await mother.request('POST', '/api/v1/me/push-subscriptions', device.subscription)).status).toBe(201);

    const taken = await other.guardians[0].api.request('POST', '/api/v1/me/push-subscriptions', device.subscription);
    expect(taken.status, JSON.stringify(taken.body)).toBe(409);
    expect(taken.body.error).toMatchObject({ code: 'conflict', fields: { endpoint: expect.any(String) } });
    expect(await listSubs(other.guardians[0].api)).toEqual([]);
    expect(await listSubs(mother)).toHaveLength(1);

    expect((await father.request('POST', '/api/v1/me/push-subscriptions', device.subscription)).status).toBe(201);
    expect(await listSubs(mother)).toEqual([]);
    expect((await listSubs(father)).map((s) => s.endpoint)).toEqual([device.endpoint]);
  }, 60_000);

  it('refuses endpoints off the allow-list, non-https, bad keys (400) and stores nothing', async () => {
    const fam = await familyAt(site, world.server, [{ email: false }]);
    const me = fam.guardians[0].api;
    const good = world.push.device().subscription;
    const port = world.push.port;
    const endpoints = [
      'https://updates.push.services.mozilla.com/wpush/v2/abc', // a real push service, not on this list
      `http://localhost:${port}/push/x`, // loopback, but not on the list
      `http://127.0.0.1.evil.example:${port}/push/x`,
      `http://127.0.0.1@evil.example/push/x`,
      `http://evil.example/127.0.0.1/push`,
      `ftp://127.0.0.1:${port}/push/x`,
      'javascript:alert(1)',
      'not a url',
      '',
    ];
    for (const endpoint of endpoints) {
      const e = await expectInvalidAt(post(me, { ...good, endpoint }), 'endpoint');
      expect(e.fields.endpoint, endpoint).toMatch(/\S/);
    }
    const notOnCurve = Buffer.concat([Buffer.from([4]), randomBytes(64)]);
    const ecdhCompressed = Buffer.concat([Buffer.from([2]), randomBytes(32)]);
    const keyCases: [string, unknown][] = [
      ['keys', { endpoint: good.endpoint }],
      ['keys', { endpoint: good.endpoint, keys: null }],
      ['keys', { ...good, keys: { auth: good.keys.auth } }],
      ['keys', { ...good, keys: { ...good.keys, p256dh: b64u(notOnCurve) } }],
      ['keys', { ...good, keys: { ...good.keys, p256dh: b64u(ecdhCompressed) } }],
      ['keys', { ...good, keys: { ...good.keys, p256dh: 'not base64!' } }],
      ['keys', { ...good, keys: { ...good.keys, auth: b64u(randomBytes(15)) } }],
      ['keys', { ...good, keys: { ...good.keys, auth: b64u(randomBytes(32)) } }],
      ['keys', { ...good, keys: { ...good.keys, auth: 42 } }],
      ['expirationTime', { ...good, expirationTime: 'tomorrow' }],
    ];
    for (const [field, body] of keyCases) await expectInvalidAt(post(me, body), field);
    await expectApiError(post(me, { ...good, extra: true }), 400, 'invalid_argument');
    expect(await listSubs(me), 'nothing stored').toEqual([]);
    // …and nothing is sent to any of them.
    await stampAt(site, fam.credential);
    await waitForRows(site.staff, fam.child.id, (rows) => rows.length === 1 && rows[0].status === 'delivered', 20_000, 'the in-app row only');
    expect(world.push.attempts(good.endpoint.split('/').pop())).toEqual([]);
  });

  it('only guardians subscribe; a guardian deletes their own subscription (204) and no other (404)', async () => {
    const fam = await familyAt(site, world.server, [{ email: false }, { email: false }]);
    const [mine, theirs] = [await subscribe(fam.guardians[0].api, world.push), await subscribe(fam.guardians[1].api, world.push)];
    expect((await site.staff.request('POST', '/api/v1/me/push-subscriptions', world.push.device().subscription)).status).toBe(403);
    expect((await world.server.api().request('POST', '/api/v1/me/push-subscriptions', world.push.device().subscription)).status).toBe(401);

    await expectApiError(orThrowAsync(fam.guardians[0].api.request('DELETE', `/api/v1/me/push-subscriptions/${theirs.id}`)), 404, 'not_found');
    expect((await listSubs(fam.guardians[1].api)).map((s) => s.id)).toEqual([theirs.id]);
    expect((await fam.guardians[0].api.request('DELETE', `/api/v1/me/push-subscriptions/${mine.id}`)).status).toBe(204);
    expect(await listSubs(fam.guardians[0].api)).toEqual([]);
    expect((await fam.guardians[0].api.request('DELETE', `/api/v1/me/push-subscriptions/${mine.id}`)).status).toBe(404);

    // A deleted subscription gets nothing; the other still does.
    await stampAt(site, fam.credential);
    await world.push.waitFor(() => world.push.delivered(theirs.device).length === 1, 20_000, 'the other guardian’s push');
    await waitForRows(site.staff, fam.child.id, (rows) => rows.length === 3 && rows.every((r) => r.status === 'delivered'), 20_000, 'two in-app rows and one push');
    expect(world.push.attempts(mine.device)).toEqual([]);
  }, 60_000);
});

async function orThrowAsync<T>(p: Promise<{ status: number; body: T; headers: Headers }>): Promise<T> {
  return orThrow(await p);
}

describe('answers of the push service', () => {
  const pushRows = (rows: StaffNotification[]) => rows.filter((r) => r.channel === 'push');
  const detail = async (id: string) => orThrow(await site.staff.request('GET', `/api/v1/notifications/${id}`)) as StaffNotificationDetail;

  for (const status of [410, 404]) {
    it(`${status} removes the subscription and cancels the row; later stamps send nothing there`, async () => {
      const fam = await familyAt(site, world.server, [{ email: false }]);
      const me = fam.guardians[0].api;
      const { device } = await subscribe(me, world.push);
      const { device: kept } = await subscribe(me, world.push);
      world.push.answer(device, { status });
      await stampAt(site, fam.credential);
      const rows = await waitForRows(site.staff, fam.child.id, (rs) => pushRows(rs).length === 2 && pushRows(rs).every((r) => r.status !== 'pending'), 20_000, 'both push rows final');
      const statuses = Object.fromEntries(
        pushRows(rows).map((r) => [r.status, r]),
      );
      expect(Object.keys(statuses).sort()).toEqual(['cancelled', 'delivered']);
      expect(world.push.attempts(device).map((a) => a.status)).toEqual([status]);
      expect(world.push.delivered(kept)).toHaveLength(1);
      expect((await listSubs(me)).map((s) => s.endpoint)).toEqual([kept.endpoint]);
      const d = await detail(statuses.cancelled.id);
      expect(d.history?.map((h) => h.result)).toEqual(['cancelled']);

      await stampAt(site, fam.credential);
      await world.push.waitFor(() => world.push.delivered(kept).length === 2, 20_000, 'the departure on the kept device');
      const after = await waitForRows(site.staff, fam.child.id, (rs) => pushRows(rs).length === 3 && pushRows(rs).every((r) => r.status !== 'pending'), 20_000, 'three push rows final');
      expect(pushRows(after).filter((r) => r.status === 'cancelled')).toHaveLength(1);
      expect(world.push.attempts(device)).toHaveLength(1);
    }, 60_000);
  }

  it('429 with Retry-After and 500 are retried, then delivered once; the history tells each attempt', async () => {
    const fam = await familyAt(site, world.server, [{ email: false }]);
    const { device } = await subscribe(fam.guardians[0].api, world.push);
    world.push.answer(device, { status: 429, retryAfter: 2 }, { status: 500 }, { status: 503 });
    await stampAt(site, fam.credential);
    const rows = await waitForRows(site.staff, fam.child.id, (rs) => pushRows(rs).length === 1 && pushRows(rs)[0].status === 'delivered', 40_000, 'the push row delivered');
    const attempts = world.push.attempts(device);
    expect(attempts.map((a) => a.status)).toEqual([429, 500, 503, 201]);
    expect(world.push.delivered(device)).toHaveLength(1);
    // The same notification each time (same id and Topic).
    expect(new Set(attempts.map((a) => a.payload.id)).size).toBe(1);
    expect(attempts[0].payload.id).toBe(pushRows(rows)[0].id);
    // Retry-After: 2 was honoured (the second try came no sooner than 2 s after the first).
    expect(attempts[1].receivedAt.getTime() - attempts[0].receivedAt.getTime()).toBeGreaterThanOrEqual(1900);
    const d = await detail(pushRows(rows)[0].id);
    expect(d.attempts).toBe(4);
    expect(d.history?.map((h) => h.result)).toEqual(['retry', 'retry', 'retry', 'delivered']);
    for (const h of d.history!) expect(h.at).toMatch(RFC3339);
    expect(d.history![0].detail).toMatch(/429/);
    expect(d.history![1].detail).toMatch(/500/);
  }, 60_000);

  it('another 4xx is permanent: the row is dead after one attempt', async () => {
    const fam = await familyAt(site, world.server, [{ email: false }]);
    const { device } = await subscribe(fam.guardians[0].api, world.push);
    world.push.answer(device, { status: 403 });
    await stampAt(site, fam.credential);
    const rows = await waitForRows(site.staff, fam.child.id, (rs) => pushRows(rs).length === 1 && pushRows(rs)[0].status !== 'pending', 20_000, 'the push row final');
    const row = pushRows(rows)[0];
    expect(row.status).toBe('dead');
    expect(row.attempts).toBe(1);
    expect(row.last_error).toMatch(/403/);
    expect(world.push.attempts(device).map((a) => a.status)).toEqual([403]);
  }, 60_000);
});

describe('the allow-list', () => {
  let server: TestServer;
  let guardian: TestApi;
  beforeAll(async () => {
    server = await startServer(); // TADAIMA_PUSH_ALLOWED_HOSTS unset: the browsers' push services
    const admin = await server.login();
    const s = await newSite(server, admin);
    const f = await enrolledFamily(server, s.staff, [s.facility.id]);
    guardian = f.guardian;
  });
  afterAll(async () => {
    await server?.close();
  });

  const keys = () => world.push.device().subscription.keys;

  it('by default takes the major browser push services over https, and no loopback', async () => {
    for (const endpoint of [
      `https://fcm.googleapis.com/fcm/send/${b64u(randomBytes(12))}`,
      `https://updates.push.services.mozilla.com/wpush/v2/${b64u(randomBytes(12))}`,
    ]) {
      const res = await guardian.request('POST', '/api/v1/me/push-subscriptions', { endpoint, expirationTime: null, keys: keys() });
      expect(res.status, `${endpoint}: ${JSON.stringify(res.body)}`).toBe(201);
    }
    for (const endpoint of ['http://fcm.googleapis.com/fcm/send/x', 'http://127.0.0.1:9/push/x', 'https://127.0.0.1:9/push/x', 'https://fcm.googleapis.com.evil.example/x']) {
      await expectInvalidAt(post(guardian, { endpoint, expirationTime: null, keys: keys() }), 'endpoint');
    }
    expect(await listSubs(guardian)).toHaveLength(2);
  });

  it('takes *.domain wildcards for subdomains over https only', async () => {
    await server.restart({ TADAIMA_PUSH_ALLOWED_HOSTS: '*.push.example.jp,127.0.0.1' });
    const ok = await guardian.request('POST', '/api/v1/me/push-subscriptions', { endpoint: 'https://a.push.example.jp/s/1', keys: keys() });
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    const loop = await guardian.request('POST', '/api/v1/me/push-subscriptions', { endpoint: `http://127.0.0.1:${world.push.port}/push/y`, keys: keys() });
    expect(loop.status, JSON.stringify(loop.body)).toBe(201);
    for (const endpoint of ['http://a.push.example.jp/s/2', 'https://a.push.example.jp.evil.example/s', 'https://evilpush.example.jp/s', 'https://fcm.googleapis.com/fcm/send/z']) {
      await expectInvalidAt(post(guardian, { endpoint, keys: keys() }), 'endpoint');
    }
    expect(await listSubs(guardian)).toHaveLength(4);
  });
});


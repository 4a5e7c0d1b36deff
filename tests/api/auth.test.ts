import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createCookieFetch,
  createCookieJar,
  expectApiError,
  expectErrorBody,
  expectInvalid,
  facilityInput,
  newFacility,
  randomPassword,
  signIn,
  startServer,
  uid,
  type TestApi,
  type TestServer,
} from '../support';
import { createApi } from '../../web/src/shared/api';

const MAX_FAILURES = 3;
let server: TestServer;
let admin: TestApi;

beforeAll(async () => {
  server = await startServer({ env: { TADAIMA_LOGIN_MAX_FAILURES: String(MAX_FAILURES) } });
  admin = await server.login();
});
afterAll(async () => {
  await server?.close();
});

/** Creates a staff account (must change its password) and returns its credentials. */
async function staffAccount(facilityIds: string[] = []) {
  const login = `user.${uid()}`;
  const password = randomPassword();
  const staff = await admin.createStaff({
    login,
    name: `テスト 職員 ${login}`,
    password,
    role: facilityIds.length ? 'facility_staff' : 'org_admin',
    facility_ids: facilityIds,
  });
  return { login, password, staff };
}

function cookieAttrs(lines: string[], name: string): string[] {
  const line = [...lines].reverse().find((l) => l.startsWith(`${name}=`));
  expect(line, `Set-Cookie for ${name}`).toBeTruthy();
  return line!.split(';').map((p) => p.trim().toLowerCase());
}

describe('login', () => {
  it('answers 200 {user} and sets the session and CSRF cookies', async () => {
    const api = server.api();
    const res = await api.request('POST', '/api/v1/auth/login', server.admin);
    expect(res.status).toBe(200);
    const user = res.body.user;
    expect(user).toMatchObject({ role: 'org_admin', login: server.admin.login, must_change_password: false });
    expect(typeof user.id).toBe('string');
    expect(typeof user.organization_id).toBe('string');
    expect(typeof user.name).toBe('string');

    const session = cookieAttrs(api.jar.received, 'tadaima_session');
    expect(session).toContain('httponly');
    expect(session).toContain('samesite=lax');
    expect(session).toContain('path=/');
    const csrf = cookieAttrs(api.jar.received, 'tadaima_csrf');
    expect(csrf).not.toContain('httponly');
    expect(csrf).toContain('samesite=lax');
    expect(api.jar.get('tadaima_csrf')).toMatch(/\S{16,}/);

    expect(await api.me()).toEqual(user);
    expect((await api.organization()).id).toBe(user.organization_id);
  });

  it('GET /me without a session answers 401', async () => {
    expectErrorBody(await server.api().request('GET', '/api/v1/me'), 401, 'unauthenticated');
  });

  it('a forged session cookie answers 401', async () => {
    const api = server.api();
    api.jar.set('tadaima_session', 'forged-session-token-000000000000');
    expectErrorBody(await api.request('GET', '/api/v1/me'), 401, 'unauthenticated');
  });

  it('a wrong password and an unknown login get identical 401 answers', async () => {
    const { login } = await staffAccount();
    const wrong = await server.api().request('POST', '/api/v1/auth/login', { login, password: 'not-the-password' });
    const unknown = await server
      .api()
      .request('POST', '/api/v1/auth/login', { login: `nobody.${uid()}`, password: 'not-the-password' });
    expectErrorBody(wrong, 401, 'unauthenticated');
    expect(unknown.status).toBe(wrong.status);
    expect(unknown.body).toEqual(wrong.body);
    expect(unknown.headers.get('set-cookie')).toBeNull();
    expect(wrong.headers.get('set-cookie')).toBeNull();
  });

  it(`answers 429 after ${MAX_FAILURES} failures of one login, even for the right password`, async () => {
    const { login, password } = await staffAccount();
    for (let i = 0; i < MAX_FAILURES; i++) {
      await expectApiError(server.api().login(login, `wrong-${i}-password`), 401, 'unauthenticated');
    }
    await expectApiError(server.api().login(login, 'wrong-again-password'), 429, 'too_many_requests');
    await expectApiError(server.api().login(login, password), 429, 'too_many_requests');
    // Other logins are not affected.
    expect((await server.api().login(server.admin.login, server.admin.password)).role).toBe('org_admin');
  });

  it('rate-limits an unknown login the same way (existence is not revealed)', async () => {
    const login = `ghost.${uid()}`;
    for (let i = 0; i < MAX_FAILURES; i++) {
      await expectApiError(server.api().login(login, `wrong-${i}-password`), 401, 'unauthenticated');
    }
    await expectApiError(server.api().login(login, 'wrong-again-password'), 429, 'too_many_requests');
  });
});

describe('logout', () => {
  it('answers 204, clears the cookies and ends the session on the server', async () => {
    const api = await server.login();
    const token = api.jar.get('tadaima_session')!;
    const csrf = api.jar.get('tadaima_csrf')!;
    expect(token).toBeTruthy();
    const res = await api.request('POST', '/api/v1/auth/logout');
    expect(res.status).toBe(204);
    expect(api.jar.get('tadaima_session')).toBeNull();
    expectErrorBody(await api.request('GET', '/api/v1/me'), 401, 'unauthenticated');

    // Replaying the old cookie does not work either.
    const jar = createCookieJar();
    jar.set('tadaima_session', token);
    jar.set('tadaima_csrf', csrf);
    const replay = createApi({ fetch: createCookieFetch(jar, () => server.url), csrfToken: () => csrf });
    expectErrorBody(await replay.request('GET', '/api/v1/me'), 401, 'unauthenticated');
  });

  it('without the CSRF header answers 403 and the session stays', async () => {
    const api = await server.login();
    const res = await api.request('POST', '/api/v1/auth/logout', undefined, { headers: { 'X-CSRF-Token': '' } });
    expectErrorBody(res, 403, 'permission_denied');
    expect((await api.me()).login).toBe(server.admin.login);
  });
});

describe('CSRF', () => {
  it('a state-changing request without X-CSRF-Token answers 403 and changes nothing', async () => {
    const api = await server.login();
    const before = await api.listFacilities({ limit: 200 });
    const input = facilityInput();
    const res = await api.request('POST', '/api/v1/facilities', input, { headers: { 'X-CSRF-Token': '' } });
    expectErrorBody(res, 403, 'permission_denied');
    const after = await api.listFacilities({ limit: 200 });
    expect(after.items).toEqual(before.items);
    expect(after.items.some((f) => f.name === input.name)).toBe(false);
  });

  it('a wrong X-CSRF-Token answers 403 on POST, PATCH and DELETE and changes nothing', async () => {
    const api = await server.login();
    const facility = await newFacility(api);
    const wrong = { headers: { 'X-CSRF-Token': 'x'.repeat(43) } };

    expectErrorBody(await api.request('POST', '/api/v1/facilities', facilityInput(), wrong), 403, 'permission_denied');
    expectErrorBody(
      await api.request('PATCH', `/api/v1/facilities/${facility.id}`, { name: '変更されない' }, wrong),
      403,
      'permission_denied',
    );
    expect(await api.getFacility(facility.id)).toEqual(facility);

    const family = await api.createFamily({
      name: `CSRF家 ${uid()}`,
      guardians: [{ name: '保護者' }],
      children: [{ name: '子', birth_date: '2019-05-05' }],
      facility_ids: [facility.id],
    });
    const enrollment = family.enrollments[0];
    expectErrorBody(
      await api.request('DELETE', `/api/v1/enrollments/${enrollment.id}`, undefined, wrong),
      403,
      'permission_denied',
    );
    expect((await api.getFamily(family.id)).enrollments).toEqual([enrollment]);
  });

  it("another session's CSRF token is not accepted", async () => {
    const a = await server.login();
    const b = await server.login();
    const input = facilityInput();
    const res = await a.request('POST', '/api/v1/facilities', input, {
      headers: { 'X-CSRF-Token': b.jar.get('tadaima_csrf')! },
    });
    expectErrorBody(res, 403, 'permission_denied');
    expect((await a.listFacilities({ limit: 200 })).items.some((f) => f.name === input.name)).toBe(false);
  });
});

describe('sessions', () => {
  it('survive a server restart', async () => {
    const api = await server.login();
    const me = await api.me();
    const exit = await server.stop();
    expect(exit).toBe(0);
    await server.restart();
    expect(await api.me()).toEqual(me);
    // The CSRF token of the old session still works for writes.
    const f = await api.createFacility(facilityInput());
    expect(f.id).toBeTruthy();
  });
});

describe('must_change_password', () => {
  it('blocks everything but /me, password change and logout until the password is changed', async () => {
    const facility = await newFacility(admin);
    const { login, password } = await staffAccount([facility.id]);
    const api = server.api();
    const user = await api.login(login, password);
    expect(user).toMatchObject({ role: 'facility_staff', must_change_password: true, facility_ids: [facility.id] });

    expect((await api.me()).must_change_password).toBe(true);
    expectErrorBody(await api.request('GET', '/api/v1/facilities'), 403, 'permission_denied');
    expectErrorBody(await api.request('GET', `/api/v1/facilities/${facility.id}`), 403, 'permission_denied');
    expectErrorBody(await api.request('GET', '/api/v1/organization'), 403, 'permission_denied');
    expectErrorBody(
      await api.request('POST', '/api/v1/families', {
        name: 'x',
        guardians: [{ name: 'x' }],
        children: [],
        facility_ids: [facility.id],
      }),
      403,
      'permission_denied',
    );

    await expectInvalid(api.changePassword({ current_password: 'wrong-password', new_password: randomPassword() }), 'current_password');
    await expectInvalid(api.changePassword({ current_password: password, new_password: password }), 'new_password');
    await expectInvalid(api.changePassword({ current_password: password, new_password: '1234567' }), 'new_password');
    await expectInvalid(api.changePassword({ current_password: password, new_password: 'x'.repeat(201) }), 'new_password');
    expect((await api.me()).must_change_password).toBe(true);

    const fresh = randomPassword();
    const res = await api.request('POST', '/api/v1/auth/password', { current_password: password, new_password: fresh });
    expect(res.status).toBe(204);
    expect((await api.me()).must_change_password).toBe(false);
    expect((await api.listFacilities()).items.map((f) => f.id)).toEqual([facility.id]);

    await expectApiError(server.api().login(login, password), 401, 'unauthenticated');
    expect((await server.api().login(login, fresh)).must_change_password).toBe(false);
  });

  it('lets the user log out while the gate is on', async () => {
    const { login, password } = await staffAccount();
    const api = server.api();
    await api.login(login, password);
    expect((await api.request('POST', '/api/v1/auth/logout')).status).toBe(204);
    expectErrorBody(await api.request('GET', '/api/v1/me'), 401, 'unauthenticated');
  });
});

describe('password change', () => {
  it('ends the other sessions of the user and keeps this one', async () => {
    const { login, password } = await staffAccount();
    const { api: first, password: current } = await signIn(server, login, password);
    const second = server.api();
    await second.login(login, current);
    const third = server.api();
    await third.login(login, current);
    expect((await second.me()).login).toBe(login);

    await first.changePassword({ current_password: current, new_password: `${current}-new` });
    expect((await first.me()).login).toBe(login);
    expectErrorBody(await second.request('GET', '/api/v1/me'), 401, 'unauthenticated');
    expectErrorBody(await third.request('GET', '/api/v1/me'), 401, 'unauthenticated');
    // Sessions of other users are untouched.
    expect((await admin.me()).login).toBe(server.admin.login);
  });

  it('with a wrong current password answers 400 current_password and changes nothing', async () => {
    const { login, password } = await staffAccount();
    const { api, password: current } = await signIn(server, login, password);
    await expectInvalid(api.changePassword({ current_password: `${current}x`, new_password: randomPassword() }), 'current_password');
    expect((await server.api().login(login, current)).login).toBe(login);
  });
});

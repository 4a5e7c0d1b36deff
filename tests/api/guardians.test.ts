import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectApiError,
  expectErrorBody,
  familyInput,
  newFamilyWithGuardian,
  randomPassword,
  signIn,
  startServer,
  type TestApi,
  type TestServer,
} from '../support';
import type { InvitedGuardian } from '../../web/src/shared/types';

let server: TestServer;
let admin: TestApi;

beforeAll(async () => {
  server = await startServer();
  admin = await server.login();
});
afterAll(async () => {
  await server?.close();
});

describe('guardians', () => {
  it('sign in as role guardian of their family and may not use staff endpoints', async () => {
    const { family, api } = await newFamilyWithGuardian(server, admin);
    const me = await api.me();
    expect(me).toMatchObject({ role: 'guardian', family_id: family.id, must_change_password: false });
    await expectApiError(api.listFamilies(), 403, 'permission_denied');
    await expectApiError(api.updateFamily(family.id, { name: '勝手に変更' }), 403, 'permission_denied');
    await expectApiError(api.addChild(family.id, { name: 'x', birth_date: '2020-01-01' }), 403, 'permission_denied');
    await expectApiError(api.updateChild(family.children[0].id, { name: 'x' }), 403, 'permission_denied');
    await expectApiError(api.listStaff(), 403, 'permission_denied');
    await expectApiError(api.listEnrollments(), 403, 'permission_denied');
    await expectApiError(api.resetGuardianPassword(family.guardians[0].id), 403, 'permission_denied');
    const read = await admin.getFamily(family.id);
    expect(read.name).toBe(family.name);
    expect(read.children).toEqual(family.children);
  });

  it('staff invite a guardian: 201 {guardian, login, initial_password}, who can sign in', async () => {
    const family = await admin.createFamily(familyInput());
    const res = await admin.request('POST', `/api/v1/families/${family.id}/guardians`, {
      name: '祖母 山田 トメ',
      email: 'tome@example.jp',
      relation: '祖母',
    });
    expect(res.status).toBe(201);
    const invited = res.body as InvitedGuardian;
    expect(invited.guardian).toMatchObject({ name: '祖母 山田 トメ', email: 'tome@example.jp', relation: '祖母', login: invited.login });
    expect(invited.initial_password.length).toBeGreaterThanOrEqual(8);
    const read = await admin.getFamily(family.id);
    expect(read.guardians.map((g) => g.id)).toEqual([...family.guardians.map((g) => g.id), invited.guardian.id]);
    expect(read.guardians.at(-1)).toEqual(invited.guardian);
    expect(JSON.stringify(read)).not.toContain(invited.initial_password);

    const { api } = await signIn(server, invited.login, invited.initial_password);
    expect(await api.me()).toMatchObject({ role: 'guardian', family_id: family.id });
  });

  it('a guardian invites another family member', async () => {
    const { family, api } = await newFamilyWithGuardian(server, admin);
    const invited = await api.inviteGuardian(family.id, { name: '父 山田 次郎', relation: '父' });
    expect(invited.guardian).toMatchObject({ name: '父 山田 次郎', relation: '父', email: null });
    const { api: second } = await signIn(server, invited.login, invited.initial_password);
    expect((await second.getFamily(family.id)).guardians.map((g) => g.id)).toContain(invited.guardian.id);
  });

  it('PATCH /guardians/{id}: staff and the guardian itself', async () => {
    const { family, api, guardian } = await newFamilyWithGuardian(server, admin);
    const byStaff = await admin.updateGuardian(guardian.id, { email: 'new@example.jp', relation: '保護者' });
    expect(byStaff).toEqual({ id: guardian.id, name: guardian.name, email: 'new@example.jp', relation: '保護者', login: guardian.login,
      name_kana: null, phone: null });
    const bySelf = await api.updateGuardian(guardian.id, { name: '山田 花子(旧姓 佐藤)', email: null });
    expect(bySelf).toEqual({ ...byStaff, name: '山田 花子(旧姓 佐藤)', email: null });
    expect((await admin.getFamily(family.id)).guardians[0]).toEqual(bySelf);
  });

  it('password reset: 200 {login, initial_password}; old sessions and password end; the new one must be changed', async () => {
    const { family, api, guardian, password } = await newFamilyWithGuardian(server, admin);
    const other = server.api();
    await other.login(guardian.login, password);

    const res = await admin.request('POST', `/api/v1/guardians/${guardian.id}/password-reset`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ login: guardian.login, initial_password: expect.any(String) });
    const fresh = res.body.initial_password as string;
    expect(fresh).not.toBe(password);

    expectErrorBody(await api.request('GET', '/api/v1/me'), 401, 'unauthenticated');
    expectErrorBody(await other.request('GET', '/api/v1/me'), 401, 'unauthenticated');
    await expectApiError(server.api().login(guardian.login, password), 401, 'unauthenticated');

    const again = server.api();
    expect(await again.login(guardian.login, fresh)).toMatchObject({ must_change_password: true, role: 'guardian' });
    expectErrorBody(await again.request('GET', `/api/v1/families/${family.id}`), 403, 'permission_denied');
    const chosen = randomPassword();
    await again.changePassword({ current_password: fresh, new_password: chosen });
    expect((await again.getFamily(family.id)).id).toBe(family.id);
    expect((await server.api().login(guardian.login, chosen)).must_change_password).toBe(false);
  });

  it('unknown guardian ids answer 404', async () => {
    await expectApiError(admin.updateGuardian('no-such-guardian', { name: 'x' }), 404, 'not_found');
    await expectApiError(admin.resetGuardianPassword('no-such-guardian'), 404, 'not_found');
    await expectApiError(admin.inviteGuardian('no-such-family', { name: 'x' }), 404, 'not_found');
  });
});

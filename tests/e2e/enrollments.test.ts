// Enrollments on the family page: a guardian's request to join a drop-in room waits
// as pending until staff approve it; staff enroll a child at an after-school club.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { signInAt, startBrowser, startServer, type TestBrowser, type TestServer } from './harness';

describe('enrollments on the family page', () => {
  let server: TestServer;
  let b: TestBrowser;
  let family_id = '';

  beforeAll(async () => {
    server = await startServer();
    const api = await server.login();
    const room = await api.createFacility({ name: 'こどもルーム西', kind: 'drop_in', opens_at: '09:00', closes_at: '16:00' });
    await api.createFacility({ name: '西児童クラブ', kind: 'after_school', opens_at: '14:00', closes_at: '19:00' });
    const family = await api.createFamily({
      name: '伊藤家',
      guardians: [{ name: '伊藤 美咲', relation: '母' }],
      children: [{ name: '伊藤 蓮', name_kana: 'いとう れん', birth_date: '2018-05-20' }],
    });
    family_id = family.id;
    const { login, initial_password } = family.guardians[0];
    const guardian = server.api();
    await guardian.login(login, initial_password);
    await guardian.changePassword({ current_password: initial_password, new_password: 'guardian-pass-9' });
    const asked = await guardian.createEnrollment({ facility_id: room.id, family_id });
    expect(asked.status).toBe('pending');
    b = await startBrowser();
  });
  afterAll(async () => {
    await b?.close();
    await server?.close();
  });

  test('staff approve the pending request', async () => {
    const { page } = b;
    await signInAt(page, server, `/admin/families/${family_id}`);
    const region = page.getByRole('region', { name: '利用登録' });
    const row = region.getByRole('row', { name: /こどもルーム西/ });
    await expect.poll(() => row.textContent()).toContain('承認待ち');
    expect(await row.textContent()).toContain('世帯全体');
    await row.getByRole('button', { name: '承認: こどもルーム西' }).click();
    await expect.poll(() => row.textContent()).toContain('登録済み');
    expect(await row.getByRole('button', { name: /^承認/ }).count()).toBe(0);
  });

  test('staff enroll the child at the after-school club', async () => {
    const { page } = b;
    const form = page.getByRole('form', { name: '施設に登録' });
    await form.getByLabel('施設').selectOption({ label: '西児童クラブ' });
    await form.getByLabel('対象').selectOption({ label: '伊藤 蓮' });
    await form.getByRole('button', { name: '施設に登録' }).click();
    const row = page.getByRole('region', { name: '利用登録' }).getByRole('row', { name: /西児童クラブ/ });
    await expect.poll(() => row.textContent()).toContain('登録済み');
    expect(await row.textContent()).toContain('伊藤 蓮');
  });
});

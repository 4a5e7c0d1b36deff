// 利用終了 on the family page: a child enrolled at two after-school clubs; staff press
// 利用終了 on one, the confirm names the child and the facility, dismissing it keeps the
// enrollment, accepting it ends it (DELETE /enrollments/{id}): the row leaves, the page
// says so, the other enrollment stays, and the server agrees; English labels; axe-core clean.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { TestApi } from '../support/server';
import { expectAccessible } from './axe';
import { signInAt, startBrowser, startServer, type TestBrowser, type TestServer } from './harness';

describe('admin app: ending an enrollment on the family page', () => {
  let server: TestServer;
  let admin: TestApi;
  let b: TestBrowser;
  let family_id = '';

  beforeAll(async () => {
    server = await startServer();
    admin = await server.login();
    const east = await admin.createFacility({ name: '東児童クラブ', kind: 'after_school', opens_at: '14:00', closes_at: '19:00' });
    const west = await admin.createFacility({ name: '西児童クラブ', kind: 'after_school', opens_at: '14:00', closes_at: '19:00' });
    const family = await admin.createFamily({
      name: '伊藤家',
      guardians: [{ name: '伊藤 美咲', relation: '母' }],
      children: [{ name: '伊藤 蓮', name_kana: 'いとう れん', birth_date: '2018-05-20' }],
    });
    family_id = family.id;
    for (const f of [east, west]) await admin.createEnrollment({ facility_id: f.id, child_id: family.children[0].id });
    b = await startBrowser();
  });
  afterAll(async () => {
    await b?.close();
    await server?.close();
  });

  const region = () => b.page.getByRole('region', { name: '利用登録' });
  const enrollmentsOnFile = async () => (await admin.getFamily(family_id)).enrollments.length;

  test('the confirm names the child and the facility; dismissing it keeps the enrollment', async () => {
    const { page } = b;
    await signInAt(page, server, `/admin/families/${family_id}`);
    const end = region().getByRole('button', { name: '利用終了：伊藤 蓮（西児童クラブ）' });
    await end.waitFor();
    await expectAccessible(page);
    const asked = new Promise<string>((resolve) => page.once('dialog', (d) => {
      resolve(d.message());
      void d.dismiss();
    }));
    await end.click();
    expect(await asked).toBe('伊藤 蓮の西児童クラブの利用を終了しますか？この施設の名簿に表示されなくなります。');
    expect(await region().getByRole('row', { name: /西児童クラブ/ }).count()).toBe(1);
    expect(await enrollmentsOnFile()).toBe(2);
  });

  test('accepting it ends the enrollment and updates the page', async () => {
    const { page } = b;
    page.once('dialog', (d) => void d.accept());
    await region().getByRole('button', { name: '利用終了：伊藤 蓮（西児童クラブ）' }).click();
    await region().getByRole('status').filter({ hasText: '伊藤 蓮の西児童クラブの利用を終了しました。' }).waitFor();
    await region().getByRole('row', { name: /西児童クラブ/ }).waitFor({ state: 'detached' });
    expect(await region().getByRole('row', { name: /東児童クラブ/ }).count()).toBe(1);
    expect(await enrollmentsOnFile()).toBe(1);
    await expectAccessible(page);
  });

  test('English labels', async () => {
    const { page } = b;
    await page.getByRole('button', { name: 'English' }).click();
    const end = page.getByRole('button', { name: 'End enrollment: 伊藤 蓮 at 東児童クラブ' });
    await end.waitFor();
    expect((await end.textContent())?.trim()).toBe('End enrollment');
    await page.getByRole('button', { name: '日本語' }).click();
    await region().waitFor();
  });
});

// Where staff land after signing in at /admin/ (no path): a facility_staff member on
// today's 名簿 of their facility; an org_admin on the roster of the only facility while the
// organization has exactly one, on the facility list once it has two; the roster page
// passes axe-core.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { facilityInput, newStaff } from '../support/fixtures';
import type { TestApi } from '../support/server';
import { expectAccessible } from './axe';
import { signInAt, startBrowser, type TestBrowser, type TestServer, startServer } from './harness';
import type { Facility } from '../../web/src/shared/types';

describe('admin app: the page staff land on', () => {
  let server: TestServer;
  let admin: TestApi;
  let himawari: Facility;
  let staff = { login: '', password: '' };
  let b: TestBrowser;

  beforeAll(async () => {
    server = await startServer();
    admin = await server.login();
    himawari = await admin.createFacility(facilityInput({ name: 'ひまわり児童クラブ' }));
    const s = await newStaff(server, admin, [himawari.id]);
    staff = { login: s.login, password: s.password };
    b = await startBrowser();
  });
  afterAll(async () => {
    await b?.close();
    await server?.close();
  });

  const signOut = async () => {
    await b.page.getByRole('button', { name: 'ログアウト' }).click();
    await b.page.getByLabel('ログインID').waitFor();
  };
  const expectRosterOf = async (facility: Facility) => {
    await b.page.getByRole('heading', { level: 1, name: `名簿：${facility.name}` }).waitFor();
    const url = new URL(b.page.url());
    expect(url.pathname).toBe('/admin/roster');
    expect(url.searchParams.get('facility_id')).toBe(facility.id);
  };

  test('a facility_staff member lands on the roster of their facility', async () => {
    await signInAt(b.page, server, '/admin/', staff);
    await expectRosterOf(himawari);
    await expectAccessible(b.page);
    await signOut();
  });

  test('an org_admin of one facility lands on its roster', async () => {
    await signInAt(b.page, server, '/admin/');
    await expectRosterOf(himawari);
    await signOut();
  });

  test('an org_admin of two facilities lands on the facility list', async () => {
    await admin.createFacility(facilityInput({ name: 'さくら児童クラブ' }));
    await signInAt(b.page, server, '/admin/');
    await b.page.getByRole('heading', { level: 1, name: '施設一覧' }).waitFor();
    expect(new URL(b.page.url()).pathname).toBe('/admin/facilities');
  });
});

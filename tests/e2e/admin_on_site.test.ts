// 在館中の児童 in the admin app: the children in the facility now, by arrival, with the
// family's phone (a tel: link) and the guardians' names — the list staff call from in an
// emergency. A child who arrives while it is open appears live; one who left does not
// show; another facility's children never do. Server clock pinned (2027-06-10 15:00 Tokyo).
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { enrolledFamily, newSite, startCheckinServer, type Site } from '../support/checkin';
import { kLive, rowOf } from './admin_support';
import { expectAccessible } from './axe';
import { signInAt, startBrowser, type TestBrowser, type TestServer } from './harness';

describe('admin app: the children on site', () => {
  let server: TestServer;
  let site: Site;
  let other: Site;
  let b: TestBrowser;
  const people = { name: '佐藤家', phone: '090-1234-5678', guardians: [{ name: '佐藤 恵', relation: '母' }, { name: '佐藤 健', relation: '父' }] };

  const stamp = async (s: Site, childId: string, direction: 'in' | 'out') => {
    const credential = (await s.staff.childCredential(childId)).text;
    await s.kiosk.stamp({ facility_id: s.facility.id, client_id: crypto.randomUUID(), credential, direction });
  };

  beforeAll(async () => {
    server = await startCheckinServer();
    const admin = await server.login();
    site = await newSite(server, admin, { name: 'ひまわり児童クラブ', duplicate_window_seconds: 0 });
    other = await newSite(server, admin, { name: 'さくら児童クラブ', duplicate_window_seconds: 0 });
    const sato = await enrolledFamily(server, site.staff, [site.facility.id], {
      ...people, children: [{ name: '佐藤 はる', name_kana: 'さとう はる', birth_date: '2018-05-05' }],
    });
    const left = await enrolledFamily(server, site.staff, [site.facility.id], {
      name: '鈴木家', children: [{ name: '鈴木 そら', name_kana: 'すずき そら', birth_date: '2018-05-05' }],
    });
    const elsewhere = await enrolledFamily(server, other.staff, [other.facility.id], {
      name: '高橋家', children: [{ name: '高橋 りん', name_kana: 'たかはし りん', birth_date: '2018-05-05' }],
    });
    await stamp(site, sato.child.id, 'in');
    await stamp(site, left.child.id, 'in');
    await stamp(site, left.child.id, 'out');
    await stamp(other, elsewhere.child.id, 'in');
    b = await startBrowser();
    await signInAt(b.page, server, `/admin/on-site?facility_id=${site.facility.id}`);
  });
  afterAll(async () => {
    await b?.close();
    await server?.close();
  });

  test('lists who is here with whom to call, and follows arrivals live', async () => {
    const { page } = b;
    await page.getByRole('heading', { name: '在館中の児童：ひまわり児童クラブ' }).waitFor();
    const row = rowOf(page, '佐藤 はる');
    await row.waitFor();
    await expect.poll(() => row.getByRole('link', { name: people.phone }).getAttribute('href')).toBe(`tel:${people.phone}`);
    expect(await row.textContent()).toContain('佐藤 恵（母）');
    expect(await row.textContent()).toContain('佐藤 健（父）');
    expect(await page.getByRole('status').filter({ hasText: '今いる児童' }).textContent()).toContain('1人');
    expect(await page.getByText('鈴木 そら').count()).toBe(0); // left already
    expect(await page.getByText('高橋 りん').count()).toBe(0); // another facility
    await expectAccessible(page);

    // A child who arrives now appears without a reload.
    const late = await enrolledFamily(server, site.staff, [site.facility.id], {
      name: '田中家', phone: null, children: [{ name: '田中 りく', name_kana: 'たなか りく', birth_date: '2019-04-04' }],
    });
    await stamp(site, late.child.id, 'in');
    await rowOf(page, '田中 りく').waitFor(kLive);
    expect(await rowOf(page, '田中 りく').textContent()).toContain('（登録なし）');
  });
});

// Why a notification was not delivered, in the staff's words (通知): with no mail server
// configured, an arrival's e-mail is cancelled with the server's text "no mail server is
// configured (TADAIMA_SMTP_URL)"; the list and the detail page say it in Japanese (and in
// English after the switch), and keep the server's own text in a collapsed <details> for
// the administrator; axe-core clean.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { enrolledFamily, newSite, PINNED_START, type Site } from '../support/checkin';
import { until } from '../support/poll';
import type { TestApi } from '../support/server';
import { expectAccessible } from './axe';
import { signInAt, startBrowser, startServer, type TestBrowser, type TestServer } from './harness';

const kGuardian = '小川 真理';
const kRaw = 'no mail server is configured (TADAIMA_SMTP_URL)';
const kJa = 'メールサーバーが設定されていないため、メールは送られませんでした。';

/** The e-mail notifications `api` sees for the facility, with their last_error. */
async function emails(api: TestApi, facility_id: string): Promise<{ status: string; last_error?: string }[]> {
  const res = await api.request('GET', `/api/v1/notifications?facility_id=${encodeURIComponent(facility_id)}&channel=email&limit=100`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.items;
}

describe('admin app: a notification that failed for lack of a mail server', () => {
  let server: TestServer;
  let site: Site;
  let b: TestBrowser;

  beforeAll(async () => {
    server = await startServer({ env: { TADAIMA_CLOCK_START: PINNED_START } }); // no TADAIMA_SMTP_URL
    const admin = await server.login();
    site = await newSite(server, admin, { name: 'あおぞら児童クラブ' });
    const { child } = await enrolledFamily(server, site.staff, [site.facility.id], {
      name: '小川家',
      guardians: [{ name: kGuardian, email: 'mari.ogawa@example.jp', relation: '母' }],
      children: [{ name: '小川 そうた', name_kana: 'おがわ そうた', birth_date: '2017-08-08' }],
    });
    const credential = (await site.staff.childCredential(child.id)).text;
    await site.kiosk.stamp({ facility_id: site.facility.id, client_id: crypto.randomUUID(), credential, direction: 'in' });
    await until(async () => (await emails(site.staff, site.facility.id)).some((e) => e.last_error === kRaw),
      30_000, 'the e-mail to be cancelled for lack of a mail server', 200);
    b = await startBrowser();
  });
  afterAll(async () => {
    await b?.close();
    await server?.close();
  });

  test('the list says it in Japanese; the server text waits in a <details>', async () => {
    const { page } = b;
    await signInAt(page, server, '/admin/notifications?channel=email');
    const row = page.getByRole('row').filter({ hasText: kGuardian });
    await row.getByText(kJa).waitFor();
    const details = row.locator('details');
    expect(await details.getAttribute('open')).toBeNull();
    expect(await details.locator('summary').textContent()).toBe('サーバーの記録（管理者向け）');
    expect(await row.getByText(kRaw).isVisible()).toBe(false);
    await details.locator('summary').click();
    await row.getByText(kRaw).waitFor();
    await expectAccessible(page);
  });

  test('the detail page says it too, and in English after the switch', async () => {
    const { page } = b;
    await page.getByRole('row').filter({ hasText: kGuardian }).getByRole('link', { name: /詳細/ }).click();
    await page.getByRole('heading', { name: '通知の詳細' }).waitFor();
    const summary = page.getByRole('region', { name: '概要' });
    await summary.getByText(kJa).waitFor();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'English' }).click();
    const summary_en = page.getByRole('region', { name: 'Summary' });
    await summary_en.getByText('No e-mail was sent: no mail server is configured.', { exact: false }).waitFor();
    expect(await summary_en.locator('summary').textContent()).toBe('Server record (for the administrator)');
    await page.getByRole('button', { name: '日本語' }).click();
    await summary.getByText(kJa).waitFor();
  });
});

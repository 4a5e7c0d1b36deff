// The staff's view of notification deliveries in the admin app (issue 4), with a real
// SMTP server (Debian's aiosmtpd) that is down at first: an arrival's e-mail gives up
// (配信不能) and shows as a dead letter next to the delivered in-app notification; the
// filters by status and channel; once the mail server is up, 再送 delivers it and its
// history shows the failed attempts and the delivery. Staff of another facility see
// none of it.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Child } from '../../web/src/shared/types';
import { enrolledFamily, newSite, PINNED_START, type Site } from '../support/checkin';
import { newStaff } from '../support/fixtures';
import type { TestApi } from '../support/server';
import { until } from '../support/poll';
import { startSmtpSink, type SmtpSink } from '../support/smtp';
import { expectAccessible } from './axe';
import { signInAt, startBrowser, startServer, type TestBrowser, type TestServer } from './harness';

const kGuardian = '小川 真理';
const kEmail = 'mari.ogawa@example.jp';

interface Delivery {
  id: string;
  channel: string;
  status: string;
  guardian: { name: string };
}

/** The notifications `api` sees for the facility (the first page is enough here). */
async function deliveries(api: TestApi, facility_id: string): Promise<Delivery[]> {
  const res = await api.request('GET', `/api/v1/notifications?facility_id=${encodeURIComponent(facility_id)}&limit=100`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.items;
}

describe('admin app: notification deliveries, dead letters and retry', () => {
  let server: TestServer;
  let smtp: SmtpSink;
  let site: Site;
  let child: Child;
  let other: { login: string; password: string };
  let b: TestBrowser;

  beforeAll(async () => {
    smtp = await startSmtpSink();
    await smtp.stop(); // the mail server is down until the retry test
    server = await startServer({
      env: {
        TADAIMA_CLOCK_START: PINNED_START, // an afternoon: nothing closes the visit meanwhile
        TADAIMA_SMTP_URL: smtp.url,
        TADAIMA_MAIL_FROM: 'tadaima@example.jp',
        TADAIMA_NOTIFY_RETRY_MAX_SECONDS: '1',
        TADAIMA_NOTIFY_GIVE_UP_SECONDS: '3',
      },
    });
    const admin = await server.login();
    site = await newSite(server, admin, { name: 'あおぞら児童クラブ' });
    ({ child } = await enrolledFamily(server, site.staff, [site.facility.id], {
      name: '小川家',
      guardians: [{ name: kGuardian, email: kEmail, relation: '母' }],
      children: [{ name: '小川 そうた', name_kana: 'おがわ そうた', birth_date: '2017-08-08' }],
    }));
    const elsewhere = await admin.createFacility({ name: 'べつの児童クラブ', kind: 'after_school', opens_at: '00:00', closes_at: '23:59' });
    other = await newStaff(server, admin, [elsewhere.id]);

    const credential = (await site.staff.childCredential(child.id)).text;
    await site.kiosk.stamp({ facility_id: site.facility.id, client_id: crypto.randomUUID(), credential, direction: 'in' });
    // The e-mail cannot be delivered: wait until the outbox gives up on it.
    await until(async () => {
      const email = (await deliveries(site.staff, site.facility.id)).filter((d) => d.channel === 'email');
      return email.length === 1 && email[0].status === 'dead';
    }, 30_000, 'the e-mail to give up (dead)', 500);

    b = await startBrowser();
    await signInAt(b.page, server, '/admin/notifications');
  });
  afterAll(async () => {
    await smtp?.stop();
    await b?.close();
    await server?.close();
  });

  const rowOf = (channel: string) => b.page.getByRole('row').filter({ hasText: kGuardian }).filter({ hasText: channel });

  test('lists the deliveries: the in-app one delivered, the e-mail dead with its error, and a dead-letter banner', async () => {
    const { page } = b;
    await page.getByRole('heading', { name: '通知の配信状況' }).waitFor();
    await page.getByText('配信できなかった通知（配信不能）が 1 件あります。').waitFor();
    const inapp = rowOf('アプリ内');
    await expect.poll(() => inapp.textContent()).toContain('配信済み');
    expect(await inapp.textContent()).toContain('小川 そうた');
    expect(await inapp.textContent()).toContain('入館');
    const email = rowOf('メール');
    const email_text = await email.textContent();
    expect(email_text).toContain('配信不能');
    const last_error = (await deliveries(site.staff, site.facility.id)).find((d) => d.channel === 'email') as Delivery & { last_error?: string };
    expect(last_error.last_error, 'the server keeps the error').toMatch(/\S/);
    expect(email_text).toContain(last_error.last_error);
    expect(await inapp.getByRole('button', { name: /再送/ }).count()).toBe(0);
    await expectAccessible(page);
  });

  test('filters by channel and by status; the banner links to the dead letters', async () => {
    const { page } = b;
    const filters = page.getByRole('form', { name: '絞り込み' });
    await filters.getByLabel('経路').selectOption({ label: 'メール' });
    await filters.getByRole('button', { name: '表示' }).click();
    await expect.poll(() => page.url()).toContain('channel=email');
    await expect.poll(() => rowOf('アプリ内').count()).toBe(0);
    expect(await rowOf('メール').count()).toBe(1);

    await filters.getByLabel('経路').selectOption({ label: 'すべての経路' });
    await filters.getByLabel('状態').selectOption({ label: '配信済み' });
    await filters.getByRole('button', { name: '表示' }).click();
    await expect.poll(() => page.url()).toContain('status=delivered');
    await expect.poll(() => rowOf('メール').count()).toBe(0);
    expect(await rowOf('アプリ内').count()).toBe(1);

    await page.getByRole('link', { name: '配信不能の通知を表示' }).click();
    await expect.poll(() => page.url()).toContain('status=dead');
    await expect.poll(() => rowOf('メール').count()).toBe(1);
    expect(await rowOf('アプリ内').count()).toBe(0);
  });

  test('once the mail server is up, 再送 delivers the dead e-mail; its history shows every attempt', async () => {
    const { page } = b;
    await smtp.start();
    await rowOf('メール').getByRole('button', { name: `${kGuardian} への入館の通知（メール）を再送` }).click();
    await page.getByRole('status').filter({ hasText: `${kGuardian} さんへの通知を再送します` }).waitFor();
    await expect.poll(async () => (await deliveries(site.staff, site.facility.id))
      .find((d) => d.channel === 'email')?.status, { timeout: 30_000, interval: 500 }).toBe('delivered');
    const mails = await smtp.waitFor((all) => all.some((m) => m.toAddress === kEmail), 10_000, 'the e-mail sent again');
    expect(mails.filter((m) => m.toAddress === kEmail)).toHaveLength(1);
    expect(mails.find((m) => m.toAddress === kEmail)!.body).toContain('小川 そうた');

    await page.goto(`${server.url}/admin/notifications?channel=email`);
    const email = rowOf('メール');
    await expect.poll(() => email.textContent()).toContain('配信済み');
    expect(await page.getByText(/配信不能）が/).count()).toBe(0);
    await email.getByRole('link', { name: /詳細/ }).click();
    await page.getByRole('heading', { name: '通知の詳細' }).waitFor();
    const history = page.getByRole('region', { name: '配信の記録' }).getByRole('row');
    // A header row, the failed attempts before giving up, and the delivery.
    await expect.poll(() => history.count()).toBeGreaterThanOrEqual(3);
    const texts = await history.allTextContents();
    expect(texts.some((t) => t.includes('配信不能')), 'the attempt that gave up').toBe(true);
    expect(texts.some((t) => t.includes('配信済み')), 'the delivery after 再送').toBe(true);
    const summary = await page.getByRole('region', { name: '概要' }).textContent();
    expect(summary).toContain(kGuardian);
    expect(summary).toContain('メール');
    expect(summary).toContain('配信済み');
    expect(await page.getByRole('button', { name: '再送' }).count()).toBe(0);
    await expectAccessible(page);
  });

  test('staff of another facility see none of these notifications', async () => {
    const context = await b.browser.newContext({ locale: 'ja-JP' });
    try {
      const page = await context.newPage();
      await signInAt(page, server, '/admin/notifications', other);
      await page.getByText('該当する通知はありません。').waitFor();
      expect(await page.getByText(kGuardian).count()).toBe(0);
      expect(await page.getByText(/配信不能）が/).count()).toBe(0);
    } finally {
      await context.close();
    }
  });
});

// A signed-out page is quiet: the parents' app and the admin do not ask /api/v1/me without
// a session cookie, so their sign-in pages log no 401 and no failed request; both link a
// favicon (an SVG from our server), so no page asks for a missing /favicon.ico. After
// signing in the app asks /me as before, and after signing out it is quiet again.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import type { NewFamily } from '../../web/src/shared/types';
import { facilityInput } from '../support/fixtures';
import type { TestServer } from '../support/server';
import { expectAccessible } from './axe';
import { changePassword, registerFamily, signInApp, startPhone, type Phone } from './app_support';
import { startServer } from './harness';

describe('signed-out pages: no 401, a favicon', () => {
  let server: TestServer;
  let phone: Phone;
  let family: NewFamily;
  const noise: string[] = [];
  const asked: string[] = [];

  beforeAll(async () => {
    server = await startServer();
    const admin = await server.login();
    const club = await admin.createFacility(facilityInput());
    family = await registerFamily(admin, [club.id]);
    phone = await startPhone();
    const { page } = phone;
    page.on('console', (m) => void (m.type() === 'error' && noise.push(`console: ${m.text()}`)));
    page.on('response', (r) => void (r.status() >= 400 && noise.push(`${r.status()} ${r.url()}`)));
    page.on('requestfailed', (r) => void noise.push(`failed ${r.url()}`));
    page.on('request', (r) => void asked.push(new URL(r.url()).pathname));
  });
  afterAll(async () => {
    await phone?.close();
    await server?.close();
  });

  /** Opens `path` signed out and waits for its sign-in page. */
  async function openSignedOut(page: Page, path: string) {
    await page.goto(server.url + path);
    await page.getByLabel('ログインID').waitFor();
    await page.getByRole('button', { name: 'ログイン' }).waitFor();
  }

  test('the app\'s sign-in page asks nothing of /me and logs no error', async () => {
    const { page } = phone;
    await openSignedOut(page, '/app/');
    await page.reload();
    await page.getByLabel('ログインID').waitFor();
    expect(asked).not.toContain('/api/v1/me');
    expect(noise).toEqual([]);
    await expectAccessible(page);
  });

  test('the admin\'s sign-in page too, and both link a favicon our server serves', async () => {
    const { page } = phone;
    await openSignedOut(page, '/admin/');
    expect(asked).not.toContain('/api/v1/me');
    expect(asked).not.toContain('/favicon.ico');
    expect(noise).toEqual([]);
    for (const path of ['/admin/', '/app/']) {
      await page.goto(server.url + path);
      const href = await page.locator('link[rel="icon"][type="image/svg+xml"]').getAttribute('href');
      expect(href, path).toMatch(/^\/assets\/favicon-.*\.svg$/);
      const res = await fetch(server.url + href);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('image/svg+xml');
      expect(await res.text()).toContain('<svg');
    }
  });

  test('signed in the app asks /me; after signing out the sign-in page is quiet again', async () => {
    const { page } = phone;
    const g = family.guardians[0];
    await signInApp(page, server, g.login, g.initial_password);
    await changePassword(page, g.initial_password, 'my-own-pass-2027');
    await page.getByRole('heading', { name: 'こども', level: 1 }).waitFor();
    asked.length = 0;
    await page.reload();
    await page.getByRole('heading', { name: 'こども', level: 1 }).waitFor();
    expect(asked).toContain('/api/v1/me');

    await page.goto(`${server.url}/app/settings`);
    await page.getByRole('button', { name: 'ログアウト' }).click();
    await page.getByLabel('ログインID').waitFor();
    asked.length = 0;
    noise.length = 0;
    await page.reload();
    await page.getByLabel('ログインID').waitFor();
    expect(asked).not.toContain('/api/v1/me');
    expect(noise).toEqual([]);
  });
});

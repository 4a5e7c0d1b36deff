// The parents' app is an installable PWA: its manifest (standalone, start_url and scope
// /app/, 192 and 512 PNG icons), a service worker registered for /app/ that keeps the app
// shell, so the app starts while the server cannot be reached, and Chromium's own
// installability check (CDP Page.getInstallabilityErrors) finding nothing missing; the
// worker shows a push message (delivered by CDP as the browser would after decrypting
// it). Nothing the app loads comes from anywhere but our server.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startServer, type TestServer } from './harness';
import { pngSize, startPhone, type Phone } from './app_support';

describe('parents app as an installable PWA', () => {
  let server: TestServer;
  let phone: Phone;
  const requested: string[] = [];

  beforeAll(async () => {
    server = await startServer();
    phone = await startPhone({ installable: true });
    phone.page.on('request', (r) => void requested.push(r.url()));
  });
  afterAll(async () => {
    await phone?.close();
    await server?.close();
  });

  test('the manifest says standalone, /app/ for start and scope, and names PNG icons of 192 and 512', async () => {
    const res = await fetch(`${server.url}/app/manifest.webmanifest`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/manifest+json');
    const manifest = await res.json();
    expect(manifest).toMatchObject({ display: 'standalone', start_url: '/app/', scope: '/app/', lang: 'ja' });
    expect(manifest.name.length).toBeGreaterThan(0);
    expect(manifest.short_name.length).toBeGreaterThan(0);
    const sizes = new Set<string>();
    for (const icon of manifest.icons as { src: string; sizes: string; type: string }[]) {
      expect(icon.type).toBe('image/png');
      const got = await fetch(server.url + icon.src);
      expect(got.status, icon.src).toBe(200);
      expect(got.headers.get('content-type')).toBe('image/png');
      const { width, height } = pngSize(Buffer.from(await got.arrayBuffer()));
      expect(`${width}x${height}`, icon.src).toBe(icon.sizes);
      sizes.add(icon.sizes);
    }
    expect([...sizes].sort()).toEqual(['192x192', '512x512']);
  });

  test('the page links the manifest and registers the service worker for /app/', async () => {
    const { page } = phone;
    await page.goto(`${server.url}/app/`);
    await page.getByLabel('ログインID').waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('ja');
    expect(await page.locator('link[rel="manifest"]').getAttribute('href')).toBe('/app/manifest.webmanifest');
    const registration = await page.evaluate(async () => {
      const reg = await navigator.serviceWorker.ready;
      return { scope: reg.scope, script: reg.active?.scriptURL ?? null };
    });
    expect(registration).toEqual({ scope: `${server.url}/app/`, script: `${server.url}/app/sw.js` });
    const sw = await fetch(`${server.url}/app/sw.js`);
    expect(sw.headers.get('content-type')).toContain('text/javascript');
  });

  test('Chromium finds the app installable', async () => {
    const { page, context } = phone;
    const cdp = await context.newCDPSession(page);
    const manifest = await cdp.send('Page.getAppManifest');
    expect(manifest.url).toBe(`${server.url}/app/manifest.webmanifest`);
    expect(manifest.errors).toEqual([]);
    // The check runs on the page as it is: poll until the worker controls it.
    await page.reload();
    await page.getByLabel('ログインID').waitFor();
    await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    expect(installabilityErrors).toEqual([]);
  });

  test('the service worker shows a push message\'s title and body, and tells the open app', async () => {
    const { page, context } = phone;
    await context.grantPermissions(['notifications'], { origin: server.url });
    await page.evaluate(() => {
      const w = window as unknown as { told: unknown[] };
      w.told = [];
      navigator.serviceWorker.addEventListener('message', (e) => void w.told.push(e.data));
    });
    // What the browser hands the worker once it decrypted a message of the push service
    // (the server's payload, contract: {id, kind, title, body, url, …}).
    const cdp = await context.newCDPSession(page);
    const registrations: { registrationId: string; scopeURL: string }[] = [];
    cdp.on('ServiceWorker.workerRegistrationUpdated', (e) => void registrations.push(...e.registrations));
    await cdp.send('ServiceWorker.enable');
    await expect.poll(() => registrations.some((r) => r.scopeURL === `${server.url}/app/`)).toBe(true);
    const registrationId = registrations.find((r) => r.scopeURL === `${server.url}/app/`)!.registrationId;
    const deliver = (data: string) => cdp.send('ServiceWorker.deliverPushMessage', { origin: server.url, registrationId, data });
    const shown = () => page.evaluate(async () =>
      (await (await navigator.serviceWorker.ready).getNotifications()).map((n) => ({ title: n.title, body: n.body, tag: n.tag, url: n.data?.url })));

    // The browser may drop a message handed to a worker that is still starting (a busy
    // machine stops idle workers): hand it again until it shows, as a push service
    // redelivers. The same tag replaces the notification, so a repeat shows once.
    const until = async (message: object, tag: string) => {
      const now = await shown();
      if (!now.some((n) => n.tag === tag)) await deliver(JSON.stringify(message));
      return now;
    };
    const arrival = {
      id: 'n-1', kind: 'arrival', title: '山田 ひかりさんが到着しました', body: '山田 ひかりさんが15:02にひまわり学童に到着しました。',
      url: '/app/', child_id: 'c-1', child_name: '山田 ひかり',
    };
    await deliver(JSON.stringify(arrival));
    await expect.poll(() => until(arrival, 'n-1')).toEqual([
      { title: '山田 ひかりさんが到着しました', body: '山田 ひかりさんが15:02にひまわり学童に到着しました。', tag: 'n-1', url: `${server.url}/app/` },
    ]);
    const told = () => page.evaluate(() => (window as unknown as { told: { type: string }[] }).told.map((m) => m.type));
    await expect.poll(async () => (await told()).length).toBeGreaterThan(0);
    expect(new Set(await told())).toEqual(new Set(['push']));

    // A link off the app is not followed: the notification opens /app/.
    const departure = { id: 'n-2', kind: 'departure', title: '退館', body: '17:40', url: 'https://elsewhere.example/' };
    await deliver(JSON.stringify(departure));
    await expect.poll(async () => (await until(departure, 'n-2')).find((n) => n.tag === 'n-2')?.url).toBe(`${server.url}/app/`);
    await cdp.detach();
  });

  test('everything the app loaded came from our server', () => {
    const foreign = requested.filter((url) => !url.startsWith(`${server.url}/`));
    expect(foreign).toEqual([]);
    expect(requested.length).toBeGreaterThan(3);
  });

  test('with the server gone the app still starts from the service worker cache', async () => {
    const { page } = phone;
    const cached = await page.evaluate(async () => {
      const names = await caches.keys();
      const cache = await caches.open(names.find((n) => n.startsWith('tadaima-app-'))!);
      return (await cache.keys()).map((r) => new URL(r.url).pathname);
    });
    expect(cached).toContain('/app/');
    expect(cached).toContain('/app/manifest.webmanifest');
    expect(cached.some((p) => /^\/assets\/app-.*\.js$/.test(p))).toBe(true);

    await server.stop();
    await page.reload();
    // The shell came from the cache. Signed out, the app asks nothing at start and shows
    // its sign-in page; signing in cannot reach the server, and the app says so.
    await page.getByLabel('ログインID').fill('someone');
    await page.getByLabel('パスワード').fill('a-password');
    await page.getByRole('button', { name: 'ログイン' }).click();
    await page.getByRole('alert').filter({ hasText: 'サーバーに接続できません' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('ja');
  });
});

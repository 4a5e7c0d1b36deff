// The kiosk with a real camera path: Chromium's fake camera plays a video of the child's
// own QR card (the server's qr.png turned into .y4m by ffmpeg); the page decodes it
// (BarcodeDetector or zxing-wasm, whose .wasm comes from our server), records the
// arrival once although the card stays in view, and the admin roster shows the child in.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { allVisits, download, enrolledFamily, newSite, type Site } from '../support/checkin';
import type { Child } from '../../web/src/shared/types';
import { startServer, type TestServer } from './harness';
import { adminPage, qrVideo, recordRequests, startKioskBrowser, type FakeVideo, type KioskBrowser } from './kiosk_support';

describe('kiosk: a card shown to the camera', () => {
  let server: TestServer;
  let site: Site;
  let child: Child;
  let video: FakeVideo;
  let b: KioskBrowser;
  let requests: string[] = [];

  beforeAll(async () => {
    server = await startServer();
    const admin = await server.login();
    site = await newSite(server, admin, { name: 'ひかり児童クラブ', kind: 'after_school' });
    ({ child } = await enrolledFamily(server, site.staff, [site.facility.id], {
      name: '田中家',
      guardians: [{ name: '田中 由美', relation: '母' }],
      children: [{ name: '田中 ひかり', name_kana: 'たなか ひかり', birth_date: '2017-05-05' }],
    }));
    const png = await download(server, site.staff, `/api/v1/children/${child.id}/qr.png`);
    expect(png.status).toBe(200);
    expect(png.type).toContain('image/png');
    video = await qrVideo(png.bytes);
    b = await startKioskBrowser({ video: video.file });
    requests = recordRequests(b.page);
  });
  afterAll(async () => {
    await b?.close();
    video?.remove();
    await server?.close();
  });

  test('the pairing link is taken once and the camera reads the card: おかえりなさい and the name', async () => {
    const { page } = b;
    const errors: string[] = [];
    page.on('console', (m) => void (m.type() === 'error' && errors.push(m.text())));
    await page.goto(`${server.url}/kiosk/#token=${encodeURIComponent(site.kioskToken)}`);
    const overlay = page.locator('.overlay--arrived');
    // The camera path either reads the card or gives up (no camera, the decoder failed to load).
    await page.locator('.overlay--arrived, .camera--off').first().waitFor({ timeout: 30_000 });
    const off = page.locator('.camera--off .camera-off');
    if (await off.count()) throw new Error(`the camera path failed: ${await off.getAttribute('title')}\n${errors.join('\n')}`);
    expect(await overlay.textContent()).toContain('おかえりなさい');
    expect(await overlay.textContent()).toContain('田中 ひかり');
    expect(await overlay.textContent()).toMatch(/\d{2}:\d{2}/);
    // The token left the address bar; the facility is shown.
    expect(page.url()).not.toContain('token');
    expect(await page.locator('.facility-name').textContent()).toBe('ひかり児童クラブ');
    const visits = await allVisits(site.staff, { child_id: child.id });
    expect(visits).toHaveLength(1);
    expect(visits[0].method).toBe('qr');
    expect(visits[0].out_at).toBeNull();
  });

  test('every request went to our server, the decoder included', async () => {
    const decoder = await b.page.locator('.camera').getAttribute('data-decoder');
    expect(['zxing-wasm', 'barcode-detector']).toContain(decoder);
    const origin = new URL(server.url).origin;
    const foreign = requests.filter((u) => !u.startsWith(`${origin}/`) && !u.startsWith('data:') && !u.startsWith('blob:'));
    expect(foreign).toEqual([]);
    if (decoder === 'zxing-wasm') {
      expect(requests.some((u) => new URL(u).pathname.startsWith('/assets/') && u.endsWith('.wasm'))).toBe(true);
    }
  });

  test('the card staying in front of the camera counts once', async () => {
    // The fake camera keeps showing the card; past the result screen and the 3 s window.
    await b.page.locator('.overlay').waitFor({ state: 'detached', timeout: 15_000 });
    await b.page.waitForTimeout(4_000);
    const visits = await allVisits(site.staff, { child_id: child.id });
    expect(visits).toHaveLength(1);
    expect(visits[0].out_at).toBeNull();
  });

  test('the admin roster shows the child present', async () => {
    const page = await adminPage(b.browser, server, `/admin/roster?facility_id=${encodeURIComponent(site.facility.id)}`);
    await page.getByRole('heading', { name: '名簿：ひかり児童クラブ' }).waitFor();
    const row = page.getByRole('row', { name: /田中 ひかり/ });
    await expect.poll(() => row.textContent()).toContain('在館中');
    expect(await row.textContent()).toMatch(/\d{2}:\d{2}/);
  });
});

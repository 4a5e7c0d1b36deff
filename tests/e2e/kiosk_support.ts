// What the kiosk browser tests share: Chromium launched with a fake camera that plays a
// .y4m video (made from the server's own QR PNG with Debian's ffmpeg), a tablet-sized
// page, a USB scanner typing a code then Enter, a record of every request the page
// makes (so a test can show nothing left our server), and a signed-in admin page.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { chromiumOptions, desktopContext, kStepTimeout, signInAt, type TestServer } from './harness';

const run = promisify(execFile);

export interface KioskBrowser {
  browser: Browser;
  /** The kiosk tablet: no cookies, Japanese, 1024×768. */
  kiosk: BrowserContext;
  page: Page;
  close: () => Promise<void>;
}

/**
 * Debian's Chromium as a kiosk tablet. With `video`, the camera is Chromium's fake device
 * playing that .y4m file in a loop, and the camera permission is granted without asking.
 */
export async function startKioskBrowser(options: { video?: string } = {}): Promise<KioskBrowser> {
  const camera = options.video
    ? ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', `--use-file-for-fake-video-capture=${options.video}`]
    : [];
  const browser = await chromium.launch(chromiumOptions(camera));
  const kiosk = await browser.newContext({ locale: 'ja-JP', viewport: { width: 1024, height: 768 }, hasTouch: true });
  kiosk.setDefaultTimeout(kStepTimeout);
  const page = await kiosk.newPage();
  return { browser, kiosk, page, close: () => browser.close() };
}

/** A signed-in admin page in its own context (own cookies) of the same browser. */
export async function adminPage(browser: Browser, server: TestServer, path: string): Promise<Page> {
  const page = await (await desktopContext(browser)).newPage();
  await signInAt(page, server, path);
  return page;
}

/** What a USB barcode scanner does: types the text, then Enter. */
export async function scanWithKeyboard(page: Page, text: string): Promise<void> {
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}

/** Every URL the page requests from now on. */
export function recordRequests(page: Page): string[] {
  const urls: string[] = [];
  page.on('request', (request) => void urls.push(request.url()));
  return urls;
}

export interface FakeVideo {
  file: string;
  remove: () => void;
}

/**
 * A .y4m video showing `png` (a QR image) centred on white, scaled with nearest-neighbour
 * so the modules stay sharp, made by Debian's ffmpeg.
 */
export async function qrVideo(png: Buffer): Promise<FakeVideo> {
  const dir = mkdtempSync(join(tmpdir(), 'tadaima-camera-'));
  const input = join(dir, 'qr.png');
  const file = join(dir, 'qr.y4m');
  writeFileSync(input, png);
  await run('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', '-loop', '1', '-i', input,
    '-vf', 'scale=360:360:flags=neighbor,pad=640:480:(ow-iw)/2:(oh-ih)/2:color=white,format=yuv420p',
    '-t', '2', '-r', '10', file], { timeout: 60_000 });
  if (statSync(file).size === 0) throw new Error('ffmpeg wrote an empty video');
  return { file, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Opens the kiosk page paired with `token` (the /kiosk/#token= link) and waits for the ready screen. */
export async function openKiosk(page: Page, server: TestServer, token: string): Promise<void> {
  await page.goto(`${server.url}/kiosk/#token=${encodeURIComponent(token)}`);
  await page.getByRole('heading', { name: /カードを かざしてね|Show your card/ }).waitFor();
}

/** Opens 職員メニュー and types `pin` on its on-screen keypad, then 開く; returns the dialog. */
export async function unlockStaffMenu(page: Page, pin: string) {
  await page.getByRole('button', { name: '職員メニュー' }).click();
  const menu = page.getByRole('dialog', { name: '職員メニュー' });
  for (const digit of pin) await menu.getByRole('button', { name: digit, exact: true }).click();
  await menu.getByRole('button', { name: '開く' }).click();
  return menu;
}

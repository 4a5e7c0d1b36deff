// What the browser tests of the parents' app (/app/) share: Debian's Chromium as a phone
// (390×844, touch, ja-JP, Asia/Tokyo), signing in through the app's own page, families
// made through the API with their guardians' initial passwords. axe-core's check is ./axe.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import type { NewFamily } from '../../web/src/shared/types';
import { familyInput } from '../support/fixtures';
import type { TestApi, TestServer } from '../support/server';
import { chromiumOptions, kStepTimeout, signIn } from './harness';

export const kPhone = { width: 390, height: 844 };

export interface Phone {
  context: BrowserContext;
  page: Page;
  close: () => Promise<void>;
}

/**
 * Debian's Chromium as a phone, headless. By default a fresh incognito context; with
 * `installable`, a fresh persistent profile instead (Chromium offers to install apps only
 * outside incognito). Beware: in a persistent profile with the notification permission
 * granted, headless Chromium 156 crashes in pushManager.subscribe() (it has no push
 * service); incognito answers AbortError, as a phone without a push service would.
 */
export async function startPhone(options: { installable?: boolean } = {}): Promise<Phone> {
  const settings = { locale: 'ja-JP', timezoneId: 'Asia/Tokyo', viewport: kPhone, isMobile: true, hasTouch: true };
  let context: BrowserContext;
  let cleanup = async () => {};
  if (options.installable) {
    const profile = mkdtempSync(join(tmpdir(), 'tadaima-phone-'));
    context = await chromium.launchPersistentContext(profile, { ...chromiumOptions(), ...settings });
    cleanup = async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    };
  } else {
    const browser = await chromium.launch(chromiumOptions());
    context = await browser.newContext(settings);
    cleanup = () => browser.close();
  }
  context.setDefaultTimeout(kStepTimeout);
  const page = context.pages()[0] ?? (await context.newPage());
  return { context, page, close: cleanup };
}

/** Opens /app/ and signs in through the app's sign-in page. */
export async function signInApp(page: Page, server: TestServer, login: string, password: string): Promise<void> {
  await page.goto(`${server.url}/app/`);
  await signIn(page, login, password);
}

/** Changes the password on the forced password-change page. */
export async function changePassword(page: Page, current: string, next: string): Promise<void> {
  await page.getByRole('heading', { name: 'パスワードの変更' }).waitFor();
  await page.getByLabel('現在のパスワード').fill(current);
  await page.getByLabel(/^新しいパスワード\s*\*?$/).fill(next);
  await page.getByLabel('新しいパスワード（確認）').fill(next);
  await page.getByRole('button', { name: '変更する' }).click();
}

/** Signs in with an initial password and changes it; ends on the home page. */
export async function signInFirstTime(page: Page, server: TestServer, login: string, initial: string, next: string): Promise<void> {
  await signInApp(page, server, login, initial);
  await changePassword(page, initial, next);
  await page.getByRole('heading', { name: 'こども', level: 1 }).waitFor();
}

/** A family registered by `staff` and enrolled at `facilityIds`; guardians carry initial passwords. */
export async function registerFamily(staff: TestApi, facilityIds: string[], over: Parameters<typeof familyInput>[0] = {}): Promise<NewFamily> {
  return staff.createFamily(familyInput({ facility_ids: facilityIds, ...over }));
}

/** Width and height of a PNG, from its IHDR chunk. */
export function pngSize(png: Buffer): { width: number; height: number } {
  if (png.subarray(0, 8).toString('hex') !== '89504e470d0a1a0a' || png.subarray(12, 16).toString('ascii') !== 'IHDR') {
    throw new Error('not a PNG');
  }
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** The date `delta` days from today in Tokyo (the organization's zone) by the real clock: "2027-06-11". */
export function tokyoDay(delta = 0, now: Date = new Date()): string {
  const today = new Date(now.getTime() + 9 * 3600_000);
  return new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() + delta)).toISOString().slice(0, 10);
}

/** "7月10日（金）", as the app writes a date in Japanese. */
export function jaDay(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${m}月${d}日（${'日月火水木金土'[new Date(Date.UTC(y, m - 1, d)).getUTCDay()]}）`;
}

/**
 * Blocks notifications for `origin` in the phone's browser context, as a parent who once
 * answered 「ブロック」 (Notification.permission is then "denied"), through the DevTools
 * protocol. The block lasts while the phone is open: Chromium drops it when the session that
 * set it ends, so that session is left attached.
 */
export async function denyNotifications(phone: Phone, origin: string): Promise<void> {
  const page_cdp = await phone.context.newCDPSession(phone.page);
  const { targetInfo } = await page_cdp.send('Target.getTargetInfo');
  await page_cdp.detach();
  const browser = phone.context.browser();
  if (!browser) throw new Error('denyNotifications needs a phone of startPhone() without `installable`');
  const cdp = await browser.newBrowserCDPSession();
  await cdp.send('Browser.setPermission', {
    permission: { name: 'notifications' }, setting: 'denied', origin, browserContextId: targetInfo.browserContextId,
  });
}

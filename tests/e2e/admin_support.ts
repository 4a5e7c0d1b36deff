// Helpers of the admin browser tests (admin_*.test.ts): the rows of a page's table by the
// name in them, the families of the roster and 連絡 tests, how long a live change may
// take, and the text of a QR code shown on the page. axe-core's check is ./axe.
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { Child, NewFamily } from '../../web/src/shared/types';
import { decodeQr, enrolledFamily, type Site } from '../support/checkin';
import type { TestApi, TestServer } from '../support/server';

/** How long a live change may take to show (a generous bound for a loaded machine, not a speed claim). */
export const kLive = { timeout: 15_000 };

/** The table row whose text names `name` (a child or a guardian). */
export const rowOf = (page: Page, name: string) => page.getByRole('row', { name: new RegExp(name) });

/** A family of one guardian and one child, enrolled at a site; the guardian signed in. */
export interface Member {
  family: NewFamily;
  child: Child;
  guardian: TestApi;
}

/** The family `family` at `site`: guardian `guardian` (母) and child `child` (kana `kana`, born 2018-05-05). */
export function member(server: TestServer, site: Site, family: string, guardian: string, child: string, kana: string): Promise<Member> {
  return enrolledFamily(server, site.staff, [site.facility.id], {
    name: family,
    guardians: [{ name: guardian, relation: '母' }],
    children: [{ name: child, name_kana: kana, birth_date: '2018-05-05' }],
  });
}

/**
 * What Debian's zbarimg reads in the QR code an element of the page shows (a screenshot
 * of it, once the image has loaded).
 */
export async function shownQr(image: Locator): Promise<string> {
  await expect.poll(() => image.evaluate((img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
  return decodeQr(await image.screenshot({ type: 'png' }));
}

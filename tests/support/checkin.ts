// Helpers for the check-in tests (issue 3): kiosk clients, binary downloads (QR images,
// PDFs, CSV), decoding them with Debian's zbarimg and pdftotext, times, and the visits
// a caller can see (to check that a refused request recorded nothing).

import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect } from 'vitest';
import { ApiError, createKioskApi, type Api, type RawResponse } from '../../web/src/shared/api';
import type { Facility, FacilityInput, NewFamily, StampAnswer, Visit, VisitListParams } from '../../web/src/shared/types';
import { createCookieFetch } from './cookie-fetch';
import { expectInvalid } from './expect';
import { facilityInput, familyInput, newStaff, signIn } from './fixtures';
import { startServer, type StartOptions, type TestApi, type TestServer } from './server';

const run = promisify(execFile);

/** A fresh client_id (UUID v4). */
export const clientId = (): string => randomUUID();

/** A kiosk client: `Authorization: Bearer <token>`, no cookies, no CSRF header. */
export function kioskApi(server: TestServer, token: string): Api {
  return createKioskApi(token, { baseUrl: '', fetch: (input, init) => fetch(server.url + String(input), init) });
}

export interface Download {
  status: number;
  type: string;
  bytes: Buffer;
  /** The bytes as UTF-8 (the BOM, if any, kept as U+FEFF). */
  text: string;
}

/**
 * GET `path` as `who` (a signed-in TestApi, a kiosk token, or null for no credentials)
 * and returns the raw bytes: fetch's text() would drop a UTF-8 BOM and mangle images.
 */
export async function download(server: TestServer, who: TestApi | string | null, path: string): Promise<Download> {
  let res: Response;
  if (who === null) res = await fetch(server.url + path);
  else if (typeof who === 'string') res = await fetch(server.url + path, { headers: { Authorization: `Bearer ${who}` } });
  else res = await createCookieFetch(who.jar, () => server.url)(path);
  const bytes = Buffer.from(await res.arrayBuffer());
  return { status: res.status, type: res.headers.get('content-type') ?? '', bytes, text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes) };
}

async function withTempFile<T>(name: string, bytes: Buffer, fn: (file: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'tadaima-dl-'));
  try {
    const file = join(dir, name);
    writeFileSync(file, bytes);
    return await fn(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** What Debian's zbarimg reads in a PNG (stdout only: it prints D-Bus noise on stderr). */
export async function decodeQr(png: Buffer): Promise<string> {
  return withTempFile('qr.png', png, async (file) => {
    try {
      const { stdout } = await run('zbarimg', ['--raw', '-q', file], { timeout: 30_000 });
      return stdout.replace(/\n+$/, '');
    } catch (e: any) {
      throw new Error(`zbarimg found no code (exit ${e.code}); stdout: ${e.stdout}`);
    }
  });
}

/** The QR code zbarimg reads on page `page` (1-based) of a PDF, rendered by pdftoppm at 150 dpi. */
export async function pdfPageQr(pdf: Buffer, page = 1): Promise<string> {
  return withTempFile('doc.pdf', pdf, async (file) => {
    await run('pdftoppm', ['-r', '150', '-png', '-f', String(page), '-l', String(page), '-singlefile', file, `${file}.page`], { timeout: 30_000 });
    return decodeQr(readFileSync(`${file}.page.png`));
  });
}

/** The text of a PDF by pdftotext (UTF-8). */
export async function pdfText(pdf: Buffer): Promise<string> {
  return withTempFile('doc.pdf', pdf, async (file) => (await run('pdftotext', ['-enc', 'UTF-8', file, '-'], { timeout: 30_000 })).stdout);
}

/** pdfinfo's fields ("Pages", "Page size"…). */
export async function pdfInfo(pdf: Buffer): Promise<Record<string, string>> {
  return withTempFile('doc.pdf', pdf, async (file) => {
    const { stdout } = await run('pdfinfo', [file], { timeout: 30_000 });
    const out: Record<string, string> = {};
    for (const line of stdout.split('\n')) {
      const m = /^([^:]+):\s*(.*)$/.exec(line);
      if (m) out[m[1].trim()] = m[2].trim();
    }
    return out;
  });
}

/** Text without any white space, to find names whatever the layout did to spaces. */
export const squash = (s: string): string => s.replace(/\s+/g, '');

/** RFC 3339 in Tokyo time, seconds precision: 2026-11-21T15:04:05+09:00. */
export function tokyo(at: Date | number): string {
  const t = new Date(typeof at === 'number' ? at : at.getTime());
  const local = new Date(t.getTime() + 9 * 3600_000);
  return `${local.toISOString().slice(0, 19)}+09:00`;
}

/**
 * The check-in tests run the server on a test clock standing at a pinned instant, so that
 * the day and the hour do not depend on when the tests run nor on how fast: a Thursday
 * afternoon in Tokyo, hours before the 19:00 closing of a default facility and far from
 * midnight. It moves only when a test moves it (server.setClock, server.advanceClock).
 */
export const PINNED_START = '2027-06-10T15:00:00+09:00';
export const PINNED_DAY = '2027-06-10';

let pinned: TestServer | null = null;

/** startServer on the test clock at PINNED_START (or options.testClock); serverNow() reads it. */
export async function startCheckinServer(options: StartOptions = {}): Promise<TestServer> {
  pinned = await startServer({ testClock: PINNED_START, ...options });
  return pinned;
}

/** The clock of the last startCheckinServer's server (exact: it stands still until moved). */
export const serverNow = (): Date => {
  if (!pinned) throw new Error('serverNow() needs startCheckinServer() first');
  return pinned.clockNow();
};

/** The server's now plus `seconds` (may be negative), whole seconds. */
export const secondsFromNow = (seconds: number): Date => new Date(Math.floor(serverNow().getTime() / 1000) * 1000 + seconds * 1000);

/** Expects `a` and `b` to name the same instant (to the second). */
export function expectSameInstant(a: string | null | undefined, b: string | Date, what = 'instant'): void {
  expect(a, what).toEqual(expect.any(String));
  const want = typeof b === 'string' ? Date.parse(b) : b.getTime();
  expect(Math.floor(Date.parse(a!) / 1000), `${what}: ${a} vs ${typeof b === 'string' ? b : b.toISOString()}`).toBe(Math.floor(want / 1000));
}

/** RFC 3339 with a numeric offset or Z, seconds precision at least. */
export const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** Every visit `api` can see with these filters (all pages). */
export async function allVisits(api: Api, p: Omit<VisitListParams, 'limit' | 'cursor'> = {}): Promise<Visit[]> {
  const out: Visit[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < 100; page++) {
    const res: { items: Visit[]; next_cursor: string | null } = await api.listVisits({ ...p, limit: 200, cursor });
    out.push(...res.items);
    cursor = res.next_cursor;
    if (!cursor) return out;
  }
  throw new Error('more than 100 pages of visits');
}

/** A child's stamp answer (not a family's); fails the test otherwise. */
export function childResult(answer: StampAnswer) {
  expect(answer, 'a child stamp answer').toHaveProperty('result');
  return answer as Extract<StampAnswer, { result: unknown }>;
}

/** A family's stamp answer; fails the test otherwise. */
export function familyResult(answer: StampAnswer) {
  expect(answer, 'a family stamp answer').toHaveProperty('results');
  return answer as Extract<StampAnswer, { results: unknown }>;
}

/** Expects 400 invalid_argument naming `field` or an element of it (`child_ids[1]`). */
export async function expectInvalidAt(promise: Promise<unknown>, field: string): Promise<ApiError> {
  let e: ApiError | undefined;
  try {
    await promise;
  } catch (err) {
    if (!(err instanceof ApiError)) throw err;
    e = err;
  }
  expect(e, `expected 400 naming ${field}`).toBeDefined();
  expect({ status: e!.status, code: e!.code }, JSON.stringify(e!.body)).toEqual({ status: 400, code: 'invalid_argument' });
  const keys = Object.keys(e!.fields);
  expect(keys.some((k) => k === field || k.startsWith(`${field}[`) || k.startsWith(`${field}.`)), `fields ${JSON.stringify(e!.fields)} name ${field}`).toBe(true);
  return e!;
}

/** Expects 400 refusing the credential with `reason` (one of the contract's). */
export async function expectRefusedCode(promise: Promise<unknown>, reason: string): Promise<void> {
  const e = await expectInvalid(promise, 'credential');
  const error = (e.body as any).error;
  expect(error.field_reasons.credential, JSON.stringify(error)).toBe(reason);
  expect(error.reason).toBe(reason);
}

export const NOT_A_CODE = 'not_code';
export const REPLACED = 'credential_replaced';
export const NOT_ENROLLED = 'not_enrolled';

/** A facility with its staff member, a kiosk paired by that staff member, and families. */
export interface Site {
  facility: Facility;
  staff: TestApi;
  kiosk: Api;
  kioskToken: string;
  kioskId: string;
}

/**
 * Creates a facility (through `admin`), a staff member of it, and pairs a kiosk. The
 * facility is open 00:00–23:59 unless `over` says otherwise, so that the auto-close job
 * (which closes open visits at closes_at) leaves today's visits alone whatever the hour.
 */
export async function newSite(server: TestServer, admin: TestApi, over: Partial<FacilityInput> = {}): Promise<Site> {
  const facility = await admin.createFacility(facilityInput({ opens_at: '00:00', closes_at: '23:59', ...over }));
  const { api: staff } = await newStaff(server, admin, [facility.id]);
  const paired = await staff.createKiosk(facility.id, `受付タブレット ${facility.name}`);
  return { facility, staff, kiosk: kioskApi(server, paired.token), kioskToken: paired.token, kioskId: paired.kiosk.id };
}

/** A family enrolled at `facilityIds` (created by `staff`), with its first guardian signed in. */
export async function enrolledFamily(server: TestServer, staff: TestApi, facilityIds: string[], over: Parameters<typeof familyInput>[0] = {}) {
  const family: NewFamily = await staff.createFamily(familyInput({ facility_ids: facilityIds, ...over }));
  const g = family.guardians[0];
  const session = await signIn(server, g.login, g.initial_password);
  return { family, child: family.children[0], guardian: session.api };
}

/** The body of a raw 2xx answer; throws the ApiError a typed method would for any other. */
export function orThrow<T = any>(res: RawResponse<T>): T {
  if (res.status < 200 || res.status > 299) throw new ApiError(res.status, res.body);
  return res.body;
}

/** Polls the visit `id` of `childId` until `done(visit)` or `ms` pass; returns the last seen. */
export async function pollVisit(api: Api, childId: string, id: string, done: (v: Visit) => boolean, ms: number): Promise<Visit | undefined> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = (await allVisits(api, { child_id: childId })).find((x) => x.id === id);
    if ((v && done(v)) || Date.now() > deadline) return v;
    await new Promise((r) => setTimeout(r, 1000));
  }
}

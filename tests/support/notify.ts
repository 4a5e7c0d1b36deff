// The notification tests' world: a server on a pinned clock wired to a real SMTP server
// (python3-aiosmtpd) and a local push receiver, and helpers over the notification API
// (whole inbox, preferences as plain requests, push subscriptions, staff's delivery list)
// built on the shared typed client and types of web/src/shared.

import { expect } from 'vitest';
import type { Api } from '../../web/src/shared/api';
import type { InboxItem, NotificationPreferences, StaffNotification } from '../../web/src/shared/types';
import { childResult, clientId, enrolledFamily, tokyo, type Site } from './checkin';
import { signIn, uid } from './fixtures';
import { until } from './poll';
import { startPushReceiver, type PushDevice, type PushReceiver } from './push_receiver';
import { startServer, timed, type DbKind, type TestApi, type TestServer } from './server';
import { startSmtpSink, type SmtpSink } from './smtp';

/** A Thursday afternoon in Tokyo, as in the check-in tests. */
export const NOTIFY_START = '2027-06-10T15:00:00+09:00';
export const MAIL_FROM = 'noreply@tadaima.test';

export interface NotifyWorld {
  server: TestServer;
  admin: TestApi;
  smtp: SmtpSink;
  push: PushReceiver;
  /** The server's VAPID public key (GET /api/v1/push/public-key). */
  vapidKey: string;
  /** The server's clock as far as the test can tell. */
  now(): Date;
  /** Records that the server (re)started now on `start` (a pinned clock). */
  pinClock(start: string): void;
  /**
   * Stops the server if it runs (after kill9 too) and starts it again with its clock
   * going on from where it was (or from `start`), plus `env`.
   */
  restart(start?: string, env?: Record<string, string>): Promise<void>;
  /** The environment the server runs with (for a second process). */
  env: Record<string, string>;
  close(): Promise<void>;
}

export interface NotifyOptions {
  db?: DbKind;
  /** TADAIMA_CLOCK_START (default NOTIFY_START). */
  clockStart?: string;
  /**
   * Run the server on a test clock standing at clockStart (world.server.setClock and
   * advanceClock move it; the not-arrived job runs after each move, and a retry or a
   * held notification waits until the clock passes its time).
   */
  testClock?: boolean;
  env?: Record<string, string>;
}

/**
 * Starts the SMTP server, the push receiver and `tadaima serve` (pinned clock, e-mail to
 * the SMTP server, push allowed to 127.0.0.1, retries capped at 2 s so a recovered part
 * gets its backlog quickly).
 */
export async function startNotifyWorld(options: NotifyOptions = {}): Promise<NotifyWorld> {
  const smtp = await startSmtpSink();
  let clock = { base: 0, origin: 0 };
  let started: TestServer | null = null; // the test clock, once the server runs
  const now = () => (options.testClock && started ? started.clockNow() : new Date(clock.base + Date.now() - clock.origin));
  const push = await startPushReceiver({ now });
  const start = options.clockStart ?? NOTIFY_START;
  const env: Record<string, string> = {
    ...(options.testClock ? {} : { TADAIMA_CLOCK_START: start }),
    TADAIMA_SMTP_URL: smtp.url,
    TADAIMA_MAIL_FROM: MAIL_FROM,
    TADAIMA_PUSH_ALLOWED_HOSTS: '127.0.0.1',
    TADAIMA_NOTIFY_RETRY_MAX_SECONDS: '2',
    ...options.env,
  };
  const pinClock = (s: string) => {
    clock = { base: Date.parse(s), origin: Date.now() };
  };
  pinClock(start);
  const server = await startServer({ db: options.db, env, ...(options.testClock ? { testClock: start } : {}) });
  started = server;
  pinClock(start);
  const admin = await server.login();
  const res = await fetch(`${server.url}/api/v1/push/public-key`);
  const body = await res.json().catch(() => null);
  expect(res.status, `GET /api/v1/push/public-key: ${JSON.stringify(body)}`).toBe(200);
  const vapidKey: string = body.vapid_public_key;
  push.expectKey(vapidKey);
  return {
    server,
    admin,
    smtp,
    push,
    vapidKey,
    now,
    pinClock,
    env,
    async restart(at, more = {}) {
      await server.stop();
      const from = at ?? now().toISOString();
      await server.restart({ ...more, TADAIMA_CLOCK_START: from });
      pinClock(from);
    },
    async close() {
      await server?.close();
      await timed('closing the push receiver', push.close());
      await timed('stopping the mail server', smtp.stop());
    },
  };
}

export interface GuardianSession {
  id: string;
  name: string;
  email: string | null;
  api: TestApi;
}

export interface NotifiedFamily {
  familyId: string;
  child: { id: string; name: string };
  credential: string;
  guardians: GuardianSession[];
}

/**
 * A family enrolled at the site with guardians as given (each with or without an e-mail
 * address), every guardian signed in, and the child's card credential.
 */
export async function familyAt(site: Site, server: TestServer, guardians: { email: boolean; relation?: string }[]): Promise<NotifiedFamily> {
  const tag = uid();
  const f = await enrolledFamily(server, site.staff, [site.facility.id], {
    name: `通知家 ${tag}`,
    guardians: guardians.map((g, i) => ({
      name: `保護者${i + 1} ${tag}`,
      email: g.email ? `g${i + 1}.${tag}@example.jp` : null,
      relation: g.relation ?? (i === 0 ? '母' : '父'),
    })),
    children: [{ name: `通知 太郎 ${tag}`, name_kana: 'つうち たろう', birth_date: '2018-06-15' }],
  });
  const sessions: GuardianSession[] = [];
  for (const [i, g] of f.family.guardians.entries()) {
    const api = i === 0 ? f.guardian : (await signIn(server, g.login, g.initial_password)).api;
    sessions.push({ id: g.id, name: g.name, email: g.email, api });
  }
  const credential = (await site.staff.childCredential(f.child.id)).text;
  return { familyId: f.family.id, child: { id: f.child.id, name: f.child.name }, credential, guardians: sessions };
}

/** Stamps through the site's kiosk; returns the child's result (fails on a duplicate). */
export async function stampAt(site: Site, credential: string, over: { pickup_by?: string; direction?: 'in' | 'out' } = {}) {
  const r = childResult(await site.kiosk.stamp({ facility_id: site.facility.id, client_id: clientId(), credential, direction: over.direction ?? 'auto', ...(over.pickup_by ? { pickup_by: over.pickup_by } : {}) }));
  expect(r.result).not.toBe('duplicate');
  return r;
}

/** "15:02": the Tokyo clock time of an RFC 3339 instant. */
export const clockOf = (instant: string): string => tokyo(Date.parse(instant)).slice(11, 16);

// ---- the notification API ----

export type { InboxItem, NotificationPreferences, StaffNotification, StaffNotificationDetail } from '../../web/src/shared/types';

export const DEFAULT_PREFERENCES: NotificationPreferences = {
  stamps: { push: true, email: true, inapp: true },
  messages: { push: true, email: true, inapp: true },
  quiet_hours: null,
  language: 'ja',
};

/** Every inbox item of `api` (all pages). */
export async function wholeInbox(api: Api): Promise<InboxItem[]> {
  const out: InboxItem[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < 50; page++) {
    const res = await api.notifications({ limit: 100, cursor });
    out.push(...res.items);
    if (!res.next_cursor) return out;
    cursor = res.next_cursor;
  }
  throw new Error('more than 50 pages of inbox');
}

/** The raw GET/PUT of the preferences (a test sends bodies the typed client would not). */
export const getPreferences = (api: Api) => api.request<NotificationPreferences>('GET', '/api/v1/me/notification-preferences');
export const putPreferences = (api: Api, body: unknown) => api.request<NotificationPreferences>('PUT', '/api/v1/me/notification-preferences', body);

/** Subscribes a new fake device of the receiver for the guardian; expects 201. */
export async function subscribe(api: Api, push: PushReceiver): Promise<{ device: PushDevice; id: string }> {
  const device = push.device();
  const res = await api.request('POST', '/api/v1/me/push-subscriptions', device.subscription);
  expect(res.status, `POST /me/push-subscriptions: ${JSON.stringify(res.body)}`).toBe(201);
  return { device, id: res.body.id };
}

/** Every notification staff `api` sees with these filters (all pages). */
export async function allStaffNotifications(api: Api, p: { facility_id?: string; child_id?: string; status?: string } = {}): Promise<StaffNotification[]> {
  const out: StaffNotification[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < 50; page++) {
    const res = await api.staffNotifications({ ...p, limit: 100, cursor });
    out.push(...res.items);
    if (!res.next_cursor) return out;
    cursor = res.next_cursor;
  }
  throw new Error('more than 50 pages of notifications');
}

/** Waits until the staff list for `childId` satisfies `pred`; returns it. */
export function waitForRows(api: Api, childId: string, pred: (rows: StaffNotification[]) => boolean, ms: number, what: string) {
  return until(async () => {
    const rows = await allStaffNotifications(api, { child_id: childId });
    return pred(rows) ? rows : null;
  }, ms, what, 200);
}

/** The value of a Prometheus metric line (sum over the series matching `labels`). */
export async function metric(server: TestServer, name: string, labels: Record<string, string> = {}): Promise<number> {
  const text = await (await fetch(`${server.url}/metrics`)).text();
  let sum = 0;
  let found = false;
  for (const line of text.split('\n')) {
    const m = /^([a-zA-Z_:][\w:]*)(\{[^}]*\})?\s+(\S+)/.exec(line);
    if (!m || m[1] !== name) continue;
    const ls = Object.fromEntries([...(m[2] ?? '').matchAll(/(\w+)="([^"]*)"/g)].map((x) => [x[1], x[2]]));
    if (Object.entries(labels).every(([k, v]) => ls[k] === v)) {
      sum += Number(m[3]);
      found = true;
    }
  }
  if (!found) throw new Error(`metric ${name}${JSON.stringify(labels)} not in /metrics`);
  return sum;
}

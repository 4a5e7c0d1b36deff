// One rule for foreign ids, checked on every route the binary registers (`tadaima routes`):
// a resource of another organization, or of a facility a facility_staff member does not
// cover, answers 404 — never 200 with someone else's data, never 403 — in path ids and in
// the id filters of lists (the `*_id` query parameters docs/openapi.yaml names) alike.
//
// For each route with an `{id}`, the kind of the id comes from the path segment before it;
// the route is called
//   - as organization A's admin and as facility_staff of A's facility A1, with the id of
//     that kind from organization B;
//   - as that facility_staff member, with the id from A's facility A2, which they do not
//     cover (facility-scoped kinds);
//   - for the guardians' own rows (me/…), as a guardian of A with B's ids and with another
//     family's.
// Each list filter is called the same way, with the rest of the request the caller's own.
// A route without ids must be listed in NOT_COVERED with the reason; a new route that is
// neither covered nor listed fails the test, and so does a listed route that is covered.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  BINARY,
  REPO_ROOT,
  childResult,
  clientId,
  createCookieFetch,
  enrolledFamily,
  facilityInput,
  newSite,
  startCheckinServer,
  startPushReceiver,
  submitRegistration,
  subscribe,
  type PushReceiver,
  type Site,
  type TestApi,
  type TestServer,
} from '../support';

/** Routes without an id in the path or in a filter, and why no foreign id can be sent there. */
const NOT_COVERED: Record<string, string> = {
  'GET /healthz': 'no ids, no organization data',
  'GET /metrics': 'no ids, no organization data',
  'POST /api/v1/auth/login': 'signs in: no ids',
  'POST /api/v1/auth/logout': "the caller's own session",
  'POST /api/v1/auth/password': "the caller's own account",
  'GET /api/v1/me': "the caller's own account",
  'GET /api/v1/organization': "the caller's own organization",
  'POST /api/v1/facilities': 'creates; no ids',
  'GET /api/v1/facilities': "lists the caller's own (isolation.test.ts)",
  'POST /api/v1/staff': 'creates; facility_ids in the body (another organization\'s: isolation.test.ts)',
  'GET /api/v1/staff': "lists the caller's own organization (isolation.test.ts)",
  'POST /api/v1/families': 'creates; facility_ids in the body (another organization\'s: isolation.test.ts)',
  'GET /api/v1/families': "lists the caller's own; the only filter is the text q",
  'POST /api/v1/enrollments': 'ids in the body (another organization\'s, an uncovered facility: isolation.test.ts)',
  'GET /api/v1/kiosk/me': "the kiosk's own",
  'POST /api/v1/kiosk/unlock': "the kiosk's own staff menu (a PIN in the body)",
  'POST /api/v1/kiosk/lock': "the kiosk's own staff menu",
  'GET /api/v1/kiosk/children': "the kiosk's own facility's children (window_details.test.ts)",
  'POST /api/v1/stamps/preview': 'ids in the body (another organization\'s: checkin_isolation.test.ts)',
  'POST /api/v1/stamps': 'ids in the body (another organization\'s: checkin_isolation.test.ts)',
  'GET /api/v1/me/children': "the guardian's own family",
  'POST /api/v1/audiences/preview': 'ids in the body (another organization\'s, an uncovered facility: audiences.test.ts)',
  'GET /api/v1/push/public-key': "the server's key: no ids",
  'GET /api/v1/me/notifications': "the guardian's own inbox",
  'POST /api/v1/me/notifications/read-all': "the guardian's own inbox",
  'GET /api/v1/me/notification-preferences': "the guardian's own",
  'PUT /api/v1/me/notification-preferences': "the guardian's own",
  'POST /api/v1/me/push-subscriptions': "registers the guardian's own device (endpoint in the body)",
  'GET /api/v1/me/push-subscriptions': "the guardian's own devices",
  'GET /api/v1/me/events': "the caller's own live events (a stream)",
  'POST /api/v1/messages': 'ids in the body (another organization\'s, an uncovered facility, another\'s attachment: messages.test.ts)',
  'GET /api/v1/me/messages': "the guardian's own family's messages",
  'GET /api/v1/emergencies': "the caller's own (the family's, the kiosk's facility's, the staff's facilities')",
  'POST /api/v1/attachments': 'uploads; no ids',
  'POST /api/v1/threads': "ids in the body (another family's child, a facility not the child's: threads.test.ts)",
  'POST /api/v1/surveys': 'ids in the body (another organization\'s, an uncovered facility: surveys.test.ts)',
  'GET /api/v1/surveys': "lists the caller's own (the staff's surveys, the family's)",
  'POST /api/v1/events': 'facility_id in the body (another organization\'s, an uncovered facility: calendar.test.ts)',
  'GET /api/v1/me/calendar': "the guardian's own family's feed link",
  'POST /api/v1/me/calendar': "the guardian's own family's feed link",
  'GET /api/v1/calendar/{}': 'a secret token, not an id: an unknown one answers 404 (calendar_feed.test.ts)',
  'POST /api/v1/test/clock': 'test mode only; no ids',
  'GET /api/v1/registrations/form': 'public: an unknown organization answers 404 (registrations.test.ts)',
  'POST /api/v1/registrations': 'public: the organization in the body (registrations.test.ts)',
  'GET /api/v1/registrations': "lists the caller's own organization's (registrations.test.ts)",
  'POST /api/v1/invitations.pdf': "family_ids in the body (another organization's: registrations.test.ts)",
  'GET /api/v1/me/rooms': "the guardian's own family",
  'POST /api/v1/me/enrollments': "facility_id in the body (another organization's: registrations.test.ts)",
  'GET /api/v1/audit': "subject names a family: another organization's answers 404 (drop_in.test.ts)",
  'GET /api/v1/reports/columns': "the caller's own organization's setting (monthly_report.test.ts)",
  'PUT /api/v1/reports/columns': "the caller's own organization's setting (monthly_report.test.ts)",
  'POST /api/v1/imports/families': "a CSV file: its facility names are looked up in the caller's organization (family_import.test.ts)",
};

/** The kind of the `{id}` that follows a path segment. */
const KIND_OF_SEGMENT: Record<string, Kind> = {
  facilities: 'facility',
  staff: 'staff',
  families: 'family',
  children: 'child',
  guardians: 'guardian',
  enrollments: 'enrollment',
  kiosks: 'kiosk',
  visits: 'visit',
  plans: 'plan',
  notifications: 'notification',
  'push-subscriptions': 'subscription',
  messages: 'message',
  attachments: 'attachment',
  threads: 'thread',
  surveys: 'survey',
  events: 'event',
  applications: 'application',
  registrations: 'registration',
  'walk-ins': 'walkin',
  consultations: 'consultation',
  imports: 'import',
};
/** The kind a list filter names. */
const KIND_OF_FILTER: Record<string, Kind> = { facility_id: 'facility', child_id: 'child', family_id: 'family' };

type Kind =
  | 'facility' | 'staff' | 'family' | 'child' | 'guardian' | 'enrollment' | 'kiosk' | 'visit' | 'plan'
  | 'notification' | 'inbox' | 'subscription' | 'message' | 'attachment' | 'mymessage' | 'thread'
  | 'survey' | 'mysurvey' | 'event' | 'application' | 'registration' | 'walkin' | 'consultation' | 'import';

/** Kinds that belong to a facility (a facility_staff member may see only their facilities'). */
const FACILITY_SCOPED = new Set<Kind>(['facility', 'family', 'child', 'guardian', 'enrollment', 'kiosk', 'visit', 'plan', 'notification', 'message', 'attachment', 'thread', 'survey', 'event', 'application', 'walkin', 'consultation']);
/** Kinds only a guardian calls (their own rows). */
const GUARDIANS_OWN = new Set<Kind>(['inbox', 'subscription', 'mymessage', 'mysurvey']);
/** Kinds only the org_admin and drop-in rooms' staff read (A1, an after-school club, is neither). */
const REVIEWERS_ONLY = new Set<Kind>(['registration', 'walkin', 'import']);
/** Kinds both staff and the family's guardians call: checked as a guardian too. */
const GUARDIANS_TOO = new Set<Kind>(['thread']);

/** A valid body for the routes that take one, so that only the id can make them fail. */
const BODY: Record<string, unknown> = {
  'PATCH /api/v1/facilities/{}': { name: '名前の変更' },
  'PATCH /api/v1/staff/{}': { name: '名前の変更' },
  'PATCH /api/v1/families/{}': { name: '名前の変更' },
  'POST /api/v1/families/{}/children': { name: '新しい子', birth_date: '2020-05-05' },
  'POST /api/v1/families/{}/guardians': { name: '新しい保護者' },
  'PATCH /api/v1/children/{}': { name: '名前の変更' },
  'PUT /api/v1/children/{}/care': { allergy: '卵' },
  'PATCH /api/v1/guardians/{}': { name: '名前の変更' },
  'POST /api/v1/facilities/{}/kiosks': { name: '受付' },
  'POST /api/v1/visits/{}/pickup': { pickup_by: '母' },
  'PATCH /api/v1/visits/{}': { in_at: '2027-06-10T14:00:00+09:00', reason: '確認' },
  'PUT /api/v1/children/{}/plans': { days: [{ date: '2027-06-12', status: 'absent', reason: '通院' }] },
  'POST /api/v1/threads/{}/messages': { body: '明日はお休みします' },
  'PUT /api/v1/surveys/{}/response': { answers: { q1: 'はい' } },
  'PATCH /api/v1/events/{}': { title: '名前の変更' },
  'POST /api/v1/events/{}/applications': { child_ids: ['c1'] },
  'POST /api/v1/registrations/{}/approve': {},
  'POST /api/v1/registrations/{}/reject': { reason: '重複した申請' },
  'POST /api/v1/facilities/{}/walk-ins': { client_id: '0b7c3c7e-5a0e-4d7e-9a53-3f1f6a2b9c10', visited_at: '2027-06-10T10:00:00+09:00', adults: 1 },
  'PATCH /api/v1/walk-ins/{}': { family_id: null },
  'POST /api/v1/families/{}/consultations': { facility_id: 'x', category: 'other', body: '相談', occurred_at: '2027-06-10T10:00:00+09:00' },
  'PATCH /api/v1/consultations/{}': { body: '変更' },
};

interface Route {
  method: string;
  path: string;
  /** "GET /api/v1/facilities/{}" */
  key: string;
}

const norm = (method: string, path: string) => `${method.toUpperCase()} ${path.replace(/\{[^}]*\}/g, '{}')}`;

async function serverRoutes(): Promise<Route[]> {
  const { stdout } = await promisify(execFile)(BINARY, ['routes']);
  return stdout
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => {
      const [method, path] = l.split(' ');
      return { method, path, key: norm(method, path) };
    });
}

/** The `*_id` query parameters docs/openapi.yaml gives each route. */
function idFilters(): Map<string, string[]> {
  const doc = parse(readFileSync(join(REPO_ROOT, 'docs', 'openapi.yaml'), 'utf8'));
  const resolve = (p: any) => (p?.$ref ? p.$ref.slice(2).split('/').reduce((n: any, k: string) => n?.[k], doc) : p);
  const out = new Map<string, string[]>();
  for (const [path, item] of Object.entries<any>(doc.paths)) {
    for (const [method, op] of Object.entries<any>(item)) {
      if (!op || typeof op !== 'object' || !op.responses) continue;
      if (Array.isArray(op.security) && op.security.length === 0) continue; // public: no caller's organization
      const params = [...(item.parameters ?? []), ...(op.parameters ?? [])].map(resolve);
      const names = params.filter((p: any) => p?.in === 'query' && /_id$/.test(p.name)).map((p: any) => p.name as string);
      if (names.length) out.set(norm(method, path), names);
    }
  }
  return out;
}

/** The kind of a route's path id, or null when it has none. */
function pathKind(route: Route): Kind | null {
  const parts = route.path.split('/');
  const at = parts.indexOf('{id}');
  if (at < 0) return null;
  if (parts[at - 1] === 'notifications' && parts[at - 2] === 'me') return 'inbox';
  if (parts[at - 1] === 'messages' && parts[at - 2] === 'me') return 'mymessage';
  if (parts[at - 1] === 'surveys' && parts[at + 1] === 'response') return 'mysurvey';
  const kind = KIND_OF_SEGMENT[parts[at - 1]];
  if (!kind) throw new Error(`${route.key}: no kind for the id after "${parts[at - 1]}"; add it to KIND_OF_SEGMENT`);
  return kind;
}

type Ids = Record<Kind, string>;

let server: TestServer;
let push: PushReceiver;
let adminA: TestApi;
let a1: Site; // A's facility covered by the facility_staff member a1.staff
let a2: Site; // A's facility a1.staff does not cover
let routes: Route[];
let filters: Map<string, string[]>;
let own: Ids; // what the callers of A may read: A1's rows
let uncovered: Ids; // A2's rows: same organization, not a1.staff's facility
let foreign: Ids; // organization B's rows
let guardianA: TestApi; // a guardian of A1's family
let otherFamily: Ids; // A2's family's own rows (inbox, subscription) for the guardian case

/** One family with a visit, a plan, notifications, a push device, a message with an attachment and a contact thread, at `site`; its ids. */
async function rowsAt(site: Site, staffOfOrg: TestApi): Promise<{ ids: Ids; guardian: TestApi }> {
  const f = await enrolledFamily(server, site.staff, [site.facility.id]);
  const credential = (await site.staff.childCredential(f.child.id)).text;
  await site.kiosk.stamp({ facility_id: site.facility.id, client_id: clientId(), credential, direction: 'in' });
  const visit = childResult(await site.kiosk.stamp({ facility_id: site.facility.id, client_id: clientId(), credential, direction: 'out' })).visit;
  const [plan] = await f.guardian.putPlans(f.child.id, { days: [{ date: '2027-06-11', status: 'absent', reason: '発熱' }] });
  const rows = await site.staff.staffNotifications({ child_id: f.child.id });
  const inbox = await f.guardian.notifications({});
  const sub = await subscribe(f.guardian, push);
  const staffId = (await staffOfOrg.me()).id;
  const attachment = await site.staff.uploadAttachment(Buffer.from('%PDF-1.4\n%%EOF\n'), 'たより.pdf', 'application/pdf');
  const { message } = await site.staff.sendMessage({
    title: 'おたより', body: '本文', audience: { facility_ids: [site.facility.id] }, channels: ['inapp'], attachment_ids: [attachment.id],
  });
  const { thread } = await f.guardian.createThread({ child_id: f.child.id, facility_id: site.facility.id, body: 'お迎えが遅れます' });
  const { survey } = await site.staff.createSurvey({
    title: '参加確認', questions: [{ id: 'q1', kind: 'single', text: '参加しますか', options: ['はい', 'いいえ'], required: true }],
    audience: { facility_ids: [site.facility.id] }, closes_at: '2027-06-17T17:00:00+09:00',
  });
  const course = await site.staff.createEvent({
    facility_id: site.facility.id, kind: 'course', title: '親子講座', capacity: 5,
    starts_at: '2027-06-20T10:00:00+09:00', ends_at: '2027-06-20T11:00:00+09:00',
  });
  const application = await f.guardian.request('POST', `/api/v1/events/${course.id}/applications`, { child_ids: [f.child.id] });
  expect(application.status, JSON.stringify(application.body)).toBe(201);
  const registration = await submitRegistration(server, (await staffOfOrg.organization()).id);
  // A paper form at a drop-in room of the organization, and a consultation of the family.
  const room = await staffOfOrg.createFacility(facilityInput({ kind: 'drop_in' }));
  const walkIn = await staffOfOrg.request('POST', `/api/v1/facilities/${room.id}/walk-ins`, {
    client_id: clientId(), visited_at: '2027-06-10T10:00:00+09:00', adults: 1, children: [{ age_months: 10 }],
  });
  expect(walkIn.status, JSON.stringify(walkIn.body)).toBe(201);
  const consultation = await site.staff.request('POST', `/api/v1/families/${f.family.id}/consultations`, {
    facility_id: site.facility.id, category: 'parenting', body: '相談の記録', occurred_at: '2027-06-10T10:00:00+09:00',
  });
  expect(consultation.status, JSON.stringify(consultation.body)).toBe(201);
  const imported = await createCookieFetch(staffOfOrg.jar, () => server.url)('/api/v1/imports/families', {
    method: 'POST',
    headers: { 'Content-Type': 'text/csv', 'X-CSRF-Token': staffOfOrg.jar.get('tadaima_csrf') ?? '' },
    body: `世帯名,保護者氏名,児童氏名,生年月日\r\n取込${clientId().slice(0, 8)}家,取込 母,取込 子,2020-01-01\r\n`,
  });
  expect(imported.status).toBe(202);
  const importJob = ((await imported.json()) as any).import;
  expect(rows.items.length, 'notifications of the stamps').toBeGreaterThan(0);
  expect(inbox.items.length, 'the inbox').toBeGreaterThan(0);
  return {
    guardian: f.guardian,
    ids: {
      facility: site.facility.id,
      staff: staffId,
      family: f.family.id,
      child: f.child.id,
      guardian: f.family.guardians[0].id,
      enrollment: f.family.enrollments[0].id,
      kiosk: site.kioskId,
      visit: visit.id,
      plan: plan.id,
      notification: rows.items[0].id,
      inbox: inbox.items[0].id,
      subscription: sub.id,
      message: message.id,
      attachment: attachment.id,
      mymessage: message.id,
      thread: thread.id,
      survey: survey.id,
      mysurvey: survey.id,
      event: course.id,
      application: application.body.application.id,
      registration: registration.id,
      walkin: walkIn.body.walk_in.id,
      consultation: consultation.body.consultation.id,
      import: importJob.id,
    },
  };
}

beforeAll(async () => {
  push = await startPushReceiver({ now: () => server.clockNow() });
  server = await startCheckinServer({ env: { TADAIMA_PUSH_ALLOWED_HOSTS: '127.0.0.1' } });
  adminA = await server.login();
  const site = (admin: TestApi) => newSite(server, admin, { duplicate_window_seconds: 0 });
  a1 = await site(adminA);
  a2 = await site(adminA);
  const adminB = await server.login(await server.createOrg('隣町こども課'));
  const b = await site(adminB);
  const mine = await rowsAt(a1, adminA);
  own = mine.ids;
  guardianA = mine.guardian;
  uncovered = (await rowsAt(a2, adminA)).ids;
  otherFamily = uncovered;
  foreign = (await rowsAt(b, adminB)).ids;
  routes = await serverRoutes();
  filters = idFilters();
}, 180_000);
afterAll(async () => {
  await server?.close();
  await push?.close();
});

const withId = (route: Route, id: string) => route.path.replace('{id}', encodeURIComponent(id));

let calls = 0; // how many foreign ids were sent (each test checks it sent some)
let wrong: string[] = []; // every call that did not answer 404 not_found, with its answer

async function expectNotFound(who: TestApi, method: string, path: string, body: unknown, what: string) {
  calls++;
  const res = await who.request(method as never, path, body);
  if (res.status !== 404 || res.body?.error?.code !== 'not_found') wrong.push(`${what}: ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`);
}

/** Starts counting the calls and their wrong answers of one test. */
function begin() {
  calls = 0;
  wrong = [];
}

describe('the route table', () => {
  it('has every route either covered here (an id in the path or a filter) or listed with the reason', () => {
    const covered = routes.filter((r) => pathKind(r) !== null || filters.has(r.key)).map((r) => r.key);
    const uncoveredRoutes = routes.map((r) => r.key).filter((k) => !covered.includes(k));
    expect(uncoveredRoutes.filter((k) => !(k in NOT_COVERED)), 'routes neither covered nor listed in NOT_COVERED').toEqual([]);
    expect(Object.keys(NOT_COVERED).filter((k) => !uncoveredRoutes.includes(k)), 'NOT_COVERED names a route that is covered or gone').toEqual([]);
    expect(covered.length).toBeGreaterThan(30);
  });

  it('has a valid body for every covered write with a body', () => {
    for (const key of Object.keys(BODY)) expect(routes.map((r) => r.key), key).toContain(key);
  });
});

describe('an id in the path', () => {
  it("of another organization answers 404 to organization A's admin and facility staff", async () => {
    begin();
    for (const route of routes) {
      const kind = pathKind(route);
      if (!kind || GUARDIANS_OWN.has(kind)) continue;
      for (const [who, name] of [[adminA, 'org_admin'], [a1.staff, 'facility_staff']] as const)
        await expectNotFound(who, route.method, withId(route, foreign[kind]), BODY[route.key], `${route.key} as ${name}, ${kind} of B`);
    }
    expect(wrong).toEqual([]);
    expect(calls).toBeGreaterThan(60);
  });

  it("of a facility of the organization the facility staff member does not cover answers 404", async () => {
    begin();
    for (const route of routes) {
      const kind = pathKind(route);
      if (!kind || !FACILITY_SCOPED.has(kind)) continue;
      await expectNotFound(a1.staff, route.method, withId(route, uncovered[kind]), BODY[route.key], `${route.key}, ${kind} of A2`);
    }
    expect(wrong).toEqual([]);
    expect(calls).toBeGreaterThan(30);
  });

  it("of another organization's guardian, or another family's, answers 404 to a guardian (their own rows)", async () => {
    begin();
    for (const route of routes) {
      const kind = pathKind(route);
      if (!kind || !(GUARDIANS_OWN.has(kind) || GUARDIANS_TOO.has(kind))) continue;
      await expectNotFound(guardianA, route.method, withId(route, foreign[kind]), BODY[route.key], `${route.key}, ${kind} of B`);
      await expectNotFound(guardianA, route.method, withId(route, otherFamily[kind]), BODY[route.key], `${route.key}, ${kind} of another family`);
    }
    expect(wrong).toEqual([]);
    expect(calls).toBe(12);
  });

  it('of the caller’s own reads answers 200 (the calls above reach the routes)', async () => {
    for (const route of routes) {
      const kind = pathKind(route);
      if (!kind || route.method !== 'GET' || GUARDIANS_OWN.has(kind)) continue;
      for (const who of REVIEWERS_ONLY.has(kind) ? [adminA] : [adminA, a1.staff]) {
        const res = await who.request('GET', withId(route, own[kind]));
        expect({ route: route.key, status: res.status }, JSON.stringify(res.body)).toEqual({ route: route.key, status: 200 });
      }
    }
  });
});

/** The other query parameters a list requires, so that only the id filter can make it fail. */
const REQUIRED_QUERY: Record<string, string> = {
  'GET /api/v1/stats/visits': '&from=2027-06-01&to=2027-06-30&group_by=day',
  'GET /api/v1/stats/plans': '&from=2027-06-01&to=2027-06-30',
  'GET /api/v1/reports/monthly': '&month=2027-06&format=json',
};

describe('an id filter of a list', () => {
  /** The list's path with the caller's own path id (if any), `filter=id` and what it requires besides. */
  const listPath = (route: Route, filter: string, id: string) => {
    const kind = pathKind(route);
    const base = kind ? withId(route, own[kind]) : route.path;
    return `${base}?${filter}=${encodeURIComponent(id)}${REQUIRED_QUERY[route.key] ?? ''}`;
  };
  const listed = () =>
    routes.flatMap((route) => (filters.get(route.key) ?? []).map((filter) => {
      const kind = KIND_OF_FILTER[filter];
      if (!kind) throw new Error(`${route.key}?${filter}: no kind for this filter; add it to KIND_OF_FILTER`);
      return { route, filter, kind };
    }));

  it('naming another organization’s row answers 404', async () => {
    begin();
    for (const { route, filter, kind } of listed())
      for (const [who, name] of [[adminA, 'org_admin'], [a1.staff, 'facility_staff']] as const)
        await expectNotFound(who, route.method, listPath(route, filter, foreign[kind]), undefined, `${route.key}?${filter} as ${name}, ${kind} of B`);
    expect(wrong).toEqual([]);
    expect(calls).toBeGreaterThanOrEqual(12); // 6 filters on 5 lists today, twice
  });

  it('naming a row of a facility the facility staff member does not cover answers 404', async () => {
    begin();
    for (const { route, filter, kind } of listed())
      await expectNotFound(a1.staff, route.method, listPath(route, filter, uncovered[kind]), undefined, `${route.key}?${filter}, ${kind} of A2`);
    expect(wrong).toEqual([]);
    expect(calls).toBeGreaterThanOrEqual(6);
  });

  it('naming the caller’s own row answers 200', async () => {
    for (const { route, filter, kind } of listed())
      for (const who of [adminA, a1.staff]) {
        const res = await who.request(route.method as never, listPath(route, filter, own[kind]));
        expect({ route: `${route.key}?${filter}`, status: res.status }, JSON.stringify(res.body)).toEqual({ route: `${route.key}?${filter}`, status: 200 });
      }
  });
});

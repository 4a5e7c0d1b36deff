// The one typed client of the Tadaima HTTP API v1, used by the front ends and by the
// black-box API tests (on Node with a cookie-jar fetch).
//
// Typed methods return the unwrapped object of a 2xx answer and throw ApiError for any
// other status. `request` is the low-level call: it never throws on an HTTP status and
// returns {status, body} as received. State-changing requests (POST/PUT/PATCH/DELETE)
// carry `X-CSRF-Token` from `csrfToken()` (by default the `tadaima_csrf` cookie of
// document.cookie in a browser).

import type {
  Audience,
  AudienceCount,
  OnSiteList,
  ChangePasswordInput,
  Child,
  ChildInput,
  ChildPatch,
  ChildCare,
  ChildCareInput,
  ChildAuditEntry,
  MonthlyReport,
  MonthlyReportParams,
  PlanStats,
  PlanStatsParams,
  VisitStats,
  VisitStatsParams,
  KioskChild,
  PickupInput,
  Enrollment,
  EnrollmentInput,
  EnrollmentListParams,
  Facility,
  FacilityInput,
  FacilityPatch,
  Family,
  FamilyInput,
  FamilyListParams,
  FamilyPatch,
  Guardian,
  GuardianInput,
  GuardianPatch,
  InvitedGuardian,
  ListParams,
  NewFamily,
  Organization,
  Page,
  PasswordReset,
  Staff,
  StaffInput,
  StaffPatch,
  User,
  Credential,
  Kiosk,
  KioskMe,
  NewKiosk,
  Roster,
  StampAnswer,
  StampInput,
  StampPreview,
  StampPreviewInput,
  Visit,
  VisitListParams,
  VisitPatch,
  MyChild,
  Plan,
  PlanListParams,
  PlansInput,
  PendingPlanPage,
  PendingPlanParams,
} from './types';
import { ApiError } from './api_error';
import { messageCalls } from './message_api';
import { notificationCalls } from './notification_api';
import { surveyCalls } from './survey_api';
import { calendarCalls } from './calendar_api';
import { registrationCalls } from './registration_api';
import { walkInCalls } from './walk_in_api';
import { consultationCalls } from './consultation_api';
import { importCalls } from './import_api';
import { reportColumnCalls } from './report_columns_api';

export { ApiError };

export const CSRF_COOKIE = 'tadaima_csrf';
export const CSRF_HEADER = 'X-CSRF-Token';

export interface ApiOptions {
  /** Prefix of every path, e.g. "http://127.0.0.1:8080". Default "" (same origin). */
  baseUrl?: string;
  fetch?: typeof fetch;
  /** The CSRF token to send on state-changing requests; null sends none. */
  csrfToken?: () => string | null;
}

export interface RequestOptions {
  /** Extra headers; they override the defaults (set a header to "" to drop it). */
  headers?: Record<string, string>;
  /** Send this body verbatim (text, bytes, a Blob) instead of JSON-encoding `body`. */
  raw?: BodyInit;
}

export interface RawResponse<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Reads a cookie from document.cookie; null outside a browser or when absent. */
export function readCookie(name: string): string | null {
  const doc = (globalThis as { document?: { cookie?: string } }).document;
  if (!doc?.cookie) return null;
  for (const part of doc.cookie.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) {
      return decodeURIComponent(part.slice(eq + 1).trim());
    }
  }
  return null;
}

/** "?a=1&b=x" from the defined entries of params; "" when none. */
export function query(params: Record<string, string | number | null | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  }
  const s = q.toString();
  return s ? `?${s}` : '';
}

const seg = encodeURIComponent;

export function createApi(options: ApiOptions = {}) {
  const baseUrl = options.baseUrl ?? '';
  const doFetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const csrfToken = options.csrfToken ?? (() => readCookie(CSRF_COOKIE));

  async function request<T = any>(
    method: Method,
    path: string,
    body?: unknown,
    opts: RequestOptions = {},
  ): Promise<RawResponse<T>> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    const hasBody = opts.raw !== undefined || body !== undefined;
    if (hasBody) headers['Content-Type'] = 'application/json';
    if (method !== 'GET') {
      const token = csrfToken();
      if (token) headers[CSRF_HEADER] = token;
    }
    for (const [k, v] of Object.entries(opts.headers ?? {})) {
      for (const existing of Object.keys(headers)) {
        if (existing.toLowerCase() === k.toLowerCase()) delete headers[existing];
      }
      if (v !== '') headers[k] = v;
    }
    const res = await doFetch(baseUrl + path, {
      method,
      headers,
      body: opts.raw ?? (body === undefined ? undefined : JSON.stringify(body)),
      credentials: 'same-origin',
    });
    const text = await res.text();
    let parsed: unknown = null;
    if (text !== '') {
      const type = res.headers.get('content-type') ?? '';
      if (type.includes('json')) {
        try {
          parsed = JSON.parse(text);
        } catch {
          parsed = text;
        }
      } else {
        parsed = text;
      }
    }
    return { status: res.status, headers: res.headers, body: parsed as T };
  }

  /** Calls and unwraps: `key` picks one field of the answer; throws ApiError on non-2xx. */
  async function call<T>(method: Method, path: string, body?: unknown, key?: string): Promise<T> {
    const res = await request(method, path, body);
    if (res.status < 200 || res.status > 299) throw new ApiError(res.status, res.body);
    return (key ? res.body?.[key] : res.body) as T;
  }

  const list = (p: ListParams = {}) => ({ limit: p.limit, cursor: p.cursor });

  return {
    request,

    // auth and accounts
    login: (login: string, password: string) =>
      call<User>('POST', '/api/v1/auth/login', { login, password }, 'user'),
    logout: () => call<void>('POST', '/api/v1/auth/logout'),
    me: () => call<User>('GET', '/api/v1/me', undefined, 'user'),
    changePassword: (input: ChangePasswordInput) =>
      call<void>('POST', '/api/v1/auth/password', input),
    organization: () => call<Organization>('GET', '/api/v1/organization', undefined, 'organization'),

    // facilities
    listFacilities: (p: ListParams = {}) =>
      call<Page<Facility>>('GET', `/api/v1/facilities${query(list(p))}`),
    createFacility: (input: FacilityInput) =>
      call<Facility>('POST', '/api/v1/facilities', input, 'facility'),
    getFacility: (id: string) =>
      call<Facility>('GET', `/api/v1/facilities/${seg(id)}`, undefined, 'facility'),
    updateFacility: (id: string, patch: FacilityPatch) =>
      call<Facility>('PATCH', `/api/v1/facilities/${seg(id)}`, patch, 'facility'),

    // staff
    listStaff: (p: ListParams = {}) => call<Page<Staff>>('GET', `/api/v1/staff${query(list(p))}`),
    createStaff: (input: StaffInput) => call<Staff>('POST', '/api/v1/staff', input, 'staff'),
    updateStaff: (id: string, patch: StaffPatch) =>
      call<Staff>('PATCH', `/api/v1/staff/${seg(id)}`, patch, 'staff'),

    // families, children, guardians
    listFamilies: (p: FamilyListParams = {}) =>
      call<Page<Family>>('GET', `/api/v1/families${query({ q: p.q, ...list(p) })}`),
    createFamily: (input: FamilyInput) =>
      call<NewFamily>('POST', '/api/v1/families', input, 'family'),
    getFamily: (id: string) =>
      call<Family>('GET', `/api/v1/families/${seg(id)}`, undefined, 'family'),
    updateFamily: (id: string, patch: FamilyPatch) =>
      call<Family>('PATCH', `/api/v1/families/${seg(id)}`, patch, 'family'),
    addChild: (familyId: string, input: ChildInput) =>
      call<Child>('POST', `/api/v1/families/${seg(familyId)}/children`, input, 'child'),
    getChild: (id: string) => call<Child>('GET', `/api/v1/children/${seg(id)}`, undefined, 'child'),
    updateChild: (id: string, patch: ChildPatch) =>
      call<Child>('PATCH', `/api/v1/children/${seg(id)}`, patch, 'child'),
    inviteGuardian: (familyId: string, input: GuardianInput) =>
      call<InvitedGuardian>('POST', `/api/v1/families/${seg(familyId)}/guardians`, input),
    /** Staff of the child's facilities (each read is audited), its guardians (notes are null for them). */
    getChildCare: (id: string) => call<ChildCare>('GET', `/api/v1/children/${seg(id)}/care`),
    putChildCare: (id: string, input: ChildCareInput) =>
      call<ChildCare>('PUT', `/api/v1/children/${seg(id)}/care`, input),
    /** Staff: who read or changed the child's records (care texts included), newest first. */
    childAudit: (id: string) => call<ChildAuditEntry[]>('GET', `/api/v1/children/${seg(id)}/audit`, undefined, 'items'),
    updateGuardian: (id: string, patch: GuardianPatch) =>
      call<Guardian>('PATCH', `/api/v1/guardians/${seg(id)}`, patch, 'guardian'),
    resetGuardianPassword: (id: string) =>
      call<PasswordReset>('POST', `/api/v1/guardians/${seg(id)}/password-reset`),

    // enrollments
    createEnrollment: (input: EnrollmentInput) =>
      call<Enrollment>('POST', '/api/v1/enrollments', input, 'enrollment'),
    listEnrollments: (p: EnrollmentListParams = {}) =>
      call<Page<Enrollment>>(
        'GET',
        `/api/v1/enrollments${query({ facility_id: p.facility_id, status: p.status, ...list(p) })}`,
      ),
    approveEnrollment: (id: string) =>
      call<Enrollment>('POST', `/api/v1/enrollments/${seg(id)}/approve`, undefined, 'enrollment'),
    deleteEnrollment: (id: string) => call<void>('DELETE', `/api/v1/enrollments/${seg(id)}`),

    // kiosks (staff of the facility); the token is in the answer to createKiosk only
    createKiosk: (facilityId: string, name: string) =>
      call<NewKiosk>('POST', `/api/v1/facilities/${seg(facilityId)}/kiosks`, { name }),
    listKiosks: (facilityId: string, p: ListParams = {}) =>
      call<Page<Kiosk>>('GET', `/api/v1/facilities/${seg(facilityId)}/kiosks${query(list(p))}`),
    revokeKiosk: (id: string) => call<void>('DELETE', `/api/v1/kiosks/${seg(id)}`),
    /** The calling kiosk (bearer token) and its facility. */
    kioskMe: () => call<KioskMe>('GET', '/api/v1/kiosk/me'),
    /** Opens the kiosk's staff menu for 5 minutes with the facility's staff PIN. */
    unlockKiosk: (pin: string) =>
      call<{ unlocked_until: string }>('POST', '/api/v1/kiosk/unlock', { pin }),
    lockKiosk: () => call<void>('POST', '/api/v1/kiosk/lock'),
    /** The facility's children by name or furigana (unlocked kiosk only). */
    kioskChildren: (q: string) =>
      call<KioskChild[]>('GET', `/api/v1/kiosk/children${query({ q })}`, undefined, 'items'),

    // credentials, QR images and cards (staff, the family's guardians)
    childCredential: (childId: string) =>
      call<Credential>('GET', `/api/v1/children/${seg(childId)}/credential`, undefined, 'credential'),
    familyCredential: (familyId: string) =>
      call<Credential>('GET', `/api/v1/families/${seg(familyId)}/credential`, undefined, 'credential'),
    /** A new version; the older cards are refused from now on. */
    reissueChildCredential: (childId: string) =>
      call<Credential>('POST', `/api/v1/children/${seg(childId)}/credential`, undefined, 'credential'),
    reissueFamilyCredential: (familyId: string) =>
      call<Credential>('POST', `/api/v1/families/${seg(familyId)}/credential`, undefined, 'credential'),
    childQrUrl: (childId: string, format: 'png' | 'svg' = 'png') =>
      `${baseUrl}/api/v1/children/${seg(childId)}/qr.${format}`,
    familyQrUrl: (familyId: string, format: 'png' | 'svg' = 'png') =>
      `${baseUrl}/api/v1/families/${seg(familyId)}/qr.${format}`,
    childCardUrl: (childId: string) => `${baseUrl}/api/v1/children/${seg(childId)}/card.pdf`,
    facilityCardsUrl: (facilityId: string) =>
      `${baseUrl}/api/v1/facilities/${seg(facilityId)}/cards.pdf`,

    // stamps (kiosk of the facility, staff of it)
    /** Who a credential stands for; records nothing. */
    previewStamp: (input: StampPreviewInput) =>
      call<StampPreview>('POST', '/api/v1/stamps/preview', input),
    /** 201 on a new stamp, 200 with the first answer when client_id was seen before. */
    stamp: (input: StampInput) => call<StampAnswer>('POST', '/api/v1/stamps', input),
    setPickup: (visitId: string, input: PickupInput) =>
      call<Visit>('POST', `/api/v1/visits/${seg(visitId)}/pickup`, input, 'visit'),

    // roster and visits (staff)
    /** date "YYYY-MM-DD"; default the organization's today. */
    roster: (facilityId: string, date?: string) =>
      call<Roster>('GET', `/api/v1/facilities/${seg(facilityId)}/roster${query({ date })}`),
    listVisits: (p: VisitListParams = {}) =>
      call<Page<Visit>>('GET', `/api/v1/visits${visitQuery(p)}`),
    /** The CSV export of listVisits' filters (UTF-8 with BOM). */
    visitsCsvUrl: (p: Omit<VisitListParams, 'limit' | 'cursor'> = {}) =>
      `${baseUrl}/api/v1/visits${visitQuery({ ...p, format: 'csv' })}`,
    // statistics and the monthly usage report (staff)
    visitStats: (p: VisitStatsParams) => call<VisitStats>('GET', `/api/v1/stats/visits${query(p)}`),
    planStats: (p: PlanStatsParams) => call<PlanStats>('GET', `/api/v1/stats/plans${query(p)}`),
    monthlyReport: (p: Omit<MonthlyReportParams, 'format'>) =>
      call<MonthlyReport>('GET', `/api/v1/reports/monthly${query({ ...p, format: 'json' })}`),
    /** The report as a file to download: xlsx, pdf or csv. */
    monthlyReportUrl: (p: MonthlyReportParams) => `${baseUrl}/api/v1/reports/monthly${query(p)}`,
    updateVisit: (id: string, patch: VisitPatch) =>
      call<Visit>('PATCH', `/api/v1/visits/${seg(id)}`, patch, 'visit'),

    // plans and absences (the child's guardians, staff of the facility)
    /** Many days in one transaction; answers the stored plans of those days (none: deleted). */
    putPlans: (childId: string, input: PlansInput) =>
      call<Plan[]>('PUT', `/api/v1/children/${seg(childId)}/plans`, input, 'items'),
    listPlans: (childId: string, p: PlanListParams = {}) =>
      call<Plan[]>(
        'GET',
        `/api/v1/children/${seg(childId)}/plans${query({ from: p.from, to: p.to, facility_id: p.facility_id })}`,
        undefined,
        'items',
      ),
    /** Staff: 確認済. */
    acknowledgePlan: (planId: string) =>
      call<Plan>('POST', `/api/v1/plans/${seg(planId)}/acknowledge`, undefined, 'plan'),
    /** Staff: the plans of their facilities waiting for a look (連絡（未確認）), by date, then change. */
    pendingPlans: (p: PendingPlanParams = {}) =>
      call<PendingPlanPage>('GET', `/api/v1/plans${query({
        facility_id: p.facility_id, from: p.from, to: p.to, pending: 'true', ...list(p),
      })}`),
    /** Staff: the children in the facility now, with the families' phones (an emergency). */
    onSite: (facilityId: string) => call<OnSiteList>('GET', `/api/v1/facilities/${seg(facilityId)}/on-site`),
    // audiences (staff)
    /** How many families, guardians and children `audience` reaches today, before sending. */
    previewAudience: (audience: Audience) =>
      call<AudienceCount>('POST', '/api/v1/audiences/preview', { audience }),
    /** Guardian: the family's children, their facilities and today's status. */
    myChildren: () => call<MyChild[]>('GET', '/api/v1/me/children', undefined, 'items'),

    ...notificationCalls(call),
    ...messageCalls(call, request),
    ...surveyCalls(call, baseUrl),
    ...calendarCalls(call, baseUrl),
    ...registrationCalls(call, options),
    ...walkInCalls(call),
    ...consultationCalls(call, baseUrl),
    ...importCalls(call, request),
    ...reportColumnCalls(call),
  };
}

/** The query string of GET /visits; needs_review is sent only when true. */
function visitQuery(p: VisitListParams & { format?: 'csv' }): string {
  return query({
    facility_id: p.facility_id,
    from: p.from,
    to: p.to,
    child_id: p.child_id,
    needs_review: p.needs_review ? 'true' : undefined,
    format: p.format,
    limit: p.limit,
    cursor: p.cursor,
  });
}

/**
 * A fetch that authenticates as a kiosk: `Authorization: Bearer <token>` and no cookies,
 * so a staff session open in the same browser never stands in for the kiosk.
 */
export function bearerFetch(token: string, inner?: typeof fetch): typeof fetch {
  const base = inner ?? ((input, init) => globalThis.fetch(input, init));
  return (input, init = {}) => {
    const headers = new Headers(init.headers);
    headers.set('Authorization', `Bearer ${token}`);
    return base(input, { ...init, headers, credentials: 'omit' });
  };
}

/** The API client of a paired kiosk: bearer token, no cookies, no CSRF header. */
export function createKioskApi(token: string, options: Omit<ApiOptions, 'csrfToken'> = {}): Api {
  return createApi({ ...options, fetch: bearerFetch(token, options.fetch), csrfToken: () => null });
}

export type Api = ReturnType<typeof createApi>;

/**
 * A new client_id for a write a device may retry (a stamp): a random UUID v4.
 * crypto.randomUUID exists only in secure contexts; getRandomValues everywhere.
 */
export function newClientId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

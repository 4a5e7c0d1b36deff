// DTOs of the Tadaima HTTP API v1 (see docs/openapi.yaml and /work/shared/API.md).
// Field names are the wire names (snake_case). Ids are opaque strings; dates are
// "YYYY-MM-DD"; times are RFC 3339 with offset.

export type Role = 'org_admin' | 'facility_staff' | 'guardian';
export type StaffRole = 'org_admin' | 'facility_staff';
export type FacilityKind = 'after_school' | 'drop_in' | 'nursery';
export type EnrollmentStatus = 'active' | 'pending';

/** School grade by the Japanese school year (April 2 cut-off). */
export type Grade =
  | '未就学'
  | '小1' | '小2' | '小3' | '小4' | '小5' | '小6'
  | '中1' | '中2' | '中3'
  | '高1' | '高2' | '高3'
  | 'その他';

export interface User {
  id: string;
  role: Role;
  name: string;
  login: string;
  organization_id: string;
  family_id?: string;
  facility_ids?: string[];
  must_change_password: boolean;
}

export interface Organization {
  id: string;
  name: string;
  time_zone: string;
}

export interface Facility {
  id: string;
  name: string;
  kind: FacilityKind;
  opens_at: string; // "HH:MM"
  closes_at: string; // "HH:MM"
  /** A second scan within this many seconds answers `duplicate` (default 60, 0..3600). */
  duplicate_window_seconds?: number;
  /** How old a queued kiosk scan may be when it arrives (default 72, 1..720). */
  offline_retention_hours?: number;
  /** Plans for day D changed after D − plan_deadline_days at plan_deadline_time are `late` (default 1, 0..60). */
  plan_deadline_days?: number;
  /** "HH:MM" in the organization's zone (default "17:00"). */
  plan_deadline_time?: string;
  /** An expected child not arrived this many minutes after arrive_at is not_arrived (default 15, 0..240). */
  not_arrived_grace_minutes?: number;
  /** Whether guardians are notified when their child is raised not_arrived (default false). */
  not_arrived_notify?: boolean;
}

export interface Staff {
  id: string;
  login: string;
  name: string;
  role: StaffRole;
  facility_ids: string[];
  must_change_password: boolean;
}

export interface Guardian {
  id: string;
  name: string;
  email: string | null;
  relation: string | null;
  login: string;
}

/** A guardian as returned by POST /families: carries its one-time password. */
export interface NewGuardian extends Guardian {
  initial_password: string;
}

export interface Age {
  years: number;
  months: number;
}

export interface Child {
  id: string;
  family_id: string;
  name: string;
  name_kana: string | null;
  birth_date: string;
  age: Age;
  grade: Grade;
}

/** A child's enrollment has child_id (family_id may name its family); a drop_in one has only family_id. */
export interface Enrollment {
  id: string;
  facility_id: string;
  child_id: string | null;
  family_id: string | null;
  status: EnrollmentStatus;
}

export interface Family {
  id: string;
  name: string;
  address: string | null;
  phone: string | null;
  guardians: Guardian[];
  children: Child[];
  enrollments: Enrollment[];
}

/** The answer to POST /families: guardians carry initial_password. */
export interface NewFamily extends Omit<Family, 'guardians'> {
  guardians: NewGuardian[];
}

export interface Page<T> {
  items: T[];
  next_cursor: string | null;
}

export interface ErrorBody {
  error: {
    code: ErrorCode;
    message: string;
    fields?: Record<string, string>;
  };
}

export type ErrorCode =
  | 'invalid_argument'
  | 'unauthenticated'
  | 'permission_denied'
  | 'not_found'
  | 'conflict'
  | 'too_many_requests'
  | 'unavailable'
  | 'internal';

// ---- request bodies ----

export interface LoginInput {
  login: string;
  password: string;
}

export interface ChangePasswordInput {
  current_password: string;
  new_password: string;
}

export interface FacilityInput {
  name: string;
  kind: FacilityKind;
  opens_at: string;
  closes_at: string;
  duplicate_window_seconds?: number;
  offline_retention_hours?: number;
  plan_deadline_days?: number;
  plan_deadline_time?: string;
  not_arrived_grace_minutes?: number;
  not_arrived_notify?: boolean;
}
export type FacilityPatch = Partial<FacilityInput>;

export interface StaffInput {
  login: string;
  name: string;
  password: string;
  role: StaffRole;
  facility_ids: string[];
}
export type StaffPatch = Partial<Pick<StaffInput, 'name' | 'role' | 'facility_ids'>>;

export interface GuardianInput {
  name: string;
  email?: string | null;
  relation?: string | null;
}
export type GuardianPatch = Partial<GuardianInput>;

export interface ChildInput {
  name: string;
  name_kana?: string | null;
  birth_date: string;
}
export type ChildPatch = Partial<ChildInput>;

export interface FamilyInput {
  name: string;
  address?: string | null;
  phone?: string | null;
  guardians: GuardianInput[];
  children: ChildInput[];
  facility_ids?: string[];
}
export type FamilyPatch = Partial<Pick<FamilyInput, 'name' | 'address' | 'phone'>>;

export type EnrollmentInput =
  | { facility_id: string; child_id: string }
  | { facility_id: string; family_id: string };

export interface ListParams {
  limit?: number;
  cursor?: string | null;
}
export interface FamilyListParams extends ListParams {
  q?: string;
}
export interface EnrollmentListParams extends ListParams {
  facility_id?: string;
  status?: EnrollmentStatus;
}

export interface InvitedGuardian {
  guardian: Guardian;
  login: string;
  initial_password: string;
}

export interface PasswordReset {
  login: string;
  initial_password: string;
}

// ---- check-in (issue 3): kiosks, credentials, stamps, visits, roster ----

/** A paired kiosk device; its bearer token is shown only once, at creation. */
export interface Kiosk {
  id: string;
  name: string;
  facility_id: string;
  created_at: string;
  last_seen_at: string | null;
}

/** The answer to POST /facilities/{id}/kiosks. */
export interface NewKiosk {
  kiosk: Kiosk;
  token: string;
}

/** GET /kiosk/me: the calling kiosk and its facility. */
export interface KioskMe {
  kiosk: Kiosk;
  facility: Facility;
  /** The server's clock when it answered (RFC 3339). */
  server_time: string;
}

export type CredentialKind = 'child' | 'family';

/** The text a card's QR carries ("TDM1:" + base32); older versions are refused once reissued. */
export interface Credential {
  text: string;
  version: number;
  kind: CredentialKind;
  subject_id: string;
}

export type VisitMethod = 'qr' | 'manual';

export interface VisitChild {
  id: string;
  name: string;
}

/** One stay of a child at a facility: in_at, and out_at once departed. */
export interface Visit {
  id: string;
  facility_id: string;
  child: VisitChild;
  in_at: string;
  out_at: string | null;
  pickup_by: string | null;
  method: VisitMethod;
  /** Closed by the server at the facility's closing time. */
  auto_closed: boolean;
  /** Staff should look at it (auto-closed); a correction clears it. */
  needs_review: boolean;
}

export type StampDirection = 'auto' | 'in' | 'out';
export type StampResultKind = 'arrived' | 'departed' | 'duplicate';

/** POST /stamps: a credential (kiosk or staff) or a child_id (staff). */
export interface StampInput {
  facility_id: string;
  /** A UUID made by the client; the same one again returns the first answer. */
  client_id: string;
  credential?: string;
  child_id?: string;
  /** Family credential only: the children who came; default all. */
  child_ids?: string[];
  direction?: StampDirection;
  scanned_at?: string;
  pickup_by?: string;
}

/** The answer to a stamp of one child (child credential or child_id). */
export interface ChildStampResult {
  result: StampResultKind;
  visit: Visit;
  /** "母 山田 花子"…, then "その他"; offered after a departure. */
  pickup_choices: string[];
}

/** The answer to a stamp with a family credential: one result per child. */
export interface FamilyStampResult {
  results: { result: StampResultKind; visit: Visit }[];
  pickup_choices: string[];
}

export type StampAnswer = ChildStampResult | FamilyStampResult;

export function isFamilyStampResult(answer: StampAnswer): answer is FamilyStampResult {
  return Array.isArray((answer as FamilyStampResult).results);
}

export interface StampPreviewInput {
  facility_id: string;
  credential: string;
}

/** POST /stamps/preview: who a credential stands for; nothing is recorded. */
export interface StampPreview {
  kind: CredentialKind;
  family_name: string;
  children: { id: string; name: string; present: boolean }[];
  pickup_choices: string[];
}

/**
 * expected: an `attend` plan, not arrived yet; present / left: a visit today;
 * absent: an `absent` plan; not_arrived: an `attend` plan with arrive_at, no arrival,
 * and now ≥ arrive_at + the facility's grace (a past day: always); unplanned: no plan.
 */
export type RosterStatus = 'expected' | 'present' | 'left' | 'absent' | 'not_arrived' | 'unplanned';

export interface RosterItem {
  child: { id: string; name: string; name_kana: string | null; grade: Grade };
  status: RosterStatus;
  /** The child's plan for the day at this facility. */
  plan: Plan | null;
  /** The plan was changed after the facility's deadline (plan?.late). */
  late: boolean;
  /** When the not-arrived job raised this child (once per plan). */
  alerted_at: string | null;
  in_at: string | null;
  out_at: string | null;
  visit_id: string | null;
  pickup_by: string | null;
  needs_review: boolean;
}

export interface Roster {
  date: string;
  items: RosterItem[];
}

export interface VisitListParams extends ListParams {
  facility_id?: string;
  from?: string;
  to?: string;
  child_id?: string;
  needs_review?: boolean;
}

/** PATCH /visits/{id}: a staff correction; reason is required (1..200). */
export interface VisitPatch {
  in_at?: string;
  out_at?: string;
  reason: string;
}

// ---- plans and absences (issue 5) ----

export type PlanStatus = 'attend' | 'absent';

/** One child's plan for one day at one facility (出欠予定). */
export interface Plan {
  id: string;
  child_id: string;
  facility_id: string;
  date: string; // "YYYY-MM-DD"
  status: PlanStatus;
  arrive_at: string | null; // "HH:MM", attend only
  leave_at: string | null; // "HH:MM", attend only
  pickup_by: string | null;
  reason: string | null;
  /** Changed after the facility's deadline for that day. */
  late: boolean;
  updated_at: string;
  updated_by: { role: Role; name: string };
  /** Staff saw it (absence reports: 確認中 until then, 確認済 after). A change clears it. */
  acknowledged_at: string | null;
  acknowledged_by: { name: string } | null;
}

/** One day of PUT /children/{id}/plans; status `none` deletes the day's plan. */
export interface PlanDayInput {
  date: string;
  status: PlanStatus | 'none';
  arrive_at?: string | null;
  leave_at?: string | null;
  pickup_by?: string | null;
  reason?: string | null;
}

/** PUT /children/{id}/plans: 1–100 days in one transaction. */
export interface PlansInput {
  /** May be left out when the child is enrolled at exactly one facility. */
  facility_id?: string;
  days: PlanDayInput[];
}

export interface PlanListParams {
  from?: string;
  to?: string;
  facility_id?: string;
}

/**
 * One line of GET /plans (staff): a plan waiting for a look — an absence or a late
 * change not acknowledged yet — with its child (grade on the plan's day) and facility.
 */
export interface PendingPlan extends Plan {
  child: { id: string; name: string; name_kana: string | null; grade: Grade };
  facility: { id: string; name: string };
}

export interface PendingPlanPage extends Page<PendingPlan> {
  /** The days the list covers; `from` is the organization's today unless asked otherwise. */
  from: string;
  to: string;
  /** The lines of the whole list (every page). */
  total: number;
}

/** GET /plans: from defaults to the organization's today, to to from + 62 days (the most). */
export interface PendingPlanParams extends ListParams {
  facility_id?: string;
  from?: string;
  to?: string;
}

/** GET /me/children: a guardian's child with its facilities and today's status. */
export interface MyChild {
  child: Child;
  facilities: { id: string; name: string; kind: FacilityKind }[];
  today: {
    date: string;
    status: RosterStatus;
    /** The facility the status comes from (the visit's, else the plan's); null when unplanned. */
    facility_id: string | null;
    in_at: string | null;
    out_at: string | null;
    pickup_by: string | null;
    plan: Plan | null;
  };
}

// ---- notifications (issue 4) ----

export type NotificationKind = 'arrival' | 'departure' | 'not_arrived' | 'message';

/** One item of a guardian's in-app inbox. */
export interface InboxItem {
  id: string;
  kind: NotificationKind;
  title: string;
  body: string;
  child_id?: string | null;
  child_name?: string | null;
  facility_id?: string | null;
  facility_name?: string | null;
  /** The stamp's time. */
  at?: string | null;
  pickup_by?: string | null;
  created_at: string;
  read_at?: string | null;
}

export interface InboxPage extends Page<InboxItem> {
  unread_count: number;
}

export interface InboxParams extends ListParams {
  unread?: boolean;
}

export interface ChannelChoice {
  push: boolean;
  email: boolean;
  inapp: boolean;
}

/** GET/PUT /me/notification-preferences. */
export interface NotificationPreferences {
  /** Arrivals and departures. */
  stamps: ChannelChoice;
  messages: ChannelChoice;
  /** Push and e-mail wait until `to`; not-arrived alerts and emergencies do not. */
  quiet_hours: { from: string; to: string } | null;
  /** The language of e-mails and push texts. */
  language: 'ja' | 'en';
}

export type NotificationStatus = 'pending' | 'delivered' | 'dead' | 'cancelled';
export type NotificationChannel = 'push' | 'email' | 'inapp';

/** Staff: one delivery of one event to one guardian on one channel (GET /notifications). */
export interface StaffNotification {
  id: string;
  kind: NotificationKind | string;
  channel: NotificationChannel | string;
  status: NotificationStatus | string;
  guardian: { id: string; name: string };
  child_id?: string | null;
  child_name?: string | null;
  facility_id?: string | null;
  attempts: number;
  last_error?: string | null;
  created_at: string;
  delivered_at?: string | null;
  next_attempt_at?: string | null;
}

export interface DeliveryAttempt {
  at: string;
  result: string;
  detail?: string | null;
}

/** GET /notifications/{id}: the notification with its delivery history. */
export interface StaffNotificationDetail extends StaffNotification {
  history: DeliveryAttempt[];
}

/** Filters of GET /notifications (the facilities the staff member covers). */
export interface StaffNotificationParams extends ListParams {
  facility_id?: string;
  child_id?: string;
  status?: string;
  channel?: string;
}

/** The browser's PushSubscription.toJSON(). */
export interface PushSubscriptionInput {
  endpoint: string;
  expirationTime?: number | null;
  keys: { p256dh: string; auth: string };
}

export interface PushSubscriptionInfo {
  id: string;
  endpoint: string;
  created_at: string;
}

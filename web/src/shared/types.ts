// The DTOs of the Tadaima HTTP API v1 under the names the front ends use. Every type is
// one of docs/openapi.yaml's, through web/src/shared/openapi.gen.ts (`npm run gen:types`;
// tests/api/openapi_types.test.ts fails when that file is behind the YAML): to change a
// type, change docs/openapi.yaml and run the command. Field names are the wire names
// (snake_case); ids are opaque strings, dates "YYYY-MM-DD", times RFC 3339 with offset.
import type { components, operations } from './openapi.gen';

type S = components['schemas'];
/**
 * The query parameters of an operation as the client's methods take them: a `cursor` may
 * be the previous page's null `next_cursor` (the client leaves out what is null or "").
 */
type Query<Op extends keyof operations> =
  Omit<NonNullable<operations[Op]['parameters']['query']>, 'cursor'> & { cursor?: string | null };

export type Role = S['Role'];
export type StaffRole = S['StaffRole'];
export type FacilityKind = S['FacilityKind'];
export type EnrollmentStatus = S['EnrollmentStatus'];
/** School grade by the Japanese school year (April 2 cut-off). */
export type Grade = S['Grade'];

export type User = S['User'];
export type Organization = S['Organization'];
export type Facility = S['Facility'];
export type Staff = S['Staff'];
export type Guardian = S['Guardian'];
/** A guardian as returned by POST /families: carries its one-time password. */
export type NewGuardian = S['NewGuardian'];
export type Age = S['Age'];
export type Child = S['Child'];
/** A child's enrollment has child_id (family_id may name its family); a drop_in one has only family_id. */
export type Enrollment = S['Enrollment'];

// Pre-registration (事前登録) and the window letter.
export type RegistrationStatus = S['RegistrationStatus'];
export type RegistrationForm = S['RegistrationForm'];
export type RegistrationInput = S['RegistrationInput'];
export type Registration = S['Registration'];
export type RegistrationDuplicate = S['RegistrationDuplicate'];
export type ApprovedRegistration = S['ApprovedRegistration'];
/** A drop-in room with the family's enrollment there (GET /me/rooms). */
export type MyRoom = S['MyRoom'];

// Drop-in rooms: paper visitor forms (利用者票), consultation records (相談記録), the audit of a family.
export type WalkIn = S['WalkIn'];
export type WalkInChild = S['WalkInChild'];
export type WalkInInput = S['WalkInInput'];
export type WalkInChildInput = S['WalkInChildInput'];
export type ConsultationCategory = S['ConsultationCategory'];
export type Consultation = S['Consultation'];
export type ConsultationInput = S['ConsultationInput'];
export type ConsultationPatch = S['ConsultationPatch'];
export type AuditEntry = S['AuditEntry'];
// Importing families from a CSV file.
export type ImportReport = S['ImportReport'];
export type ImportRowReport = S['ImportRowReport'];
export type ImportProblem = S['ImportProblem'];
export type ImportJob = S['ImportJob'];
/** The monthly report's columns (GET/PUT /reports/columns). */
export type ReportColumnsAnswer = S['ReportColumnsAnswer'];
export type ReportColumnLists = S['ReportColumnLists'];
export type Family = S['Family'];
/** The answer to POST /families: guardians carry initial_password. */
export type NewFamily = S['NewFamily'];

/** A page of any list: `{items, next_cursor}`. */
export interface Page<T> {
  items: T[];
  next_cursor: S['NextCursor'];
}

export type ErrorBody = S['Error'];
export type ErrorCode = S['ErrorCode'];
/** The stable id of why a request failed (server/src/base/reasons.h); translated by i18n/reasons.ts. */
export type ErrorReason = S['ErrorReason'];

// ---- request bodies ----

export type LoginInput = S['LoginInput'];
export type ChangePasswordInput = S['ChangePasswordInput'];
export type FacilityInput = S['FacilityInput'];
export type FacilityPatch = S['FacilityPatch'];
export type StaffInput = S['StaffInput'];
export type StaffPatch = S['StaffPatch'];
export type GuardianInput = S['GuardianInput'];
export type GuardianPatch = S['GuardianPatch'];
export type ChildInput = S['ChildInput'];
export type ChildPatch = S['ChildPatch'];
/** Allergies, medical needs and staff notes: staff of the child's facilities (audited) and its guardians. */
export type ChildCare = S['ChildCare'];
export type ChildCareInput = S['ChildCareInput'];
export type CareMarkers = S['CareMarkers'];
/** GET /stats/visits, /stats/plans and /reports/monthly (format json). */
export type VisitStats = S['VisitStats'];
export type PlanStats = S['PlanStats'];
export type MonthlyReport = S['MonthlyReport'];
export type ReportCounts = S['ReportCounts'];
export type VisitStatsParams = Query<'visitStats'>;
export type PlanStatsParams = Query<'planStats'>;
export type MonthlyReportParams = Query<'monthlyReport'>;
export type ChildAuditEntry = operations['getChildAudit']['responses']['200']['content']['application/json']['items'][number];
export type FamilyInput = S['FamilyInput'];
export type FamilyPatch = S['FamilyPatch'];
export type EnrollmentInput = S['EnrollmentInput'];

export type ListParams = Query<'listFacilities'>;
export type FamilyListParams = Query<'listFamilies'>;
export type EnrollmentListParams = Query<'listEnrollments'>;

export type InvitedGuardian = S['InvitedGuardian'];
export type PasswordReset = S['PasswordReset'];

// ---- check-in: kiosks, credentials, stamps, visits, roster ----

/** A paired kiosk device; its bearer token is shown only once, at creation. */
export type Kiosk = S['Kiosk'];
/** The answer to POST /facilities/{id}/kiosks. */
export type NewKiosk = S['NewKiosk'];
/** GET /kiosk/me: the calling kiosk and its facility. */
export type KioskMe = S['KioskMe'];
/** A child found by an unlocked kiosk's name search. */
export type KioskChild = NonNullable<operations['kioskChildren']['responses']['200']['content']['application/json']>['items'][number];
/** Who picked a child up: a name, or the child went home alone. */
export type PickupInput = S['PickupInput'];

/** The text a card's QR carries ("TDM1:" + base32); older versions are refused once reissued. */
export type Credential = S['Credential'];
export type CredentialKind = Credential['kind'];

export type VisitChild = S['VisitChild'];
/** One stay of a child at a facility: in_at, and out_at once departed. */
export type Visit = S['Visit'];
export type VisitMethod = Visit['method'];

export type StampDirection = S['Direction'];
export type StampResultKind = S['StampResult'];
/** POST /stamps: a credential (kiosk or staff) or a child_id (staff). */
export type StampInput = S['StampInput'];
/** The answer to a stamp of one child (child credential or child_id). */
export type ChildStampResult = S['ChildStampAnswer'];
/** The answer to a stamp with a family credential: one result per child. */
export type FamilyStampResult = S['FamilyStampAnswer'];
export type StampAnswer = S['StampAnswer'];

export function isFamilyStampResult(answer: StampAnswer): answer is FamilyStampResult {
  return Array.isArray((answer as FamilyStampResult).results);
}

export type StampPreviewInput = S['StampPreviewInput'];
/** POST /stamps/preview: who a credential stands for; nothing is recorded. */
export type StampPreview = S['StampPreview'];

/** A child's day at a facility (see DayStatus in docs/openapi.yaml). */
export type RosterStatus = S['DayStatus'];
export type RosterItem = S['RosterItem'];
export type Roster = S['Roster'];

export type VisitListParams = Omit<Query<'listVisits'>, 'format'>;
/** PATCH /visits/{id}: a staff correction; reason is required (1..200). */
export type VisitPatch = S['VisitPatch'];

// ---- plans and absences ----

export type PlanStatus = S['PlanStatus'];
/** One child's plan for one day at one facility (出欠予定). */
export type Plan = S['Plan'];
/** One day of PUT /children/{id}/plans; status `none` deletes the day's plan. */
export type PlanDayInput = S['PlanDayInput'];
/** PUT /children/{id}/plans: 1–100 days in one transaction. */
export type PlansInput = S['PlansInput'];
export type PlanListParams = Query<'listPlans'>;
/** One line of GET /plans (staff): a plan waiting for a look, with its child and facility. */
export type PendingPlan = S['PendingPlan'];
export type PendingPlanPage = S['PendingPlanPage'];
export type Audience = S['Audience'];
/** GET /facilities/{id}/on-site: the children in now, with whom to call. */
export type OnSiteList = S['OnSiteList'];
export type AudienceCount = S['AudienceCount'];
/** GET /plans: from defaults to the organization's today, to to from + 62 days (the most). */
export type PendingPlanParams = Omit<Query<'listPendingPlans'>, 'pending'>;
/** GET /me/children: a guardian's child with its facilities and today's status. */
export type MyChild = S['MyChild'];

// ---- notifications ----

/** One item of a guardian's in-app inbox. */
export type InboxItem = S['InboxItem'];
export type NotificationKind = InboxItem['kind'];
export type InboxPage = S['InboxPage'];
export interface InboxParams extends ListParams {
  unread?: boolean;
}
export type ChannelChoice = S['Channels'];
/** GET/PUT /me/notification-preferences. */
export type NotificationPreferences = S['Preferences'];

/** Staff: one delivery of one event to one guardian on one channel (GET /notifications). */
export type StaffNotification = S['StaffNotification'];
export type NotificationStatus = StaffNotification['status'];
export type NotificationChannel = StaffNotification['channel'];
/** GET /notifications/{id}: the notification with its delivery history. */
export type StaffNotificationDetail = S['NotificationDetail'];
export type DeliveryAttempt = StaffNotificationDetail['history'][number];
/**
 * Filters of GET /notifications (the facilities the staff member covers). status and
 * channel are the page's filter values as read from its address ("" for all); the server
 * answers 400 naming the field for a value outside NotificationStatus / NotificationChannel.
 */
export type StaffNotificationParams = Omit<Query<'listNotifications'>, 'status' | 'channel'> & {
  status?: string;
  channel?: string;
};

/** The browser's PushSubscription.toJSON(). */
export type PushSubscriptionInput = S['PushSubscriptionInput'];
export type PushSubscriptionInfo = S['PushSubscription'];

// ---- messages (お知らせ), emergency notices, attachments ----

export type MessagePriority = S['MessagePriority'];
export type MessageChannel = S['MessageChannel'];
/** A file uploaded with POST /attachments (PDF, PNG or JPEG, at most 10 MiB); `url` fetches it. */
export type Attachment = S['Attachment'];
/** POST /messages: now, or at send_at (not with emergency); client_id makes a retry safe. */
export type MessageInput = S['MessageInput'];
/** A message as the staff who may manage it see it: audience, channels and counts. */
export type StaffMessage = S['StaffMessage'];
export type MessageStatus = StaffMessage['status'];
/** A message as a guardian of a family it reached sees it, with the family's read_at. */
export type FamilyMessage = S['FamilyMessage'];
/** The answer to POST /messages: the message and whom it reached (scheduled: would reach today). */
export type SentMessage = S['SentMessage'];
/** GET /emergencies: an emergency notice sent and not ended (a banner). */
export type EmergencyNotice = S['EmergencyNotice'];
/** One family a sent message reached: delivered, read, reminded. */
export type MessageReceipt = S['MessageReceipt'];
export type MessageReceipts = S['MessageReceipts'];
export type MessageListParams = Query<'listMessages'>;
export type MyMessageParams = Query<'listMyMessages'>;

// contact threads (連絡)
export type ThreadInput = S['ThreadInput'];
/** A contact thread as the reader's side sees it: its unread count, read_only once the family left. */
export type Thread = S['Thread'];
export type ThreadPost = S['ThreadPost'];
/** The answer to a write in a thread: the thread as now and the post written. */
export type ThreadWritten = S['ThreadWritten'];
export type ThreadListParams = Query<'listThreads'>;
export type ThreadPage = Page<Thread> & { unread_threads: number };

// ---- surveys (アンケート) ----

export type SurveyQuestionKind = S['SurveyQuestionKind'];
/** One question: its id is the key of its answer; single and multiple have 2..30 options. */
export type SurveyQuestion = S['SurveyQuestion'];
/** POST /surveys: closes_at in the future (within a year); client_id makes a retry safe. */
export type SurveyInput = S['SurveyInput'];
/** A single answer's option, a multiple answer's options, a text, a date or a number. */
export type SurveyAnswer = S['SurveyAnswer'];
/** Question id → value; a question left out is not answered. */
export type SurveyAnswers = S['SurveyAnswers'];
export type SurveyStatus = S['SurveyStatus'];
/** A survey as the staff who may manage it see it: audience, channels, families and respondents. */
export type StaffSurvey = S['StaffSurvey'];
/** A survey as a guardian of a family it reached sees it; `answers` only from GET /surveys/{id}. */
export type FamilySurvey = S['FamilySurvey'];
/** The answer to POST /surveys: the survey and whom it reached. */
export type SentSurvey = S['SentSurvey'];
/** The family's saved response (PUT /surveys/{id}/response). */
export type SurveyResponse = S['SurveyResponse'];
/** GET /surveys/{id}/results: counts of the choice questions, values of the others. */
export type SurveyResults = S['SurveyResults'];
export type SurveyQuestionResult = SurveyResults['questions'][number];
export type SurveyListParams = Query<'listSurveys'>;
/** A file of the results: CSV in UTF-8 (with BOM) or Shift_JIS for Excel, or an xlsx workbook. */
export type SurveyFile = 'csv' | 'csv_shift_jis' | 'xlsx';

// ---- calendar (行事予定): closures, events, courses and their applications ----

export type EventKind = S['EventKind'];
/** Age in completed months on the entry's first day, inclusive at both ends. */
export type AgeMonths = S['AgeMonths'];
/** POST /events: no facility_id — every facility (org_admin); client_id makes a retry safe. */
export type EventInput = S['EventInput'];
/** PATCH /events/{id}: the fields given change; null clears a course's capacity, ages or deadline. */
export type EventPatch = S['EventPatch'];
/** A closure (休館日), event (行事) or course (講座); a guardian's has the family's `application`. */
export type CalendarEvent = S['Event'];
export type EventStatus = CalendarEvent['status'];
export type EventListParams = Query<'listEvents'>;
export type ApplicationStatus = S['ApplicationStatus'];
/** One family's application to a course (staff's view): its children, seats, place in the waitlist. */
export type Application = S['Application'];
/** The family's own application, as a guardian's event carries it. */
export type MyApplication = S['MyApplication'];
/** GET /events/{id}/applications: confirmed by time, the waitlist in order. */
export type CourseApplications = operations['listApplications']['responses'][200]['content']['application/json'];
/** GET /me/calendar: the family's secret feed link (`url`). */
export type CalendarFeed = S['CalendarFeed'];

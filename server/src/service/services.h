// The use cases of the foundation: sign-in and sessions, organizations,
// facilities, staff, families, children, guardians and enrollments.
//
// Every call takes the Actor who asks and checks its role and organization
// (rules/permissions.h) before reading or writing; rows the actor may not see
// answer not_found. Every write runs in one transaction and changes nothing
// when it fails. Inputs are validated here, naming each bad field.
// Thread-safe: the services hold no per-call state.
#pragma once

#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "base/clock.h"
#include "db/database.h"
#include "model/model.h"
#include "notify/live.h"
#include "notify/webpush.h"
#include "report/cards_pdf.h"
#include "rules/credential.h"

namespace tadaima::service {

using db::TxMode;

struct Settings {
  std::vector<std::string> push_allowed_hosts = notify::DefaultPushHosts();  // push services we may call
  int login_max_failures = 5;          // per login within the window
  int login_max_failures_per_ip = 50;  // per address within the window
  int64_t login_window_ms = 15 * 60 * 1000;
  int64_t session_ms = 30LL * 24 * 3600 * 1000;
  int pg_stamp_writers = 4;  // stamp-writer threads on PostgreSQL (SQLite: always one)
};

// PATCH fields: nullopt = leave as is. Nullable fields nest an optional
// (an inner nullopt clears the value).
template <class T>
using Patch = std::optional<T>;

struct LoginResult {
  std::string session_token;  // for the cookie; the database keeps only its hash
  std::string csrf_token;
  Actor actor;
};

struct GuardianInput {
  std::string name;
  std::optional<std::string> email, relation;
};
struct ChildInput {
  std::string name;
  std::optional<std::string> name_kana;
  std::string birth_date;
};
struct FamilyInput {
  std::string name;
  std::optional<std::string> address, phone;
  std::vector<GuardianInput> guardians;
  std::vector<ChildInput> children;
  std::vector<std::string> facility_ids;
};
struct FacilityInput {
  Patch<std::string> name, kind, opens_at, closes_at;
  Patch<int64_t> duplicate_window_seconds, offline_retention_hours;
  Patch<int64_t> plan_deadline_days;
  Patch<std::string> plan_deadline_time;
  Patch<int64_t> not_arrived_grace_minutes;
  Patch<bool> not_arrived_notify;
};
struct StaffInput {
  Patch<std::string> login, name, password, role;
  Patch<std::vector<std::string>> facility_ids;
};
struct FamilyPatch {
  Patch<std::string> name;
  Patch<std::optional<std::string>> address, phone;
};
struct ChildPatch {
  Patch<std::string> name, birth_date;
  Patch<std::optional<std::string>> name_kana;
};
struct GuardianPatch {
  Patch<std::string> name;
  Patch<std::optional<std::string>> email, relation;
};

// A guardian with the initial password issued with it (shown once).
struct IssuedLogin {
  User guardian;
  std::string initial_password;
};
struct CreatedFamily {
  Family family;
  std::vector<IssuedLogin> logins;  // one per guardian, in order
};

// --- check-in
struct CredentialInfo {
  std::string text;
  int version = 1;
  bool family = false;
  std::string subject_id;
};

// What a printed card shows.
using Card = report::CardFace;

struct StampInput {
  std::string facility_id;
  std::string client_id;
  std::optional<std::string> credential;
  std::optional<std::string> child_id;
  std::optional<std::vector<std::string>> child_ids;
  std::string direction = "auto";  // auto | in | out
  std::optional<int64_t> scanned_at;
  std::optional<std::string> pickup_by;
};

struct StampResult {
  std::string result;  // arrived | departed | duplicate
  Visit visit;
  std::string family_id;  // the child's (empty in replayed answers)
};

struct StampOutcome {
  bool replayed = false;  // the client_id was seen before: this is the first answer
  bool family = false;    // a family credential: several results
  std::vector<StampResult> results;
  std::vector<std::string> pickup_choices;
  std::vector<Notification> inbox;  // the in-app notifications written, announced after the commit
};

struct StampPreview {
  bool family = false;
  std::string family_name;
  struct Entry {
    std::string child_id, name;
    bool present = false;
  };
  std::vector<Entry> children;
  std::vector<std::string> pickup_choices;
};

struct RosterItem {
  Child child;
  std::string status;  // expected | present | left | absent | not_arrived | unplanned
  std::optional<Visit> visit;
  std::optional<Plan> plan;
};
struct Roster {
  CivilDate date;
  std::vector<RosterItem> items;
};

struct VisitFilter {
  std::optional<std::string> facility_id, child_id, from, to, cursor;
  bool needs_review_only = false;
  int limit = 50;
};
struct VisitPage {
  std::vector<Visit> items;
  std::optional<std::string> next_cursor;
};

// --- plans
struct PlanDayInput {
  std::string date;
  std::string status;  // attend | absent | none (delete the day's plan)
  std::optional<std::string> arrive_at, leave_at, pickup_by, reason;
};
struct PlansInput {
  std::optional<std::string> facility_id;  // may be left out when the child has one facility
  std::vector<PlanDayInput> days;
};
struct PlanRange {
  std::optional<std::string> from, to, facility_id;
};

// GET /plans: the plans that wait for staff (absences and late changes not
// acknowledged yet). Text fields as received; the service checks them.
struct PendingPlanFilter {
  std::optional<std::string> facility_id, from, to, pending, cursor;
  int limit = 50;
};
struct PendingPlan {
  Plan plan;
  Child child;
  std::string facility_name;
};
struct PendingPlanPage {
  CivilDate from, to;  // the days the list covers
  std::vector<PendingPlan> items;
  std::optional<std::string> next_cursor;
  int64_t total = 0;  // the lines of the whole list, every page
};

// A guardian's child as the parents' app shows it: where it is enrolled and
// how its day goes (the status of the roster, from its visit or plan).
struct MyChild {
  Child child;
  std::vector<Facility> facilities;
  CivilDate date;  // the organization's today
  std::string status;
  std::optional<std::string> facility_id;  // of the visit, else of the plan
  std::optional<Visit> visit;
  std::optional<Plan> plan;
};

class StampWriter;

// A visit as live events show it (the API's shape).
nlohmann::json LiveVisit(const Visit& v, const std::string& time_zone);

// How services reach the rest of the process after a commit.
struct Hooks {
  std::function<void(const notify::LiveEvent&)> publish;  // live events (SSE)
  // After a commit that wrote notifications: announces the in-app rows, wakes the workers.
  std::function<void(const std::vector<Notification>& inbox)> outbox_written;
  notify::LiveHub* hub = nullptr;                         // this process's live listeners
};

// --- notifications
struct InboxPage {
  std::vector<Notification> items;
  std::optional<std::string> next_cursor;
  int64_t unread = 0;
};
struct NotificationFilter {
  std::optional<std::string> facility_id, child_id, status, channel, cursor;
  int limit = 50;
};
struct StaffNotification {
  Notification notification;
  std::string guardian_name;
  std::vector<NotificationAttempt> history;  // filled by GetNotification
};
struct StaffNotificationPage {
  std::vector<StaffNotification> items;
  std::optional<std::string> next_cursor;
};
struct SubscribedPush {
  PushSubscription subscription;
  bool created = false;
};

struct Page {
  std::vector<Family> items;
  std::optional<std::string> next_cursor;
};

class Services {
 public:
  Services(db::Database& db, Clock clock, Settings settings, Hooks hooks = {});
  ~Services();

  const Clock& clock() const { return clock_; }
  // The organization's today for `actor`.
  CivilDate Today(const Actor& actor) const;

  // --- accounts (auth.cpp)
  // Same error for an unknown login and a wrong password; kTooManyRequests
  // after too many failures for the login or the address.
  Result<LoginResult> Login(const std::string& login, const std::string& password, const std::string& remote_ip);
  Status Logout(const std::string& session_token);
  // The actor of a live session and its CSRF token; kUnauthenticated otherwise.
  struct Authenticated {
    Actor actor;
    std::string csrf_token;
  };
  Result<Authenticated> Authenticate(const std::string& session_token);
  Status ChangePassword(const Actor& actor, const std::string& session_token, const std::string& current,
                        const std::string& next);
  // The command line's `admin create-org`: no actor.
  Result<Organization> CreateOrganization(const std::string& name, const std::string& time_zone,
                                          const std::string& admin_login, const std::string& admin_password);
  Result<Organization> GetOrganization(const Actor& actor);

  // --- facilities and staff (facilities.cpp)
  Result<Facility> CreateFacility(const Actor& actor, const FacilityInput& in);
  Result<std::vector<Facility>> ListFacilities(const Actor& actor);
  Result<Facility> GetFacility(const Actor& actor, const std::string& id);
  Result<Facility> UpdateFacility(const Actor& actor, const std::string& id, const FacilityInput& in);
  Result<User> CreateStaff(const Actor& actor, const StaffInput& in);
  Result<std::vector<User>> ListStaff(const Actor& actor);
  Result<User> UpdateStaff(const Actor& actor, const std::string& id, const StaffInput& in);

  // --- families (families.cpp)
  Result<CreatedFamily> CreateFamily(const Actor& actor, const FamilyInput& in);
  Result<Page> ListFamilies(const Actor& actor, const std::string& q, const std::string& cursor, int limit);
  Result<Family> GetFamily(const Actor& actor, const std::string& id);
  Result<Family> UpdateFamily(const Actor& actor, const std::string& id, const FamilyPatch& in);
  Result<Child> AddChild(const Actor& actor, const std::string& family_id, const ChildInput& in);
  Result<Child> GetChild(const Actor& actor, const std::string& id);
  Result<Child> UpdateChild(const Actor& actor, const std::string& id, const ChildPatch& in);
  Result<IssuedLogin> InviteGuardian(const Actor& actor, const std::string& family_id, const GuardianInput& in);
  Result<User> UpdateGuardian(const Actor& actor, const std::string& id, const GuardianPatch& in);
  Result<IssuedLogin> ResetGuardianPassword(const Actor& actor, const std::string& id);

  // --- enrollments (enrollments.cpp)
  Result<Enrollment> CreateEnrollment(const Actor& actor, const std::string& facility_id,
                                      const std::optional<std::string>& child_id,
                                      const std::optional<std::string>& family_id);
  Result<std::vector<Enrollment>> ListEnrollments(const Actor& actor, const std::optional<std::string>& facility_id,
                                                  const std::optional<std::string>& status);
  Result<Enrollment> ApproveEnrollment(const Actor& actor, const std::string& id);
  Status DeleteEnrollment(const Actor& actor, const std::string& id);

  // --- kiosks (kiosks.cpp)
  // The kiosk actor of a bearer token; kUnauthenticated when unknown or revoked.
  // With `cached`, an answer up to a minute old may come from memory: only
  // for calls that check revocation again in their own transaction (stamps).
  Result<Actor> AuthenticateKiosk(const std::string& token, bool cached = false);
  struct PairedKiosk {
    Kiosk kiosk;
    std::string token;  // shown once
  };
  Result<PairedKiosk> CreateKiosk(const Actor& actor, const std::string& facility_id, const std::string& name);
  Result<std::vector<Kiosk>> ListKiosks(const Actor& actor, const std::string& facility_id);
  Status RevokeKiosk(const Actor& actor, const std::string& id);
  Result<std::pair<Kiosk, Facility>> KioskMe(const Actor& actor);

  // --- credentials and cards (credentials.cpp)
  Result<CredentialInfo> GetCredential(const Actor& actor, bool family, const std::string& id);
  Result<CredentialInfo> ReissueCredential(const Actor& actor, bool family, const std::string& id);
  Result<Card> ChildCard(const Actor& actor, const std::string& child_id);
  // One card per enrolled child (per family at a drop-in room).
  Result<std::vector<Card>> FacilityCards(const Actor& actor, const std::string& facility_id);

  // --- stamps and visits (stamps.cpp, visits.cpp)
  Result<StampPreview> PreviewStamp(const Actor& actor, const std::string& facility_id, const std::string& credential);
  // Records a stamp through the group commit. Bad input is refused at once (and
  // `done` is not called); otherwise `done` runs on the writer's thread once
  // the stamp is durable or refused.
  using StampDone = std::function<void(Result<StampOutcome>)>;
  Status Stamp(const Actor& actor, const StampInput& in, StampDone done);
  Result<Visit> SetPickup(const Actor& actor, const std::string& visit_id, const std::string& pickup_by);
  Result<Roster> GetRoster(const Actor& actor, const std::string& facility_id, const std::optional<std::string>& date);
  Result<VisitPage> ListVisits(const Actor& actor, const VisitFilter& filter);
  Result<Visit> CorrectVisit(const Actor& actor, const std::string& id, const std::optional<std::string>& in_at,
                             const std::optional<std::optional<std::string>>& out_at, const std::string& reason);
  // Closes open visits whose facility has closed (the auto-close job); returns how many.
  Result<int> CloseDueVisits();

  // --- plans and absences (plans.cpp)
  // Writes the days in one transaction (any bad day: nothing is written) and
  // returns the plans of those days as stored, by date. Days whose values do
  // not change keep their late flag and acknowledgement; a change resets the
  // acknowledgement. Guardians of the child's family and staff covering the
  // facility; another family's child answers not_found.
  Result<std::vector<Plan>> SetPlans(const Actor& actor, const std::string& child_id, const PlansInput& in);
  // The child's plans within [from, to] (default today and 30 days on), by date.
  Result<std::vector<Plan>> ListPlans(const Actor& actor, const std::string& child_id, const PlanRange& range);
  // Staff covering the plan's facility mark it seen (確認済); again: no change.
  Result<Plan> AcknowledgePlan(const Actor& actor, const std::string& id);
  // Staff: the plans of their facilities within [from, to] that wait for them
  // (rules/plans.h, WaitsForStaff), by date, then updated_at. Defaults: from
  // the organization's today, to 62 days after from (also the longest range).
  // A facility_id outside the actor's facilities answers not_found.
  Result<PendingPlanPage> ListPendingPlans(const Actor& actor, const PendingPlanFilter& filter);
  // A guardian's children with their facilities and today's status.
  Result<std::vector<MyChild>> MyChildren(const Actor& actor);
  // Raises each expected child who has not arrived by arrive_at + grace (the
  // not-arrived job): sets alerted_at once across processes, writes the
  // audit entry and, when the facility notifies, the guardians' notices.
  // Returns how many it raised.
  Result<int> RaiseNotArrived();

  // --- notifications (notifications.cpp)
  // The server's VAPID key pair (created on first use, shared by all processes).
  Result<notify::VapidKey> VapidKey();
  Result<InboxPage> Inbox(const Actor& actor, bool unread_only, const std::string& cursor, int limit);
  Status MarkNotificationRead(const Actor& actor, const std::string& id);
  Status MarkAllNotificationsRead(const Actor& actor);
  Result<NotificationPreferences> GetNotificationPreferences(const Actor& actor);
  Result<NotificationPreferences> SetNotificationPreferences(const Actor& actor, const NotificationPreferences& p);
  Result<SubscribedPush> SubscribePush(const Actor& actor, const std::string& endpoint, const std::string& p256dh,
                                       const std::string& auth);
  Result<std::vector<PushSubscription>> ListPushSubscriptions(const Actor& actor);
  Status DeletePushSubscription(const Actor& actor, const std::string& id);
  Result<StaffNotificationPage> ListNotifications(const Actor& actor, const NotificationFilter& filter);
  Result<StaffNotification> GetNotification(const Actor& actor, const std::string& id);
  Result<StaffNotification> RetryNotification(const Actor& actor, const std::string& id);
  // A listener of the live events the actor may see (staff, guardians).
  Result<std::shared_ptr<notify::Listener>> ListenLive(const Actor& actor);

  // Sends a live event (call after the change committed).
  void Publish(const notify::LiveEvent& e) const;

  // The key that signs credentials (created on first use, shared by all processes).
  Result<std::string> CredentialKey();

 private:
  // Tell the live views after a commit: the facility's roster of `date`
  // changed; a plan of the child changed (guardians and staff).
  void AnnounceRoster(const std::string& organization_id, const std::string& facility_id, const CivilDate& date);
  void AnnouncePlanChange(const std::string& organization_id, const std::string& facility_id,
                          const std::string& family_id, const std::string& child_id, const CivilDate& date);
  Result<CredentialInfo> CurrentCredential(db::Tx& tx, const Actor& actor, bool family, const std::string& id);
  // The stamp's work inside the writer's transaction; `key` verifies codes.
  Result<StampOutcome> StampInTx(db::Tx& tx, const Actor& actor, const StampInput& in, const std::string& key);

  // After a stamp committed: live events, and a nudge to the notification workers.
  void AfterStamp(const StampOutcome& outcome, const std::string& time_zone) const;
  // A `roster` live event for the facility's day of `at`.
  void PublishVisitChange(const std::string& organization_id, const std::string& facility_id,
                          const std::string& time_zone, int64_t at) const;

  // Counts failed logins per key within the window (in memory, per process).
  bool LoginBlocked(const std::string& login, const std::string& ip, int64_t now);
  void RecordLoginFailure(const std::string& login, const std::string& ip, int64_t now);

  db::Database& db_;
  Clock clock_;
  Settings settings_;
  Hooks hooks_;
  std::mutex key_mu_;
  std::string credential_key_;
  std::optional<notify::VapidKey> vapid_key_;
  std::unique_ptr<StampWriter> stamp_writer_;
  std::mutex kiosk_cache_mu_;
  std::unordered_map<std::string, std::pair<Actor, int64_t>> kiosk_cache_;  // token hash -> actor, expiry
  std::mutex failures_mu_;
  std::unordered_map<std::string, std::vector<int64_t>> failures_;
};

}  // namespace tadaima::service

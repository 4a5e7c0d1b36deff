// Plain domain structs, in the words of DESIGN.md. No behaviour, no I/O.
// Instants are milliseconds since the Unix epoch; dates are CivilDate.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/time.h"

namespace tadaima {

// kKiosk is not a user: a device paired with one facility (Actor only).
enum class Role { kOrgAdmin, kFacilityStaff, kGuardian, kKiosk };
const char* RoleName(Role role);
std::optional<Role> ParseRole(std::string_view name);

enum class FacilityKind { kAfterSchool, kDropIn, kNursery };
const char* FacilityKindName(FacilityKind kind);
std::optional<FacilityKind> ParseFacilityKind(std::string_view name);

struct Organization {
  std::string id;
  std::string name;
  std::string time_zone = "Asia/Tokyo";
};

struct Facility {
  std::string id;
  std::string organization_id;
  std::string name;
  FacilityKind kind = FacilityKind::kAfterSchool;
  int opens_at = 0;   // minutes since midnight
  int closes_at = 0;  // minutes since midnight
  int duplicate_window_seconds = 60;
  int offline_retention_hours = 72;
  // A plan change for day D after D - plan_deadline_days at plan_deadline_time
  // (the organization's zone) is late.
  int plan_deadline_days = 1;
  int plan_deadline_time = 17 * 60;  // minutes since midnight
  // An expected child not arrived this long after its arrive_at is not_arrived.
  int not_arrived_grace_minutes = 15;
  bool not_arrived_notify = false;  // tell the guardians when it happens
  // The staff PIN of its kiosks (base/password.h hash); none: the kiosk's staff menu stays shut.
  std::optional<std::string> kiosk_pin_hash;
};

struct Kiosk {
  std::string id;
  std::string organization_id;
  std::string facility_id;
  std::string name;
  int64_t created_at = 0;
  std::optional<int64_t> last_seen_at;
  // The staff menu is open (the PIN was given) until then.
  std::optional<int64_t> unlocked_until;
  // Wrong PINs in a row; at the limit the PIN is refused until pin_locked_until.
  int pin_failures = 0;
  std::optional<int64_t> pin_locked_until;
};

enum class VisitMethod { kQr, kManual };

struct Visit {
  std::string id;
  std::string organization_id;
  std::string facility_id;
  std::string child_id;
  std::string child_name;
  int64_t in_at = 0;
  std::optional<int64_t> out_at;
  std::optional<std::string> pickup_by;
  bool left_alone = false;  // went home alone, with the guardians' permission (pickup_by empty)
  VisitMethod method = VisitMethod::kQr;
  bool auto_closed = false;
  bool needs_review = false;
  // Why an arrival needs review (rules/stamp.h ArrivalReview): absent_plan | after_closing.
  std::optional<std::string> review_reason;
  // At a drop-in room: the visit (組) the child came in with, and its adults.
  std::optional<std::string> group_id;
  int adults = 0;
};

enum class PlanStatus { kAttend, kAbsent };
const char* PlanStatusName(PlanStatus status);
std::optional<PlanStatus> ParsePlanStatus(std::string_view name);

// One child's attendance plan (出欠予定) for one day at one facility.
struct Plan {
  std::string id;
  std::string organization_id;
  std::string facility_id;
  std::string child_id;
  CivilDate date;
  PlanStatus status = PlanStatus::kAttend;
  std::optional<int> arrive_at, leave_at;  // minutes since midnight; attend only
  std::optional<std::string> pickup_by;    // attend only
  std::optional<std::string> reason;
  // The same day and arrival as instants in the organization's zone: local
  // midnight to the next, and arrive_at on that day (with arrive_at only).
  int64_t day_starts_at = 0, day_ends_at = 0;
  std::optional<int64_t> expected_at;
  bool late = false;  // the last change came after the facility's deadline
  int64_t updated_at = 0;
  std::string updated_by_id;
  Role updated_by_role = Role::kGuardian;
  std::string updated_by_name;
  std::optional<int64_t> acknowledged_at;
  std::optional<std::string> acknowledged_by_id, acknowledged_by_name;
  std::optional<int64_t> alerted_at;  // raised by the not-arrived job
  std::optional<int64_t> settled_at;  // the job found the child had arrived: nothing to raise
};

// A login of any role: staff and guardians share one table.
struct User {
  std::string id;
  std::string organization_id;
  Role role = Role::kGuardian;
  std::string login;
  std::string name;
  std::string password_hash;
  bool must_change_password = false;
  std::optional<std::string> family_id;  // guardians only
  std::optional<std::string> email;
  std::optional<std::string> relation;   // 母, 父, 祖母…
  std::optional<std::string> name_kana, phone;  // guardians
  std::vector<std::string> facility_ids;  // facility_staff only
};

struct Child {
  std::string id;
  std::string organization_id;
  std::string family_id;
  std::string name;
  std::optional<std::string> name_kana;
  CivilDate birth_date;
  int credential_version = 1;
  bool may_leave_alone = false;  // the guardians allow ひとりで帰る
};

// What staff must know of a child in care (allergies, medical needs, their own
// notes): kept apart from Child, read only by staff of its facilities (audited)
// and its guardians (not notes). Never on the kiosk.
struct ChildCare {
  std::optional<std::string> allergy, medical, notes;
  std::optional<int64_t> updated_at;
  std::optional<std::string> updated_by_name;
};

enum class EnrollmentStatus { kActive, kPending };

struct Enrollment {
  std::string id;
  std::string organization_id;
  std::string facility_id;
  std::optional<std::string> child_id;  // nullopt: the whole family (drop_in)
  std::string family_id;
  EnrollmentStatus status = EnrollmentStatus::kActive;
};

struct Family {
  std::string id;
  std::string organization_id;
  std::string name;
  std::optional<std::string> address;
  std::optional<std::string> phone;
  std::vector<User> guardians;
  std::vector<Child> children;
  std::vector<Enrollment> enrollments;
  int credential_version = 1;
};

// Who is asking: the signed-in user with what authorization needs.
struct Actor {
  std::string user_id;
  std::string organization_id;
  std::string time_zone = "Asia/Tokyo";
  Role role = Role::kGuardian;
  std::string name;
  std::string login;
  std::optional<std::string> family_id;
  std::vector<std::string> facility_ids;
  bool must_change_password = false;
  std::optional<std::string> kiosk_id;  // set for kKiosk (user_id is empty)
  std::string kiosk_token_hash;         // kKiosk: to re-check revocation inside a transaction
};

// --- notifications
// One delivery of one event to one guardian on one channel (push: one device).
struct Notification {
  std::string id;
  std::string organization_id;
  std::string user_id;
  std::string channel;  // push | email | inapp
  std::string kind;     // arrival | departure | not_arrived | message
  std::string event_key;
  std::string target;   // push: subscription id; e-mail: the address
  std::optional<std::string> facility_id, child_id;
  std::string payload;  // JSON: title, body and the event's fields
  bool urgent = false;  // overrides quiet hours
  std::string status = "pending";  // pending | delivered | dead | cancelled
  int attempts = 0;
  int64_t next_attempt_at = 0;
  std::optional<int64_t> claimed_until;
  std::optional<std::string> last_error;
  int64_t created_at = 0;
  std::optional<int64_t> delivered_at, read_at;
  std::optional<int64_t> retried_at;  // staff retried it after it was dead
};

struct NotificationAttempt {
  int64_t at = 0;
  std::string result;  // delivered | retry | dead | cancelled
  std::string detail;
};

// Which channels a guardian wants, per kind of news.
struct ChannelChoice {
  bool push = true, email = true, inapp = true;
};
struct NotificationPreferences {
  ChannelChoice stamps, messages;
  std::optional<int> quiet_from, quiet_to;  // minutes since midnight
  std::string language = "ja";              // ja | en
};

struct PushSubscription {
  std::string id;
  std::string organization_id;
  std::string user_id;
  std::string endpoint;
  std::string p256dh, auth;  // base64url, as the browser gave them
  int64_t created_at = 0;
};

// --- audiences
// Who a message (a survey, a course announcement) reaches (API.md "Audiences"): every key given narrows the set.
struct Audience {
  std::optional<std::vector<std::string>> facility_ids, family_ids, child_ids, grades;
  std::optional<int> age_months_min, age_months_max;  // inclusive
};

}  // namespace tadaima

// API representations of the domain: what the JSON answers contain. Never
// raw rows; never password hashes. Age and grade are for `today`.
#pragma once

#include <nlohmann/json.hpp>

#include "model/model.h"
#include "service/services.h"
#include "service/visit_json.h"

namespace tadaima::api {

// A value or null, for the dto files.
inline nlohmann::json OrNull(const std::optional<std::string>& v) { return v ? nlohmann::json(*v) : nullptr; }
// An instant written in `time_zone`, or null.
inline nlohmann::json InstantOrNull(const std::optional<int64_t>& ms, const std::string& time_zone) {
  return ms ? nlohmann::json(FormatInstant(*ms, time_zone)) : nullptr;
}

nlohmann::json UserJson(const Actor& a);
nlohmann::json OrganizationJson(const Organization& o);
nlohmann::json FacilityJson(const Facility& f);
// What a parent needs of a facility: its name, kind, hours and plan deadline.
nlohmann::json FamilyFacilityJson(const Facility& f);
nlohmann::json StaffJson(const User& u);
nlohmann::json GuardianJson(const User& u);
nlohmann::json ChildJson(const Child& c, const CivilDate& today);
nlohmann::json ChildCareJson(const ChildCare& c, const std::string& time_zone);
// `{items: [{action, actor: {id, name} | null, at}]}` (null: the command line).
nlohmann::json AuditJson(const std::vector<store::AuditRecord>& records, const std::string& time_zone);
nlohmann::json EnrollmentJson(const Enrollment& e);
nlohmann::json FamilyJson(const Family& f, const CivilDate& today);
// Check-in. Instants are written in `time_zone`.
nlohmann::json KioskJson(const Kiosk& k, const std::string& time_zone);
nlohmann::json CredentialJson(const service::CredentialInfo& c);
using service::VisitJson;  // service/visit_json.h: the one mapping, live events too
// {result, visit, pickup_choices} for a child code or manual stamp; {results, pickup_choices} for a family code.
nlohmann::json StampOutcomeJson(const service::StampOutcome& o, const std::string& time_zone);
nlohmann::json StampPreviewJson(const service::StampPreview& p);
nlohmann::json RosterJson(const service::Roster& r, const std::string& time_zone);
// GET /facilities/{id}/on-site: the children in now, with whom to call.
nlohmann::json OnSiteJson(const std::vector<service::OnSiteChild>& children, const CivilDate& today,
                          const std::string& time_zone);
// Plans: times "HH:MM", instants in `time_zone`.
nlohmann::json PlanJson(const Plan& p, const std::string& time_zone);
// {"items": [Plan]}
nlohmann::json PlansJson(const std::vector<Plan>& plans, const std::string& time_zone);
// {"from", "to", "items": [Plan + child {id, name, name_kana, grade on the
// plan's day} + facility {id, name}], "next_cursor", "total"}
nlohmann::json PendingPlansJson(const service::PendingPlanPage& page, const std::string& time_zone);
nlohmann::json MyChildJson(const service::MyChild& c, const std::string& time_zone);

// Notifications.
nlohmann::json InboxItemJson(const Notification& n, const std::string& time_zone);
nlohmann::json StaffNotificationJson(const service::StaffNotification& s, const std::string& time_zone);
// The same with `history`: every attempt.
nlohmann::json NotificationDetailJson(const service::StaffNotification& s, const std::string& time_zone);
nlohmann::json PreferencesJson(const NotificationPreferences& p);
nlohmann::json PushSubscriptionJson(const PushSubscription& s, const std::string& time_zone);

// Messages. Staff see the audience, the channels and the read count; a
// guardian sees the message and when the family read it.
nlohmann::json AttachmentJson(const Attachment& a);
nlohmann::json MessageJson(const service::MessageView& v, const std::string& time_zone);
nlohmann::json FamilyMessageJson(const service::MessageView& v, const std::string& time_zone);
// {items: [{family {id, name}, delivered, read_at, read_by, reminders}], families, read_families}
nlohmann::json ReceiptsJson(const service::ReceiptList& r, const std::string& time_zone);

// Contact threads as `reader` sees them: its unread count, whether it is read-only.
nlohmann::json ThreadJson(const Thread& t, ThreadSide reader, const std::string& time_zone);
// {id, seq, author {kind: staff | guardian, name}, body, at}
nlohmann::json ThreadPostJson(const ThreadPost& p, const std::string& time_zone);

}  // namespace tadaima::api

#include "service/context.h"

namespace tadaima::service {

CivilDate Context::Today(const Actor& actor) const { return DateAt(clock.NowMs(), actor.time_zone); }

void Context::Publish(const notify::LiveEvent& e) const {
  if (hooks.publish) hooks.publish(e);
}

void Context::AnnounceRoster(const std::string& organization_id, const std::string& facility_id,
                             const CivilDate& date) const {
  Publish({organization_id, "roster", facility_id, std::nullopt, std::nullopt,
           {{"facility_id", facility_id}, {"date", date.ToString()}}});
}

void Context::AnnounceVisitChange(const std::string& organization_id, const std::string& facility_id,
                                  const std::string& time_zone, int64_t at) const {
  AnnounceRoster(organization_id, facility_id, DateAt(at, time_zone));
}

void Context::AnnouncePlanChange(const std::string& organization_id, const std::string& facility_id,
                                 const std::string& family_id, const std::string& child_id,
                                 const CivilDate& date) const {
  Publish({organization_id, "plan", facility_id, family_id, std::nullopt,
           {{"child_id", child_id}, {"date", date.ToString()}}});
  AnnounceRoster(organization_id, facility_id, date);
}

void Context::AnnounceInbox(const std::vector<Notification>& inbox) const {
  if (hooks.outbox_written) hooks.outbox_written(inbox);
}

bool IsClientIdRace(const Error& e) {
  return e.code == ErrorCode::kConflict && e.message.find("_client_id") != std::string::npos;
}

}  // namespace tadaima::service

#include "service/filters.h"

#include "base/reasons.h"
#include "rules/permissions.h"
#include "store/family_store.h"
#include "store/organization_store.h"

namespace tadaima::service {

Status CheckFacilityFilter(db::Tx& tx, const Actor& actor, const std::string& facility_id) {
  auto facility = TRY(store::FindFacility(tx, actor.organization_id, facility_id));
  if (!facility || (IsStaff(actor) && !StaffCoversFacility(actor, facility->id)))
    return Fail(Error::NotFoundField("facility_id", reason::kNoSuchFacility));
  return {};
}

Status CheckChildFilter(db::Tx& tx, const Actor& actor, const std::string& child_id) {
  auto child = TRY(store::FindChild(tx, actor.organization_id, child_id));
  std::optional<Family> family;
  if (child) family = TRY(store::FindFamily(tx, actor.organization_id, child->family_id));
  std::vector<std::string> facility_ids;
  if (family)
    for (const auto& e : family->enrollments) facility_ids.push_back(e.facility_id);
  if (!family || !CanReadFamily(actor, family->id, facility_ids))
    return Fail(Error::NotFoundField("child_id", reason::kNoSuchChild));
  return {};
}

Result<CivilDate> DateParam(const std::string& field, const std::optional<std::string>& text, const CivilDate& fallback) {
  if (!text) return fallback;
  auto d = CivilDate::Parse(*text);
  if (!d) return Fail(Error::InvalidField(field, reason::kNotDate));
  return *d;
}

}  // namespace tadaima::service

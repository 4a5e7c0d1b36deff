#include "service/audiences.h"

#include <algorithm>
#include <set>

#include "base/reasons.h"
#include "rules/audience.h"
#include "rules/permissions.h"
#include "store/audience_store.h"
#include "store/organization_store.h"

namespace tadaima::service {
namespace {

// not_found naming the first of `ids` not in `known` (`field`[i]).
Status CheckKnown(const std::optional<std::vector<std::string>>& ids, const std::set<std::string>& known,
                  const std::string& field, const Problem& problem) {
  if (!ids) return {};
  for (size_t i = 0; i < ids->size(); ++i)
    if (!known.count((*ids)[i])) return Fail(Error::NotFoundField(field + "[" + std::to_string(i) + "]", problem));
  return {};
}

}  // namespace

Result<CheckedAudience> Audiences::Check(db::Tx& tx, const Actor& actor, const Audience& audience) {
  TRY_STATUS(RequireStaff(actor));
  FieldErrors errs;
  CheckAudienceValues(audience, "audience.", errs);
  TRY_STATUS(errs.ToStatus());
  const std::string& org = actor.organization_id;

  CheckedAudience out{audience, {}};
  if (audience.facility_ids) {
    const auto known = TRY(store::ExistingIds(tx, "facilities", org, *audience.facility_ids));
    TRY_STATUS(CheckKnown(audience.facility_ids, known, "audience.facility_ids", reason::kNoSuchFacility));
    for (const auto& id : *audience.facility_ids)
      if (!StaffCoversFacility(actor, id)) return Fail(Error::PermissionDenied(reason::kNotYourFacility));
    std::set<std::string> unique(audience.facility_ids->begin(), audience.facility_ids->end());
    out.facility_ids.assign(unique.begin(), unique.end());
  } else {
    for (const auto& f : TRY(store::ListFacilities(tx, org, FacilityScope(actor)))) out.facility_ids.push_back(f.id);
    std::sort(out.facility_ids.begin(), out.facility_ids.end());
  }

  // Families and children named must be the organization's; facility staff
  // may name only those enrolled at their facilities (others answer not_found).
  if (audience.family_ids || audience.child_ids) {
    std::set<std::string> families, children;
    if (IsOrgAdmin(actor)) {
      if (audience.family_ids) families = TRY(store::ExistingIds(tx, "families", org, *audience.family_ids));
      if (audience.child_ids) children = TRY(store::ExistingIds(tx, "children", org, *audience.child_ids));
    } else {
      const auto reach = TRY(store::LoadAudienceCandidates(tx, org, actor.facility_ids));
      families = reach.family_ids;
      for (const auto& c : reach.children) children.insert(c.child_id);
    }
    TRY_STATUS(CheckKnown(audience.family_ids, families, "audience.family_ids", reason::kNoSuchFamily));
    TRY_STATUS(CheckKnown(audience.child_ids, children, "audience.child_ids", reason::kNoSuchChild));
  }
  return out;
}

Result<ResolvedAudience> Audiences::Resolve(db::Tx& tx, const std::string& organization_id,
                                            const CheckedAudience& checked, const CivilDate& on) {
  const Audience& a = checked.audience;
  const auto candidates = TRY(store::LoadAudienceCandidates(tx, organization_id, checked.facility_ids));
  std::set<std::string> named;
  if (a.family_ids) named.insert(a.family_ids->begin(), a.family_ids->end());
  auto family_kept = [&](const std::string& id) { return !a.family_ids || named.count(id) > 0; };

  std::set<std::string> families;
  ResolvedAudience out;
  const bool child_filter = HasChildFilter(a);
  if (!child_filter)
    for (const auto& id : candidates.family_ids)
      if (family_kept(id)) families.insert(id);
  for (const auto& c : candidates.children) {
    if (!family_kept(c.family_id) || (child_filter && !ChildMatches(a, c.child_id, c.birth_date, on))) continue;
    families.insert(c.family_id);
    ++out.count.children;
  }
  out.family_ids.assign(families.begin(), families.end());
  out.count.families = static_cast<int64_t>(out.family_ids.size());
  out.count.guardians = TRY(store::CountGuardians(tx, organization_id, out.family_ids));
  return out;
}

Result<AudienceCount> Audiences::Preview(const Actor& actor, const Audience& audience) {
  return db_.Transact(TxMode::kRead, [&](db::Tx& tx) -> Result<AudienceCount> {
    const auto checked = TRY(Check(tx, actor, audience));
    return TRY(Resolve(tx, actor.organization_id, checked, ctx_.Today(actor))).count;
  });
}

}  // namespace tadaima::service

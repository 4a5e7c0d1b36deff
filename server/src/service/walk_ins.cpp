// Paper visitor forms: validation, idempotent entry, the day's list, family links.
#include "service/walk_ins.h"

#include <nlohmann/json.hpp>

#include "base/field_errors.h"
#include "base/ids.h"
#include "base/reasons.h"
#include "rules/age_grade.h"
#include "rules/permissions.h"
#include "rules/validation.h"
#include "service/filters.h"
#include "store/audit_store.h"
#include "store/family_store.h"
#include "store/organization_store.h"
#include "store/walk_in_store.h"

namespace tadaima::service {
namespace {

constexpr int64_t kClockSkewMs = 2 * 60 * 1000;
constexpr int kMaxListDays = 366;

std::vector<std::string> GradeNames() {
  std::vector<std::string> out;
  for (int g = 1; g <= 9; ++g) out.push_back(SchoolGradeName(g));
  return out;
}

// The form's children, each with exactly one kind of age, none born after the visit.
std::vector<WalkInChild> CheckChildren(const std::vector<WalkInChildInput>& in, const CivilDate& day,
                                       FieldErrors& errs) {
  std::vector<WalkInChild> out;
  for (size_t i = 0; i < in.size(); ++i) {
    const auto& c = in[i];
    const std::string at = "children[" + std::to_string(i) + "]";
    if (int{c.birth_date.has_value()} + c.age_months.has_value() + c.grade.has_value() != 1) {
      errs.Add(at, reason::kOneAgeKind);
      continue;
    }
    WalkInChild child;
    if (c.birth_date) {
      child.birth_date = CivilDate::Parse(*c.birth_date);
      if (!child.birth_date) errs.Add(at + ".birth_date", reason::kNotDate);
      else if (day < *child.birth_date) errs.Add(at + ".birth_date", reason::kFutureDate);
    } else if (c.age_months) {
      if (*c.age_months < 0 || *c.age_months > WalkIns::kMaxAgeMonths)
        errs.Add(at + ".age_months", reason::OutOfRange(0, WalkIns::kMaxAgeMonths));
      else child.age_months = static_cast<int>(*c.age_months);
    } else {
      child.grade = ParseSchoolGrade(*c.grade);
      if (!child.grade) errs.Add(at + ".grade", reason::NotAChoice(GradeNames()));
    }
    out.push_back(child);
  }
  return out;
}

nlohmann::json AuditForm(const WalkIn& w) {
  nlohmann::json children = nlohmann::json::array();
  for (const auto& c : w.children)
    children.push_back({{"birth_date", c.birth_date ? nlohmann::json(c.birth_date->ToString()) : nullptr},
                        {"age_months", c.age_months ? nlohmann::json(*c.age_months) : nullptr},
                        {"grade", c.grade ? nlohmann::json(*c.grade) : nullptr}});
  return {{"facility_id", w.facility_id}, {"visited_at", w.visited_at}, {"adults", w.adults}, {"children", children}};
}

// The form `id` when the actor covers its room.
Result<WalkIn> FindCovered(db::Tx& tx, const Actor& actor, const std::string& id) {
  auto w = TRY(store::FindWalkIn(tx, actor.organization_id, id));
  if (!w || !StaffCoversFacility(actor, w->facility_id)) return Fail(Error::NotFound("walk-in not found"));
  return *w;
}

// The facility `facility_id` when the actor covers it; forms are entered at drop-in rooms only.
Status CheckRoom(db::Tx& tx, const Actor& actor, const std::string& facility_id, bool entering) {
  auto f = TRY(store::FindFacility(tx, actor.organization_id, facility_id));
  if (!f || !StaffCoversFacility(actor, facility_id)) return Fail(Error::NotFound("facility not found"));
  if (entering && f->kind != FacilityKind::kDropIn) return Fail(Error::InvalidField("facility_id", reason::kNotDropIn));
  return {};
}

Status CheckFamily(db::Tx& tx, const Actor& actor, const std::optional<std::string>& family_id) {
  if (family_id && !TRY(store::FindFamily(tx, actor.organization_id, *family_id)))
    return Fail(Error::NotFoundField("family_id", reason::kNoSuchFamily));
  return {};
}

}  // namespace

Result<WalkInAnswer> WalkIns::Create(const Actor& actor, const std::string& facility_id, const WalkInInput& in) {
  TRY_STATUS(RequireStaff(actor));
  const int64_t now = clock_.NowMs();
  FieldErrors errs;
  if (in.client_id && !IsUuid(*in.client_id)) errs.Add("client_id", reason::kNotUuid);
  if (!in.visited_at) errs.Add("visited_at", reason::kRequired);
  else if (*in.visited_at > now + kClockSkewMs) errs.Add("visited_at", reason::kFutureDate);
  if (!in.adults) errs.Add("adults", reason::kRequired);
  else if (*in.adults < 0 || *in.adults > kMaxAdults) errs.Add("adults", reason::OutOfRange(0, kMaxAdults));
  if (in.children.size() > kMaxChildren) errs.Add("children", reason::kTooManyChildren);
  if (in.area) errs.Check("area", CheckName(*in.area, 50));
  WalkIn w;
  w.visited_at = in.visited_at.value_or(now);
  w.children = CheckChildren(in.children, DateAt(w.visited_at, actor.time_zone), errs);
  if (in.adults && *in.adults == 0 && in.children.empty()) errs.Add("adults", reason::kNobodyCame);
  TRY_STATUS(errs.ToStatus());
  w.id = NewId(now);
  w.organization_id = actor.organization_id;
  w.facility_id = facility_id;
  w.adults = static_cast<int>(*in.adults);
  if (in.area) w.area = TrimSpaces(*in.area);
  w.family_id = in.family_id;
  auto write = [&](db::Tx& tx) -> Result<WalkInAnswer> {
    TRY_STATUS(CheckRoom(tx, actor, facility_id, true));
    if (in.client_id)
      if (auto seen = TRY(store::FindWalkInByClientId(tx, actor.organization_id, *in.client_id)))
        return WalkInAnswer{TRY(FindCovered(tx, actor, *seen)), true};
    TRY_STATUS(CheckFamily(tx, actor, w.family_id));
    TRY_STATUS(store::InsertWalkIn(tx, w, in.client_id, actor.user_id, now));
    TRY_STATUS(store::InsertAudit(
        tx, {actor.organization_id, actor.user_id, "walk_in.create", "walk_in", w.id, AuditForm(w).dump()},
        NewId(now), now));
    return WalkInAnswer{TRY(FindCovered(tx, actor, w.id)), false};
  };
  auto answer = db_.Transact(TxMode::kWrite, write);
  if (!answer && IsClientIdRace(answer.error())) answer = db_.Transact(TxMode::kWrite, write);  // recorded meanwhile
  return answer;
}

Result<std::vector<WalkIn>> WalkIns::List(const Actor& actor, const std::string& facility_id,
                                          const std::optional<std::string>& from, const std::optional<std::string>& to) {
  TRY_STATUS(RequireStaff(actor));
  const CivilDate today = ctx_.Today(actor);
  const CivilDate first = TRY(DateParam("from", from, today));
  const CivilDate last = TRY(DateParam("to", to, from ? first : today));
  if (last < first) return Fail(Error::InvalidField("to", reason::kBeforeFrom));
  if (AddDays(first, kMaxListDays) < last) return Fail(Error::InvalidField("to", reason::RangeTooLong(kMaxListDays)));
  return db_.Transact(TxMode::kRead, [&](db::Tx& tx) -> Result<std::vector<WalkIn>> {
    TRY_STATUS(CheckRoom(tx, actor, facility_id, false));
    return store::ListWalkIns(tx, actor.organization_id, facility_id, InstantAt(first, 0, actor.time_zone),
                              InstantAt(NextDay(last), 0, actor.time_zone));
  });
}

Result<WalkIn> WalkIns::SetFamily(const Actor& actor, const std::string& id,
                                  const std::optional<std::string>& family_id) {
  TRY_STATUS(RequireStaff(actor));
  const int64_t now = clock_.NowMs();
  return db_.Transact(TxMode::kWrite, [&](db::Tx& tx) -> Result<WalkIn> {
    TRY(FindCovered(tx, actor, id));
    TRY_STATUS(CheckFamily(tx, actor, family_id));
    TRY_STATUS(store::SetWalkInFamily(tx, actor.organization_id, id, family_id, now));
    TRY_STATUS(store::InsertAudit(tx,
                                  {actor.organization_id, actor.user_id, "walk_in.link", "walk_in", id,
                                   nlohmann::json{{"family_id", family_id ? nlohmann::json(*family_id) : nullptr}}.dump()},
                                  NewId(now), now));
    return FindCovered(tx, actor, id);
  });
}

Status WalkIns::Delete(const Actor& actor, const std::string& id) {
  TRY_STATUS(RequireStaff(actor));
  const int64_t now = clock_.NowMs();
  return db_.Transact(TxMode::kWrite, [&](db::Tx& tx) -> Status {
    const WalkIn w = TRY(FindCovered(tx, actor, id));
    TRY(store::DeleteWalkIn(tx, actor.organization_id, id));
    return store::InsertAudit(
        tx, {actor.organization_id, actor.user_id, "walk_in.delete", "walk_in", id, AuditForm(w).dump()}, NewId(now),
        now);
  });
}

}  // namespace tadaima::service

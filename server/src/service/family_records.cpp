#include "service/family_records.h"

#include "base/ids.h"
#include "base/reasons.h"
#include "rules/search_text.h"
#include "rules/validation.h"
#include "store/enrollment_store.h"
#include "store/family_store.h"
#include "store/user_store.h"

namespace tadaima::service {

namespace {

constexpr size_t kLoginLength = 8;
constexpr size_t kInitialPasswordLength = 10;

}  // namespace

std::string SearchTextOf(const Family& f) {
  std::string text = f.name;
  for (const auto& g : f.guardians) text += "|" + g.name;
  for (const auto& c : f.children) text += "|" + c.name + "|" + c.name_kana.value_or("");
  return NormalizeForSearch(text);
}

void CheckGuardian(const GuardianInput& g, const std::string& prefix, FieldErrors& errs) {
  errs.Check(prefix + "name", CheckName(g.name));
  if (auto e = NonBlank(g.email)) errs.Check(prefix + "email", CheckEmail(*e));
  if (auto r = NonBlank(g.relation)) errs.Check(prefix + "relation", CheckName(*r, 20));
  if (auto k = NonBlank(g.name_kana)) errs.Check(prefix + "name_kana", CheckKana(*k));
  if (auto p = NonBlank(g.phone)) errs.Check(prefix + "phone", CheckPhone(*p));
}

void ApplyChild(const ChildInput& in, const std::string& prefix, const CivilDate& today, FieldErrors& errs, Child& c) {
  errs.Check(prefix + "name", CheckName(in.name));
  c.name = TrimSpaces(in.name);
  c.name_kana = NonBlank(in.name_kana);
  if (c.name_kana) errs.Check(prefix + "name_kana", CheckKana(*c.name_kana));
  auto birth = CivilDate::Parse(in.birth_date);
  if (!birth) errs.Add(prefix + "birth_date", reason::kNotDate);
  else if (*birth > today) errs.Add(prefix + "birth_date", reason::kFutureDate);
  else if (birth->year < 1900) errs.Add(prefix + "birth_date", reason::kBefore1900);
  else c.birth_date = *birth;
}

User GuardianFrom(const GuardianInput& in, const std::string& org, const std::string& family_id, int64_t now) {
  User u;
  u.id = NewId(now);
  u.organization_id = org;
  u.role = Role::kGuardian;
  u.name = TrimSpaces(in.name);
  u.email = NonBlank(in.email);
  u.relation = NonBlank(in.relation);
  u.name_kana = NonBlank(in.name_kana);
  u.phone = NonBlank(in.phone);
  u.family_id = family_id;
  u.must_change_password = true;
  return u;
}

Status AssignLogin(db::Tx& tx, User& u) {
  for (int attempt = 0; attempt < 20; ++attempt) {
    u.login = RandomCode(kLoginLength);
    if (!TRY(store::LoginExists(tx, u.login))) return {};
  }
  return Fail(Error::Internal("could not find a free login"));
}


std::string NewInitialPassword() { return RandomCode(kInitialPasswordLength); }

Family NewFamilyFrom(const FamilyInput& in, const std::string& organization_id, int64_t now, const CivilDate& today,
                     FieldErrors& errs) {
  Family f;
  f.id = NewId(now);
  f.organization_id = organization_id;
  errs.Check("name", CheckName(in.name));
  f.name = TrimSpaces(in.name);
  f.address = NonBlank(in.address);
  if (f.address) errs.Check("address", CheckText(*f.address, 200));
  f.phone = NonBlank(in.phone);
  if (f.phone) errs.Check("phone", CheckPhone(*f.phone));
  if (in.guardians.empty()) errs.Add("guardians", reason::kGuardianRequired);
  if (in.guardians.size() > kMaxGuardians) errs.Add("guardians", reason::kTooManyGuardians);
  if (in.children.size() > kMaxChildren) errs.Add("children", reason::kTooManyChildren);
  for (size_t i = 0; i < in.guardians.size(); ++i) {
    CheckGuardian(in.guardians[i], "guardians[" + std::to_string(i) + "].", errs);
    f.guardians.push_back(GuardianFrom(in.guardians[i], organization_id, f.id, now));
  }
  for (size_t i = 0; i < in.children.size(); ++i) {
    Child c;
    c.id = NewId(now);
    c.organization_id = f.organization_id;
    c.family_id = f.id;
    ApplyChild(in.children[i], "children[" + std::to_string(i) + "].", today, errs, c);
    f.children.push_back(std::move(c));
  }
  return f;
}

Status InsertNewFamily(db::Tx& tx, Family& f, const std::vector<Facility>& facilities, int64_t now) {
  f.enrollments.clear();
  for (const auto& facility : facilities) {
    auto enroll = [&](std::optional<std::string> child_id) {
      f.enrollments.push_back({NewId(now), f.organization_id, facility.id, child_id, f.id, EnrollmentStatus::kActive});
    };
    if (facility.kind == FacilityKind::kDropIn) enroll(std::nullopt);
    else for (const auto& c : f.children) enroll(c.id);
  }
  TRY_STATUS(store::InsertFamily(tx, f, SearchTextOf(f), now));
  for (auto& g : f.guardians) {
    TRY_STATUS(AssignLogin(tx, g));
    TRY_STATUS(store::InsertUser(tx, g, now));
  }
  for (const auto& c : f.children) TRY_STATUS(store::InsertChild(tx, c, now));
  for (const auto& e : f.enrollments) {
    auto s = store::InsertEnrollment(tx, e, now);
    if (!s && s.error().code == ErrorCode::kConflict)
      return Fail(Error::InvalidField("facility_ids", reason::kRepeatedFacility));
    TRY_STATUS(s);
  }
  return {};
}

}  // namespace tadaima::service

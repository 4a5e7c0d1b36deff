#include "service/family_records.h"

#include "base/ids.h"
#include "base/reasons.h"
#include "rules/search_text.h"
#include "rules/validation.h"
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

}  // namespace tadaima::service

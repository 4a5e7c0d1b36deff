// Families, their children and guardians.
#include <algorithm>

#include "base/field_errors.h"
#include "base/ids.h"
#include "base/password.h"
#include "rules/permissions.h"
#include "rules/search_text.h"
#include "rules/validation.h"
#include "service/families.h"
#include "service/family_records.h"
#include "store/audit_store.h"
#include "store/enrollment_store.h"
#include "store/family_store.h"
#include "store/organization_store.h"
#include "store/user_store.h"
#include "base/reasons.h"

namespace tadaima::service {

std::vector<std::string> FacilityIdsOf(const Family& f) {
  std::vector<std::string> out;
  for (const auto& e : f.enrollments) out.push_back(e.facility_id);
  return out;
}


Result<CreatedFamily> Families::CreateFamily(const Actor& actor, const FamilyInput& in) {
  TRY_STATUS(RequireStaff(actor));
  const int64_t now = clock_.NowMs();
  FieldErrors errs;
  Family f = NewFamilyFrom(in, actor.organization_id, now, ctx_.Today(actor), errs);
  if (IsFacilityStaff(actor) && in.facility_ids.empty())
    errs.Add("facility_ids", reason::kChooseFacility);
  TRY_STATUS(errs.ToStatus());
  for (size_t i = 0; i < in.facility_ids.size(); ++i)
    if (!StaffCoversFacility(actor, in.facility_ids[i]))
      return Fail(Error::NotFoundField("facility_ids[" + std::to_string(i) + "]", reason::kNoSuchFacility));

  CreatedFamily out;
  for (auto& g : f.guardians) {
    IssuedLogin issued{g, NewInitialPassword()};
    g.password_hash = issued.guardian.password_hash = HashPassword(issued.initial_password);
    out.logins.push_back(std::move(issued));
  }
  TRY_STATUS(db_.Transact(TxMode::kWrite, [&](db::Tx& tx) -> Status {
    std::vector<Facility> facilities;
    for (size_t i = 0; i < in.facility_ids.size(); ++i) {
      auto facility = TRY(store::FindFacility(tx, f.organization_id, in.facility_ids[i]));
      if (!facility)
        return Fail(Error::NotFoundField("facility_ids[" + std::to_string(i) + "]", reason::kNoSuchFacility));
      facilities.push_back(*facility);
    }
    TRY_STATUS(InsertNewFamily(tx, f, facilities, now));
    for (size_t i = 0; i < f.guardians.size(); ++i) out.logins[i].guardian.login = f.guardians[i].login;
    return store::InsertAudit(tx, {f.organization_id, actor.user_id, "family.create", "family", f.id}, NewId(now), now);
  }));
  out.family = std::move(f);
  return out;
}

Result<FamilyPage> Families::ListFamilies(const Actor& actor, const std::string& q, const std::string& cursor, int limit) {
  TRY_STATUS(RequireStaff(actor));
  store::FamilyQuery query;
  query.organization_id = actor.organization_id;
  query.staff_user_id = FacilityScope(actor);
  query.search = NormalizeForSearch(TrimSpaces(q));
  query.after_id = cursor;
  query.limit = limit + 1;  // one more tells whether another page follows
  FamilyPage page;
  page.items = TRY(db_.Transact(TxMode::kRead, [&](db::Tx& tx) { return store::ListFamilies(tx, query); }));
  if (static_cast<int>(page.items.size()) > limit) {
    page.items.pop_back();
    page.next_cursor = page.items.back().id;
  }
  return page;
}

Result<Family> Families::GetFamily(const Actor& actor, const std::string& id) {
  auto f = TRY(db_.Transact(TxMode::kRead, [&](db::Tx& tx) { return store::FindFamily(tx, actor.organization_id, id); }));
  if (!f || !CanReadFamily(actor, f->id, FacilityIdsOf(*f))) return Fail(Error::NotFound("family not found"));
  return *f;
}

Result<Family> Families::UpdateFamily(const Actor& actor, const std::string& id, const FamilyPatch& in) {
  const int64_t now = clock_.NowMs();
  return db_.Transact(TxMode::kWrite, [&](db::Tx& tx) -> Result<Family> {
    auto f = TRY(store::FindFamily(tx, actor.organization_id, id));
    if (!f || !CanReadFamily(actor, f->id, FacilityIdsOf(*f))) return Fail(Error::NotFound("family not found"));
    if (!CanEditFamily(actor, FacilityIdsOf(*f))) return Fail(Error::PermissionDenied(reason::kStaffOnly));
    FieldErrors errs;
    if (in.name) {
      errs.Check("name", CheckName(*in.name));
      f->name = TrimSpaces(*in.name);
    }
    if (in.address) {
      f->address = NonBlank(*in.address);
      if (f->address) errs.Check("address", CheckText(*f->address, 200));
    }
    if (in.phone) {
      f->phone = NonBlank(*in.phone);
      if (f->phone) errs.Check("phone", CheckPhone(*f->phone));
    }
    TRY_STATUS(errs.ToStatus());
    TRY_STATUS(store::UpdateFamily(tx, *f, SearchTextOf(*f), now));
    TRY_STATUS(store::InsertAudit(tx, {f->organization_id, actor.user_id, "family.update", "family", f->id}, NewId(now), now));
    return *f;
  });
}

Result<Child> Families::AddChild(const Actor& actor, const std::string& family_id, const ChildInput& in) {
  const int64_t now = clock_.NowMs();
  const CivilDate today = ctx_.Today(actor);
  return db_.Transact(TxMode::kWrite, [&](db::Tx& tx) -> Result<Child> {
    auto f = TRY(store::FindFamily(tx, actor.organization_id, family_id));
    if (!f || !CanReadFamily(actor, f->id, FacilityIdsOf(*f))) return Fail(Error::NotFound("family not found"));
    if (!CanEditFamily(actor, FacilityIdsOf(*f))) return Fail(Error::PermissionDenied(reason::kStaffOnly));
    if (f->children.size() >= kMaxChildren) return Fail(Error::InvalidField("family_id", reason::kTooManyChildren));
    FieldErrors errs;
    Child c;
    c.id = NewId(now);
    c.organization_id = f->organization_id;
    c.family_id = f->id;
    ApplyChild(in, "", today, errs, c);
    TRY_STATUS(errs.ToStatus());
    TRY_STATUS(store::InsertChild(tx, c, now));
    f->children.push_back(c);
    TRY_STATUS(store::UpdateFamily(tx, *f, SearchTextOf(*f), now));
    TRY_STATUS(store::InsertAudit(tx, {f->organization_id, actor.user_id, "child.create", "child", c.id}, NewId(now), now));
    return c;
  });
}

Result<Child> Families::GetChild(const Actor& actor, const std::string& id) {
  return db_.Transact(TxMode::kRead, [&](db::Tx& tx) -> Result<Child> {
    auto c = TRY(store::FindChild(tx, actor.organization_id, id));
    if (!c) return Fail(Error::NotFound("child not found"));
    auto f = TRY(store::FindFamily(tx, actor.organization_id, c->family_id));
    if (!f || !CanReadFamily(actor, f->id, FacilityIdsOf(*f))) return Fail(Error::NotFound("child not found"));
    return *c;
  });
}

Result<Child> Families::UpdateChild(const Actor& actor, const std::string& id, const ChildPatch& in) {
  const int64_t now = clock_.NowMs();
  const CivilDate today = ctx_.Today(actor);
  return db_.Transact(TxMode::kWrite, [&](db::Tx& tx) -> Result<Child> {
    auto c = TRY(store::FindChild(tx, actor.organization_id, id));
    if (!c) return Fail(Error::NotFound("child not found"));
    auto f = TRY(store::FindFamily(tx, actor.organization_id, c->family_id));
    if (!f || !CanReadFamily(actor, f->id, FacilityIdsOf(*f))) return Fail(Error::NotFound("child not found"));
    const bool only_leave_alone = !in.name && !in.name_kana && !in.birth_date;
    const bool guardian_of_child = actor.role == Role::kGuardian && actor.family_id == f->id;
    if (!CanEditFamily(actor, FacilityIdsOf(*f)) && !(guardian_of_child && only_leave_alone))
      return Fail(Error::PermissionDenied(reason::kStaffOnly));
    if (in.may_leave_alone) c->may_leave_alone = *in.may_leave_alone;
    ChildInput merged{in.name.value_or(c->name), in.name_kana ? *in.name_kana : c->name_kana,
                      in.birth_date.value_or(c->birth_date.ToString())};
    FieldErrors errs;
    ApplyChild(merged, "", today, errs, *c);
    TRY_STATUS(errs.ToStatus());
    TRY_STATUS(store::UpdateChild(tx, *c, now));
    for (auto& sibling : f->children)
      if (sibling.id == c->id) sibling = *c;
    TRY_STATUS(store::UpdateFamily(tx, *f, SearchTextOf(*f), now));
    TRY_STATUS(store::InsertAudit(tx, {f->organization_id, actor.user_id, "child.update", "child", c->id}, NewId(now), now));
    return *c;
  });
}

Result<IssuedLogin> Families::InviteGuardian(const Actor& actor, const std::string& family_id, const GuardianInput& in) {
  FieldErrors errs;
  CheckGuardian(in, "", errs);
  TRY_STATUS(errs.ToStatus());
  const int64_t now = clock_.NowMs();
  IssuedLogin issued{GuardianFrom(in, actor.organization_id, family_id, now), NewInitialPassword()};
  issued.guardian.password_hash = HashPassword(issued.initial_password);
  TRY_STATUS(db_.Transact(TxMode::kWrite, [&](db::Tx& tx) -> Status {
    auto f = TRY(store::FindFamily(tx, actor.organization_id, family_id));
    if (!f || !CanReadFamily(actor, f->id, FacilityIdsOf(*f))) return Fail(Error::NotFound("family not found"));
    if (f->guardians.size() >= kMaxGuardians) return Fail(Error::InvalidField("family_id", reason::kTooManyGuardians));
    TRY_STATUS(AssignLogin(tx, issued.guardian));
    TRY_STATUS(store::InsertUser(tx, issued.guardian, now));
    f->guardians.push_back(issued.guardian);
    TRY_STATUS(store::UpdateFamily(tx, *f, SearchTextOf(*f), now));
    return store::InsertAudit(tx, {f->organization_id, actor.user_id, "guardian.invite", "user", issued.guardian.id},
                              NewId(now), now);
  }));
  return issued;
}

Result<User> Families::UpdateGuardian(const Actor& actor, const std::string& id, const GuardianPatch& in) {
  const int64_t now = clock_.NowMs();
  return db_.Transact(TxMode::kWrite, [&](db::Tx& tx) -> Result<User> {
    auto u = TRY(store::FindUser(tx, actor.organization_id, id));
    if (!u || u->role != Role::kGuardian) return Fail(Error::NotFound("guardian not found"));
    auto f = TRY(store::FindFamily(tx, actor.organization_id, *u->family_id));
    bool self = actor.user_id == u->id;
    if (!f || !CanReadFamily(actor, f->id, FacilityIdsOf(*f))) return Fail(Error::NotFound("guardian not found"));
    if (!self && !CanEditFamily(actor, FacilityIdsOf(*f)))
      return Fail(Error::PermissionDenied(reason::kOwnDetailsOnly));
    GuardianInput merged{in.name.value_or(u->name), in.email ? *in.email : u->email,
                         in.relation ? *in.relation : u->relation, in.name_kana ? *in.name_kana : u->name_kana,
                         in.phone ? *in.phone : u->phone};
    FieldErrors errs;
    CheckGuardian(merged, "", errs);
    TRY_STATUS(errs.ToStatus());
    u->name = TrimSpaces(merged.name);
    u->email = NonBlank(merged.email);
    u->relation = NonBlank(merged.relation);
    u->name_kana = NonBlank(merged.name_kana);
    u->phone = NonBlank(merged.phone);
    TRY_STATUS(store::UpdateUser(tx, *u, now));
    for (auto& g : f->guardians)
      if (g.id == u->id) g = *u;
    TRY_STATUS(store::UpdateFamily(tx, *f, SearchTextOf(*f), now));
    TRY_STATUS(store::InsertAudit(tx, {f->organization_id, actor.user_id, "guardian.update", "user", u->id}, NewId(now), now));
    return *u;
  });
}

Result<IssuedLogin> Families::ResetGuardianPassword(const Actor& actor, const std::string& id) {
  TRY_STATUS(RequireStaff(actor));
  const int64_t now = clock_.NowMs();
  std::string password = NewInitialPassword();
  std::string hash = HashPassword(password);
  auto user = TRY(db_.Transact(TxMode::kWrite, [&](db::Tx& tx) -> Result<User> {
    auto u = TRY(store::FindUser(tx, actor.organization_id, id));
    if (!u || u->role != Role::kGuardian) return Fail(Error::NotFound("guardian not found"));
    auto f = TRY(store::FindFamily(tx, actor.organization_id, *u->family_id));
    if (!f || !CanEditFamily(actor, FacilityIdsOf(*f))) return Fail(Error::NotFound("guardian not found"));
    TRY_STATUS(store::SetPassword(tx, u->id, hash, true, now));
    TRY_STATUS(store::DeleteOtherSessions(tx, u->id, ""));
    TRY_STATUS(store::InsertAudit(tx, {f->organization_id, actor.user_id, "guardian.password_reset", "user", u->id},
                                  NewId(now), now));
    return *u;
  }));
  return IssuedLogin{user, password};
}

}  // namespace tadaima::service

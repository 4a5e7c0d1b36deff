// Facilities and staff accounts.
#include <algorithm>
#include <set>

#include "base/field_errors.h"
#include "base/ids.h"
#include "base/password.h"
#include "rules/permissions.h"
#include "rules/validation.h"
#include "service/facilities.h"
#include "store/audit_store.h"
#include "store/enrollment_store.h"
#include "store/organization_store.h"
#include "store/user_store.h"
#include "base/reasons.h"

namespace tadaima::service {
namespace {

// Applies `in` to `f`, naming every bad field. `creating` makes every field required.
// The PIN's new hash (nullopt inside: removed), checked and hashed before any transaction.
Result<Patch<std::optional<std::string>>> HashedPin(const FacilityInput& in) {
  if (!in.kiosk_pin) return std::nullopt;
  if (!*in.kiosk_pin) return Patch<std::optional<std::string>>{std::in_place, std::nullopt};
  const std::string& pin = **in.kiosk_pin;
  const bool digits = pin.size() >= 4 && pin.size() <= 8 &&
                      std::all_of(pin.begin(), pin.end(), [](char c) { return c >= '0' && c <= '9'; });
  if (!digits) return Fail(Error::InvalidField("kiosk_pin", reason::kPinFormat));
  return Patch<std::optional<std::string>>{std::in_place, HashPassword(pin)};
}

bool OnlyKioskPin(const FacilityInput& in) {
  return in.kiosk_pin && !in.name && !in.kind && !in.opens_at && !in.closes_at && !in.duplicate_window_seconds &&
         !in.offline_retention_hours && !in.plan_deadline_days && !in.plan_deadline_time &&
         !in.not_arrived_grace_minutes && !in.not_arrived_notify;
}

Status ApplyFacility(const FacilityInput& in, bool creating, Facility& f) {
  FieldErrors errs;
  auto required = [&](const char* field, const Patch<std::string>& v) {
    if (creating && !v) errs.Add(field, reason::kRequired);
    return v.has_value();
  };
  if (required("name", in.name)) {
    errs.Check("name", CheckName(*in.name));
    f.name = TrimSpaces(*in.name);
  }
  if (required("kind", in.kind)) {
    auto kind = ParseFacilityKind(*in.kind);
    if (!kind) errs.Add("kind", reason::NotAChoice({"after_school", "drop_in", "nursery"}));
    else f.kind = *kind;
  }
  if (required("opens_at", in.opens_at)) {
    auto t = ParseClockTime(*in.opens_at);
    if (!t) errs.Add("opens_at", reason::kNotTime);
    else f.opens_at = *t;
  }
  if (required("closes_at", in.closes_at)) {
    auto t = ParseClockTime(*in.closes_at);
    if (!t) errs.Add("closes_at", reason::kNotTime);
    else f.closes_at = *t;
  }
  if (in.duplicate_window_seconds) {
    if (*in.duplicate_window_seconds < 0 || *in.duplicate_window_seconds > 3600)
      errs.Add("duplicate_window_seconds", reason::OutOfRange(0, 3600));
    else f.duplicate_window_seconds = static_cast<int>(*in.duplicate_window_seconds);
  }
  if (in.offline_retention_hours) {
    if (*in.offline_retention_hours < 1 || *in.offline_retention_hours > 720)
      errs.Add("offline_retention_hours", reason::OutOfRange(1, 720));
    else f.offline_retention_hours = static_cast<int>(*in.offline_retention_hours);
  }
  if (in.plan_deadline_days) {
    if (*in.plan_deadline_days < 0 || *in.plan_deadline_days > 60) errs.Add("plan_deadline_days", reason::OutOfRange(0, 60));
    else f.plan_deadline_days = static_cast<int>(*in.plan_deadline_days);
  }
  if (in.plan_deadline_time) {
    auto t = ParseClockTime(*in.plan_deadline_time);
    if (!t) errs.Add("plan_deadline_time", reason::kNotTime);
    else f.plan_deadline_time = *t;
  }
  if (in.not_arrived_grace_minutes) {
    if (*in.not_arrived_grace_minutes < 0 || *in.not_arrived_grace_minutes > 240)
      errs.Add("not_arrived_grace_minutes", reason::OutOfRange(0, 240));
    else f.not_arrived_grace_minutes = static_cast<int>(*in.not_arrived_grace_minutes);
  }
  if (in.not_arrived_notify) f.not_arrived_notify = *in.not_arrived_notify;
  if (!errs.Has("opens_at") && !errs.Has("closes_at") && f.opens_at >= f.closes_at)
    errs.Add("closes_at", reason::kAfterOpensAt);
  return errs.ToStatus();
}

// Checks that every id names a facility of the organization: not_found otherwise.
Status CheckFacilityIds(db::Tx& tx, const std::string& org, const std::vector<std::string>& ids, const char* field) {
  for (size_t i = 0; i < ids.size(); ++i)
    if (!TRY(store::FindFacility(tx, org, ids[i])))
      return Fail(Error::NotFoundField(std::string(field) + "[" + std::to_string(i) + "]", reason::kNoSuchFacility));
  return {};
}

}  // namespace

Result<Facility> Facilities::CreateFacility(const Actor& actor, const FacilityInput& in) {
  TRY_STATUS(RequireOrgAdmin(actor));
  const int64_t now = clock_.NowMs();
  Facility f;
  f.id = NewId(now);
  f.organization_id = actor.organization_id;
  TRY_STATUS(ApplyFacility(in, true, f));
  if (auto pin = TRY(HashedPin(in))) f.kiosk_pin_hash = *pin;
  TRY_STATUS(db_.Transact(TxMode::kWrite, [&](db::Tx& tx) -> Status {
    TRY_STATUS(store::InsertFacility(tx, f, now));
    return store::InsertAudit(tx, {f.organization_id, actor.user_id, "facility.create", "facility", f.id}, NewId(now),
                              now);
  }));
  return f;
}

Result<std::vector<Facility>> Facilities::ListFacilities(const Actor& actor) {
  TRY_STATUS(RequireStaff(actor));
  return db_.Transact(TxMode::kRead, [&](db::Tx& tx) {
    return store::ListFacilities(tx, actor.organization_id,
                                 IsOrgAdmin(actor) ? std::nullopt : std::optional(actor.user_id));
  });
}

Result<Facility> Facilities::GetFacility(const Actor& actor, const std::string& id) {
  return db_.Transact(TxMode::kRead, [&](db::Tx& tx) -> Result<Facility> {
    auto f = TRY(store::FindFacility(tx, actor.organization_id, id));
    if (!f || (IsStaff(actor) && !StaffCoversFacility(actor, id))) return Fail(Error::NotFound("facility not found"));
    // Guardians see the facilities their family is enrolled at (or applied to), no other.
    if (IsGuardian(actor)) {
      const auto enrollments = TRY(store::ListEnrollmentsOfFamilies(tx, actor.organization_id, {actor.family_id.value_or("")}));
      if (std::none_of(enrollments.begin(), enrollments.end(), [&](const Enrollment& e) { return e.facility_id == id; }))
        return Fail(Error::NotFound("facility not found"));
    }
    return *f;
  });
}

Result<Facility> Facilities::UpdateFacility(const Actor& actor, const std::string& id, const FacilityInput& in) {
  const int64_t now = clock_.NowMs();
  const auto pin = TRY(HashedPin(in));
  return db_.Transact(TxMode::kWrite, [&](db::Tx& tx) -> Result<Facility> {
    // A facility the actor cannot see is not_found before the role is checked.
    auto f = TRY(store::FindFacility(tx, actor.organization_id, id));
    if (!f || (IsStaff(actor) && !StaffCoversFacility(actor, id))) return Fail(Error::NotFound("facility not found"));
    if (!(OnlyKioskPin(in) && IsStaff(actor))) TRY_STATUS(RequireOrgAdmin(actor));
    TRY_STATUS(ApplyFacility(in, false, *f));
    if (pin) f->kiosk_pin_hash = *pin;
    TRY_STATUS(store::UpdateFacility(tx, *f, now));
    TRY_STATUS(store::InsertAudit(tx, {f->organization_id, actor.user_id, "facility.update", "facility", f->id},
                                  NewId(now), now));
    return *f;
  });
}

Result<User> Facilities::CreateStaff(const Actor& actor, const StaffInput& in) {
  TRY_STATUS(RequireOrgAdmin(actor));
  FieldErrors errs;
  for (auto [field, value] : {std::pair{"login", &in.login}, {"name", &in.name}, {"password", &in.password},
                              {"role", &in.role}})
    if (!*value) errs.Add(field, reason::kRequired);
  if (in.login) errs.Check("login", CheckLogin(*in.login));
  if (in.name) errs.Check("name", CheckName(*in.name));
  if (in.password) errs.Check("password", CheckNewPassword(*in.password));
  auto role = in.role ? ParseRole(*in.role) : std::nullopt;
  if (in.role && (!role || role == Role::kGuardian)) errs.Add("role", reason::NotAChoice({"org_admin", "facility_staff"}));
  std::vector<std::string> facility_ids = in.facility_ids.value_or(std::vector<std::string>{});
  if (role == Role::kFacilityStaff && facility_ids.empty())
    errs.Add("facility_ids", reason::kStaffNeedsFacility);
  const int64_t now = clock_.NowMs();
  User u;
  u.id = NewId(now);
  u.organization_id = actor.organization_id;
  u.role = role.value_or(Role::kFacilityStaff);
  u.login = in.login.value_or("");
  u.name = TrimSpaces(in.name.value_or(""));
  u.must_change_password = true;
  u.facility_ids = u.role == Role::kFacilityStaff ? facility_ids : std::vector<std::string>{};
  std::sort(u.facility_ids.begin(), u.facility_ids.end());
  u.facility_ids.erase(std::unique(u.facility_ids.begin(), u.facility_ids.end()), u.facility_ids.end());
  if (errs.empty()) u.password_hash = HashPassword(*in.password);
  TRY_STATUS(db_.Transact(TxMode::kWrite, [&](db::Tx& tx) -> Status {
    TRY_STATUS(errs.ToStatus());
    TRY_STATUS(CheckFacilityIds(tx, actor.organization_id, facility_ids, "facility_ids"));
    if (TRY(store::LoginExists(tx, u.login)))
      return Fail(Error::Conflict(reason::kTaken.WithText("login is already taken"), {{"login", reason::kTaken}}));
    TRY_STATUS(store::InsertUser(tx, u, now));
    return store::InsertAudit(tx, {u.organization_id, actor.user_id, "staff.create", "user", u.id}, NewId(now), now);
  }));
  return u;
}

Result<std::vector<User>> Facilities::ListStaff(const Actor& actor) {
  TRY_STATUS(RequireOrgAdmin(actor));
  return db_.Transact(TxMode::kRead, [&](db::Tx& tx) { return store::ListStaff(tx, actor.organization_id); });
}

Result<User> Facilities::UpdateStaff(const Actor& actor, const std::string& id, const StaffInput& in) {
  FieldErrors errs;
  if (in.login) errs.Add("login", reason::kCannotChange);
  if (in.password) errs.Add("password", reason::kCannotChangeHere);
  if (in.name) errs.Check("name", CheckName(*in.name));
  auto role = in.role ? ParseRole(*in.role) : std::nullopt;
  if (in.role && (!role || role == Role::kGuardian)) errs.Add("role", reason::NotAChoice({"org_admin", "facility_staff"}));
  const int64_t now = clock_.NowMs();
  return db_.Transact(TxMode::kWrite, [&](db::Tx& tx) -> Result<User> {
    // Another organization's account is not_found before the role is checked.
    auto u = TRY(store::FindUser(tx, actor.organization_id, id));
    if (!u || u->role == Role::kGuardian) return Fail(Error::NotFound("staff member not found"));
    TRY_STATUS(RequireOrgAdmin(actor));
    if (in.name) u->name = TrimSpaces(*in.name);
    if (role) u->role = *role;
    if (in.facility_ids) {
      TRY_STATUS(CheckFacilityIds(tx, actor.organization_id, *in.facility_ids, "facility_ids"));
      u->facility_ids = *in.facility_ids;
      std::sort(u->facility_ids.begin(), u->facility_ids.end());
      u->facility_ids.erase(std::unique(u->facility_ids.begin(), u->facility_ids.end()), u->facility_ids.end());
    }
    if (u->role == Role::kOrgAdmin) u->facility_ids.clear();
    if (u->role == Role::kFacilityStaff && u->facility_ids.empty())
      errs.Add("facility_ids", reason::kStaffNeedsFacility);
    if (u->id == actor.user_id && u->role != Role::kOrgAdmin)
      errs.Add("role", reason::kOwnAdminRole);
    TRY_STATUS(errs.ToStatus());
    TRY_STATUS(store::UpdateUser(tx, *u, now));
    TRY_STATUS(store::InsertAudit(tx, {u->organization_id, actor.user_id, "staff.update", "user", u->id}, NewId(now),
                                  now));
    return *u;
  });
}

}  // namespace tadaima::service

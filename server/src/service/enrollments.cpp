// Enrollments: a child (after_school, nursery) or a family (drop_in) at a facility.
#include "base/field_errors.h"
#include "base/ids.h"
#include "rules/permissions.h"
#include "service/enrollments.h"
#include "service/filters.h"
#include "store/audit_store.h"
#include "store/enrollment_store.h"
#include "store/family_store.h"
#include "store/organization_store.h"
#include "base/reasons.h"

namespace tadaima::service {

Result<Enrollment> Enrollments::CreateEnrollment(const Actor& actor, const std::string& facility_id,
                                              const std::optional<std::string>& child_id,
                                              const std::optional<std::string>& family_id) {
  if (child_id.has_value() == family_id.has_value())
    return Fail(Error::InvalidField(child_id ? "family_id" : "child_id", reason::kChildOrFamily));
  const int64_t now = clock_.NowMs();
  return db_.Transact(TxMode::kWrite, [&](db::Tx& tx) -> Result<Enrollment> {
    auto facility = TRY(store::FindFacility(tx, actor.organization_id, facility_id));
    bool guardian = IsGuardian(actor);
    if (!facility || (!guardian && !StaffCoversFacility(actor, facility_id)))
      return Fail(Error::NotFoundField("facility_id", reason::kNoSuchFacility));
    Enrollment e;
    e.id = NewId(now);
    e.organization_id = actor.organization_id;
    e.facility_id = facility->id;
    e.status = guardian ? EnrollmentStatus::kPending : EnrollmentStatus::kActive;
    if (child_id) {
      auto child = TRY(store::FindChild(tx, actor.organization_id, *child_id));
      if (!child || (guardian && actor.family_id != child->family_id))
        return Fail(Error::NotFoundField("child_id", reason::kNoSuchChild));
      if (facility->kind == FacilityKind::kDropIn)
        return Fail(Error::InvalidField("child_id", reason::kDropInEnrollsFamily));
      e.child_id = child->id;
      e.family_id = child->family_id;
    } else {
      auto family = TRY(store::FindFamily(tx, actor.organization_id, *family_id));
      if (!family || (guardian && actor.family_id != family->id))
        return Fail(Error::NotFoundField("family_id", reason::kNoSuchFamily));
      if (facility->kind != FacilityKind::kDropIn)
        return Fail(Error::InvalidField("family_id", reason::kEnrollsChildren));
      e.family_id = family->id;
    }
    if (guardian && facility->kind != FacilityKind::kDropIn)
      return Fail(Error::PermissionDenied(reason::kGuardianDropInOnly));
    auto inserted = store::InsertEnrollment(tx, e, now);
    if (!inserted && inserted.error().code == ErrorCode::kConflict)
      return Fail(Error::Conflict(reason::kAlreadyEnrolled));
    TRY_STATUS(inserted);
    TRY_STATUS(store::InsertAudit(tx, {e.organization_id, actor.user_id, "enrollment.create", "enrollment", e.id},
                                  NewId(now), now));
    return e;
  });
}

Result<std::vector<Enrollment>> Enrollments::ListEnrollments(const Actor& actor,
                                                          const std::optional<std::string>& facility_id,
                                                          const std::optional<std::string>& status) {
  TRY_STATUS(RequireStaff(actor));
  store::EnrollmentQuery q;
  q.organization_id = actor.organization_id;
  q.staff_user_id = FacilityScope(actor);
  q.facility_id = facility_id;
  if (status) {
    if (*status == "active") q.status = EnrollmentStatus::kActive;
    else if (*status == "pending") q.status = EnrollmentStatus::kPending;
    else return Fail(Error::InvalidField("status", reason::NotAChoice({"active", "pending"})));
  }
  return db_.Transact(TxMode::kRead, [&](db::Tx& tx) -> Result<std::vector<Enrollment>> {
    if (facility_id) TRY_STATUS(CheckFacilityFilter(tx, actor, *facility_id));
    return store::ListEnrollments(tx, q);
  });
}

Result<Enrollment> Enrollments::ApproveEnrollment(const Actor& actor, const std::string& id) {
  const int64_t now = clock_.NowMs();
  return db_.Transact(TxMode::kWrite, [&](db::Tx& tx) -> Result<Enrollment> {
    auto e = TRY(store::FindEnrollment(tx, actor.organization_id, id));
    if (!e || !StaffCoversFacility(actor, e->facility_id)) return Fail(Error::NotFound("enrollment not found"));
    if (e->status == EnrollmentStatus::kActive) return *e;  // approving twice changes nothing
    e->status = EnrollmentStatus::kActive;
    TRY_STATUS(store::SetEnrollmentStatus(tx, *e, now));
    TRY_STATUS(store::InsertAudit(tx, {e->organization_id, actor.user_id, "enrollment.approve", "enrollment", e->id},
                                  NewId(now), now));
    return *e;
  });
}

Status Enrollments::DeleteEnrollment(const Actor& actor, const std::string& id) {
  const int64_t now = clock_.NowMs();
  return db_.Transact(TxMode::kWrite, [&](db::Tx& tx) -> Status {
    auto e = TRY(store::FindEnrollment(tx, actor.organization_id, id));
    if (!e || !StaffCoversFacility(actor, e->facility_id)) return Fail(Error::NotFound("enrollment not found"));
    TRY_STATUS(store::DeleteEnrollment(tx, *e));
    return store::InsertAudit(tx, {e->organization_id, actor.user_id, "enrollment.delete", "enrollment", e->id},
                              NewId(now), now);
  });
}

Result<std::vector<Room>> Enrollments::MyRooms(const Actor& actor) {
  TRY_STATUS(RequireGuardian(actor));
  return db_.Transact(TxMode::kRead, [&](db::Tx& tx) -> Result<std::vector<Room>> {
    auto family = TRY(store::FindFamily(tx, actor.organization_id, *actor.family_id));
    std::vector<Room> out;
    for (auto& f : TRY(store::ListFacilities(tx, actor.organization_id, std::nullopt))) {
      if (f.kind != FacilityKind::kDropIn) continue;
      Room room{std::move(f), std::nullopt};
      if (family)
        for (const auto& e : family->enrollments)
          if (e.facility_id == room.facility.id && !e.child_id) room.enrollment = e;
      out.push_back(std::move(room));
    }
    return out;
  });
}

Result<Enrollment> Enrollments::EnrollInRoom(const Actor& actor, const std::string& facility_id) {
  TRY_STATUS(RequireGuardian(actor));
  auto facility = TRY(db_.Transact(TxMode::kRead, [&](db::Tx& tx) {
    return store::FindFacility(tx, actor.organization_id, facility_id);
  }));
  if (!facility) return Fail(Error::NotFoundField("facility_id", reason::kNoSuchFacility));
  if (facility->kind != FacilityKind::kDropIn) return Fail(Error::InvalidField("facility_id", reason::kNotDropIn));
  return CreateEnrollment(actor, facility_id, std::nullopt, actor.family_id);
}

}  // namespace tadaima::service

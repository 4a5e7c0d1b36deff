// The care texts of a child: allergies, medical needs and the staff's notes.
// Staff who may edit the child's family read and change all three, each time in
// the audit log; the child's guardians read and change allergy and medical only.
#include "base/field_errors.h"
#include "base/ids.h"
#include "base/reasons.h"
#include "rules/permissions.h"
#include "rules/validation.h"
#include "service/families.h"
#include "store/audit_store.h"
#include "store/care_store.h"
#include "store/family_store.h"

namespace tadaima::service {
namespace {

constexpr long kMaxCareText = 1000;

enum class CareReader { kStaff, kGuardian };

// The child, if `actor` may see its care texts, and as whom.
Result<CareReader> CareAccess(db::Tx& tx, const Actor& actor, const std::string& child_id) {
  auto c = TRY(store::FindChild(tx, actor.organization_id, child_id));
  if (!c) return Fail(Error::NotFound("child not found"));
  auto f = TRY(store::FindFamily(tx, actor.organization_id, c->family_id));
  if (!f || !CanReadFamily(actor, f->id, FacilityIdsOf(*f))) return Fail(Error::NotFound("child not found"));
  return CanEditFamily(actor, FacilityIdsOf(*f)) ? CareReader::kStaff : CareReader::kGuardian;
}

ChildCare AsSeenBy(ChildCare care, CareReader reader) {
  if (reader == CareReader::kGuardian) care.notes.reset();
  return care;
}

Status Audit(db::Tx& tx, const Actor& actor, const char* action, const std::string& child_id, int64_t now) {
  return store::InsertAudit(tx, {actor.organization_id, actor.user_id, action, "child", child_id}, NewId(now), now);
}

}  // namespace

Result<ChildCare> Families::GetCare(const Actor& actor, const std::string& child_id) {
  const int64_t now = clock_.NowMs();
  // A write transaction: a staff read leaves its audit entry.
  return db_.Transact(TxMode::kWrite, [&](db::Tx& tx) -> Result<ChildCare> {
    const CareReader reader = TRY(CareAccess(tx, actor, child_id));
    ChildCare care = TRY(store::FindCare(tx, actor.organization_id, child_id)).value_or(ChildCare{});
    if (reader == CareReader::kStaff) TRY_STATUS(Audit(tx, actor, "child.care.read", child_id, now));
    return AsSeenBy(std::move(care), reader);
  });
}

Result<ChildCare> Families::PutCare(const Actor& actor, const std::string& child_id, const ChildCareInput& in) {
  FieldErrors errs;
  auto check = [&](const char* key, const Patch<std::optional<std::string>>& v) {
    if (v && *v) errs.Check(key, CheckText(v->value(), kMaxCareText));
  };
  check("allergy", in.allergy);
  check("medical", in.medical);
  check("notes", in.notes);
  TRY_STATUS(errs.ToStatus());
  const int64_t now = clock_.NowMs();
  return db_.Transact(TxMode::kWrite, [&](db::Tx& tx) -> Result<ChildCare> {
    const CareReader reader = TRY(CareAccess(tx, actor, child_id));
    if (reader == CareReader::kGuardian && in.notes)
      return Fail(Error::PermissionDenied(reason::kStaffOnly));
    ChildCare care = TRY(store::FindCare(tx, actor.organization_id, child_id)).value_or(ChildCare{});
    if (in.allergy) care.allergy = NonBlank(*in.allergy);
    if (in.medical) care.medical = NonBlank(*in.medical);
    if (in.notes) care.notes = NonBlank(*in.notes);
    TRY_STATUS(store::PutCare(tx, actor.organization_id, child_id, care, actor.user_id, now));
    TRY_STATUS(Audit(tx, actor, "child.care.update", child_id, now));
    care.updated_at = now;
    care.updated_by_name = actor.name;
    return AsSeenBy(std::move(care), reader);
  });
}

Result<std::vector<store::AuditRecord>> Families::ChildAudit(const Actor& actor, const std::string& child_id) {
  return db_.Transact(TxMode::kRead, [&](db::Tx& tx) -> Result<std::vector<store::AuditRecord>> {
    if (TRY(CareAccess(tx, actor, child_id)) != CareReader::kStaff) return Fail(Error::PermissionDenied(reason::kStaffOnly));
    return store::ListAudit(tx, actor.organization_id, "child", child_id, 200);
  });
}

}  // namespace tadaima::service

// Consultation records: validation, sealing, the audit of every access, the export.
#include "service/consultations.h"
#include "service/families.h"

#include <nlohmann/json.hpp>

#include <algorithm>

#include "base/field_errors.h"
#include "base/ids.h"
#include "base/reasons.h"
#include "report/csv.h"
#include "rules/permissions.h"
#include "rules/validation.h"
#include "store/consultation_store.h"
#include "store/family_store.h"
#include "store/organization_store.h"

namespace tadaima::service {
namespace {

constexpr int64_t kClockSkewMs = 2 * 60 * 1000;
constexpr int kAuditEntries = 500;

const char* CategoryLabel(const std::string& c) {
  if (c == "parenting") return "子育て";
  if (c == "development") return "発達";
  if (c == "health") return "健康・発育";
  if (c == "living") return "生活・家庭";
  if (c == "schooling") return "就園・就学";
  return "その他";
}

// Everyone but staff and administrators is told there is nothing here.
Status StaffOnly(const Actor& actor) {
  if (!IsStaff(actor)) return Fail(Error::NotFound("not found"));
  return {};
}

// The records go with the family: staff read them wherever they were written, for
// the families they see (enrolled at one of their rooms).
Status CheckFamily(db::Tx& tx, const Actor& actor, const std::string& family_id) {
  auto f = TRY(store::FindFamily(tx, actor.organization_id, family_id));
  if (!f || !CanReadFamily(actor, f->id, FacilityIdsOf(*f))) return Fail(Error::NotFound("family not found"));
  return {};
}

Status Audit(db::Tx& tx, const Actor& actor, const char* action, const std::string& family_id,
             const nlohmann::json& detail, int64_t now) {
  return store::InsertAudit(tx, {actor.organization_id, actor.user_id, action, "family", family_id, detail.dump()},
                            NewId(now), now);
}

void CheckCategory(const std::string& field, const std::string& category, FieldErrors& errs) {
  const auto& all = Consultations::Categories();
  if (std::find(all.begin(), all.end(), category) == all.end()) errs.Add(field, reason::NotAChoice(all));
}

void CheckBody(const std::string& body, FieldErrors& errs) {
  if (TrimSpaces(body).empty()) errs.Add("body", reason::kRequired);
  else errs.Check("body", CheckText(body, Consultations::kMaxBody));
}

std::optional<CivilDate> CheckFollowUp(const std::optional<std::string>& text, FieldErrors& errs) {
  if (!text) return std::nullopt;
  auto d = CivilDate::Parse(*text);
  if (!d) errs.Add("follow_up_on", reason::kNotDate);
  return d;
}

}  // namespace

const std::vector<std::string>& Consultations::Categories() {
  static const std::vector<std::string> kAll{"parenting", "development", "health", "living", "schooling", "other"};
  return kAll;
}

namespace {

// Seals and opens bodies with the configured keys.
class Sealer {
 public:
  explicit Sealer(const std::vector<SealKey>& keys) : keys_(keys) {}
  Status Ready() const {
    if (keys_.empty()) return Fail(Error::Unavailable(reason::kConsultationKeyMissing));
    return {};
  }
  void Seal(store::SealedConsultation& s) const {
    s.key_id = keys_.front().id;
    s.sealed_body = tadaima::Seal(keys_.front(), s.record.body);
  }
  Result<Consultation> Open(store::SealedConsultation s) const {
    auto key = std::find_if(keys_.begin(), keys_.end(), [&](const SealKey& k) { return k.id == s.key_id; });
    if (key == keys_.end()) return Fail(Error::Unavailable(reason::kConsultationKeyUnknown));
    auto body = Unseal(*key, s.sealed_body);
    if (!body) return Fail(Error::Internal("a consultation record does not open with its key " + s.key_id));
    s.record.body = std::move(*body);
    return std::move(s.record);
  }
  Result<std::vector<Consultation>> OpenAll(std::vector<store::SealedConsultation> rows) const {
    std::vector<Consultation> out;
    for (auto& r : rows) out.push_back(TRY(Open(std::move(r))));
    return out;
  }

 private:
  const std::vector<SealKey>& keys_;
};

}  // namespace

Result<Consultation> Consultations::Create(const Actor& actor, const std::string& family_id,
                                           const ConsultationInput& in) {
  TRY_STATUS(StaffOnly(actor));
  const Sealer sealer(settings_.consultation_keys);
  TRY_STATUS(sealer.Ready());
  const int64_t now = clock_.NowMs();
  FieldErrors errs;
  if (!in.facility_id) errs.Add("facility_id", reason::kRequired);
  if (!in.category) errs.Add("category", reason::kRequired);
  else CheckCategory("category", *in.category, errs);
  if (!in.body) errs.Add("body", reason::kRequired);
  else CheckBody(*in.body, errs);
  if (!in.occurred_at) errs.Add("occurred_at", reason::kRequired);
  else if (*in.occurred_at > now + kClockSkewMs) errs.Add("occurred_at", reason::kFutureDate);
  const auto follow_up = CheckFollowUp(in.follow_up_on, errs);
  TRY_STATUS(errs.ToStatus());
  store::SealedConsultation s;
  Consultation& c = s.record;
  c.id = NewId(now);
  c.organization_id = actor.organization_id;
  c.family_id = family_id;
  c.facility_id = *in.facility_id;
  c.category = *in.category;
  c.body = *in.body;
  c.occurred_at = *in.occurred_at;
  c.follow_up_on = follow_up;
  sealer.Seal(s);
  return db_.Transact(TxMode::kWrite, [&](db::Tx& tx) -> Result<Consultation> {
    TRY_STATUS(CheckFamily(tx, actor, family_id));
    if (!TRY(store::FindFacility(tx, actor.organization_id, c.facility_id)) ||
        !StaffCoversFacility(actor, c.facility_id))
      return Fail(Error::NotFoundField("facility_id", reason::kNoSuchFacility));
    TRY_STATUS(store::InsertConsultation(tx, s, actor.user_id, now));
    TRY_STATUS(Audit(tx, actor, "consultation.create", family_id, {{"consultation_id", c.id}}, now));
    return sealer.Open(*TRY(store::FindConsultation(tx, actor.organization_id, c.id)));
  });
}

Result<std::vector<Consultation>> Consultations::List(const Actor& actor, const std::string& family_id) {
  TRY_STATUS(StaffOnly(actor));
  const Sealer sealer(settings_.consultation_keys);
  TRY_STATUS(sealer.Ready());
  const int64_t now = clock_.NowMs();
  return db_.Transact(TxMode::kWrite, [&](db::Tx& tx) -> Result<std::vector<Consultation>> {
    TRY_STATUS(CheckFamily(tx, actor, family_id));
    auto rows = TRY(store::ListConsultations(tx, actor.organization_id, family_id));
    TRY_STATUS(Audit(tx, actor, "consultation.read", family_id, {{"records", rows.size()}}, now));
    return sealer.OpenAll(std::move(rows));
  });
}

Result<Consultation> Consultations::Update(const Actor& actor, const std::string& id, const ConsultationPatch& patch) {
  TRY_STATUS(StaffOnly(actor));
  const Sealer sealer(settings_.consultation_keys);
  TRY_STATUS(sealer.Ready());
  const int64_t now = clock_.NowMs();
  FieldErrors errs;
  if (patch.category) CheckCategory("category", *patch.category, errs);
  if (patch.body) CheckBody(*patch.body, errs);
  if (patch.occurred_at && *patch.occurred_at > now + kClockSkewMs) errs.Add("occurred_at", reason::kFutureDate);
  std::optional<CivilDate> follow_up;
  if (patch.follow_up_on) follow_up = CheckFollowUp(*patch.follow_up_on, errs);
  TRY_STATUS(errs.ToStatus());
  return db_.Transact(TxMode::kWrite, [&](db::Tx& tx) -> Result<Consultation> {
    auto found = TRY(store::FindConsultation(tx, actor.organization_id, id));
    if (!found) return Fail(Error::NotFound("consultation not found"));
    TRY_STATUS(CheckFamily(tx, actor, found->record.family_id));
    Consultation c = TRY(sealer.Open(*found));
    if (patch.category) c.category = *patch.category;
    if (patch.body) c.body = *patch.body;
    if (patch.occurred_at) c.occurred_at = *patch.occurred_at;
    if (patch.follow_up_on) c.follow_up_on = follow_up;
    store::SealedConsultation s{c, "", ""};
    sealer.Seal(s);
    TRY_STATUS(store::UpdateConsultation(tx, s, now));
    TRY_STATUS(Audit(tx, actor, "consultation.update", c.family_id, {{"consultation_id", id}}, now));
    return sealer.Open(*TRY(store::FindConsultation(tx, actor.organization_id, id)));
  });
}

Result<std::string> Consultations::ExportCsv(const Actor& actor, const std::string& family_id) {
  TRY_STATUS(StaffOnly(actor));
  const Sealer sealer(settings_.consultation_keys);
  TRY_STATUS(sealer.Ready());
  const int64_t now = clock_.NowMs();
  auto records = TRY(db_.Transact(TxMode::kWrite, [&](db::Tx& tx) -> Result<std::vector<Consultation>> {
    TRY_STATUS(CheckFamily(tx, actor, family_id));
    auto rows = TRY(store::ListConsultations(tx, actor.organization_id, family_id));
    TRY_STATUS(Audit(tx, actor, "consultation.export", family_id, {{"records", rows.size()}}, now));
    return sealer.OpenAll(std::move(rows));
  }));
  std::string csv = report::kCsvBom;
  csv += report::CsvRow({"相談日時", "ルーム", "分類", "内容", "次回フォロー日", "記録者", "記録日時"});
  for (const auto& c : records)
    csv += report::CsvRow({FormatInstant(c.occurred_at, actor.time_zone), c.facility_name, CategoryLabel(c.category),
                           c.body, c.follow_up_on ? c.follow_up_on->ToString() : "", c.created_by_name.value_or(""),
                           FormatInstant(c.created_at, actor.time_zone)});
  return csv;
}

Result<std::vector<store::AuditRecord>> Consultations::FamilyAudit(const Actor& actor, const std::string& family_id) {
  if (!IsOrgAdmin(actor)) return Fail(Error::NotFound("not found"));
  return db_.Transact(TxMode::kRead, [&](db::Tx& tx) -> Result<std::vector<store::AuditRecord>> {
    TRY_STATUS(CheckFamily(tx, actor, family_id));
    return store::ListAudit(tx, actor.organization_id, "family", family_id, kAuditEntries);
  });
}

Result<int> Consultations::Reseal() {
  const Sealer sealer(settings_.consultation_keys);
  TRY_STATUS(sealer.Ready());
  const std::string& current = settings_.consultation_keys.front().id;
  int total = 0;
  for (;;) {  // a batch per transaction, so that a big database does not hold one long write
    const int n = TRY(db_.Transact(TxMode::kWrite, [&](db::Tx& tx) -> Result<int> {
      auto rows = TRY(store::ConsultationsNotSealedWith(tx, current, 500));
      const int64_t now = clock_.NowMs();
      for (auto& row : rows) {
        store::SealedConsultation s{TRY(sealer.Open(row)), "", ""};
        sealer.Seal(s);
        TRY_STATUS(store::UpdateConsultation(tx, s, now));
      }
      return static_cast<int>(rows.size());
    }));
    total += n;
    if (n == 0) return total;
  }
}

}  // namespace tadaima::service

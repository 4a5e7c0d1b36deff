#include "store/consultation_store.h"

namespace tadaima::store {
namespace {

#define TADAIMA_CONSULTATION_SELECT                                                                        \
  "SELECT c.id, c.organization_id, c.family_id, c.facility_id, f.name, c.category, c.occurred_at,"         \
  " c.follow_up_on, u.name, c.created_at, c.updated_at, c.key_id, c.sealed_body FROM consultations c"     \
  " JOIN facilities f ON f.id = c.facility_id LEFT JOIN users u ON u.id = c.created_by"

constexpr db::Query kInsert{
    "insert_consultation",
    "INSERT INTO consultations (id, organization_id, family_id, facility_id, category, occurred_at, follow_up_on,"
    " key_id, sealed_body, created_by, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11)"};
constexpr db::Query kUpdate{
    "update_consultation",
    "UPDATE consultations SET category = $3, occurred_at = $4, follow_up_on = $5, key_id = $6, sealed_body = $7,"
    " updated_at = $8 WHERE organization_id = $1 AND id = $2"};
constexpr db::Query kSelectOne{"select_consultation",
                               TADAIMA_CONSULTATION_SELECT " WHERE c.organization_id = $1 AND c.id = $2"};
constexpr db::Query kSelectOfFamily{
    "list_consultations",
    TADAIMA_CONSULTATION_SELECT " WHERE c.organization_id = $1 AND c.family_id = $2 ORDER BY c.occurred_at DESC, c.id DESC"};
constexpr db::Query kSelectTimes{
    "consultation_times",
    "SELECT occurred_at FROM consultations WHERE facility_id = $2 AND occurred_at >= $3 AND occurred_at < $4"
    " AND organization_id = $1"};
constexpr db::Query kSelectNotSealedWith{
    "consultations_not_sealed_with", TADAIMA_CONSULTATION_SELECT " WHERE c.key_id <> $1 ORDER BY c.id LIMIT $2"};

SealedConsultation From(const db::Row& r) {
  SealedConsultation s;
  Consultation& c = s.record;
  c.id = r.Text(0);
  c.organization_id = r.Text(1);
  c.family_id = r.Text(2);
  c.facility_id = r.Text(3);
  c.facility_name = r.Text(4);
  c.category = r.Text(5);
  c.occurred_at = r.Int(6);
  if (!r.IsNull(7)) c.follow_up_on = CivilDate::Parse(r.Text(7));
  c.created_by_name = r.OptText(8);
  c.created_at = r.Int(9);
  c.updated_at = r.Int(10);
  s.key_id = r.Text(11);
  s.sealed_body = r.Text(12);
  return s;
}

db::Value DateOrNull(const std::optional<CivilDate>& d) { return d ? db::Value(d->ToString()) : db::Value(nullptr); }

std::vector<SealedConsultation> All(const db::ResultSet& rs) {
  std::vector<SealedConsultation> out;
  for (const auto& r : rs.rows) out.push_back(From(r));
  return out;
}

}  // namespace

Status InsertConsultation(db::Tx& tx, const SealedConsultation& s, const std::string& created_by, int64_t now) {
  const Consultation& c = s.record;
  TRY(tx.Exec(kInsert, {c.id, c.organization_id, c.family_id, c.facility_id, c.category, c.occurred_at,
                        DateOrNull(c.follow_up_on), s.key_id, s.sealed_body, created_by, now}));
  return {};
}

Status UpdateConsultation(db::Tx& tx, const SealedConsultation& s, int64_t now) {
  const Consultation& c = s.record;
  TRY(tx.Exec(kUpdate, {c.organization_id, c.id, c.category, c.occurred_at, DateOrNull(c.follow_up_on), s.key_id,
                        s.sealed_body, now}));
  return {};
}

Result<std::optional<SealedConsultation>> FindConsultation(db::Tx& tx, const std::string& organization_id,
                                                           const std::string& id) {
  auto rs = TRY(tx.Exec(kSelectOne, {organization_id, id}));
  if (rs.empty()) return std::nullopt;
  return From(rs.rows[0]);
}

Result<std::vector<SealedConsultation>> ListConsultations(db::Tx& tx, const std::string& organization_id,
                                                          const std::string& family_id) {
  return All(TRY(tx.Exec(kSelectOfFamily, {organization_id, family_id})));
}

Result<std::vector<int64_t>> ConsultationTimesAt(db::Tx& tx, const std::string& organization_id,
                                                 const std::string& facility_id, int64_t from, int64_t to) {
  auto rs = TRY(tx.Exec(kSelectTimes, {organization_id, facility_id, from, to}));
  std::vector<int64_t> out;
  for (const auto& r : rs.rows) out.push_back(r.Int(0));
  return out;
}

Result<std::vector<SealedConsultation>> ConsultationsNotSealedWith(db::Tx& tx, const std::string& key_id, int limit) {
  return All(TRY(tx.Exec(kSelectNotSealedWith, {key_id, int64_t{limit}})));
}

}  // namespace tadaima::store

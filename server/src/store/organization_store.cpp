#include "store/organization_store.h"

namespace tadaima::store {
namespace {

#define TADAIMA_FACILITY_COLUMNS \
  "id, organization_id, name, kind, opens_at, closes_at, duplicate_window_seconds, offline_retention_hours," \
  " plan_deadline_days, plan_deadline_time, not_arrived_grace_minutes, not_arrived_notify, kiosk_pin_hash"

constexpr db::Query kInsertOrganization{
    "insert_organization", "INSERT INTO organizations (id, name, time_zone, created_at) VALUES ($1, $2, $3, $4)"};
constexpr db::Query kSelectOrganization{"select_organization",
                                        "SELECT id, name, time_zone FROM organizations WHERE id = $1"};
constexpr db::Query kInsertFacility{
    "insert_facility",
    "INSERT INTO facilities (id, organization_id, name, kind, opens_at, closes_at, duplicate_window_seconds,"
    " offline_retention_hours, plan_deadline_days, plan_deadline_time, not_arrived_grace_minutes, not_arrived_notify,"
    " kiosk_pin_hash, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $8, $9, $10, $11, $12, $13, $14, $7, $7)"};
constexpr db::Query kUpdateFacility{
    "update_facility",
    "UPDATE facilities SET name = $3, kind = $4, opens_at = $5, closes_at = $6, updated_at = $7,"
    " duplicate_window_seconds = $8, offline_retention_hours = $9, plan_deadline_days = $10, plan_deadline_time = $11,"
    " not_arrived_grace_minutes = $12, not_arrived_notify = $13, kiosk_pin_hash = $14"
    " WHERE organization_id = $1 AND id = $2"};
constexpr db::Query kSelectFacility{
    "select_facility",
    "SELECT " TADAIMA_FACILITY_COLUMNS " FROM facilities"
    " WHERE organization_id = $1 AND id = $2"};
constexpr db::Query kListFacilities{
    "list_facilities",
    "SELECT " TADAIMA_FACILITY_COLUMNS " FROM facilities"
    " WHERE organization_id = $1 AND ($2 = '' OR id IN"
    "   (SELECT facility_id FROM staff_facilities WHERE user_id = $2))"
    " ORDER BY name, id"};

Facility FacilityFrom(const db::Row& r) {
  Facility f;
  f.id = r.Text(0);
  f.organization_id = r.Text(1);
  f.name = r.Text(2);
  f.kind = ParseFacilityKind(r.Text(3)).value_or(FacilityKind::kAfterSchool);
  f.opens_at = ParseClockTime(r.Text(4)).value_or(0);
  f.closes_at = ParseClockTime(r.Text(5)).value_or(0);
  f.duplicate_window_seconds = static_cast<int>(r.Int(6));
  f.offline_retention_hours = static_cast<int>(r.Int(7));
  f.plan_deadline_days = static_cast<int>(r.Int(8));
  f.plan_deadline_time = ParseClockTime(r.Text(9)).value_or(17 * 60);
  f.not_arrived_grace_minutes = static_cast<int>(r.Int(10));
  f.not_arrived_notify = r.Bool(11);
  f.kiosk_pin_hash = r.OptText(12);
  return f;
}

}  // namespace

Status InsertOrganization(db::Tx& tx, const Organization& org, int64_t now) {
  TRY(tx.Exec(kInsertOrganization, {org.id, org.name, org.time_zone, now}));
  return {};
}

Result<std::optional<Organization>> FindOrganization(db::Tx& tx, const std::string& id) {
  auto rs = TRY(tx.Exec(kSelectOrganization, {id}));
  if (rs.empty()) return std::nullopt;
  const auto& r = rs.rows[0];
  return Organization{r.Text(0), r.Text(1), r.Text(2)};
}

Status InsertFacility(db::Tx& tx, const Facility& f, int64_t now) {
  TRY(tx.Exec(kInsertFacility, {f.id, f.organization_id, f.name, FacilityKindName(f.kind),
                                FormatClockTime(f.opens_at), FormatClockTime(f.closes_at), now,
                                int64_t{f.duplicate_window_seconds}, int64_t{f.offline_retention_hours},
                                int64_t{f.plan_deadline_days}, FormatClockTime(f.plan_deadline_time),
                                int64_t{f.not_arrived_grace_minutes}, int64_t{f.not_arrived_notify},
                                db::Opt(f.kiosk_pin_hash)}));
  return {};
}

Status UpdateFacility(db::Tx& tx, const Facility& f, int64_t now) {
  TRY(tx.Exec(kUpdateFacility, {f.organization_id, f.id, f.name, FacilityKindName(f.kind),
                                FormatClockTime(f.opens_at), FormatClockTime(f.closes_at), now,
                                int64_t{f.duplicate_window_seconds}, int64_t{f.offline_retention_hours},
                                int64_t{f.plan_deadline_days}, FormatClockTime(f.plan_deadline_time),
                                int64_t{f.not_arrived_grace_minutes}, int64_t{f.not_arrived_notify},
                                db::Opt(f.kiosk_pin_hash)}));
  return {};
}

Result<std::optional<Facility>> FindFacility(db::Tx& tx, const std::string& organization_id,
                                             const std::string& id) {
  auto rs = TRY(tx.Exec(kSelectFacility, {organization_id, id}));
  if (rs.empty()) return std::nullopt;
  return FacilityFrom(rs.rows[0]);
}

Result<std::vector<Facility>> ListFacilities(db::Tx& tx, const std::string& organization_id,
                                             const std::optional<std::string>& user_id) {
  auto rs = TRY(tx.Exec(kListFacilities, {organization_id, user_id.value_or("")}));
  std::vector<Facility> out;
  for (const auto& r : rs.rows) out.push_back(FacilityFrom(r));
  return out;
}

}  // namespace tadaima::store

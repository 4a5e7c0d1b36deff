#include "store/kiosk_store.h"

#include "store/rows.h"

namespace tadaima::store {
namespace {

#define TADAIMA_KIOSK_COLUMNS \
  "k.id, k.organization_id, k.facility_id, k.name, k.created_at, k.last_seen_at, k.unlocked_until, k.pin_failures," \
  " k.pin_locked_until"
constexpr size_t kKioskColumns = 9;

constexpr db::Query kInsertKiosk{
    "insert_kiosk",
    "INSERT INTO kiosks (id, organization_id, facility_id, name, token_hash, created_at) VALUES ($1, $2, $3, $4, $5, $6)"};
constexpr db::Query kListKiosks{
    "list_kiosks",
    "SELECT " TADAIMA_KIOSK_COLUMNS " FROM kiosks k WHERE k.organization_id = $1 AND k.facility_id = $2"
    " AND k.revoked_at IS NULL ORDER BY k.created_at, k.id"};
constexpr db::Query kSelectKiosk{
    "select_kiosk",
    "SELECT " TADAIMA_KIOSK_COLUMNS " FROM kiosks k WHERE k.organization_id = $1 AND k.id = $2 AND k.revoked_at IS NULL"};
constexpr db::Query kSelectKioskByToken{
    "select_kiosk_by_token",
    "SELECT " TADAIMA_KIOSK_COLUMNS ", o.time_zone FROM kiosks k JOIN organizations o ON o.id = k.organization_id"
    " WHERE k.token_hash = $1 AND k.revoked_at IS NULL"};
constexpr db::Query kRevokeKiosk{"revoke_kiosk",
                                 "UPDATE kiosks SET revoked_at = $3 WHERE organization_id = $1 AND id = $2"};
constexpr db::Query kTouchKiosk{"touch_kiosk", "UPDATE kiosks SET last_seen_at = $2 WHERE id = $1"};
constexpr db::Query kUpdateKioskPin{
    "update_kiosk_pin",
    "UPDATE kiosks SET unlocked_until = $3, pin_failures = $4, pin_locked_until = $5"
    " WHERE organization_id = $1 AND id = $2"};

Kiosk KioskFrom(const db::Row& r) {
  Kiosk k;
  k.id = r.Text(0);
  k.organization_id = r.Text(1);
  k.facility_id = r.Text(2);
  k.name = r.Text(3);
  k.created_at = r.Int(4);
  if (!r.IsNull(5)) k.last_seen_at = r.Int(5);
  if (!r.IsNull(6)) k.unlocked_until = r.Int(6);
  k.pin_failures = static_cast<int>(r.Int(7));
  if (!r.IsNull(8)) k.pin_locked_until = r.Int(8);
  return k;
}

}  // namespace

Status InsertKiosk(db::Tx& tx, const Kiosk& k, const std::string& token_hash) {
  TRY(tx.Exec(kInsertKiosk, {k.id, k.organization_id, k.facility_id, k.name, token_hash, k.created_at}));
  return {};
}

Result<std::vector<Kiosk>> ListKiosks(db::Tx& tx, const std::string& organization_id, const std::string& facility_id) {
  auto rs = TRY(tx.Exec(kListKiosks, {organization_id, facility_id}));
  std::vector<Kiosk> out;
  for (const auto& r : rs.rows) out.push_back(KioskFrom(r));
  return out;
}

Result<std::optional<Kiosk>> FindKiosk(db::Tx& tx, const std::string& organization_id, const std::string& id) {
  auto rs = TRY(tx.Exec(kSelectKiosk, {organization_id, id}));
  if (rs.empty()) return std::nullopt;
  return KioskFrom(rs.rows[0]);
}

Result<std::optional<KioskSession>> FindKioskByToken(db::Tx& tx, const std::string& token_hash) {
  auto rs = TRY(tx.Exec(kSelectKioskByToken, {token_hash}));
  if (rs.empty()) return std::nullopt;
  return KioskSession{KioskFrom(rs.rows[0]), rs.rows[0].Text(kKioskColumns)};
}

Status RevokeKiosk(db::Tx& tx, const Kiosk& k, int64_t now) {
  TRY(tx.Exec(kRevokeKiosk, {k.organization_id, k.id, now}));
  return {};
}

Status UpdateKioskPin(db::Tx& tx, const Kiosk& k) {
  TRY(tx.Exec(kUpdateKioskPin, {k.organization_id, k.id, OptInt(k.unlocked_until), int64_t{k.pin_failures},
                                OptInt(k.pin_locked_until)}));
  return {};
}

Status TouchKiosk(db::Tx& tx, const std::string& id, int64_t now) {
  TRY(tx.Exec(kTouchKiosk, {id, now}));
  return {};
}

}  // namespace tadaima::store

// Kiosks: devices paired with one facility, authenticated by a bearer token.
#include "base/field_errors.h"
#include "base/ids.h"
#include "rules/permissions.h"
#include "rules/validation.h"
#include "service/kiosks.h"
#include "store/audit_store.h"
#include "store/kiosk_store.h"
#include "store/organization_store.h"
#include "base/reasons.h"

namespace tadaima::service {

namespace {

constexpr int64_t kKioskCacheMs = 60 * 1000;
constexpr size_t kKioskCacheMax = 100000;

}  // namespace

Result<Actor> Kiosks::AuthenticateKiosk(const std::string& token, bool cached) {
  const std::string hash = HashToken(token);
  const int64_t now = clock_.NowMs();
  if (cached) {
    std::lock_guard lock(cache_mu_);
    if (auto it = cache_.find(hash); it != cache_.end() && it->second.second > now) return it->second.first;
  }
  auto found = TRY(db_.Transact(TxMode::kRead, [&](db::Tx& tx) { return store::FindKioskByToken(tx, hash); }));
  if (!found) return Fail(Error::Unauthenticated(reason::kKioskNotPaired));
  Actor a;
  a.role = Role::kKiosk;
  a.kiosk_id = found->kiosk.id;
  a.organization_id = found->kiosk.organization_id;
  a.time_zone = found->time_zone;
  a.name = found->kiosk.name;
  a.facility_ids = {found->kiosk.facility_id};
  a.kiosk_token_hash = hash;
  std::lock_guard lock(cache_mu_);
  if (cache_.size() >= kKioskCacheMax) cache_.clear();
  cache_[hash] = {a, now + kKioskCacheMs};
  return a;
}

Result<Kiosks::PairedKiosk> Kiosks::CreateKiosk(const Actor& actor, const std::string& facility_id,
                                                    const std::string& name) {
  TRY_STATUS(RequireStaff(actor));
  FieldErrors errs;
  errs.Check("name", CheckName(name, 50));
  TRY_STATUS(errs.ToStatus());
  const int64_t now = clock_.NowMs();
  PairedKiosk out;
  out.token = "tk_" + RandomToken();
  out.kiosk = {NewId(now), actor.organization_id, facility_id, TrimSpaces(name), now, std::nullopt};
  TRY_STATUS(db_.Transact(TxMode::kWrite, [&](db::Tx& tx) -> Status {
    auto f = TRY(store::FindFacility(tx, actor.organization_id, facility_id));
    if (!f || !StaffCoversFacility(actor, facility_id)) return Fail(Error::NotFound("facility not found"));
    TRY_STATUS(store::InsertKiosk(tx, out.kiosk, HashToken(out.token)));
    return store::InsertAudit(tx, {actor.organization_id, actor.user_id, "kiosk.pair", "kiosk", out.kiosk.id},
                              NewId(now), now);
  }));
  return out;
}

Result<std::vector<Kiosk>> Kiosks::ListKiosks(const Actor& actor, const std::string& facility_id) {
  return db_.Transact(TxMode::kRead, [&](db::Tx& tx) -> Result<std::vector<Kiosk>> {
    auto f = TRY(store::FindFacility(tx, actor.organization_id, facility_id));
    if (!f || !StaffCoversFacility(actor, facility_id)) return Fail(Error::NotFound("facility not found"));
    return store::ListKiosks(tx, actor.organization_id, facility_id);
  });
}

Status Kiosks::RevokeKiosk(const Actor& actor, const std::string& id) {
  const int64_t now = clock_.NowMs();
  return db_.Transact(TxMode::kWrite, [&](db::Tx& tx) -> Status {
    auto k = TRY(store::FindKiosk(tx, actor.organization_id, id));
    if (!k || !StaffCoversFacility(actor, k->facility_id)) return Fail(Error::NotFound("kiosk not found"));
    TRY_STATUS(store::RevokeKiosk(tx, *k, now));
    {
      std::lock_guard lock(cache_mu_);
      std::erase_if(cache_, [&](const auto& entry) { return entry.second.first.kiosk_id == k->id; });
    }
    return store::InsertAudit(tx, {actor.organization_id, actor.user_id, "kiosk.revoke", "kiosk", k->id}, NewId(now), now);
  });
}

Result<std::pair<Kiosk, Facility>> Kiosks::KioskMe(const Actor& actor) {
  TRY_STATUS(RequireKiosk(actor));
  const int64_t now = clock_.NowMs();
  return db_.Transact(TxMode::kWrite, [&](db::Tx& tx) -> Result<std::pair<Kiosk, Facility>> {
    auto k = TRY(store::FindKiosk(tx, actor.organization_id, *actor.kiosk_id));
    if (!k) return Fail(Error::Unauthenticated(reason::kKioskRevoked));
    auto f = TRY(store::FindFacility(tx, actor.organization_id, k->facility_id));
    if (!f) return Fail(Error::NotFound("facility not found"));
    TRY_STATUS(store::TouchKiosk(tx, k->id, now));
    k->last_seen_at = now;
    return std::pair{*k, *f};
  });
}

}  // namespace tadaima::service

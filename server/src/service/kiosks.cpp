// Kiosks: devices paired with one facility, authenticated by a bearer token.
#include <algorithm>
#include <tuple>

#include "base/field_errors.h"
#include "base/ids.h"
#include "base/password.h"
#include "rules/permissions.h"
#include "rules/search_text.h"
#include "rules/validation.h"
#include "store/enrollment_store.h"
#include "store/visit_store.h"
#include "service/kiosks.h"
#include "store/audit_store.h"
#include "store/kiosk_store.h"
#include "store/organization_store.h"
#include "base/reasons.h"

namespace tadaima::service {

namespace {

constexpr int64_t kKioskCacheMs = 60 * 1000;
constexpr size_t kKioskCacheMax = 100000;
constexpr int64_t kUnlockedMs = 5 * 60 * 1000;
constexpr int64_t kPinLockoutMs = 5 * 60 * 1000;
constexpr int kMaxPinFailures = 5;
constexpr size_t kMaxFound = 20;

// The calling kiosk's row and facility, in `tx`.
Result<std::pair<Kiosk, Facility>> OwnKiosk(db::Tx& tx, const Actor& actor) {
  auto k = TRY(store::FindKiosk(tx, actor.organization_id, *actor.kiosk_id));
  if (!k) return Fail(Error::Unauthenticated(reason::kKioskRevoked));
  auto f = TRY(store::FindFacility(tx, actor.organization_id, k->facility_id));
  if (!f) return Fail(Error::NotFound("facility not found"));
  return std::pair{*k, *f};
}

}  // namespace

bool KioskUnlocked(const Kiosk& k, int64_t now) { return k.unlocked_until && *k.unlocked_until > now; }

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
  out.kiosk.id = NewId(now);
  out.kiosk.organization_id = actor.organization_id;
  out.kiosk.facility_id = facility_id;
  out.kiosk.name = TrimSpaces(name);
  out.kiosk.created_at = now;
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
    auto [k, f] = TRY(OwnKiosk(tx, actor));
    TRY_STATUS(store::TouchKiosk(tx, k.id, now));
    k.last_seen_at = now;
    return std::pair{k, f};
  });
}

Result<int64_t> Kiosks::Unlock(const Actor& actor, const std::string& pin) {
  TRY_STATUS(RequireKiosk(actor));
  const int64_t now = clock_.NowMs();
  // The attempt is counted (and committed) before the PIN is checked, outside any transaction.
  const std::string hash = TRY(db_.Transact(TxMode::kWrite, [&](db::Tx& tx) -> Result<std::string> {
    auto [k, f] = TRY(OwnKiosk(tx, actor));
    if (!f.kiosk_pin_hash) return Fail(Error::Conflict(reason::kNoKioskPin));
    if (k.pin_locked_until && *k.pin_locked_until > now)
      return Fail(Error::TooManyRequests(reason::kTooManyPinAttempts));
    k.pin_failures += 1;
    if (k.pin_failures >= kMaxPinFailures) {
      k.pin_failures = 0;
      k.pin_locked_until = now + kPinLockoutMs;
    }
    TRY_STATUS(store::UpdateKioskPin(tx, k));
    return *f.kiosk_pin_hash;
  }));
  if (!VerifyPassword(hash, pin)) return Fail(Error::PermissionDenied(reason::kWrongPin));
  return db_.Transact(TxMode::kWrite, [&](db::Tx& tx) -> Result<int64_t> {
    auto [k, f] = TRY(OwnKiosk(tx, actor));
    k.pin_failures = 0;
    k.pin_locked_until.reset();
    k.unlocked_until = now + kUnlockedMs;
    TRY_STATUS(store::UpdateKioskPin(tx, k));
    TRY_STATUS(store::InsertAudit(tx, {actor.organization_id, "", "kiosk.unlock", "kiosk", k.id}, NewId(now), now));
    return *k.unlocked_until;
  });
}

Status Kiosks::Lock(const Actor& actor) {
  TRY_STATUS(RequireKiosk(actor));
  return db_.Transact(TxMode::kWrite, [&](db::Tx& tx) -> Status {
    auto [k, f] = TRY(OwnKiosk(tx, actor));
    k.unlocked_until.reset();
    return store::UpdateKioskPin(tx, k);
  });
}

Result<std::vector<KioskChild>> Kiosks::FindChildren(const Actor& actor, const std::string& q) {
  TRY_STATUS(RequireKiosk(actor));
  FieldErrors errs;
  if (Utf8Length(q) > 50) errs.Add("q", reason::TooLong(50));
  TRY_STATUS(errs.ToStatus());
  const int64_t now = clock_.NowMs();
  const std::string needle = NormalizeForSearch(q);
  auto contains = [&](const std::string& text) { return NormalizeForSearch(text).find(needle) != std::string::npos; };
  return db_.Transact(TxMode::kRead, [&](db::Tx& tx) -> Result<std::vector<KioskChild>> {
    auto [k, f] = TRY(OwnKiosk(tx, actor));
    if (!KioskUnlocked(k, now)) return Fail(Error::PermissionDenied(reason::kKioskLocked));
    std::vector<KioskChild> out;
    for (auto& c : TRY(store::EnrolledChildren(tx, actor.organization_id, f.id)))
      if (contains(c.name) || (c.name_kana && contains(*c.name_kana))) out.push_back({std::move(c), false});
    std::sort(out.begin(), out.end(), [](const KioskChild& a, const KioskChild& b) {
      return std::tie(a.child.name_kana, a.child.name, a.child.id) <
             std::tie(b.child.name_kana, b.child.name, b.child.id);
    });
    if (out.size() > kMaxFound) out.resize(kMaxFound);
    for (auto& c : out) {
      const auto last = TRY(store::FindLastVisit(tx, c.child.id, f.id));
      c.present = last && !last->out_at;
    }
    return out;
  });
}

}  // namespace tadaima::service

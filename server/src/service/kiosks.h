// Kiosks: the tablets at a facility's window, paired by staff with a bearer
// token (shown once) and revoked by them. The kiosk's staff menu opens with the
// facility's staff PIN for a few minutes (kept on the kiosk's row, so every
// server sees it): meanwhile the kiosk may find a child by name and stamp it.
// Thread-safe; a short cache of authenticated tokens is kept in memory.
#pragma once

#include <mutex>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "service/context.h"

namespace tadaima::service {

// Whether the kiosk's staff menu is open at `now`.
bool KioskUnlocked(const Kiosk& k, int64_t now);

// A child an open kiosk found by name: never its care texts.
struct KioskChild {
  Child child;
  bool present = false;
};

class Kiosks : AreaService {
 public:
  explicit Kiosks(Context& ctx) : AreaService(ctx) {}

  // The kiosk actor of a bearer token; unauthenticated when unknown or revoked.
  // With `cached`, an answer up to a minute old may come from memory: only
  // for calls that check revocation again in their own transaction (stamps).
  Result<Actor> AuthenticateKiosk(const std::string& token, bool cached = false);
  struct PairedKiosk {
    Kiosk kiosk;
    std::string token;  // shown once
  };
  Result<PairedKiosk> CreateKiosk(const Actor& actor, const std::string& facility_id, const std::string& name);
  Result<std::vector<Kiosk>> ListKiosks(const Actor& actor, const std::string& facility_id);
  Status RevokeKiosk(const Actor& actor, const std::string& id);
  Result<std::pair<Kiosk, Facility>> KioskMe(const Actor& actor);

  // The kiosk, with the facility's PIN: the menu is open until the answer.
  // Every attempt counts before the PIN is checked; five wrong in a row shut
  // the PIN out for five minutes (too_many_pin_attempts).
  Result<int64_t> Unlock(const Actor& actor, const std::string& pin);
  Status Lock(const Actor& actor);
  // An open kiosk: the facility's enrolled children whose name or furigana
  // contains `q` (kana- and space-insensitive), by furigana, at most 20.
  Result<std::vector<KioskChild>> FindChildren(const Actor& actor, const std::string& q);

 private:
  std::mutex cache_mu_;
  std::unordered_map<std::string, std::pair<Actor, int64_t>> cache_;  // token hash -> actor, expiry
};

}  // namespace tadaima::service

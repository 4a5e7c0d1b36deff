// Kiosks: the tablets at a facility's window, paired by staff with a bearer
// token (shown once) and revoked by them. Thread-safe; a short cache of
// authenticated tokens is kept in memory.
#pragma once

#include <mutex>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "service/context.h"

namespace tadaima::service {

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

 private:
  std::mutex cache_mu_;
  std::unordered_map<std::string, std::pair<Actor, int64_t>> cache_;  // token hash -> actor, expiry
};

}  // namespace tadaima::service

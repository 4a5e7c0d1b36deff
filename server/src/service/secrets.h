// The server's shared secrets: the key that signs credentials and the VAPID
// key pair of Web Push. Each is created on first use and stored, so that every
// process of one database uses the same; then kept in memory. Thread-safe.
#pragma once

#include <mutex>
#include <optional>
#include <string>

#include "notify/webpush.h"
#include "service/context.h"

namespace tadaima::service {

class Secrets : AreaService {
 public:
  explicit Secrets(Context& ctx) : AreaService(ctx) {}

  // base64url text of 32 random bytes.
  Result<std::string> CredentialKey();
  Result<notify::VapidKey> VapidKey();

 private:
  std::mutex mu_;
  std::string credential_key_;
  std::optional<notify::VapidKey> vapid_key_;
};

}  // namespace tadaima::service

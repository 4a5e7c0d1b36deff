#include "service/secrets.h"

#include "base/ids.h"
#include "rules/credential.h"
#include "store/secret_store.h"

namespace tadaima::service {

Result<std::string> Secrets::CredentialKey() {
  std::lock_guard lock(mu_);
  if (!credential_key_.empty()) return credential_key_;
  std::string candidate = RandomToken(kCredentialKeyBytes);
  credential_key_ = TRY(db_.Transact(TxMode::kWrite, [&](db::Tx& tx) {
    return store::EnsureServerKey(tx, "credential_mac", candidate, clock_.NowMs());
  }));
  return credential_key_;
}

Result<notify::VapidKey> Secrets::VapidKey() {
  std::lock_guard lock(mu_);
  if (vapid_key_) return *vapid_key_;
  auto candidate = TRY(notify::NewVapidKey());
  auto pem = TRY(db_.Transact(TxMode::kWrite, [&](db::Tx& tx) {
    return store::EnsureServerKey(tx, "vapid_private", candidate.private_pem, clock_.NowMs());
  }));
  vapid_key_ = TRY(notify::LoadVapidKey(pem));
  return *vapid_key_;
}

}  // namespace tadaima::service

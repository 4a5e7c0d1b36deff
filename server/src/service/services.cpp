// Construction and the server's shared secrets.
#include "service/services.h"

#include "base/ids.h"
#include "service/stamp_writer.h"
#include "store/secret_store.h"

namespace tadaima::service {

Services::Services(db::Database& db, Clock clock, Settings settings, Hooks hooks)
    : db_(db),
      clock_(clock),
      settings_(settings),
      hooks_(std::move(hooks)),
      // SQLite has one writer at a time; PostgreSQL runs write transactions side by side.
      stamp_writer_(std::make_unique<StampWriter>(db, db.dialect() == db::Dialect::kSqlite ? 1 : settings.pg_stamp_writers)) {}

Services::~Services() = default;

void Services::Publish(const notify::LiveEvent& e) const {
  if (hooks_.publish) hooks_.publish(e);
}

Result<std::string> Services::CredentialKey() {
  std::lock_guard lock(key_mu_);
  if (!credential_key_.empty()) return credential_key_;
  std::string candidate = RandomToken(kCredentialKeyBytes);
  auto key = TRY(db_.Transact(TxMode::kWrite, [&](db::Tx& tx) {
    return store::EnsureServerKey(tx, "credential_mac", candidate, clock_.NowMs());
  }));
  credential_key_ = key;  // base64url text of 32 random bytes: 43 bytes of key material
  return credential_key_;
}

}  // namespace tadaima::service

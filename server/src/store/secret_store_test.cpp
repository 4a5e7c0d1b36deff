// Secret store tests, on SQLite and PostgreSQL.
#include "store/secret_store.h"

#include <set>
#include <thread>

#include "store/store_test_fixture.h"

namespace tadaima::store {
namespace {

class SecretStoreTest : public StoreTest {
 protected:
  std::string Ensure(const std::string& name, const std::string& candidate) {
    return Write([&](db::Tx& tx) { return EnsureServerKey(tx, name, candidate, now_); });
  }
};

TEST_P(SecretStoreTest, TheFirstCandidateBecomesTheSecretAndNeverChanges) {
  EXPECT_EQ(Ensure("credential_mac", "first"), "first");
  EXPECT_EQ(Ensure("credential_mac", "second"), "first");
  EXPECT_EQ(Ensure("vapid_private", "pem"), "pem");  // names are independent
  EXPECT_EQ(Ensure("credential_mac", "third"), "first");
}

TEST_P(SecretStoreTest, ProcessesRacingForTheSecretAllReadTheOneThatWon) {
  // Four connections at once (the test database's pool), each with its own candidate.
  std::vector<std::string> got(4);
  std::vector<std::thread> threads;
  for (size_t i = 0; i < got.size(); ++i)
    threads.emplace_back([&, i] {
      auto r = db_->Transact(db::TxMode::kWrite, [&](db::Tx& tx) {
        return EnsureServerKey(tx, "credential_mac", "candidate-" + std::to_string(i), now_);
      });
      got[i] = r ? *r : "error: " + r.error().message;
    });
  for (auto& t : threads) t.join();
  EXPECT_EQ(std::set<std::string>(got.begin(), got.end()).size(), 1u) << got[0] << " " << got[1];
  EXPECT_TRUE(got[0].starts_with("candidate-")) << got[0];
  EXPECT_EQ(Ensure("credential_mac", "late"), got[0]);
}

TADAIMA_STORE_TEST_SUITE(SecretStoreTest);

}  // namespace
}  // namespace tadaima::store

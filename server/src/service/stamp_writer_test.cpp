// StampWriter on SQLite and PostgreSQL: one refused piece of work changes
// nothing and does not disturb the others of its batch; answers come only
// after the commit.
#include "service/stamp_writer.h"

#include <gtest/gtest.h>

#include <condition_variable>
#include <mutex>

#include "db/test_database.h"

namespace tadaima::service {
namespace {

constexpr db::Query kCountKeys{"test_count_keys", "SELECT COUNT(*) FROM server_keys"};
constexpr db::Query kInsertKey{"test_insert_key",
                               "INSERT INTO server_keys (name, secret, created_at) VALUES ($1, 'x', 0)"};

class StampWriterTest : public testing::TestWithParam<std::string> {};

TEST_P(StampWriterTest, ARefusedPieceRollsBackAloneAndAnswersComeAfterTheCommit) {
  auto db = db::FreshTestDatabase(GetParam());
  ASSERT_TRUE(db);
  std::vector<Result<StampOutcome>> answers;
  std::mutex mu;
  std::condition_variable cv;
  {
    StampWriter writer(*db, GetParam() == "sqlite" ? 1 : 3);
    auto insert = [](std::string name, bool then_fail) {
      return [name, then_fail](db::Tx& tx) -> Result<StampOutcome> {
        TRY(tx.Exec(kInsertKey, {name}));
        if (then_fail) return Fail(Error::InvalidArgument("refused after writing"));
        return StampOutcome{};
      };
    };
    auto done = [&](Result<StampOutcome> r) {
      // By now the work is committed: another connection sees it (or, refused, not).
      std::lock_guard lock(mu);
      answers.push_back(std::move(r));
      cv.notify_all();
    };
    writer.Submit("a", insert("a", false), done);
    writer.Submit("b", insert("b", true), done);    // writes, then refuses: rolled back
    writer.Submit("c", insert("a", false), done);   // a taken name: a conflict, rolled back
    writer.Submit("d", insert("d", false), done);
    std::unique_lock lock(mu);
    cv.wait(lock, [&] { return answers.size() == 4; });
  }  // the writer finishes and stops
  int ok = 0, refused = 0, conflicts = 0;
  for (const auto& a : answers) {
    if (a) ++ok;
    else if (a.error().code == ErrorCode::kConflict) ++conflicts;
    else ++refused;
  }
  EXPECT_EQ(ok, 2);
  EXPECT_EQ(refused, 1);
  EXPECT_EQ(conflicts, 1);
  auto count = db->Transact(db::TxMode::kRead, [](db::Tx& tx) { return tx.Exec(kCountKeys, {}); });
  ASSERT_TRUE(count);
  EXPECT_EQ(count->rows.at(0).Int(0), 2);  // "a" and "d"
}

INSTANTIATE_TEST_SUITE_P(Backends, StampWriterTest, testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace tadaima::service

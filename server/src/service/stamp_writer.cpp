#include "service/stamp_writer.h"
#include "base/reasons.h"

#include <algorithm>

namespace tadaima::service {
namespace {

// Prepared once per connection, unlike ExecScript's text.
constexpr db::Query kSavepoint{"stamp_savepoint", "SAVEPOINT stamp"};
constexpr db::Query kRelease{"stamp_release", "RELEASE SAVEPOINT stamp"};
constexpr db::Query kRollbackTo{"stamp_rollback", "ROLLBACK TO SAVEPOINT stamp"};

}  // namespace

StampWriter::StampWriter(db::Database& db, int writers, size_t max_batch) : db_(db), max_batch_(max_batch) {
  for (int i = 0; i < std::max(1, writers); ++i) lanes_.push_back(std::make_unique<Lane>());
  for (auto& lane : lanes_) threads_.emplace_back([this, &lane = *lane] { Loop(lane); });
}

StampWriter::~StampWriter() {
  for (auto& lane : lanes_) {
    {
      std::lock_guard lock(lane->mu);
      lane->stopping = true;
    }
    lane->cv.notify_all();
  }
  for (auto& t : threads_) t.join();
}

void StampWriter::Submit(const std::string& key, Work work, Done done) {
  Lane& lane = *lanes_[std::hash<std::string>{}(key) % lanes_.size()];
  {
    std::lock_guard lock(lane.mu);
    lane.queue.push_back({std::move(work), std::move(done)});
  }
  lane.cv.notify_one();
}

void StampWriter::Loop(Lane& lane) {
  for (;;) {
    std::deque<Job> batch;
    {
      std::unique_lock lock(lane.mu);
      lane.cv.wait(lock, [&] { return lane.stopping || !lane.queue.empty(); });
      if (lane.queue.empty()) return;  // stopping with nothing left
      while (!lane.queue.empty() && batch.size() < max_batch_) {
        batch.push_back(std::move(lane.queue.front()));
        lane.queue.pop_front();
      }
    }
    RunBatch(batch);
  }
}

void StampWriter::RunBatch(std::deque<Job>& batch) {
  std::vector<Result<StampOutcome>> results;
  results.reserve(batch.size());
  auto committed = db_.Transact(db::TxMode::kWrite, [&](db::Tx& tx) -> Status {
    results.clear();
    for (auto& job : batch) {
      TRY(tx.Exec(kSavepoint));
      auto result = job.work(tx);
      if (!result && result.error().code == ErrorCode::kUnavailable) {
        // A deadlock with another writer's batch: its locks went with the
        // rolled-back savepoint, so one more try usually goes through.
        TRY(tx.Exec(kRollbackTo));
        result = job.work(tx);
      }
      TRY(tx.Exec(result ? kRelease : kRollbackTo));
      results.push_back(std::move(result));
    }
    return {};
  });
  for (size_t i = 0; i < batch.size(); ++i) {
    if (!committed)
      batch[i].done(Fail(Error::Unavailable(reason::kStampNotRecorded)));
    else
      batch[i].done(std::move(results[i]));
  }
}

}  // namespace tadaima::service

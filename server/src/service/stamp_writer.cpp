#include "service/stamp_writer.h"

namespace tadaima::service {
namespace {

// Prepared once per connection, unlike ExecScript's text.
constexpr db::Query kSavepoint{"stamp_savepoint", "SAVEPOINT stamp"};
constexpr db::Query kRelease{"stamp_release", "RELEASE SAVEPOINT stamp"};
constexpr db::Query kRollbackTo{"stamp_rollback", "ROLLBACK TO SAVEPOINT stamp"};

}  // namespace

StampWriter::StampWriter(db::Database& db, int writers, size_t max_batch) : db_(db), max_batch_(max_batch) {
  for (int i = 0; i < writers; ++i) threads_.emplace_back([this] { Loop(); });
}

StampWriter::~StampWriter() {
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
  }
  cv_.notify_all();
  for (auto& t : threads_) t.join();
}

void StampWriter::Submit(Work work, Done done) {
  {
    std::lock_guard lock(mu_);
    queue_.push_back({std::move(work), std::move(done)});
  }
  cv_.notify_one();
}

void StampWriter::Loop() {
  for (;;) {
    std::deque<Job> batch;
    {
      std::unique_lock lock(mu_);
      cv_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
      if (queue_.empty()) return;  // stopping with nothing left
      while (!queue_.empty() && batch.size() < max_batch_) {
        batch.push_back(std::move(queue_.front()));
        queue_.pop_front();
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
      batch[i].done(Fail(Error::Unavailable("could not record the stamp; try again")));
    else
      batch[i].done(std::move(results[i]));
  }
}

}  // namespace tadaima::service

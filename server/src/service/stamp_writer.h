// StampWriter: group commit for stamps. Concurrent callers hand in their
// work; one thread runs everything waiting in ONE write transaction (each
// piece inside its own savepoint, so a refused stamp changes nothing and does
// not disturb the others), commits once, then wakes every caller. One
// durable commit thus carries many stamps.
//
// With `writers` > 1 (PostgreSQL, where write transactions run side by side)
// several threads each run batches; the work must then lock what it reads
// and changes (store::LockChild). A deadlock re-runs a whole batch.
//
// Thread-safe. Submit returns at once; `done` runs on the writer's thread once
// the work's transaction has committed (or the work failed), and must be quick.
#pragma once

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

#include "db/database.h"
#include "service/services.h"

namespace tadaima::service {

class StampWriter {
 public:
  using Work = std::function<Result<StampOutcome>(db::Tx&)>;
  using Done = std::function<void(Result<StampOutcome>)>;

  StampWriter(db::Database& db, int writers, size_t max_batch = 256);
  ~StampWriter();  // finishes what is queued, then stops

  void Submit(Work work, Done done);

 private:
  struct Job {
    Work work;
    Done done;
  };
  void Loop();
  void RunBatch(std::deque<Job>& batch);

  db::Database& db_;
  const size_t max_batch_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<Job> queue_;
  bool stopping_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace tadaima::service

// StampWriter: group commit for stamps. Concurrent callers hand in their
// work; one thread runs everything waiting in ONE write transaction (each
// piece inside its own savepoint, so a refused stamp changes nothing and does
// not disturb the others), commits once, then wakes every caller. One
// durable commit thus carries many stamps.
//
// Thread-safe. Submit blocks until the work's transaction has committed (or
// the work failed); its result is only valid once the commit succeeded.
#pragma once

#include <condition_variable>
#include <deque>
#include <functional>
#include <future>
#include <mutex>
#include <thread>

#include "db/database.h"
#include "service/services.h"

namespace tadaima::service {

class StampWriter {
 public:
  using Work = std::function<Result<StampOutcome>(db::Tx&)>;

  explicit StampWriter(db::Database& db, size_t max_batch = 256);
  ~StampWriter();  // finishes what is queued, then stops

  Result<StampOutcome> Submit(Work work);

 private:
  struct Job {
    Work work;
    std::promise<Result<StampOutcome>> done;
  };
  void Loop();
  void RunBatch(std::deque<Job>& batch);

  db::Database& db_;
  const size_t max_batch_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<Job> queue_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace tadaima::service

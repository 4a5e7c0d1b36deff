// StampWriter: group commit for stamps. Concurrent callers hand in their
// work; one thread runs everything waiting in ONE write transaction (each
// piece inside its own savepoint, so a refused stamp changes nothing and does
// not disturb the others), commits once, then wakes every caller. One
// durable commit thus carries many stamps.
//
// With `writers` > 1 (PostgreSQL, where write transactions run side by side)
// several threads each run batches from their own queue; work is dealt out by
// a key (the child or family stamped), so one child's stamps always meet in
// the same writer and concurrent batches rarely wait on each other's locks.
// The work still locks what it changes (store::LockChild).
//
// Thread-safe. Submit returns at once; `done` runs on the writer's thread once
// the work's transaction has committed (or the work failed), and must be quick.
#pragma once

#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <string>
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

  // `key` chooses the writer: work with the same key runs in submission order.
  void Submit(const std::string& key, Work work, Done done);

 private:
  struct Job {
    Work work;
    Done done;
  };
  struct Lane {
    std::mutex mu;
    std::condition_variable cv;
    std::deque<Job> queue;
    bool stopping = false;
  };
  void Loop(Lane& lane);
  void RunBatch(std::deque<Job>& batch);

  db::Database& db_;
  const size_t max_batch_;
  std::vector<std::unique_ptr<Lane>> lanes_;
  std::vector<std::thread> threads_;
};

}  // namespace tadaima::service

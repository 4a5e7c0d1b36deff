// ConnectionPool<C>: hands out at most `max` connections of type C, opening
// them lazily and reusing idle ones. Thread-safe. A connection that reports
// itself broken is dropped instead of returned.
#pragma once

#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <vector>

#include "base/error.h"

namespace tadaima::db {

template <class C>
class ConnectionPool {
 public:
  using Factory = std::function<Result<std::unique_ptr<C>>()>;
  ConnectionPool(int max, Factory factory) : max_(max), factory_(std::move(factory)) {}

  Result<std::unique_ptr<C>> Acquire() {
    std::unique_lock lock(mu_);
    cv_.wait(lock, [&] { return !idle_.empty() || open_ < max_; });
    if (!idle_.empty()) {
      auto c = std::move(idle_.back());
      idle_.pop_back();
      return c;
    }
    ++open_;
    lock.unlock();
    auto c = factory_();
    if (!c) {
      std::lock_guard relock(mu_);
      --open_;
      cv_.notify_one();
    }
    return c;
  }

  void Release(std::unique_ptr<C> c, bool broken) {
    std::lock_guard lock(mu_);
    if (broken)
      --open_;
    else
      idle_.push_back(std::move(c));
    cv_.notify_one();
  }

 private:
  std::mutex mu_;
  std::condition_variable cv_;
  std::vector<std::unique_ptr<C>> idle_;
  int open_ = 0;
  const int max_;
  Factory factory_;
};

}  // namespace tadaima::db

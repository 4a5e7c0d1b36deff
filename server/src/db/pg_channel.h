// PgChannel: one PostgreSQL LISTEN/NOTIFY channel shared by every server
// process on the database. Messages sent by any process (this one included)
// reach every process's `on_message`, in the order each sender sent them.
// Delivery is best effort: a message sent while a listener reconnects is lost.
// Thread-safe; runs two threads (one listening, one sending).
#pragma once

#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "base/error.h"

namespace tadaima::db {

class PgChannel {
 public:
  using OnMessage = std::function<void(const std::string& payload)>;
  // Connects both sides; fails when the database cannot be reached.
  static Result<std::unique_ptr<PgChannel>> Open(const std::string& url, const std::string& channel,
                                                 OnMessage on_message);
  ~PgChannel();

  // Queues `payload` (at most 7,900 bytes) for every listener.
  void Send(std::string payload);

 private:
  PgChannel(std::string url, std::string channel, OnMessage on_message);
  void Listen();
  void SendLoop();

  const std::string url_, channel_;
  OnMessage on_message_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<std::string> outbox_;
  bool stopping_ = false;
  std::thread listener_, sender_;
};

}  // namespace tadaima::db

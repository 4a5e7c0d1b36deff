// Dispatcher: the workers that deliver the outbox.
//
// Each worker claims a batch of due rows with a lease (SKIP LOCKED on
// PostgreSQL, so the workers of every server process share the rows without
// taking one twice), delivers them all at once — e-mail over SMTP, push over
// Web Push (senders.h) — and records each attempt in one
// transaction. A failed attempt waits with exponential backoff (from 1 s up
// to `retry_max_ms`, or what the service asked for) until `give_up_ms` after
// the notification was made, then the row is dead and staff see it.
//
// A crash between the send and its record is the only way a message can go
// out twice; the row's lease (longer than any send may take) keeps other
// workers off it meanwhile, and the push Topic header lets the push service
// replace an undelivered copy.
//
// Due times, leases and backoff are in the server's Clock: on a test clock
// that stands still a retry waits until the clock moves (Wake after a move).
// A worker's own deadlines (stopping slow sends, retrying the record) also end
// in real time, so a clock that stands still never makes a worker wait on it.
// Thread-safe.
#pragma once

#include <atomic>
#include <condition_variable>
#include <deque>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "base/clock.h"
#include "db/database.h"
#include "model/model.h"
#include "notify/live.h"
#include "notify/senders.h"
#include "notify/webpush.h"

namespace tadaima::notify {

struct DispatcherOptions {
  int workers = 4;
  int batch = 50;
  int connections_per_host = 16; // per worker, to one push service or mail server
  int64_t lease_ms = 30'000;     // a batch's sends are stopped at half of it
  int64_t retry_max_ms = 30'000;
  int64_t give_up_ms = 24 * 3600 * 1000;
  int64_t poll_ms = 1000;  // how often idle workers look for due rows
  SmtpOptions smtp;
  EndpointRules push_rules;
  std::string vapid_subject;  // "mailto:…" or "https://…"
  std::string public_url;     // the address families use: e-mails link to the app there
};

// What the dispatcher reports for /metrics.
struct DeliveryObserver {
  // Every attempt's result; `seconds` is commit → delivery for delivered rows, else 0.
  std::function<void(const std::string& channel, const std::string& result, double seconds)> attempt;
  std::function<void(int64_t pending)> pending;
};

// The backoff before attempt `attempts + 1` (without jitter).
int64_t BackoffMs(int attempts, int64_t max_ms);

class Dispatcher {
 public:
  Dispatcher(db::Database& db, Clock clock, DispatcherOptions options, VapidKey vapid, LiveBus* live,
             DeliveryObserver observer);
  ~Dispatcher();  // stops the workers

  void Start();
  // New rows were committed: deliver now rather than at the next poll.
  void Wake();
  // A transaction committed notifications: announces its in-app rows (written
  // delivered, see outbox.h) as live events and counts them, then wakes the workers.
  // A few (a stamp's) are announced before it returns; many (a message to a whole
  // city) by a thread of their own, so the sender does not wait for them.
  void Written(const std::vector<Notification>& inbox);
  static constexpr size_t kAnnounceAtOnce = 100;

  // How one attempt ended.
  struct Outcome {
    std::string result;  // delivered | retry | dead | cancelled
    std::string detail;
    std::optional<int64_t> retry_after_ms;
    bool subscription_gone = false;
  };

 private:
  struct Worker;
  void Loop(int index);
  // Claims and delivers one batch; returns how many rows it took.
  size_t RunBatch(Worker& w);
  // Sets `out` now, or queues the send that sets it when the worker's transfers run.
  // `device`: the subscription of a push row (null when it was removed).
  void Deliver(Worker& w, const Notification& n, const PushSubscription* device, Outcome& out);
  void DeliverEmail(Worker& w, const Notification& n, Outcome& out);
  void DeliverPush(Worker& w, const Notification& n, const PushSubscription* device, Outcome& out);
  std::string VapidHeader(const std::string& endpoint);
  void AnnounceInbox(const Notification& n);
  void AnnounceLoop();

  db::Database& db_;
  Clock clock_;
  DispatcherOptions options_;
  VapidKey vapid_;
  LiveBus* live_;
  DeliveryObserver observer_;

  std::mutex mu_;
  std::condition_variable cv_;
  uint64_t wakes_ = 0;
  bool stopping_ = false;
  std::vector<std::thread> threads_;
  std::condition_variable announce_cv_;
  std::deque<std::vector<Notification>> to_announce_;  // guarded by mu_

  std::mutex vapid_mu_;
  std::map<std::string, std::pair<std::string, int64_t>> vapid_cache_;  // origin -> header, valid until
};

}  // namespace tadaima::notify

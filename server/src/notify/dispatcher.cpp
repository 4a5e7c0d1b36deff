#include "notify/dispatcher.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <set>
#include <sodium.h>
#include <spdlog/spdlog.h>

#include "notify/email.h"
#include "notify/outbox.h"
#include "notify/templates.h"
#include "store/outbox_store.h"
#include "store/push_subscription_store.h"

namespace tadaima::notify {
namespace {

constexpr int64_t kVapidValidMs = 12 * 3600 * 1000;  // the JWT's lifetime; RFC 8292 allows up to 24 h
constexpr int64_t kPendingGaugeEveryMs = 5000;

// What staff wrote (a message, a contact thread's post, a survey, a closure,
// a course's news), not a stamp's news: it links to the app and, unless it is
// an emergency, a push of it need not wake the phone.
bool IsStaffWriting(const std::string& kind) {
  return kind != "arrival" && kind != "departure" && kind != "not_arrived";
}

// ±20 % so that rows failing together do not all come back at once.
int64_t Jitter(int64_t ms) {
  if (ms < 10) return ms;
  const int64_t spread = ms / 5;
  return ms - spread + static_cast<int64_t>(randombytes_uniform(static_cast<uint32_t>(2 * spread + 1)));
}

std::string MailDomain(const std::string& from) {
  auto at = from.rfind('@');
  return at == std::string::npos ? "tadaima" : from.substr(at + 1);
}

}  // namespace

struct Dispatcher::Worker {
  Worker(const SmtpOptions& smtp, int connections) : transfers(smtp, connections) {}
  Transfers transfers;
};

int64_t BackoffMs(int attempts, int64_t max_ms) {
  int64_t ms = 1000;
  for (int i = 1; i < attempts && ms < max_ms; ++i) ms *= 2;
  return std::min(ms, max_ms);
}

Dispatcher::Dispatcher(db::Database& db, Clock clock, DispatcherOptions options, VapidKey vapid, LiveBus* live,
                       DeliveryObserver observer)
    : db_(db),
      clock_(clock),
      options_(std::move(options)),
      vapid_(std::move(vapid)),
      live_(live),
      observer_(std::move(observer)) {
  InitCurl();
}

Dispatcher::~Dispatcher() {
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
  }
  cv_.notify_all();
  announce_cv_.notify_all();
  for (auto& t : threads_) t.join();
}

void Dispatcher::Start() {
  for (int i = 0; i < std::max(1, options_.workers); ++i) threads_.emplace_back([this, i] { Loop(i); });
  threads_.emplace_back([this] { AnnounceLoop(); });
}

void Dispatcher::Wake() {
  {
    std::lock_guard lock(mu_);
    ++wakes_;
  }
  cv_.notify_one();
}

void Dispatcher::Written(const std::vector<Notification>& inbox) {
  if (inbox.size() <= kAnnounceAtOnce) {
    for (const auto& n : inbox) {
      AnnounceInbox(n);
      if (observer_.attempt) observer_.attempt(n.channel, "delivered", 0);
    }
  } else {
    std::lock_guard lock(mu_);
    to_announce_.push_back(inbox);
  }
  Wake();
  announce_cv_.notify_one();
}

void Dispatcher::AnnounceLoop() {
  std::unique_lock lock(mu_);
  for (;;) {
    announce_cv_.wait(lock, [&] { return stopping_ || !to_announce_.empty(); });
    if (stopping_) return;  // live events are hints: the inbox has the rows
    std::vector<Notification> batch = std::move(to_announce_.front());
    to_announce_.pop_front();
    lock.unlock();
    for (const auto& n : batch) {
      AnnounceInbox(n);
      if (observer_.attempt) observer_.attempt(n.channel, "delivered", 0);
    }
    lock.lock();
  }
}

void Dispatcher::AnnounceInbox(const Notification& n) {
  if (!live_) return;
  const auto payload = nlohmann::json::parse(n.payload, nullptr, false);
  const std::string tz = payload.is_object() ? payload.value("time_zone", "Asia/Tokyo") : "Asia/Tokyo";
  live_->Publish({n.organization_id, "notification", std::nullopt, std::nullopt, n.user_id,
                  {{"notification", InboxItemJson(n, tz)}}});
}

void Dispatcher::Loop(int index) {
  Worker w(options_.smtp, options_.connections_per_host);
  // Real time, not the clock's: a test clock that stands still must not stop the gauge.
  auto next_gauge = std::chrono::steady_clock::now();
  uint64_t seen = 0;
  for (;;) {
    {
      std::lock_guard lock(mu_);
      if (stopping_) return;
      seen = wakes_;
    }
    size_t taken = RunBatch(w);
    if (index == 0 && observer_.pending && std::chrono::steady_clock::now() >= next_gauge) {
      next_gauge = std::chrono::steady_clock::now() + std::chrono::milliseconds(kPendingGaugeEveryMs);
      auto pending = db_.Transact(db::TxMode::kRead, [](db::Tx& tx) { return store::CountPendingNotifications(tx); });
      if (pending) observer_.pending(*pending);
    }
    if (taken >= static_cast<size_t>(options_.batch)) {
      cv_.notify_one();  // more is waiting: bring in another worker
      continue;
    }
    std::unique_lock lock(mu_);
    cv_.wait_for(lock, std::chrono::milliseconds(options_.poll_ms), [&] { return stopping_ || wakes_ != seen; });
    if (stopping_) return;
  }
}

size_t Dispatcher::RunBatch(Worker& w) {
  const int64_t now = clock_.NowMs();
  const int64_t lease = now + options_.lease_ms;
  // The lease in real time too: a test clock may stand still while the lease runs out for others.
  const auto lease_ends = std::chrono::steady_clock::now() + std::chrono::milliseconds(options_.lease_ms);
  // The rows, and the devices of their pushes, in one transaction.
  std::map<std::string, PushSubscription> devices;
  auto claimed = db_.Transact(db::TxMode::kWrite, [&](db::Tx& tx) -> Result<std::vector<Notification>> {
    auto rows = TRY(store::ClaimDueNotifications(tx, now, lease, options_.batch));
    std::vector<std::string> ids;
    for (const auto& n : rows)
      if (n.channel == "push") ids.push_back(n.target);
    devices.clear();
    for (auto& s : TRY(store::FindSubscriptions(tx, ids))) devices.emplace(s.id, std::move(s));
    return rows;
  });
  if (!claimed) {
    spdlog::error("notifications: cannot claim rows: {}", claimed.error().message);
    return 0;
  }
  if (claimed->empty()) return 0;
  // In the order they were made (ids grow with time): one device's or address's
  // messages go out in this order (senders.h).
  std::sort(claimed->begin(), claimed->end(), [](const Notification& a, const Notification& b) { return a.id < b.id; });

  std::vector<std::pair<const Notification*, Outcome>> outcomes;
  for (const auto& n : *claimed) outcomes.emplace_back(&n, Outcome{});
  for (auto& [n, out] : outcomes) {
    auto device = devices.find(n->target);
    Deliver(w, *n, device == devices.end() ? nullptr : &device->second, out);
  }
  // Sends still running at half the lease are stopped (and retried), so the
  // results are recorded while the rows are still ours.
  w.transfers.Run(lease_ends - std::chrono::milliseconds(options_.lease_ms / 2));

  const int64_t done_at = clock_.NowMs();
  // How each attempt ends: final, or pending again after a backoff (dead past the give-up time).
  std::vector<store::AttemptEnd> ends;
  for (auto& [n, o] : outcomes) {
    store::AttemptEnd end{n->id, lease, "pending", n->next_attempt_at, o.result, o.detail};
    if (o.result == "delivered" || o.result == "dead" || o.result == "cancelled") {
      end.status = o.result;
    } else {
      const int64_t since = n->retried_at.value_or(n->created_at);
      int64_t wait = Jitter(BackoffMs(n->attempts, options_.retry_max_ms));
      if (o.retry_after_ms) wait = std::max(wait, *o.retry_after_ms);
      if (done_at + wait - since > options_.give_up_ms) {
        end.status = "dead";
        end.result = "dead";
        end.detail = "gave up after " + std::to_string(n->attempts) + " attempts: " + o.detail;
      } else {
        end.next_attempt_at = done_at + wait;
      }
    }
    o.result = end.result;
    ends.push_back(std::move(end));
  }
  std::set<std::string> ours;
  auto record = [&] {
    return db_.Transact(db::TxMode::kWrite, [&](db::Tx& tx) -> Status {
      ours = TRY(store::FinishAttempts(tx, ends, done_at));
      for (const auto& [n, o] : outcomes)
        if (o.subscription_gone && ours.count(n->id))
          TRY_STATUS(store::DeleteSubscription(tx, n->target, o.detail, done_at));
      return {};
    });
  };
  // What was sent must be recorded before the lease ends, or another worker sends it again:
  // keep trying (the database may be busy for a moment).
  auto recorded = record();
  auto lease_left = [&] {
    return clock_.NowMs() < lease - 1000 && std::chrono::steady_clock::now() < lease_ends - std::chrono::seconds(1);
  };
  for (int tries = 1; !recorded && lease_left(); ++tries) {
    spdlog::warn("notifications: cannot record attempts yet ({}), try {}", recorded.error().message, tries);
    std::this_thread::sleep_for(std::chrono::milliseconds(std::min(50 * tries, 1000)));
    recorded = record();
  }
  if (!recorded) {
    // The rows stay leased; they come back when the lease ends.
    spdlog::error("notifications: cannot record attempts: {}", recorded.error().message);
    return claimed->size();
  }
  std::vector<const Notification*> delivered;
  for (const auto& [n, o] : outcomes) {
    if (!ours.count(n->id)) spdlog::warn("notification {}: lease lost before its attempt was recorded", n->id);
    else if (o.result == "delivered") delivered.push_back(n);
    if (o.result == "delivered") continue;
    if (observer_.attempt) observer_.attempt(n->channel, o.result, 0);
    if (o.result != "retry") spdlog::warn("notification {} ({}) {}: {}", n->id, n->channel, o.result, o.detail);
  }
  for (const Notification* n : delivered) {
    if (observer_.attempt) observer_.attempt(n->channel, "delivered", static_cast<double>(done_at - n->created_at) / 1000);
    if (n->channel == "inapp") AnnounceInbox(*n);  // one written pending by an earlier version
  }
  return claimed->size();
}

namespace {

// Filled in when the send ends.
Transfers::Done Into(Dispatcher::Outcome& out) {
  return [&out](SendResult r) {
    switch (r.kind) {
      case SendResult::Kind::kDelivered: out = {"delivered", r.detail, {}}; break;
      case SendResult::Kind::kGone:
        out = {"cancelled", "the push service no longer knows this device (" + r.detail + ")", {}, true};
        break;
      case SendResult::Kind::kFailed: out = {"dead", r.detail, {}}; break;
      default: out = {"retry", r.detail, r.retry_after_ms};
    }
  };
}

}  // namespace

void Dispatcher::Deliver(Worker& w, const Notification& n, const PushSubscription* device, Outcome& out) {
  if (n.channel == "inapp") out = {"delivered", "in the inbox", {}};  // an earlier version's pending row
  else if (n.channel == "email") DeliverEmail(w, n, out);
  else if (n.channel == "push") DeliverPush(w, n, device, out);
  else out = {"dead", "unknown channel " + n.channel, {}};
}

void Dispatcher::DeliverEmail(Worker& w, const Notification& n, Outcome& out) {
  if (options_.smtp.url.empty()) {
    out = {"cancelled", "no mail server is configured (TADAIMA_SMTP_URL)", {}};
    return;
  }
  auto payload = nlohmann::json::parse(n.payload);
  MailMessage m;
  m.from = options_.smtp.from;
  m.to = n.target;
  m.subject = payload.value("title", "");
  const std::string language = payload.value("language", "ja");
  m.body = payload.value("body", "") + "\n\n";
  if (IsStaffWriting(n.kind)) {
    const std::string link = payload.value("link", "");
    m.body += MessageEmailTail(language, payload.value("attachments", std::vector<std::string>{}),
                               options_.public_url.empty() || link.empty() ? "" : options_.public_url + link);
  }
  m.body += EmailFooter(language) + "\n";
  m.message_id = n.id + "@" + MailDomain(options_.smtp.from);
  m.date_ms = clock_.NowMs();
  m.time_zone = payload.value("time_zone", "UTC");
  w.transfers.AddMail(n.target, BuildMime(m), Into(out));
}

std::string Dispatcher::VapidHeader(const std::string& endpoint) {
  const auto origin = EndpointOrigin(endpoint).value_or("");
  const int64_t now = clock_.NowMs();
  std::lock_guard lock(vapid_mu_);
  auto it = vapid_cache_.find(origin);
  if (it != vapid_cache_.end() && it->second.second > now + 60'000) return it->second.first;
  const int64_t until = now + kVapidValidMs;
  auto header = VapidAuthorization(vapid_, endpoint, options_.vapid_subject, until / 1000);
  if (!header) return "";
  vapid_cache_[origin] = {*header, until};
  return *header;
}

void Dispatcher::DeliverPush(Worker& w, const Notification& n, const PushSubscription* sub, Outcome& out) {
  if (!sub) {
    out = {"cancelled", "the device's subscription was removed", {}};
    return;
  }
  if (auto allowed = CheckEndpoint(options_.push_rules, sub->endpoint); !allowed) {
    out = {"dead", "endpoint not allowed: " + allowed.error().message, {}};
    return;
  }
  nlohmann::json message = nlohmann::json::parse(n.payload);
  message["id"] = n.id;
  message["url"] = message.value("link", "/app/");
  message.erase("language");
  message.erase("time_zone");
  auto body = EncryptPayload(sub->p256dh, sub->auth, message.dump());
  if (!body) {
    out = {"dead", body.error().message, {}};
    return;
  }
  const std::string authorization = VapidHeader(sub->endpoint);
  if (authorization.empty()) {
    out = {"retry", "cannot sign the VAPID token", {}};
    return;
  }
  std::vector<std::string> headers{"Authorization: " + authorization,
                                   "Content-Encoding: aes128gcm",
                                   "Content-Type: application/octet-stream",
                                   "TTL: 86400",
                                   std::string("Urgency: ") + (IsStaffWriting(n.kind) && !n.urgent ? "normal" : "high"),
                                   "Topic: " + n.id};
  w.transfers.AddPush(sub->id, sub->endpoint, std::move(headers), std::move(*body), Into(out));
}

}  // namespace tadaima::notify

// Live events: what signed-in pages learn the moment it happens (a child
// arrived, a roster changed, a new inbox item), sent as Server-Sent Events.
//
// Producers publish an event after their transaction committed; the LiveHub
// hands it to every listener of this process allowed to see it. With
// PostgreSQL the bus carries events through NOTIFY to every server process
// (db/pg_channel.h, wired in app/server_app.cpp), each of which feeds its own hub. Live events are hints to
// refresh: the database stays the record, so one lost in a crash costs
// nothing but a refresh. Thread-safe.
#pragma once

#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace tadaima::notify {

struct LiveEvent {
  std::string organization_id;
  std::string type;  // stamp | roster | notification | plan
  std::optional<std::string> facility_id;  // staff of this facility see it
  std::optional<std::string> family_id;    // guardians of this family see it
  std::optional<std::string> user_id;      // only this user sees it
  nlohmann::json data;                     // the event's body (gets "type")

  std::string Encode() const;
  static std::optional<LiveEvent> Decode(const std::string& text);
};

// Who a listener is.
struct Audience {
  std::string organization_id;
  std::string user_id;
  bool staff = false;
  bool all_facilities = false;  // org_admin
  std::vector<std::string> facility_ids;
  std::optional<std::string> family_id;
};
bool Sees(const Audience& who, const LiveEvent& e);

// One listener's queue of SSE text.
class Listener {
 public:
  explicit Listener(Audience audience) : audience_(std::move(audience)) {}
  const Audience& audience() const { return audience_; }
  // `wake` is called (from any thread) whenever text arrives.
  void OnReady(std::function<void()> wake);
  // The text queued so far ("" when none).
  std::string Take();
  void Push(const std::string& text);

 private:
  Audience audience_;
  std::mutex mu_;
  std::string pending_;
  std::function<void()> wake_;
  bool dropping_ = false;  // warned that this listener stopped reading
};

class LiveHub {
 public:
  std::shared_ptr<Listener> Listen(Audience audience);
  // Delivers to the listeners of this process.
  void Deliver(const LiveEvent& e);
  size_t listeners();

 private:
  std::mutex mu_;
  std::vector<std::weak_ptr<Listener>> listeners_;
};

// Where producers publish: to this process's hub, or to every process's.
class LiveBus {
 public:
  virtual ~LiveBus() = default;
  virtual void Publish(const LiveEvent& e) = 0;
};

class LocalBus : public LiveBus {
 public:
  explicit LocalBus(LiveHub& hub) : hub_(hub) {}
  void Publish(const LiveEvent& e) override { hub_.Deliver(e); }

 private:
  LiveHub& hub_;
};

// Publishes through `send` (a PostgreSQL channel): every process's hub gets the
// event back from the channel, this one's included.
class RelayBus : public LiveBus {
 public:
  explicit RelayBus(std::function<void(std::string)> send) : send_(std::move(send)) {}
  void Publish(const LiveEvent& e) override { send_(e.Encode()); }

 private:
  std::function<void(std::string)> send_;
};

}  // namespace tadaima::notify

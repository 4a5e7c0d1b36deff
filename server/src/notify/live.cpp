#include "notify/live.h"

#include <algorithm>
#include <atomic>

#include <spdlog/spdlog.h>

#include "base/ids.h"

namespace tadaima::notify {
namespace {

// A listener that stops reading keeps at most this much text queued; older events are dropped.
constexpr size_t kMaxPending = 256 * 1024;

}  // namespace

std::string LiveEvent::Encode() const {
  // A serial number: PostgreSQL folds identical payloads sent in one transaction into one,
  // and two events may say the same ("the roster of this day changed") yet both count.
  static const std::string process = RandomToken(6);
  static std::atomic<uint64_t> serial{0};
  nlohmann::json j{{"o", organization_id}, {"t", type}, {"d", data}, {"n", process + std::to_string(++serial)}};
  if (facility_id) j["f"] = *facility_id;
  if (family_id) j["m"] = *family_id;
  if (user_id) j["u"] = *user_id;
  return j.dump();
}

std::optional<LiveEvent> LiveEvent::Decode(const std::string& text) {
  auto j = nlohmann::json::parse(text, nullptr, false);
  if (!j.is_object() || !j.contains("o") || !j.contains("t") || !j.contains("d")) return std::nullopt;
  LiveEvent e;
  e.organization_id = j["o"].get<std::string>();
  e.type = j["t"].get<std::string>();
  e.data = j["d"];
  if (j.contains("f")) e.facility_id = j["f"].get<std::string>();
  if (j.contains("m")) e.family_id = j["m"].get<std::string>();
  if (j.contains("u")) e.user_id = j["u"].get<std::string>();
  return e;
}

bool Sees(const Audience& who, const LiveEvent& e) {
  if (who.organization_id != e.organization_id) return false;
  if (e.user_id) return *e.user_id == who.user_id;
  if (who.staff) {
    if (!e.facility_id) return false;
    return who.all_facilities ||
           std::find(who.facility_ids.begin(), who.facility_ids.end(), *e.facility_id) != who.facility_ids.end();
  }
  return e.family_id && who.family_id && *e.family_id == *who.family_id;
}

void Listener::OnReady(std::function<void()> wake) {
  std::lock_guard lock(mu_);
  wake_ = std::move(wake);
}

std::string Listener::Take() {
  std::lock_guard lock(mu_);
  return std::exchange(pending_, {});
}

void Listener::Push(const std::string& text) {
  std::function<void()> wake;
  {
    std::lock_guard lock(mu_);
    if (pending_.size() + text.size() > kMaxPending) {
      if (!dropping_) spdlog::warn("live events: a listener of user {} stopped reading; its events are dropped", audience_.user_id);
      dropping_ = true;
      return;
    }
    dropping_ = false;
    pending_ += text;
    wake = wake_;
  }
  if (wake) wake();
}

std::shared_ptr<Listener> LiveHub::Listen(Audience audience) {
  auto l = std::make_shared<Listener>(std::move(audience));
  std::lock_guard lock(mu_);
  std::erase_if(listeners_, [](const auto& w) { return w.expired(); });
  listeners_.push_back(l);
  return l;
}

void LiveHub::Deliver(const LiveEvent& e) {
  nlohmann::json data = e.data;
  data["type"] = e.type;
  const std::string text = "event: " + e.type + "\ndata: " + data.dump() + "\n\n";
  std::vector<std::shared_ptr<Listener>> targets;
  {
    std::lock_guard lock(mu_);
    for (const auto& w : listeners_)
      if (auto l = w.lock(); l && Sees(l->audience(), e)) targets.push_back(std::move(l));
  }
  for (const auto& l : targets) l->Push(text);
}

size_t LiveHub::listeners() {
  std::lock_guard lock(mu_);
  std::erase_if(listeners_, [](const auto& w) { return w.expired(); });
  return listeners_.size();
}

}  // namespace tadaima::notify

// What every area service shares: the database, the clock, the settings, and
// the hooks through which a committed change reaches the rest of the process
// (live events, the notification workers). Built once by the wiring
// (app/server_app.cpp) and outliving every service. Thread-safe: read-only
// after construction.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "base/clock.h"
#include "base/secret_box.h"
#include "base/time.h"
#include "db/database.h"
#include "model/model.h"
#include "notify/live.h"
#include "notify/webpush.h"

namespace tadaima::service {

using db::TxMode;

struct Settings {
  std::vector<std::string> push_allowed_hosts = notify::DefaultPushHosts();  // push services we may call
  int login_max_failures = 5;          // per login within the window
  int login_max_failures_per_ip = 50;  // per address within the window
  int64_t login_window_ms = 15 * 60 * 1000;
  int registrations_per_hour = 20;  // public pre-registration forms per address
  int64_t session_ms = 30LL * 24 * 3600 * 1000;
  int pg_stamp_writers = 4;  // stamp-writer threads on PostgreSQL (SQLite: always one)
  // A message to more families than this is sent at once and its outbox rows are
  // written afterwards, this many families per transaction (Messages::FanOut).
  int message_batch_families = 500;
  // Where uploaded attachments are kept as files (store/attachment_files.h); empty: in the database.
  std::string attachment_dir;
  // The keys of consultation records (base/secret_box.h): the first seals, every one opens; empty: none kept.
  std::vector<SealKey> consultation_keys;
};

// How services reach the rest of the process after a commit.
struct Hooks {
  std::function<void(const notify::LiveEvent&)> publish;  // live events (SSE)
  // After a commit that wrote notifications: announces the in-app rows, wakes the workers.
  std::function<void(const std::vector<Notification>& inbox)> outbox_written;
  notify::LiveHub* hub = nullptr;  // this process's live listeners
  // After a commit that left a message's outbox rows to write: Messages::FanOut, off the request.
  std::function<void()> fan_out;
};

// PATCH fields: nullopt = leave as is. Nullable fields nest an optional
// (an inner nullopt clears the value).
template <class T>
using Patch = std::optional<T>;

class Context {
 public:
  Context(db::Database& db, Clock clock, Settings settings, Hooks hooks)
      : db(db), clock(std::move(clock)), settings(std::move(settings)), hooks(std::move(hooks)) {}

  db::Database& db;
  const Clock clock;
  const Settings settings;
  const Hooks hooks;

  // The organization's today for `actor`.
  CivilDate Today(const Actor& actor) const;

  // After a commit that wrote notifications: the in-app rows to the live
  // listeners, and the delivery workers woken (hooks.outbox_written).
  void AnnounceInbox(const std::vector<Notification>& inbox) const;

  // Live events; call only after the change committed.
  void Publish(const notify::LiveEvent& e) const;
  // `roster` to the facility's staff: its roster of `date` changed.
  void AnnounceRoster(const std::string& organization_id, const std::string& facility_id,
                      const CivilDate& date) const;
  // The same for the facility's day of the instant `at` in `time_zone`.
  void AnnounceVisitChange(const std::string& organization_id, const std::string& facility_id,
                           const std::string& time_zone, int64_t at) const;
  // `plan` to the family's guardians and the facility's staff, and `roster`.
  void AnnouncePlanChange(const std::string& organization_id, const std::string& facility_id,
                          const std::string& family_id, const std::string& child_id, const CivilDate& date) const;
};

// Whether `e` is a unique index on a client_id refusing an insert.
bool IsClientIdRace(const Error& e);

// The base of every area service: the shared context under short names.
class AreaService {
 protected:
  explicit AreaService(Context& ctx) : ctx_(ctx), db_(ctx.db), clock_(ctx.clock), settings_(ctx.settings) {}

  // A write transaction of a request that carries a client_id: when another
  // request with the same client_id committed meanwhile (its insert met the
  // unique index; PostgreSQL — SQLite has one writer), runs `body` once more,
  // which then finds and answers the first result.
  template <class F>
  auto WriteOnce(const std::optional<std::string>& client_id, F&& body) {
    auto out = db_.Transact(TxMode::kWrite, body);
    if (!out && client_id && IsClientIdRace(out.error())) out = db_.Transact(TxMode::kWrite, body);
    return out;
  }

  Context& ctx_;
  db::Database& db_;
  const Clock& clock_;
  const Settings& settings_;
};

}  // namespace tadaima::service

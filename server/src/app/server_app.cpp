#include "app/server_app.h"

#include <spdlog/spdlog.h>

#include <chrono>
#include <filesystem>

#include "api/api.h"
#include "app/jobs.h"
#include "base/ids.h"
#include "base/password.h"
#include "base/secret_box.h"
#include "db/pg_channel.h"
#include "notify/dispatcher.h"
#include "rules/messages.h"
#include "http/metrics.h"
#include "http/router.h"
#include "http/server.h"
#include "http/static_files.h"
#include "store/attachment_files.h"

namespace tadaima::app {

namespace {

bool IsLoopbackHost(const std::string& host) {
  return host == "localhost" || host == "::1" || host == "[::1]" || host.rfind("127.", 0) == 0;
}

// The test clock lets anyone who reaches the server move its time, and the
// test password cost makes stolen hashes cheap to guess: only where nothing but
// this machine can reach the server. `setting` names the one asked for.
Status CheckTestOnly(const Config& config, const std::string& setting) {
  auto [host, port] = TRY(ParseListen(config.listen));
  std::string url_host;  // of public_url: "127.0.0.1", "localhost", "[::1]"
  const std::string& url = config.public_url;
  const std::string scheme = "http://";
  if (!url.empty()) {
    if (url.rfind(scheme, 0) != 0) url_host = "(not http)";
    else if (url.compare(scheme.size(), 1, "[") == 0) url_host = url.substr(scheme.size(), url.find(']') + 1 - scheme.size());
    else url_host = url.substr(scheme.size(), url.find_first_of(":/", scheme.size()) - scheme.size());
  }
  if (!IsLoopbackHost(host) || (!config.public_url.empty() && !IsLoopbackHost(url_host)))
    return Fail(Error::InvalidArgument(
        setting + " is for tests: it needs a loopback listen address (127.0.0.1:PORT) and a public_url that "
        "is empty or http:// on a loopback host; this configuration looks like production (listen " +
        config.listen + (config.public_url.empty() ? "" : ", public_url " + config.public_url) + ")"));
  return {};
}

// "https://host[:port]" of a URL ("" for "").
std::string OriginOf(const std::string& url) {
  const size_t scheme_end = url.find("://");
  if (scheme_end == std::string::npos) return "";
  return url.substr(0, url.find('/', scheme_end + 3));
}

}  // namespace

Status ApplyPasswordCost(const Config& config) {
  if (!config.test_password_cost) return {};
  TRY_STATUS(CheckTestOnly(config, "TADAIMA_TEST_PASSWORD_COST"));
  SetPasswordCost(PasswordCost::kMinimum);
  return {};
}

Result<Clock> MakeClock(const Config& config) {
  std::optional<int64_t> start;
  if (config.clock_start && !(start = ParseInstant(*config.clock_start)))
    return Fail(Error::InvalidArgument("TADAIMA_CLOCK_START must be an RFC 3339 time"));
  if (config.test_clock) {
    TRY_STATUS(CheckTestOnly(config, "TADAIMA_TEST_CLOCK"));
    return Clock::Frozen(start.value_or(Clock::SystemMs()));
  }
  return start ? Clock::StartingAt(*start) : Clock();
}

std::vector<std::string> SplitList(const std::string& text) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= text.size()) {
    size_t comma = text.find(',', start);
    std::string item = text.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    item.erase(0, item.find_first_not_of(' '));
    item.erase(item.find_last_not_of(' ') + 1);
    if (!item.empty()) out.push_back(item);
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return out;
}

Result<service::Settings> MakeSettings(const Config& config) {
  service::Settings s;
  s.consultation_keys = TRY(ParseSealKeys(config.consultation_keys));
  s.login_max_failures = config.login_max_failures;
  s.registrations_per_hour = config.registrations_per_hour;
  s.message_batch_families = config.message_batch_families;
  s.attachment_dir = config.attachment_dir;
  if (auto hosts = SplitList(config.push_allowed_hosts); !hosts.empty()) s.push_allowed_hosts = hosts;
  return s;
}

notify::DispatcherOptions MakeDispatcherOptions(const Config& config) {
  notify::DispatcherOptions o;
  o.workers = config.notify_workers;
  o.retry_max_ms = int64_t{config.notify_retry_max_seconds} * 1000;
  o.give_up_ms = int64_t{config.notify_give_up_seconds} * 1000;
  o.smtp = {config.smtp_url, config.mail_from, config.smtp_starttls, config.smtp_user, config.smtp_password};
  const auto hosts = SplitList(config.push_allowed_hosts);
  o.push_rules.allowed_hosts = hosts.empty() ? notify::DefaultPushHosts() : hosts;
  o.vapid_subject = config.vapid_subject.empty() ? "mailto:" + config.mail_from : config.vapid_subject;
  o.public_url = config.public_url;
  while (!o.public_url.empty() && o.public_url.back() == '/') o.public_url.pop_back();
  return o;
}

std::string FindWebRoot(const Config& config) {
  if (!config.web_root.empty()) return config.web_root;
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  for (const fs::path& candidate : {exe.parent_path().parent_path() / "web" / "dist", fs::current_path() / "web" / "dist"})
    if (fs::is_directory(candidate, ec)) return candidate.string();
  return (fs::current_path() / "web" / "dist").string();
}

std::vector<std::string> RouteList() {
  http::Router router;
  // Route handlers are not called here. Every route the binary can serve, the test-only ones too.
  api::TestClockControl test_clock{Clock::Frozen(0), nullptr};
  api::ApiContext ctx{nullptr, nullptr, false, &test_clock};
  api::RegisterRoutes(router, ctx);
  return router.Describe();
}

Status Serve(const Config& config, db::Database& db, const std::function<void(const std::string&)>& on_ready) {
  auto [host, port] = TRY(ParseListen(config.listen));
  Clock clock = TRY(MakeClock(config));
  http::Metrics metrics;
  db.SetQueryObserver([&metrics](const char* name, double s) { metrics.ObserveQuery(name, s); });
  // Live events: this process's listeners; with PostgreSQL every process's, through NOTIFY.
  notify::LiveHub hub;
  std::unique_ptr<notify::LiveBus> bus;
  std::unique_ptr<db::PgChannel> channel;
  if (db.dialect() == db::Dialect::kPostgres) {
    channel = TRY(db::PgChannel::Open(config.db, "tadaima_live", [&hub](const std::string& payload) {
      if (auto e = notify::LiveEvent::Decode(payload)) hub.Deliver(*e);
    }));
    bus = std::make_unique<notify::RelayBus>([&channel](std::string payload) { channel->Send(std::move(payload)); });
  } else {
    bus = std::make_unique<notify::LocalBus>(hub);
  }
  std::unique_ptr<notify::Dispatcher> dispatcher;
  BackgroundJobs* background = nullptr;
  service::Hooks hooks{[&bus](const notify::LiveEvent& e) { bus->Publish(e); },
                       [&dispatcher](const std::vector<Notification>& inbox) {
                         if (dispatcher) dispatcher->Written(inbox);
                       },
                       &hub,
                       [&background] {
                         if (background) background->KickFanOut();
                       }};
  if (!config.attachment_dir.empty()) TRY_STATUS(store::PrepareAttachmentDir(config.attachment_dir));
  service::Settings settings = TRY(MakeSettings(config));
  if (settings.consultation_keys.empty())
    spdlog::warn("no TADAIMA_CONSULTATION_KEYS: consultation records cannot be kept");
  service::Services services(db, clock, std::move(settings), hooks);
  auto vapid = TRY(services.notifications.VapidKey());
  dispatcher = std::make_unique<notify::Dispatcher>(
      db, clock, MakeDispatcherOptions(config), vapid, bus.get(),
      notify::DeliveryObserver{[&metrics](const std::string& channel, const std::string& result, double seconds) {
                                 metrics.ObserveDelivery(channel, result, seconds);
                               },
                               [&metrics, &hub](int64_t pending) {
                                 metrics.SetPendingNotifications(pending);
                                 metrics.SetLiveListeners(static_cast<int64_t>(hub.listeners()));
                               }});
  dispatcher->Start();
  // The jobs that depend on the time; on a test clock they run after each move instead of on a timer.
  BackgroundJobs jobs(services, std::chrono::seconds(config.job_interval_seconds), MakeDispatcherOptions(config).smtp);
  background = &jobs;
  api::TestClockControl test_clock{clock, [&] {
                                     jobs.RunNow();
                                     dispatcher->Wake();
                                   }};
  api::ApiContext ctx{&services, &metrics, config.public_url.rfind("https://", 0) == 0,
                      clock.frozen() ? &test_clock : nullptr, OriginOf(config.public_url)};
  http::Router router;
  api::RegisterRoutes(router, ctx);
  http::StaticFiles static_files(FindWebRoot(config));

  // Every answer, now or later, leaves through `finish`: request id, metrics, access log.
  auto finish = [&metrics](http::Request& req, http::Response& res, std::chrono::steady_clock::time_point start) {
    res.headers.emplace_back("X-Request-Id", req.request_id);
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    metrics.ObserveRequest(req.method, req.route, res.status, seconds);
    spdlog::info("{} {} {} {} {:.1f}ms {}", req.request_id, req.method, req.path, res.status, seconds * 1000,
                 req.remote_ip);
  };
  auto guarded = [](http::Request& req, const std::function<http::Response()>& make) {
    try {
      return make();
    } catch (const std::exception& e) {
      spdlog::error("request {} {} {} failed: {}", req.request_id, req.method, req.path, e.what());
      return http::Response::FromError(Error::Internal("internal error"));
    }
  };
  auto handle = [&](http::Request& req, const http::Later& later) -> std::optional<http::Response> {
    const auto start = std::chrono::steady_clock::now();
    req.request_id = req.Header("x-request-id");
    if (req.request_id.empty() || req.request_id.size() > 64) req.request_id = RandomToken(9);
    http::Later finishing = [&req, &finish, &guarded, later, start](std::function<http::Response()> make) {
      later([&req, &finish, &guarded, start, make = std::move(make)] {
        http::Response res = guarded(req, make);
        finish(req, res, start);
        return res;
      });
    };
    bool answered_later = false;
    http::Response res = guarded(req, [&] {
      http::Response out;
      switch (router.Dispatch(req, finishing, out)) {
        case http::Router::Outcome::kAnswered: return out;
        case http::Router::Outcome::kLater: answered_later = true; return out;
        case http::Router::Outcome::kNoRoute: break;
      }
      req.route = "static";
      if (req.path == "/") {
        out.status = 302;
        out.content_type.clear();
        out.headers.emplace_back("Location", "/admin/");
      } else if (auto file = (req.method == "GET" || req.method == "HEAD") ? static_files.Serve(req.path) : std::nullopt) {
        out = std::move(*file);
      } else {
        req.route = "unmatched";
        out = http::Response::FromError(Error::NotFound("no such path: " + req.path));
      }
      return out;
    });
    if (answered_later) return std::nullopt;
    finish(req, res, start);
    return res;
  };

  http::HttpServer server({host, port, config.threads, config.body_limit, config.max_connections,
                           std::chrono::seconds(30), "/api/v1/attachments", kAttachmentMaxBytes + 1},
                          handle);
  uint16_t bound = TRY(server.Listen());

  jobs.Start();
  if (clock.frozen())
    spdlog::warn("test clock at {}: it moves only through POST /api/v1/test/clock", FormatInstant(clock.NowMs(), "UTC"));
  std::string url = "http://" + host + ":" + std::to_string(bound);
  spdlog::info("web front ends from {}", static_files.root());
  on_ready(url);
  server.Run();
  // The handlers are done; the jobs may still write notifications for the workers: stop them first.
  jobs.Stop();
  background = nullptr;
  dispatcher.reset();
  spdlog::info("stopped");
  return {};
}

}  // namespace tadaima::app

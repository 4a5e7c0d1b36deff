#include "db/pg_channel.h"

#include <libpq-fe.h>
#include <poll.h>
#include <spdlog/spdlog.h>

#include <nlohmann/json.hpp>

namespace tadaima::db {
namespace {

constexpr size_t kMaxPayload = 7900;  // PostgreSQL's limit is 8,000 bytes
constexpr size_t kMaxBatch = 200;

using Conn = std::unique_ptr<PGconn, decltype(&PQfinish)>;

Conn Connect(const std::string& url) {
  Conn c(PQconnectdb(url.c_str()), PQfinish);
  if (PQstatus(c.get()) != CONNECTION_OK) {
    spdlog::warn("live events: cannot connect to PostgreSQL: {}", PQerrorMessage(c.get()));
    return Conn(nullptr, PQfinish);
  }
  return c;
}

bool Run(PGconn* c, const std::string& sql) {
  PGresult* r = PQexec(c, sql.c_str());
  bool ok = PQresultStatus(r) == PGRES_COMMAND_OK || PQresultStatus(r) == PGRES_TUPLES_OK;
  if (!ok) spdlog::warn("live events: {}", PQresultErrorMessage(r));
  PQclear(r);
  return ok;
}

}  // namespace

Result<std::unique_ptr<PgChannel>> PgChannel::Open(const std::string& url, const std::string& channel,
                                                   OnMessage on_message) {
  if (!Connect(url)) return Fail(Error::Unavailable("cannot connect to PostgreSQL for live events"));
  std::unique_ptr<PgChannel> ch(new PgChannel(url, channel, std::move(on_message)));
  ch->listener_ = std::thread([c = ch.get()] { c->Listen(); });
  ch->sender_ = std::thread([c = ch.get()] { c->SendLoop(); });
  return ch;
}

PgChannel::PgChannel(std::string url, std::string channel, OnMessage on_message)
    : url_(std::move(url)), channel_(std::move(channel)), on_message_(std::move(on_message)) {}

PgChannel::~PgChannel() {
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
  }
  cv_.notify_all();
  if (listener_.joinable()) listener_.join();
  if (sender_.joinable()) sender_.join();
}

void PgChannel::Send(std::string payload) {
  if (payload.size() > kMaxPayload) {
    spdlog::warn("live events: a message of {} bytes is too long to send", payload.size());
    return;
  }
  {
    std::lock_guard lock(mu_);
    outbox_.push_back(std::move(payload));
  }
  cv_.notify_one();
}

void PgChannel::Listen() {
  Conn conn(nullptr, PQfinish);
  for (;;) {
    {
      std::lock_guard lock(mu_);
      if (stopping_) return;
    }
    if (!conn || PQstatus(conn.get()) != CONNECTION_OK) {
      conn = Connect(url_);
      if (!conn || !Run(conn.get(), "LISTEN \"" + channel_ + "\"")) {
        conn.reset();
        std::this_thread::sleep_for(std::chrono::seconds(1));
        continue;
      }
    }
    pollfd fd{PQsocket(conn.get()), POLLIN, 0};
    if (poll(&fd, 1, 500) < 0) continue;
    if (PQconsumeInput(conn.get()) != 1) {
      spdlog::warn("live events: listener lost its connection: {}", PQerrorMessage(conn.get()));
      conn.reset();
      continue;
    }
    while (PGnotify* n = PQnotifies(conn.get())) {
      std::string payload = n->extra;
      PQfreemem(n);
      on_message_(payload);
    }
  }
}

void PgChannel::SendLoop() {
  Conn conn(nullptr, PQfinish);
  for (;;) {
    std::vector<std::string> batch;
    {
      std::unique_lock lock(mu_);
      cv_.wait(lock, [&] { return stopping_ || !outbox_.empty(); });
      if (stopping_ && outbox_.empty()) return;
      while (!outbox_.empty() && batch.size() < kMaxBatch) {
        batch.push_back(std::move(outbox_.front()));
        outbox_.pop_front();
      }
    }
    if (!conn || PQstatus(conn.get()) != CONNECTION_OK) conn = Connect(url_);
    if (!conn) {
      spdlog::warn("live events: {} message(s) dropped, PostgreSQL unreachable", batch.size());
      std::this_thread::sleep_for(std::chrono::milliseconds(200));
      continue;
    }
    // One round trip for the batch: NOTIFY once per element of a JSON array.
    const std::string array = nlohmann::json(batch).dump();
    const char* values[] = {channel_.c_str(), array.c_str()};
    PGresult* r = PQexecParams(conn.get(), "SELECT pg_notify($1, value) FROM json_array_elements_text($2::json)", 2,
                               nullptr, values, nullptr, nullptr, 0);
    if (PQresultStatus(r) != PGRES_TUPLES_OK) {
      spdlog::warn("live events: NOTIFY failed: {}", PQresultErrorMessage(r));
      conn.reset();
    }
    PQclear(r);
  }
}

}  // namespace tadaima::db

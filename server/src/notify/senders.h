// The channels' transports over libcurl: SMTP for e-mail, HTTP POSTs for Web
// Push, many at once. A worker adds a batch's messages and runs them together,
// so a distant service costs the batch about one message's round trips rather
// than one per message: pushes share one curl multi handle (HTTP/2 streams
// share a connection where the push service speaks it), mails go over up to
// `connections_per_host` connections, a thread each. Connections stay open
// between batches. Messages to the same device or address go one after the
// other, in the order added, so an arrival is never shown after its departure.
// One Transfers per worker thread (not thread-safe).
#pragma once

#include <chrono>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace tadaima::notify {

struct SendResult {
  enum class Kind {
    kDelivered,
    kRetry,   // try again later (connection failed, 4xx from SMTP, 429/5xx from a push service)
    kFailed,  // permanently refused: give up now
    kGone,    // the push subscription no longer exists (404/410)
  };
  Kind kind = Kind::kRetry;
  std::string detail;
  std::optional<int64_t> retry_after_ms;  // what the service asked for
};

struct SmtpOptions {
  std::string url;  // smtp://host:port or smtps://…; empty: no e-mail
  std::string from;
  bool starttls = false;  // require STARTTLS
  std::string user, password;
};

class Transfers {
 public:
  using Done = std::function<void(SendResult)>;

  // `connections_per_host`: how many connections one worker may open to one
  // service (host and port) at a time.
  Transfers(SmtpOptions smtp, int connections_per_host);
  ~Transfers();
  Transfers(const Transfers&) = delete;
  Transfers& operator=(const Transfers&) = delete;

  // Queues `mime` (BuildMime's text) for one recipient.
  void AddMail(const std::string& to, std::string mime, Done done);
  // Queues a POST of `body` with `headers` ("Name: value") to a push endpoint;
  // `lane` names the device (messages of one lane go one at a time).
  void AddPush(const std::string& lane, const std::string& endpoint, std::vector<std::string> headers,
               std::string body, Done done);
  // Runs everything queued to its end, or until `deadline`: what has not
  // finished then is stopped and reported as a retry. Every `done` has run on return.
  void Run(std::chrono::steady_clock::time_point deadline);

 private:
  struct Transfer;
  struct MailThreads;
  void Start(std::unique_ptr<Transfer> t);
  void Finish(Transfer* t, SendResult r, bool start_next = true);

  SmtpOptions smtp_;
  int connections_;
  void* multi_;                        // the pushes' transfers
  std::unique_ptr<MailThreads> mail_;  // started with the first mail
  std::map<std::string, std::deque<std::unique_ptr<Transfer>>> waiting_;  // by lane, behind the running one
  std::map<Transfer*, std::unique_ptr<Transfer>> running_;
};

// Seconds ("120") or an HTTP date; nullopt when neither.
std::optional<int64_t> ParseRetryAfter(const std::string& value, int64_t now_ms);

// Call once before any Transfers is made (not thread-safe).
void InitCurl();

}  // namespace tadaima::notify

// The channels' transports over libcurl: SMTP for e-mail, HTTPS POSTs for
// Web Push. One sender per worker thread (a sender is not thread-safe); each
// keeps its connections open between messages.
#pragma once

#include <cstdint>
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

class SmtpSender {
 public:
  explicit SmtpSender(SmtpOptions options);
  ~SmtpSender();
  SmtpSender(const SmtpSender&) = delete;
  SmtpSender& operator=(const SmtpSender&) = delete;
  // Sends `mime` (BuildMime's text) to one recipient.
  SendResult Send(const std::string& to, const std::string& mime);

 private:
  SmtpOptions options_;
  void* curl_;
};

class PushSender {
 public:
  PushSender();
  ~PushSender();
  PushSender(const PushSender&) = delete;
  PushSender& operator=(const PushSender&) = delete;
  // POSTs `body` with `headers` ("Name: value") to the endpoint.
  SendResult Send(const std::string& endpoint, const std::vector<std::string>& headers, const std::string& body);

 private:
  void* curl_;
};

// Seconds ("120") or an HTTP date; nullopt when neither.
std::optional<int64_t> ParseRetryAfter(const std::string& value, int64_t now_ms);

// Call once before any sender is made (not thread-safe).
void InitCurl();

}  // namespace tadaima::notify

#include "notify/senders.h"

#include <curl/curl.h>

#include <charconv>
#include <cstring>
#include <mutex>

namespace tadaima::notify {
namespace {

constexpr long kTimeoutSeconds = 10;
constexpr long kConnectTimeoutSeconds = 5;

CURL* C(void* p) { return static_cast<CURL*>(p); }

struct Reader {
  const std::string* data;
  size_t offset = 0;
};
size_t ReadBody(char* buffer, size_t size, size_t count, void* user) {
  auto* r = static_cast<Reader*>(user);
  size_t n = std::min(size * count, r->data->size() - r->offset);
  std::memcpy(buffer, r->data->data() + r->offset, n);
  r->offset += n;
  return n;
}

size_t KeepStart(char* data, size_t size, size_t count, void* user) {
  auto* out = static_cast<std::string*>(user);
  if (out->size() < 300) out->append(data, std::min(size * count, 300 - out->size()));
  return size * count;
}

void CommonOptions(CURL* c) {
  curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(c, CURLOPT_TIMEOUT, kTimeoutSeconds);
  curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, kConnectTimeoutSeconds);
}

// Failures before any answer: the service may be back later.
bool Transient(CURLcode code) {
  switch (code) {
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_CONNECT:
    case CURLE_OPERATION_TIMEDOUT:
    case CURLE_SEND_ERROR:
    case CURLE_RECV_ERROR:
    case CURLE_GOT_NOTHING:
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_WEIRD_SERVER_REPLY:
    case CURLE_PARTIAL_FILE:
      return true;
    default:
      return false;
  }
}

}  // namespace

void InitCurl() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

std::optional<int64_t> ParseRetryAfter(const std::string& value, int64_t now_ms) {
  int64_t seconds = 0;
  auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), seconds);
  if (ec == std::errc() && end == value.data() + value.size() && seconds >= 0) return seconds * 1000;
  time_t when = curl_getdate(value.c_str(), nullptr);
  if (when < 0) return std::nullopt;
  return std::max<int64_t>(0, int64_t{when} * 1000 - now_ms);
}

SmtpSender::SmtpSender(SmtpOptions options) : options_(std::move(options)), curl_(curl_easy_init()) {}
SmtpSender::~SmtpSender() { curl_easy_cleanup(C(curl_)); }

SendResult SmtpSender::Send(const std::string& to, const std::string& mime) {
  CURL* c = C(curl_);
  curl_easy_reset(c);  // keeps the open connection
  CommonOptions(c);
  curl_easy_setopt(c, CURLOPT_URL, options_.url.c_str());
  curl_easy_setopt(c, CURLOPT_MAIL_FROM, ("<" + options_.from + ">").c_str());
  curl_slist* rcpt = curl_slist_append(nullptr, ("<" + to + ">").c_str());
  curl_easy_setopt(c, CURLOPT_MAIL_RCPT, rcpt);
  if (options_.starttls) curl_easy_setopt(c, CURLOPT_USE_SSL, static_cast<long>(CURLUSESSL_ALL));
  if (!options_.user.empty()) {
    curl_easy_setopt(c, CURLOPT_USERNAME, options_.user.c_str());
    curl_easy_setopt(c, CURLOPT_PASSWORD, options_.password.c_str());
  }
  Reader reader{&mime};
  curl_easy_setopt(c, CURLOPT_READFUNCTION, ReadBody);
  curl_easy_setopt(c, CURLOPT_READDATA, &reader);
  curl_easy_setopt(c, CURLOPT_UPLOAD, 1L);
  curl_easy_setopt(c, CURLOPT_INFILESIZE_LARGE, static_cast<curl_off_t>(mime.size()));
  CURLcode code = curl_easy_perform(c);
  curl_slist_free_all(rcpt);
  long reply = 0;
  curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &reply);
  if (code == CURLE_OK) return {SendResult::Kind::kDelivered, "SMTP " + std::to_string(reply), {}};
  std::string detail = std::string(curl_easy_strerror(code)) + (reply ? " (SMTP " + std::to_string(reply) + ")" : "");
  if (reply >= 500 && code != CURLE_LOGIN_DENIED) return {SendResult::Kind::kFailed, detail, {}};
  return {SendResult::Kind::kRetry, detail, {}};
}

PushSender::PushSender() : curl_(curl_easy_init()) {}
PushSender::~PushSender() { curl_easy_cleanup(C(curl_)); }

SendResult PushSender::Send(const std::string& endpoint, const std::vector<std::string>& headers,
                            const std::string& body) {
  CURL* c = C(curl_);
  curl_easy_reset(c);
  CommonOptions(c);
  curl_easy_setopt(c, CURLOPT_URL, endpoint.c_str());
  curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(c, CURLOPT_POST, 1L);
  curl_easy_setopt(c, CURLOPT_POSTFIELDS, body.data());
  curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body.size()));
  curl_slist* list = nullptr;
  for (const auto& h : headers) list = curl_slist_append(list, h.c_str());
  list = curl_slist_append(list, "Expect:");
  curl_easy_setopt(c, CURLOPT_HTTPHEADER, list);
  std::string answer;
  curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, KeepStart);
  curl_easy_setopt(c, CURLOPT_WRITEDATA, &answer);
  CURLcode code = curl_easy_perform(c);
  curl_slist_free_all(list);
  if (code != CURLE_OK) {
    SendResult r{Transient(code) ? SendResult::Kind::kRetry : SendResult::Kind::kFailed, curl_easy_strerror(code), {}};
    return r;
  }
  long status = 0;
  curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
  std::string detail = "HTTP " + std::to_string(status);
  if (!answer.empty()) detail += ": " + answer;
  if (status >= 200 && status < 300) return {SendResult::Kind::kDelivered, "HTTP " + std::to_string(status), {}};
  if (status == 404 || status == 410) return {SendResult::Kind::kGone, detail, {}};
  if (status == 429 || status >= 500) {
    SendResult r{SendResult::Kind::kRetry, detail, {}};
    curl_header* h = nullptr;
    if (curl_easy_header(c, "Retry-After", 0, CURLH_HEADER, -1, &h) == CURLHE_OK && h && h->value) {
      using namespace std::chrono;
      const int64_t now = duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
      r.retry_after_ms = ParseRetryAfter(h->value, now);
    }
    return r;
  }
  return {SendResult::Kind::kFailed, detail, {}};
}

}  // namespace tadaima::notify

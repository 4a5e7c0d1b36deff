#include "notify/senders.h"

#include <curl/curl.h>

#include <charconv>
#include <condition_variable>
#include <cstring>
#include <mutex>
#include <thread>
#include <utility>

namespace tadaima::notify {
namespace {

constexpr long kTimeoutSeconds = 10;
constexpr long kConnectTimeoutSeconds = 5;

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

struct Transfers::Transfer {
  enum class Kind { kMail, kPush } kind = Kind::kPush;
  std::string lane, url, payload;
  std::string to;                    // mail
  std::vector<std::string> headers;  // push
  Done done;
  CURL* easy = nullptr;  // push: its transfer in the multi handle
  curl_slist* list = nullptr;
  std::string answer;
  ~Transfer() {
    if (easy) curl_easy_cleanup(easy);
    if (list) curl_slist_free_all(list);
  }
};

namespace {

CURLM* M(void* p) { return static_cast<CURLM*>(p); }

SendResult PushResult(CURL* c, CURLcode code, const std::string& answer) {
  if (code != CURLE_OK)
    return {Transient(code) ? SendResult::Kind::kRetry : SendResult::Kind::kFailed, curl_easy_strerror(code), {}};
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

// One mail over `c`, whose connection stays open for the next.
SendResult SendMail(CURL* c, const SmtpOptions& smtp, const std::string& to, const std::string& mime) {
  curl_easy_reset(c);  // keeps the open connection
  CommonOptions(c);
  curl_easy_setopt(c, CURLOPT_URL, smtp.url.c_str());
  curl_easy_setopt(c, CURLOPT_MAIL_FROM, ("<" + smtp.from + ">").c_str());
  curl_slist* rcpt = curl_slist_append(nullptr, ("<" + to + ">").c_str());
  curl_easy_setopt(c, CURLOPT_MAIL_RCPT, rcpt);
  if (smtp.starttls) curl_easy_setopt(c, CURLOPT_USE_SSL, static_cast<long>(CURLUSESSL_ALL));
  if (!smtp.user.empty()) {
    curl_easy_setopt(c, CURLOPT_USERNAME, smtp.user.c_str());
    curl_easy_setopt(c, CURLOPT_PASSWORD, smtp.password.c_str());
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

}  // namespace

// The connections to the mail server, a thread each. libcurl waits for the mail
// server's last answer inside a transfer, so mails in one multi handle would take
// turns; threads let them overlap. Each thread tells the multi handle when a mail ends.
struct Transfers::MailThreads {
  MailThreads(const SmtpOptions& smtp, int count, CURLM* multi) : smtp(smtp), multi(multi) {
    for (int i = 0; i < count; ++i) threads.emplace_back([this] { Loop(); });
  }
  ~MailThreads() {
    {
      std::lock_guard lock(mu);
      stopping = true;
    }
    cv.notify_all();
    for (auto& t : threads) t.join();
  }
  void Queue(Transfer* t) {
    {
      std::lock_guard lock(mu);
      queue.push_back(t);
    }
    cv.notify_one();
  }
  std::vector<std::pair<Transfer*, SendResult>> TakeFinished() {
    std::lock_guard lock(mu);
    return std::exchange(finished, {});
  }
  std::deque<Transfer*> TakeQueued() {
    std::lock_guard lock(mu);
    return std::exchange(queue, {});
  }
  void Loop() {
    CURL* c = curl_easy_init();
    for (;;) {
      Transfer* t = nullptr;
      {
        std::unique_lock lock(mu);
        cv.wait(lock, [&] { return stopping || !queue.empty(); });
        if (stopping) break;
        t = queue.front();
        queue.pop_front();
      }
      SendResult r = c ? SendMail(c, smtp, t->to, t->payload) : SendResult{SendResult::Kind::kRetry, "cannot make a transfer", {}};
      {
        std::lock_guard lock(mu);
        finished.emplace_back(t, std::move(r));
      }
      curl_multi_wakeup(multi);
    }
    if (c) curl_easy_cleanup(c);
  }

  const SmtpOptions& smtp;
  CURLM* multi;
  std::mutex mu;
  std::condition_variable cv;
  bool stopping = false;
  std::deque<Transfer*> queue;
  std::vector<std::pair<Transfer*, SendResult>> finished;
  std::vector<std::thread> threads;
};

Transfers::Transfers(SmtpOptions smtp, int connections_per_host)
    : smtp_(std::move(smtp)), connections_(std::max(1, connections_per_host)), multi_(curl_multi_init()) {
  curl_multi_setopt(M(multi_), CURLMOPT_MAX_HOST_CONNECTIONS, static_cast<long>(connections_));
}

Transfers::~Transfers() {
  mail_.reset();
  for (auto& [raw, t] : running_)
    if (t->easy) curl_multi_remove_handle(M(multi_), t->easy);
  running_.clear();
  curl_multi_cleanup(M(multi_));
}

void Transfers::AddMail(const std::string& to, std::string mime, Done done) {
  auto t = std::make_unique<Transfer>();
  t->kind = Transfer::Kind::kMail;
  t->lane = "mail:" + to;
  t->to = to;
  t->payload = std::move(mime);
  t->done = std::move(done);
  Start(std::move(t));
}

void Transfers::AddPush(const std::string& lane, const std::string& endpoint, std::vector<std::string> headers,
                        std::string body, Done done) {
  auto t = std::make_unique<Transfer>();
  t->lane = "push:" + lane;
  t->url = endpoint;
  t->headers = std::move(headers);
  t->payload = std::move(body);
  t->done = std::move(done);
  Start(std::move(t));
}

void Transfers::Start(std::unique_ptr<Transfer> t) {
  for (const auto& [raw, other] : running_)
    if (other->lane == t->lane) {
      waiting_[t->lane].push_back(std::move(t));
      return;
    }
  Transfer* raw = t.get();
  if (t->kind == Transfer::Kind::kMail) {
    if (!mail_) mail_ = std::make_unique<MailThreads>(smtp_, connections_, M(multi_));
    running_.emplace(raw, std::move(t));
    mail_->Queue(raw);
    return;
  }
  CURL* c = t->easy = curl_easy_init();
  if (!c) return Finish(raw, {SendResult::Kind::kRetry, "cannot make a transfer", {}});
  CommonOptions(c);
  curl_easy_setopt(c, CURLOPT_PRIVATE, raw);
  curl_easy_setopt(c, CURLOPT_URL, t->url.c_str());
  curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(c, CURLOPT_POST, 1L);
  curl_easy_setopt(c, CURLOPT_POSTFIELDS, t->payload.data());
  curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(t->payload.size()));
  for (const auto& h : t->headers) t->list = curl_slist_append(t->list, h.c_str());
  t->list = curl_slist_append(t->list, "Expect:");
  curl_easy_setopt(c, CURLOPT_HTTPHEADER, t->list);
  curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, KeepStart);
  curl_easy_setopt(c, CURLOPT_WRITEDATA, &t->answer);
  if (curl_multi_add_handle(M(multi_), c) != CURLM_OK)
    return Finish(raw, {SendResult::Kind::kRetry, "cannot start a transfer", {}});
  running_.emplace(raw, std::move(t));
}

// Reports `t`'s result and starts the next message of its lane (unless told not to).
void Transfers::Finish(Transfer* t, SendResult r, bool start_next) {
  std::unique_ptr<Transfer> owned;
  if (auto it = running_.find(t); it != running_.end()) {
    if (t->easy) curl_multi_remove_handle(M(multi_), t->easy);
    owned = std::move(it->second);
    running_.erase(it);
  }
  const std::string lane = t->lane;
  t->done(std::move(r));
  auto next = waiting_.find(lane);
  if (!start_next || next == waiting_.end()) return;
  auto following = std::move(next->second.front());
  next->second.pop_front();
  if (next->second.empty()) waiting_.erase(next);
  Start(std::move(following));
}

void Transfers::Run(std::chrono::steady_clock::time_point deadline) {
  bool stopped = false;
  while (!running_.empty()) {
    int still = 0;
    curl_multi_perform(M(multi_), &still);
    int left = 0;
    while (CURLMsg* msg = curl_multi_info_read(M(multi_), &left)) {
      if (msg->msg != CURLMSG_DONE) continue;
      Transfer* t = nullptr;
      curl_easy_getinfo(msg->easy_handle, CURLINFO_PRIVATE, &t);
      Finish(t, PushResult(t->easy, msg->data.result, t->answer));
    }
    if (mail_)
      for (auto& [t, r] : mail_->TakeFinished()) Finish(t, std::move(r), !stopped);
    if (running_.empty()) break;
    const auto now = std::chrono::steady_clock::now();
    if (!stopped && now >= deadline) {
      // Stopped rather than failed: what was sent may have arrived, so it is retried, not
      // given up. A mail already being sent cannot be stopped; it ends within its timeout.
      stopped = true;
      const SendResult late{SendResult::Kind::kRetry, "not finished within the batch's time", {}};
      std::vector<Transfer*> stop;
      for (const auto& [raw, t] : running_)
        if (t->easy) stop.push_back(raw);
      if (mail_)
        for (Transfer* t : mail_->TakeQueued()) stop.push_back(t);
      for (Transfer* t : stop) Finish(t, late, false);
      for (auto& [lane, queue] : waiting_)
        for (auto& t : queue) t->done(late);
      waiting_.clear();
      continue;
    }
    const int64_t wait = stopped ? 100 : std::chrono::duration_cast<std::chrono::milliseconds>(deadline - now).count();
    curl_multi_poll(M(multi_), nullptr, 0, static_cast<int>(std::min<int64_t>(wait, 1000)), nullptr);
  }
}

}  // namespace tadaima::notify

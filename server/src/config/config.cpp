#include "config/config.h"

#include <toml++/toml.h>

#include <charconv>
#include <cstdlib>
#include <set>

namespace tadaima {
namespace {

Status ParseInt(const std::string& name, const std::string& text, long min, long max, long& out) {
  auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  if (ec != std::errc() || p != text.data() + text.size() || out < min || out > max)
    return Fail(Error::InvalidArgument(name + " must be a number from " + std::to_string(min) + " to " +
                                       std::to_string(max)));
  return {};
}

Status ParseBool(const std::string& name, const std::string& text, bool& out) {
  if (text != "true" && text != "false") return Fail(Error::InvalidArgument(name + " must be true or false"));
  out = text == "true";
  return {};
}

// Applies one setting by its key (file key or the env name without TADAIMA_).
Status Set(Config& c, const std::string& key, const std::string& value, const std::string& source) {
  long n = 0;
  if (key == "db") c.db = value;
  else if (key == "listen") c.listen = value;
  else if (key == "public_url") c.public_url = value;
  else if (key == "web_root") c.web_root = value;
  else if (key == "log_level") c.log_level = value;
  else if (key == "clock_start") c.clock_start = value;
  else if (key == "smtp_url") c.smtp_url = value;
  else if (key == "mail_from") c.mail_from = value;
  else if (key == "smtp_user") c.smtp_user = value;
  else if (key == "smtp_password") c.smtp_password = value;
  else if (key == "push_allowed_hosts") c.push_allowed_hosts = value;
  else if (key == "vapid_subject") c.vapid_subject = value;
  else if (key == "attachment_dir") c.attachment_dir = value;
  else if (key == "consultation_keys") c.consultation_keys = value;
  else if (key == "smtp_starttls") TRY_STATUS(ParseBool(source, value, c.smtp_starttls));
  else if (key == "test_clock") TRY_STATUS(ParseBool(source, value, c.test_clock));
  else if (key == "test_password_cost") TRY_STATUS(ParseBool(source, value, c.test_password_cost));
  else if (key == "notify_workers") { TRY_STATUS(ParseInt(source, value, 1, 64, n)); c.notify_workers = n; }
  else if (key == "notify_retry_max_seconds") { TRY_STATUS(ParseInt(source, value, 1, 86400, n)); c.notify_retry_max_seconds = n; }
  else if (key == "notify_give_up_seconds") { TRY_STATUS(ParseInt(source, value, 1, 30 * 86400, n)); c.notify_give_up_seconds = n; }
  else if (key == "message_batch_families") { TRY_STATUS(ParseInt(source, value, 1, 100000, n)); c.message_batch_families = n; }
  else if (key == "threads") { TRY_STATUS(ParseInt(source, value, 1, 256, n)); c.threads = n; }
  else if (key == "job_interval_seconds") { TRY_STATUS(ParseInt(source, value, 1, 3600, n)); c.job_interval_seconds = n; }
  else if (key == "db_pool") { TRY_STATUS(ParseInt(source, value, 1, 1024, n)); c.db_pool = n; }
  else if (key == "max_connections") { TRY_STATUS(ParseInt(source, value, 16, 1000000, n)); c.max_connections = n; }
  else if (key == "body_limit") { TRY_STATUS(ParseInt(source, value, 1024, 1L << 30, n)); c.body_limit = n; }
  else if (key == "login_max_failures") { TRY_STATUS(ParseInt(source, value, 1, 1000000, n)); c.login_max_failures = n; }
  else if (key == "registrations_per_hour") { TRY_STATUS(ParseInt(source, value, 1, 1000000, n)); c.registrations_per_hour = n; }
  else return Fail(Error::InvalidArgument("unknown setting " + source));
  return {};
}

const char* kKeys[] = {"db", "listen", "public_url", "web_root", "log_level", "clock_start", "test_clock",
                       "test_password_cost", "threads", "db_pool", "body_limit", "max_connections", "login_max_failures", "registrations_per_hour", "job_interval_seconds",
                       "smtp_url", "mail_from", "smtp_starttls", "smtp_user", "smtp_password", "push_allowed_hosts",
                       "vapid_subject", "notify_workers", "notify_retry_max_seconds", "notify_give_up_seconds",
                       "message_batch_families", "attachment_dir", "consultation_keys"};

}  // namespace

Status ApplyConfigFile(Config& config, const std::string& path) {
  toml::table table;
  try {
    table = toml::parse_file(path);
  } catch (const toml::parse_error& e) {
    return Fail(Error::InvalidArgument("cannot read config " + path + ": " + std::string(e.description())));
  }
  for (const auto& [k, v] : table) {
    std::string key(k.str());
    std::string value;
    if (auto s = v.value<std::string>()) value = *s;
    else if (auto b = v.value<bool>()) value = *b ? "true" : "false";
    else if (auto i = v.value<int64_t>()) value = std::to_string(*i);
    else return Fail(Error::InvalidArgument("config " + path + ": " + key + " must be a string or a number"));
    TRY_STATUS(Set(config, key, value, path + ": " + key));
  }
  return {};
}

Status ApplyEnvironment(Config& config) {
  for (const char* key : kKeys) {
    std::string name = "TADAIMA_";
    for (const char* p = key; *p; ++p) name += static_cast<char>(std::toupper(*p));
    if (const char* v = std::getenv(name.c_str()); v && *v) TRY_STATUS(Set(config, key, v, name));
  }
  return {};
}

Result<std::pair<std::string, uint16_t>> ParseListen(const std::string& listen) {
  auto colon = listen.rfind(':');
  if (colon == std::string::npos) return Fail(Error::InvalidArgument("listen address must be HOST:PORT"));
  std::string host = listen.substr(0, colon);
  if (host.empty()) host = "0.0.0.0";
  if (host == "localhost") host = "127.0.0.1";
  long port = 0;
  TRY_STATUS(ParseInt("listen port", listen.substr(colon + 1), 0, 65535, port));
  return std::pair{host, static_cast<uint16_t>(port)};
}

}  // namespace tadaima

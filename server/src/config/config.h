// Typed configuration. Sources in rising precedence: defaults (a laptop
// demo), a TOML file (--config), TADAIMA_* environment variables, then
// command-line flags (applied by app/).
#pragma once

#include <cstddef>
#include <optional>
#include <string>

#include "base/error.h"

namespace tadaima {

struct Config {
  std::string db = "sqlite:tadaima.db";           // TADAIMA_DB, `db`
  std::string listen = "127.0.0.1:8080";          // TADAIMA_LISTEN, `listen`
  std::string public_url;                          // TADAIMA_PUBLIC_URL: the address families use
  std::string web_root;                            // TADAIMA_WEB_ROOT: built front ends (default: found)
  int threads = 16;                                // TADAIMA_THREADS (handlers block on the database)
  int db_pool = 16;                                // TADAIMA_DB_POOL
  int job_interval_seconds = 30;                   // TADAIMA_JOB_INTERVAL_SECONDS (auto-close; not with test_clock)
  size_t body_limit = 1 << 20;                     // TADAIMA_BODY_LIMIT (bytes)
  int max_connections = 0;                         // TADAIMA_MAX_CONNECTIONS (0: from the file-descriptor limit)
  int login_max_failures = 5;                      // TADAIMA_LOGIN_MAX_FAILURES (per login, 15 min)
  int registrations_per_hour = 20;                 // TADAIMA_REGISTRATIONS_PER_HOUR (public forms per address)
  std::string log_level = "info";                  // TADAIMA_LOG_LEVEL
  std::optional<std::string> clock_start;          // TADAIMA_CLOCK_START (RFC 3339; tests, demos)
  bool test_clock = false;                         // TADAIMA_TEST_CLOCK: the clock stands still, tests move it
  bool test_password_cost = false;                 // TADAIMA_TEST_PASSWORD_COST: argon2id at its minimum cost
  // Notifications
  std::string smtp_url;                            // TADAIMA_SMTP_URL (smtp://host:port; empty: no e-mail)
  std::string mail_from = "tadaima@localhost";     // TADAIMA_MAIL_FROM
  bool smtp_starttls = false;                      // TADAIMA_SMTP_STARTTLS (true: require STARTTLS)
  std::string smtp_user, smtp_password;            // TADAIMA_SMTP_USER, TADAIMA_SMTP_PASSWORD
  std::string push_allowed_hosts;                  // TADAIMA_PUSH_ALLOWED_HOSTS (comma list; empty: the major push services)
  std::string vapid_subject;                       // TADAIMA_VAPID_SUBJECT (default mailto:MAIL_FROM)
  int notify_workers = 4;                          // TADAIMA_NOTIFY_WORKERS
  int notify_retry_max_seconds = 30;               // TADAIMA_NOTIFY_RETRY_MAX_SECONDS (backoff cap)
  int notify_give_up_seconds = 86400;              // TADAIMA_NOTIFY_GIVE_UP_SECONDS (then dead)
  int message_batch_families = 500;                // TADAIMA_MESSAGE_BATCH_FAMILIES (outbox rows per transaction)
  std::string attachment_dir;                      // TADAIMA_ATTACHMENT_DIR (empty: attachments in the database)
  // Consultation records: "id:base64key[,…]", the first seals (base/secret_box.h; empty: none can be kept).
  std::string consultation_keys;                   // TADAIMA_CONSULTATION_KEYS
};

// Reads `path` (TOML) into `config`; unknown keys are an error.
Status ApplyConfigFile(Config& config, const std::string& path);
// Reads the TADAIMA_* environment variables into `config`.
Status ApplyEnvironment(Config& config);

// Splits "host:port" (IPv4 or a name; port 0 = any free port).
Result<std::pair<std::string, uint16_t>> ParseListen(const std::string& listen);

}  // namespace tadaima

// tadaima: the one binary. Sub-commands serve, migrate, admin (create-org, new-consultation-key,
// reseal-consultations), import, demo, routes, reasons.
#include <CLI/CLI.hpp>
#include <spdlog/async.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <cstdio>
#include <filesystem>
#include <iostream>

#include "app/demo.h"
#include "app/import_command.h"
#include "base/secret_box.h"
#include "app/server_app.h"
#include "base/reasons.h"
#include "db/migrations.h"

using namespace tadaima;

namespace {

int Die(const Error& e) {
  std::cerr << "tadaima: " << e.message << "\n";
  for (const auto& [field, problem] : e.fields) std::cerr << "  " << field << ": " << problem.text << "\n";
  return 1;
}

// Layers the configuration: defaults, file, environment, then the flags given.
Result<Config> LoadConfig(const std::string& file, const std::string& db, const std::string& listen,
                          const std::string& web_root) {
  Config c;
  if (!file.empty()) TRY_STATUS(ApplyConfigFile(c, file));
  TRY_STATUS(ApplyEnvironment(c));
  if (!db.empty()) c.db = db;
  if (!listen.empty()) c.listen = listen;
  if (!web_root.empty()) c.web_root = web_root;
  spdlog::set_level(spdlog::level::from_str(c.log_level));
  return c;
}

Result<std::unique_ptr<db::Database>> OpenDb(const Config& c) { return db::Database::Open(c.db, c.db_pool); }

// The services over `db` with the configuration's clock and settings (the commands that need them).
Result<std::unique_ptr<service::Services>> MakeServices(db::Database& db, const Config& c) {
  auto clock = TRY(app::MakeClock(c));
  auto settings = TRY(app::MakeSettings(c));
  return std::make_unique<service::Services>(db, std::move(clock), std::move(settings));
}

void PrintReady(const std::string& url) {
  std::printf("tadaima listening on %s\n", url.c_str());
  std::fflush(stdout);
}

}  // namespace

int main(int argc, char** argv) {
  // Logging goes through a queue to a background thread: an access-log line
  // per request must not cost a write(2) on the request's path.
  spdlog::init_thread_pool(16384, 1);
  spdlog::set_default_logger(std::make_shared<spdlog::async_logger>(
      "tadaima", std::make_shared<spdlog::sinks::stderr_color_sink_mt>(), spdlog::thread_pool(),
      spdlog::async_overflow_policy::block));
  std::atexit([] { spdlog::shutdown(); });
  CLI::App cli{"tadaima: arrivals, departures and family communication for children's facilities"};
  cli.require_subcommand(1);
  std::string config_file, db_url, listen, web_root;

  auto* serve = cli.add_subcommand("serve", "serve the API and the front ends (the schema must be current)");
  serve->add_option("--db", db_url, "database URL: sqlite:PATH or postgresql://… (TADAIMA_DB)");
  serve->add_option("--listen", listen, "HOST:PORT to listen on; port 0 picks a free one (TADAIMA_LISTEN)");
  serve->add_option("--config", config_file, "TOML configuration file");
  serve->add_option("--web-root", web_root, "directory of the built front ends (TADAIMA_WEB_ROOT)");

  auto* migrate = cli.add_subcommand("migrate", "apply pending database migrations");
  migrate->add_option("--db", db_url, "database URL (TADAIMA_DB)");
  migrate->add_option("--config", config_file, "TOML configuration file");

  auto* admin = cli.add_subcommand("admin", "administration");
  admin->require_subcommand(1);
  auto* create_org = admin->add_subcommand("create-org", "create an organization and its first administrator");
  std::string org_name, admin_login, admin_password, admin_name, time_zone = "Asia/Tokyo";
  create_org->add_option("--db", db_url, "database URL (TADAIMA_DB)");
  create_org->add_option("--config", config_file, "TOML configuration file");
  create_org->add_option("--name", org_name, "the organization's name")->required();
  create_org->add_option("--admin-login", admin_login, "the administrator's login")->required();
  create_org->add_option("--admin-name", admin_name, "the administrator's name, as families see it (default 管理者)");
  create_org->add_option("--admin-password", admin_password, "the administrator's password")->required();
  create_org->add_option("--time-zone", time_zone, "IANA time zone")->capture_default_str();

  auto* new_key = admin->add_subcommand("new-consultation-key", "print a new key for TADAIMA_CONSULTATION_KEYS");
  std::string key_id;
  new_key->add_option("--id", key_id, "the key's name, e.g. 2027a")->required();
  auto* reseal = admin->add_subcommand(
      "reseal-consultations", "seal every consultation record with the first of TADAIMA_CONSULTATION_KEYS");
  reseal->add_option("--db", db_url, "database URL (TADAIMA_DB)");
  reseal->add_option("--config", config_file, "TOML configuration file");

  auto* import = cli.add_subcommand("import", "import families and children from a CSV file (docs/import.md)");
  std::string import_org, import_file;
  bool dry_run = false;
  import->add_option("--db", db_url, "database URL (TADAIMA_DB)");
  import->add_option("--config", config_file, "TOML configuration file");
  import->add_option("--org", import_org, "the organization's id")->required();
  import->add_option("--file", import_file, "the CSV file (UTF-8 or Shift_JIS)")->required();
  import->add_flag("--dry-run", dry_run, "only report what would be created");

  auto* demo = cli.add_subcommand("demo", "serve a demo organization (SQLite in a temp folder unless --db)");
  demo->add_option("--listen", listen, "HOST:PORT to listen on (TADAIMA_LISTEN)");
  demo->add_option("--db", db_url, "database URL (default: a new SQLite file in a temp folder)");
  demo->add_option("--web-root", web_root, "directory of the built front ends");

  auto* routes = cli.add_subcommand("routes", "print every API route");
  auto* reasons = cli.add_subcommand("reasons", "print every error reason id (base/reasons.h)");

  CLI11_PARSE(cli, argc, argv);

  if (routes->parsed()) {
    for (const auto& r : app::RouteList()) std::cout << r << "\n";
    return 0;
  }
  if (reasons->parsed()) {
    for (auto id : reason::AllReasons()) std::cout << id << "\n";
    return 0;
  }

  if (new_key->parsed()) {
    auto text = NewSealKeyText(key_id);
    if (auto keys = ParseSealKeys(text); !keys) return Die(keys.error());
    std::cout << text << "\n";
    return 0;
  }

  auto config = LoadConfig(config_file, db_url, listen, web_root);
  if (!config) return Die(config.error());
  if (auto s = app::ApplyPasswordCost(*config); !s) return Die(s.error());

  if (demo->parsed() && db_url.empty()) {
    auto dir = std::filesystem::temp_directory_path() / ("tadaima-demo-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    config->db = "sqlite:" + (dir / "demo.db").string();
  }
  // The demo seals consultation records with a key of its own run; a real server's comes from configuration.
  if (demo->parsed() && config->consultation_keys.empty()) config->consultation_keys = NewSealKeyText("demo");

  auto db = OpenDb(*config);
  if (!db) return Die(db.error());

  if (migrate->parsed()) {
    auto n = db::Migrate(**db);
    if (!n) return Die(n.error());
    std::cout << "applied " << *n << " migration(s); schema at version "
              << db::LatestSchemaVersion((*db)->dialect()) << "\n";
    return 0;
  }

  if (create_org->parsed()) {
    if (auto s = db::CheckSchemaCurrent(**db); !s) return Die(s.error());
    auto made = MakeServices(**db, *config);
    if (!made) return Die(made.error());
    service::Services& services = **made;
    auto org = services.auth.CreateOrganization(org_name, time_zone, admin_login, admin_password, admin_name);
    if (!org) return Die(org.error());
    std::cout << "created organization " << org->id << " (" << org->name << ") with administrator " << admin_login
              << "\n";
    return 0;
  }

  if (reseal->parsed()) {
    if (auto s = db::CheckSchemaCurrent(**db); !s) return Die(s.error());
    auto made = MakeServices(**db, *config);
    if (!made) return Die(made.error());
    service::Services& services = **made;
    auto n = services.consultations.Reseal();
    if (!n) return Die(n.error());
    std::cout << "resealed " << *n << " consultation record(s) with key " << services.context.settings.consultation_keys.front().id
              << "\n";
    return 0;
  }

  if (import->parsed()) {
    if (auto s = db::CheckSchemaCurrent(**db); !s) return Die(s.error());
    auto made = MakeServices(**db, *config);
    if (!made) return Die(made.error());
    service::Services& services = **made;
    auto code = app::ImportFamilies(services, import_org, import_file, dry_run);
    if (!code) return Die(code.error());
    return *code;
  }

  if (demo->parsed()) {
    if (auto n = db::Migrate(**db); !n) return Die(n.error());
    auto made = MakeServices(**db, *config);
    if (!made) return Die(made.error());
    service::Services& services = **made;
    std::cout << "tadaima demo: seeding " << config->db << " …\n" << std::flush;
    auto logins = app::SeedDemo(services);
    if (!logins) return Die(logins.error());
    auto s = app::Serve(*config, **db, [&](const std::string& url) {
      std::cout << "\n  Tadaima demo is running.\n\n"
                << "  staff admin:   " << url << "/admin/\n"
                << "  parents' app:  " << url << "/app/  (a guardian login below; install it from the browser menu)\n"
                << "  pre-registration (public): " << url << "/register/?org=" << logins->organization_id << "\n"
                << "  health:        " << url << "/healthz\n\n"
                << logins->text << "\n  Stop with Ctrl+C.\n\n";
      PrintReady(url);
    });
    return s ? 0 : Die(s.error());
  }

  if (auto s = db::CheckSchemaCurrent(**db); !s) return Die(s.error());
  auto s = app::Serve(*config, **db, PrintReady);
  return s ? 0 : Die(s.error());
}

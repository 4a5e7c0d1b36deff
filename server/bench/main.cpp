// tadaima-bench: the benchmarks' helper tool, built beside the server but not
// shipped with it (bench/run and bench/notify call it). Sub-command `seed`
// fills a migrated database with a city-sized organization (bench_seed.h).
// Configuration as the server's: TADAIMA_* environment, then the flags.
#include <spdlog/spdlog.h>

#include <CLI/CLI.hpp>
#include <iostream>

#include "app/server_app.h"
#include "bench_seed.h"
#include "db/migrations.h"

using namespace tadaima;

namespace {

int Die(const Error& e) {
  std::cerr << "tadaima-bench: " << e.message << "\n";
  for (const auto& [field, problem] : e.fields) std::cerr << "  " << field << ": " << problem << "\n";
  return 1;
}

Status Seed(const std::string& db_url, bench::BenchSeedOptions options) {
  Config config;
  TRY_STATUS(ApplyEnvironment(config));
  if (!db_url.empty()) config.db = db_url;
  spdlog::set_level(spdlog::level::from_str(config.log_level));
  auto db = TRY(db::Database::Open(config.db, config.db_pool));
  TRY_STATUS(db::CheckSchemaCurrent(*db));
  const service::Settings settings = app::MakeSettings(config);
  service::Services services(*db, Clock(), settings);
  options.push_allowed_hosts = settings.push_allowed_hosts;
  TRY_STATUS(bench::SeedBench(*db, services, options));
  std::cout << "seeded " << options.facilities << " facilities and " << options.children << " children into "
            << options.out << "\n";
  return {};
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App cli{"tadaima-bench: data for Tadaima's benchmarks (bench/README.md)"};
  cli.require_subcommand(1);
  std::string db_url;
  bench::BenchSeedOptions o;
  auto* seed = cli.add_subcommand("seed", "seed a city-sized organization into a migrated database");
  seed->add_option("--db", db_url, "database URL (TADAIMA_DB)");
  seed->add_option("--facilities", o.facilities, "facilities, one kiosk each")->capture_default_str();
  seed->add_option("--children", o.children, "children, one family each")->capture_default_str();
  seed->add_option("--history-days", o.history_days, "days of visit history per child")->capture_default_str();
  seed->add_option("--out", o.out, "TSV for the load generator: token, facility_id, credential")->required();
  seed->add_option("--guardians", o.guardians, "guardians per family")->capture_default_str();
  seed->add_option("--email-domain", o.email_domain,
                   "give every guardian an address c<child>g<k>@DOMAIN (default: no address)");
  seed->add_option("--push-endpoint-base", o.push_endpoint_base,
                   "give every guardian a push subscription at URL + guardian id (e.g. http://127.0.0.1:PORT/push/;"
                   " the host must be in TADAIMA_PUSH_ALLOWED_HOSTS)");
  seed->add_option("--push-p256dh", o.push_p256dh, "the subscriptions' p256dh key (base64url P-256 point)");
  seed->add_option("--push-auth", o.push_auth, "the subscriptions' auth secret (base64url, 16 bytes)");
  CLI11_PARSE(cli, argc, argv);

  if (auto s = Seed(db_url, o); !s) return Die(s.error());
  return 0;
}

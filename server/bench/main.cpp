// tadaima-bench: the benchmarks' helper tool, built beside the server but not
// shipped with it (bench/run and bench/notify call it). Sub-command `seed`
// fills a migrated database with a city-sized organization (bench_seed.h);
// `report` times the monthly usage report of the newest organization.
// Configuration as the server's: TADAIMA_* environment, then the flags.
#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <iostream>

#include "app/server_app.h"
#include "bench_seed.h"
#include "db/migrations.h"
#include "report/monthly_report.h"

using namespace tadaima;

namespace {

int Die(const Error& e) {
  std::cerr << "tadaima-bench: " << e.message << "\n";
  for (const auto& [field, problem] : e.fields) std::cerr << "  " << field << ": " << problem.text << "\n";
  return 1;
}

Status Seed(const std::string& db_url, bench::BenchSeedOptions options) {
  Config config;
  TRY_STATUS(ApplyEnvironment(config));
  if (!db_url.empty()) config.db = db_url;
  spdlog::set_level(spdlog::level::from_str(config.log_level));
  auto db = TRY(db::Database::Open(config.db, config.db_pool));
  TRY_STATUS(db::CheckSchemaCurrent(*db));
  const service::Settings settings = TRY(app::MakeSettings(config));
  service::Services services(*db, Clock(), settings);
  options.push_allowed_hosts = settings.push_allowed_hosts;
  TRY_STATUS(bench::SeedBench(*db, services, options));
  std::cout << "seeded " << options.facilities << " facilities and " << options.children << " children into "
            << options.out << "\n";
  return {};
}

constexpr db::Query kNewestOrganization{
    "bench_newest_organization", "SELECT id, time_zone FROM organizations ORDER BY created_at DESC, id DESC LIMIT 1"};
constexpr db::Query kVisitCount{"bench_visit_count", "SELECT COUNT(*) FROM visits WHERE organization_id = $1"};

// Times the organization-wide report of `month` (the newest organization, as its
// administrator): the figures read from the database, then each file written.
Status Report(const std::string& db_url, const std::string& month, int repeat) {
  Config config;
  TRY_STATUS(ApplyEnvironment(config));
  if (!db_url.empty()) config.db = db_url;
  spdlog::set_level(spdlog::level::warn);
  auto db = TRY(db::Database::Open(config.db, config.db_pool));
  TRY_STATUS(db::CheckSchemaCurrent(*db));
  service::Services services(*db, Clock(), TRY(app::MakeSettings(config)));
  Actor admin;
  admin.role = Role::kOrgAdmin;
  int64_t visits = 0;
  TRY_STATUS(db->Transact(db::TxMode::kRead, [&](db::Tx& tx) -> Status {
    auto rs = TRY(tx.Exec(kNewestOrganization, {}));
    if (rs.empty()) return Fail(Error::InvalidArgument("no organization: run `tadaima-bench seed` first"));
    admin.organization_id = rs.rows[0].Text(0);
    admin.time_zone = rs.rows[0].Text(1);
    visits = TRY(tx.Exec(kVisitCount, {admin.organization_id})).rows.at(0).Int(0);
    return {};
  }));
  using Ms = std::chrono::duration<double, std::milli>;
  std::vector<double> read_ms, xlsx_ms, pdf_ms;
  int64_t month_visits = 0;
  size_t facilities = 0;
  for (int i = 0; i < repeat; ++i) {
    auto t0 = std::chrono::steady_clock::now();
    auto data = TRY(services.stats.MonthlyReport(admin, std::nullopt, month));
    auto t1 = std::chrono::steady_clock::now();
    TRY(report::MonthlyReportXlsx(data, false));
    auto t2 = std::chrono::steady_clock::now();
    TRY(report::MonthlyReportPdf(data, false));
    auto t3 = std::chrono::steady_clock::now();
    read_ms.push_back(Ms(t1 - t0).count());
    xlsx_ms.push_back(Ms(t2 - t1).count());
    pdf_ms.push_back(Ms(t3 - t2).count());
    month_visits = data.total.visits;
    facilities = data.facilities.size();
  }
  auto median = [](std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
  };
  std::cout << fmt::format(
      "report {}: {} facilities, {} visits in the month of {} in the database; median of {}: "
      "figures {:.0f} ms, xlsx {:.0f} ms, pdf {:.0f} ms\n",
      month, facilities, month_visits, visits, repeat, median(read_ms), median(xlsx_ms), median(pdf_ms));
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
  std::string month;
  int repeat = 5;
  auto* report = cli.add_subcommand("report", "time the organization-wide monthly report of the newest organization");
  report->add_option("--db", db_url, "database URL (TADAIMA_DB)");
  report->add_option("--month", month, "YYYY-MM")->required();
  report->add_option("--repeat", repeat, "runs (the median is printed)")->capture_default_str()->check(CLI::Range(1, 100));
  CLI11_PARSE(cli, argc, argv);

  if (report->parsed()) {
    if (auto s = Report(db_url, month, repeat); !s) return Die(s.error());
    return 0;
  }
  if (auto s = Seed(db_url, o); !s) return Die(s.error());
  return 0;
}

// `tadaima admin bench-seed`: a city-sized organization for benchmarks —
// facilities with one kiosk each, children with a family and a guardian
// each, optional visit history — and a TSV of what a load generator needs.
#pragma once

#include <string>

#include "service/services.h"

namespace tadaima::app {

struct BenchSeedOptions {
  int facilities = 87;
  int children = 8700;
  int history_days = 0;
  std::string out;  // TSV: kiosk_token, facility_id, credential (one line per child)
};

Status SeedBench(db::Database& db, service::Services& services, const BenchSeedOptions& options);

}  // namespace tadaima::app

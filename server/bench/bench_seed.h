// `tadaima-bench seed`: a city-sized organization for benchmarks —
// facilities with one kiosk each, children with a family and one or more
// guardians each (optionally with an e-mail address and a push subscription
// to a local receiver), optional visit history — and a TSV of what a load
// generator needs. Part of the tadaima-bench tool, never of the server: it
// writes through the stores directly, in one transaction.
#pragma once

#include <string>
#include <vector>

#include "service/services.h"

namespace tadaima::bench {

struct BenchSeedOptions {
  int facilities = 87;
  int children = 8700;
  int history_days = 0;
  std::string out;  // TSV: kiosk_token, facility_id, credential (one line per child)
  int guardians = 1;  // per family
  // When set, guardian k of child c gets the address "c<c>g<k>@<email_domain>".
  std::string email_domain;
  // When set, every guardian gets one push subscription, endpoint
  // push_endpoint_base + the guardian's id, all with the same keys (base64url,
  // as a browser gives them); the endpoint must pass push_allowed_hosts
  // (empty: the major push services), as the server checks at delivery.
  std::string push_endpoint_base, push_p256dh, push_auth;
  std::vector<std::string> push_allowed_hosts;
};

Status SeedBench(db::Database& db, service::Services& services, const BenchSeedOptions& options);

}  // namespace tadaima::bench

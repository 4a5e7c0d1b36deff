#include "bench_seed.h"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <cctype>
#include <chrono>
#include <fstream>

#include "base/ids.h"
#include "base/password.h"
#include "notify/webpush.h"
#include "rules/credential.h"
#include "store/enrollment_store.h"
#include "store/family_store.h"
#include "store/kiosk_store.h"
#include "store/organization_store.h"
#include "store/push_subscription_store.h"
#include "store/seed_store.h"
#include "store/user_store.h"

namespace tadaima::bench {
namespace {

bool PlausibleDomain(const std::string& d) {
  if (d.empty() || d.size() > 200 || d.front() == '.' || d.back() == '.' || d.find('.') == std::string::npos ||
      d.find("..") != std::string::npos)
    return false;
  for (char ch : d)
    if (!(std::isalnum(static_cast<unsigned char>(ch)) || ch == '.' || ch == '-')) return false;
  return true;
}

Status CheckOptions(const BenchSeedOptions& o) {
  if (o.facilities < 1 || o.children < o.facilities || o.history_days < 0)
    return Fail(Error::InvalidArgument("need at least one facility, as many children, and history_days >= 0"));
  if (o.guardians < 1 || o.guardians > 10)
    return Fail(Error::InvalidArgument("--guardians must be between 1 and 10"));
  if (!o.email_domain.empty() && !PlausibleDomain(o.email_domain))
    return Fail(Error::InvalidArgument("--email-domain must be a domain name such as bench.example"));
  const bool any_push = !o.push_endpoint_base.empty() || !o.push_p256dh.empty() || !o.push_auth.empty();
  if (any_push) {
    if (o.push_endpoint_base.empty() || o.push_p256dh.empty() || o.push_auth.empty())
      return Fail(Error::InvalidArgument("push subscriptions need --push-endpoint-base, --push-p256dh and --push-auth"));
    if (auto s = notify::CheckSubscriptionKeys(o.push_p256dh, o.push_auth); !s) {
      const auto& fields = s.error().fields;
      const bool auth = fields.contains("keys.auth");
      const std::string problem = fields.empty() ? s.error().message : fields.begin()->second.text;
      return Fail(Error::InvalidArgument((auth ? "--push-auth: " : "--push-p256dh: ") + problem));
    }
    notify::EndpointRules rules{o.push_allowed_hosts};
    if (auto s = notify::CheckEndpoint(rules, o.push_endpoint_base + "x"); !s)
      return Fail(Error::InvalidArgument("--push-endpoint-base: " + s.error().message +
                                         " (TADAIMA_PUSH_ALLOWED_HOSTS lists the allowed hosts)"));
  }
  return {};
}

}  // namespace

Status SeedBench(db::Database& db, service::Services& services, const BenchSeedOptions& o) {
  TRY_STATUS(CheckOptions(o));
  const std::string suffix = RandomCode(6);
  auto org = TRY(services.auth.CreateOrganization("ベンチ市 " + suffix, "Asia/Tokyo", "bench-" + suffix, "bench-password"));
  auto key = TRY(services.secrets.CredentialKey());
  const int64_t now = services.context.clock.NowMs();
  // Every bench guardian shares one password: hashing 8,700 would take minutes.
  const std::string hash = HashPassword("bench-guardian");
  std::string tsv;
  TRY_STATUS(db.Transact(db::TxMode::kWrite, [&](db::Tx& tx) -> Status {
    tsv.clear();
    for (int f = 0; f < o.facilities; ++f) {
      // Open all day, so that no visit of the run is closed by the auto-close job.
      Facility facility;
      facility.id = NewId(now);
      facility.organization_id = org.id;
      facility.name = fmt::format("第{}児童クラブ", f + 1);
      facility.closes_at = 23 * 60 + 59;
      TRY_STATUS(store::InsertFacility(tx, facility, now));
      std::string token = "tk_" + RandomToken();
      Kiosk kiosk;
      kiosk.id = NewId(now);
      kiosk.organization_id = org.id;
      kiosk.facility_id = facility.id;
      kiosk.name = "受付";
      kiosk.created_at = now;
      TRY_STATUS(store::InsertKiosk(tx, kiosk, HashToken(token)));
      const int first = f * o.children / o.facilities, last = (f + 1) * o.children / o.facilities;
      for (int c = first; c < last; ++c) {
        Family family;
        family.id = NewId(now);
        family.organization_id = org.id;
        family.name = fmt::format("家族{}", c + 1);
        TRY_STATUS(store::InsertFamily(tx, family, family.name, now));
        for (int k = 0; k < o.guardians; ++k) {
          User g;
          g.id = NewId(now);
          g.organization_id = org.id;
          g.role = Role::kGuardian;
          g.login = k == 0 ? fmt::format("b{}-{}", suffix, c + 1) : fmt::format("b{}-{}-{}", suffix, c + 1, k + 1);
          g.name = k == 0 ? fmt::format("保護者{}", c + 1) : fmt::format("保護者{}-{}", c + 1, k + 1);
          g.relation = k == 0 ? "母" : k == 1 ? "父" : "祖母";
          g.password_hash = hash;
          g.family_id = family.id;
          if (!o.email_domain.empty()) g.email = fmt::format("c{}g{}@{}", c + 1, k + 1, o.email_domain);
          TRY_STATUS(store::InsertUser(tx, g, now));
          if (!o.push_endpoint_base.empty()) {
            PushSubscription sub{NewId(now), org.id, g.id, o.push_endpoint_base + g.id, o.push_p256dh, o.push_auth, now};
            TRY_STATUS(store::InsertSubscription(tx, sub, now));
          }
        }
        Child child{NewId(now), org.id, family.id, fmt::format("児童{}", c + 1), std::nullopt, {2018, 6, 1}, 1};
        TRY_STATUS(store::InsertChild(tx, child, now));
        TRY_STATUS(store::InsertEnrollment(
            tx, {NewId(now), org.id, facility.id, child.id, family.id, EnrollmentStatus::kActive}, now));
        tsv += token + "\t" + facility.id + "\t" +
               EncodeCredential(key, {org.id, CredentialKind::kChild, child.id, 1}) + "\n";
      }
    }
    return {};
  }));
  if (o.history_days > 0) {
    auto start = std::chrono::steady_clock::now();
    auto n = TRY(db.Transact(db::TxMode::kWrite, [&](db::Tx& tx) {
      return store::InsertVisitHistory(tx, org.id, o.history_days, now);
    }));
    spdlog::info("wrote {} history visits in {:.1f} s", n,
                 std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  }
  std::ofstream out(o.out);
  out << tsv;
  if (!out) return Fail(Error::InvalidArgument("cannot write " + o.out));
  return {};
}

}  // namespace tadaima::bench

// Stamps: a scanned code (or a staff click) becomes an arrival or a departure.
#include <nlohmann/json.hpp>

#include <algorithm>

#include "base/field_errors.h"
#include "base/ids.h"
#include "notify/outbox.h"
#include "rules/credential.h"
#include "rules/permissions.h"
#include "rules/stamp.h"
#include "rules/validation.h"
#include "service/kiosks.h"
#include "service/stamps.h"
#include "service/visit_json.h"
#include "service/stamp_writer.h"
#include "store/enrollment_store.h"
#include "store/family_store.h"
#include "store/kiosk_store.h"
#include "store/organization_store.h"
#include "store/plan_store.h"
#include "store/visit_store.h"
#include "base/reasons.h"

namespace tadaima::service {
namespace {

constexpr int64_t kClockSkewMs = 2 * 60 * 1000;
constexpr int kMaxAdults = 20;
const Problem& kNotOurs = reason::kNotCode;


// The stored form of an outcome (for idempotent replays): instants as numbers.
nlohmann::json StoredVisit(const Visit& v) {
  return {{"id", v.id},
          {"organization_id", v.organization_id},
          {"facility_id", v.facility_id},
          {"child_id", v.child_id},
          {"child_name", v.child_name},
          {"in_at", v.in_at},
          {"out_at", v.out_at ? nlohmann::json(*v.out_at) : nlohmann::json(nullptr)},
          {"pickup_by", v.pickup_by ? nlohmann::json(*v.pickup_by) : nlohmann::json(nullptr)},
          {"left_alone", v.left_alone},
          {"manual", v.method == VisitMethod::kManual},
          {"auto_closed", v.auto_closed},
          {"needs_review", v.needs_review},
          {"review_reason", v.review_reason ? nlohmann::json(*v.review_reason) : nullptr},
          {"group_id", v.group_id ? nlohmann::json(*v.group_id) : nullptr},
          {"adults", v.adults}};
}

Visit VisitFromStored(const nlohmann::json& j) {
  Visit v;
  v.id = j.at("id");
  v.organization_id = j.at("organization_id");
  v.facility_id = j.at("facility_id");
  v.child_id = j.at("child_id");
  v.child_name = j.at("child_name");
  v.in_at = j.at("in_at");
  if (!j.at("out_at").is_null()) v.out_at = j.at("out_at").get<int64_t>();
  if (!j.at("pickup_by").is_null()) v.pickup_by = j.at("pickup_by").get<std::string>();
  v.left_alone = j.value("left_alone", false);
  v.method = j.at("manual").get<bool>() ? VisitMethod::kManual : VisitMethod::kQr;
  v.auto_closed = j.at("auto_closed");
  v.needs_review = j.at("needs_review");
  if (auto it = j.find("review_reason"); it != j.end() && it->is_string()) v.review_reason = it->get<std::string>();
  if (auto it = j.find("group_id"); it != j.end() && it->is_string()) v.group_id = it->get<std::string>();
  v.adults = j.value("adults", 0);
  return v;
}

std::string StoreOutcome(const StampOutcome& o) {
  nlohmann::json results = nlohmann::json::array();
  for (const auto& r : o.results) results.push_back({{"result", r.result}, {"visit", StoredVisit(r.visit)}});
  return nlohmann::json{{"family", o.family},
                        {"results", results},
                        {"pickup_choices", o.pickup_choices},
                        {"pickup_alone", o.pickup_alone},
                        {"group_id", o.group_id ? nlohmann::json(*o.group_id) : nullptr},
                        {"adults", o.adults}}
      .dump();
}

// A stored outcome is written by StoreOutcome only: one that does not read
// back is a damaged row, answered as an internal error (never a crash).
Result<StampOutcome> LoadOutcome(const std::string& text) {
  auto j = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) return Fail(Error::Internal("a stored stamp outcome is not JSON"));
  try {
    StampOutcome o;
    o.replayed = true;
    o.family = j.at("family");
    for (const auto& r : j.at("results")) o.results.push_back({r.at("result"), VisitFromStored(r.at("visit"))});
    o.pickup_choices = j.at("pickup_choices").get<std::vector<std::string>>();
    o.pickup_alone = j.value("pickup_alone", false);
    if (auto it = j.find("group_id"); it != j.end() && it->is_string()) o.group_id = it->get<std::string>();
    o.adults = j.value("adults", 0);
    return o;
  } catch (const nlohmann::json::exception& e) {
    return Fail(Error::Internal(std::string("a stored stamp outcome does not read back: ") + e.what()));
  }
}

// The children a credential stamps at the facility, refusing what it may not.
struct Targets {
  std::vector<Child> children;
  std::optional<Family> family;  // loaded for family codes
};

Result<Targets> ResolveCredential(db::Tx& tx, const std::string& org, const std::string& facility_id,
                                  const CredentialClaims& claims) {
  auto check_version = [](int presented, int current) -> Status {
    if (presented < current) return Fail(Error::InvalidField("credential", reason::kCredentialReplaced));
    if (presented > current) return Fail(Error::InvalidField("credential", kNotOurs));
    return {};
  };
  Targets t;
  if (claims.kind == CredentialKind::kChild) {
    auto child = TRY(store::FindChild(tx, org, claims.subject_id));
    if (!child) return Fail(Error::InvalidField("credential", kNotOurs));
    TRY_STATUS(check_version(claims.version, child->credential_version));
    if (!TRY(store::IsEnrolled(tx, facility_id, child->id)))
      return Fail(Error::InvalidField("credential", reason::kNotEnrolled));
    t.children.push_back(*child);
    return t;
  }
  auto family = TRY(store::FindFamily(tx, org, claims.subject_id));
  if (!family) return Fail(Error::InvalidField("credential", kNotOurs));
  TRY_STATUS(check_version(claims.version, family->credential_version));
  for (const auto& c : family->children)
    if (TRY(store::IsEnrolled(tx, facility_id, c.id))) t.children.push_back(c);
  if (t.children.empty()) return Fail(Error::InvalidField("credential", reason::kNotEnrolled));
  t.family = std::move(family);
  return t;
}

// A family stamped by hand (staff): its children enrolled at the facility.
Result<Targets> FamilyByHand(db::Tx& tx, const std::string& org, const std::string& facility_id,
                             const std::string& family_id) {
  Targets t;
  t.family = TRY(store::FindFamily(tx, org, family_id));
  if (!t.family) return Fail(Error::NotFoundField("family_id", reason::kNoSuchFamily));
  for (const auto& c : t.family->children)
    if (TRY(store::IsEnrolled(tx, facility_id, c.id))) t.children.push_back(c);
  if (t.children.empty()) return Fail(Error::InvalidField("family_id", reason::kNotEnrolled));
  return t;
}

// Tells the child's guardians about an arrival or a departure (in the stamp's transaction);
// returns the in-app rows written.
Result<std::vector<Notification>> EnqueueStampNotice(db::Tx& tx, const Child& child, const Facility& facility, const std::string& result,
                          const Visit& v, const std::string& time_zone, int64_t now) {
  const bool arrived = result == "arrived";
  notify::Notice n;
  n.organization_id = v.organization_id;
  n.family_id = child.family_id;
  n.kind = arrived ? "arrival" : "departure";
  n.event_key = "visit:" + v.id + (arrived ? ":in" : ":out");
  n.facility_id = facility.id;
  n.child_id = child.id;
  n.child_name = child.name;
  n.facility_name = facility.name;
  n.at = arrived ? v.in_at : v.out_at.value_or(now);
  if (!arrived) n.pickup_by = v.pickup_by;
  return notify::Enqueue(tx, n, time_zone, now);
}

}  // namespace

Stamps::Stamps(Context& ctx, Secrets& secrets)
    : AreaService(ctx),
      secrets_(secrets),
      // SQLite has one writer at a time; PostgreSQL runs write transactions side by side.
      stamp_writer_(std::make_unique<StampWriter>(
          ctx.db, ctx.db.dialect() == db::Dialect::kSqlite ? 1 : ctx.settings.pg_stamp_writers)) {}

Stamps::~Stamps() = default;

Result<StampPreview> Stamps::PreviewStamp(const Actor& actor, const std::string& facility_id,
                                            const std::string& credential) {
  TRY_STATUS(MayStamp(actor, facility_id));
  auto key = TRY(secrets_.CredentialKey());
  return db_.Transact(TxMode::kRead, [&](db::Tx& tx) -> Result<StampPreview> {
    auto facility = TRY(store::FindFacility(tx, actor.organization_id, facility_id));
    if (!facility) return Fail(Error::NotFound("facility not found"));
    auto claims = DecodeCredential(key, credential);
    if (!claims || claims->organization_id != actor.organization_id)
      return Fail(Error::InvalidField("credential", kNotOurs));
    Targets t = TRY(ResolveCredential(tx, actor.organization_id, facility_id, *claims));
    if (!t.family) t.family = TRY(store::FindFamily(tx, actor.organization_id, t.children.at(0).family_id));
    StampPreview p;
    p.family = claims->kind == CredentialKind::kFamily;
    p.family_name = t.family->name;
    p.asks_adults = facility->kind == FacilityKind::kDropIn;
    p.pickup_choices = TRY(store::PickupPeople(tx, actor.organization_id, t.family->id));
    p.pickup_alone = std::all_of(t.children.begin(), t.children.end(), [](const Child& c) { return c.may_leave_alone; });
    for (const auto& c : t.children) {
      const auto last = TRY(store::FindLastVisit(tx, c.id, facility_id));
      const bool present = last && !last->out_at;
      p.children.push_back({c.id, c.name, present});
    }
    return p;
  });
}

Status Stamps::Stamp(const Actor& actor, const StampInput& in, StampDone done) {
  TRY_STATUS(MayStamp(actor, in.facility_id));
  FieldErrors errs;
  if (!IsUuid(in.client_id)) errs.Add("client_id", reason::kNotUuid);
  if (int{in.credential.has_value()} + in.child_id.has_value() + in.family_id.has_value() != 1)
    errs.Add("credential", reason::kCredentialOrChild);
  if (in.child_ids && !in.credential && !in.family_id) errs.Add("child_ids", reason::kFamilyCodeOnly);
  if (in.adults && (*in.adults < 0 || *in.adults > kMaxAdults)) errs.Add("adults", reason::OutOfRange(0, kMaxAdults));
  if (in.child_ids && in.child_ids->empty()) errs.Add("child_ids", reason::kChooseChild);
  if (!ParseStampDirection(in.direction)) errs.Add("direction", reason::NotAChoice({"auto", "in", "out"}));
  if (in.pickup_by) errs.Check("pickup_by", CheckName(*in.pickup_by, 50));
  const int64_t now = clock_.NowMs();
  if (in.scanned_at && *in.scanned_at > now + kClockSkewMs) errs.Add("scanned_at", reason::kFutureDate);
  TRY_STATUS(errs.ToStatus());
  std::string key;
  if (in.credential) key = TRY(secrets_.CredentialKey());  // outside the batch: it may write on first use
  // The code's text (or the child) keys the writer lane: one child's stamps meet in one writer.
  const std::string lane_key = in.credential ? *in.credential : in.child_id ? *in.child_id : in.family_id.value_or("");
  stamp_writer_->Submit(lane_key, [this, actor, in, key](db::Tx& tx) { return StampInTx(tx, actor, in, key); },
                        [this, org = actor.organization_id, client_id = in.client_id,
                         tz = actor.time_zone, done = std::move(done)](Result<StampOutcome> outcome) {
                          if (!outcome && outcome.error().fields.count("client_id")) {
                            // Perhaps another process recorded the same client_id meanwhile: answer with its result.
                            auto stored = db_.Transact(TxMode::kRead, [&](db::Tx& tx) {
                              return store::FindStampOutcome(tx, org, client_id);
                            });
                            if (stored && *stored) outcome = LoadOutcome(**stored);
                          }
                          if (outcome && !outcome->replayed) AfterStamp(*outcome, tz);
                          done(std::move(outcome));
                        });
  return {};
}

Result<StampOutcome> Stamps::StampInTx(db::Tx& tx, const Actor& actor, const StampInput& in,
                                         const std::string& key) {
  const std::string& org = actor.organization_id;
  const int64_t now = clock_.NowMs();
  if (IsKiosk(actor)) {
    // The actor may come from the kiosk cache: revocation is checked here, at once.
    auto kiosk = TRY(store::FindKioskByToken(tx, actor.kiosk_token_hash));
    if (!kiosk || kiosk->kiosk.id != actor.kiosk_id) return Fail(Error::Unauthenticated(reason::kKioskRevoked));
    // By name (a child who forgot the card) only while staff opened the menu with the PIN.
    if ((in.child_id || in.family_id) && !KioskUnlocked(kiosk->kiosk, now))
      return Fail(Error::PermissionDenied(reason::kKioskLocked));
  }
  if (auto stored = TRY(store::FindStampOutcome(tx, org, in.client_id))) return LoadOutcome(*stored);
  auto facility = TRY(store::FindFacility(tx, org, in.facility_id));
  if (!facility) return Fail(Error::NotFound("facility not found"));
  const bool drop_in = facility->kind == FacilityKind::kDropIn;
  if (in.adults && !drop_in) return Fail(Error::InvalidField("adults", reason::kNotDropIn));
  const int64_t at = in.scanned_at.value_or(now);
  if (at < now - int64_t{facility->offline_retention_hours} * 3600 * 1000)
    return Fail(Error::InvalidField("scanned_at", reason::kScanTooOld.WithText(
                                            std::string(reason::kScanTooOld.text) + " (" +
                                            std::to_string(facility->offline_retention_hours) + " hours)")));
  std::optional<CredentialClaims> claims;
  if (in.credential) {
    claims = DecodeCredential(key, *in.credential);
    if (!claims || claims->organization_id != org) return Fail(Error::InvalidField("credential", kNotOurs));
    if (in.child_ids && claims->kind != CredentialKind::kFamily)
      return Fail(Error::InvalidField("child_ids", reason::kFamilyCodeOnly));
  }
  Targets targets;
  if (claims || in.family_id) {
    targets = claims ? TRY(ResolveCredential(tx, org, facility->id, *claims))
                     : TRY(FamilyByHand(tx, org, facility->id, *in.family_id));
    if (in.child_ids) {
      std::vector<Child> chosen;
      for (size_t i = 0; i < in.child_ids->size(); ++i) {
        const auto& id = (*in.child_ids)[i];
        auto it = std::find_if(targets.children.begin(), targets.children.end(), [&](const Child& c) { return c.id == id; });
        if (it == targets.children.end())
          return Fail(Error::InvalidField("child_ids[" + std::to_string(i) + "]", reason::kNotFamilyChild));
        if (std::none_of(chosen.begin(), chosen.end(), [&](const Child& c) { return c.id == id; })) chosen.push_back(*it);
      }
      targets.children = std::move(chosen);
    }
  } else {
    auto child = TRY(store::FindChild(tx, org, *in.child_id));
    if (!child) return Fail(Error::NotFoundField("child_id", reason::kNoSuchChild));
    if (!TRY(store::IsEnrolled(tx, facility->id, child->id)))
      return Fail(Error::InvalidField("child_id", reason::kNotEnrolled));
    targets.children.push_back(*child);
  }

  // Lock the children in one order, so two concurrent family stamps cannot deadlock.
  std::vector<std::string> lock_order;
  for (const auto& c : targets.children) lock_order.push_back(c.id);
  std::sort(lock_order.begin(), lock_order.end());
  for (const auto& id : lock_order) TRY_STATUS(store::LockChild(tx, id));

  StampOutcome out;
  out.family = targets.family.has_value();
  const VisitMethod method = claims ? VisitMethod::kQr : VisitMethod::kManual;
  const int64_t window = int64_t{facility->duplicate_window_seconds} * 1000;
  bool departed = false, all_may_leave_alone = true;
  for (const auto& child : targets.children) {
    if (ChecksDuplicates(method, window)) {
      if (auto near = TRY(store::FindVisitNear(tx, child.id, facility->id, at, window))) {
        out.results.push_back({"duplicate", *near});
        continue;
      }
    }
    auto last = TRY(store::FindLastVisit(tx, child.id, facility->id));
    std::optional<Visit> open = last && !last->out_at ? last : std::nullopt;
    auto action = DecideStamp(*ParseStampDirection(in.direction), open.has_value());
    auto at_child = action ? StampTime(at, last, kClockSkewMs) : Result<int64_t>(std::unexpected(action.error()));
    if (!at_child) {  // name the child: a family stamp names several
      Error e = std::move(at_child).error();
      e.message = child.name + " " + e.message;
      return Fail(std::move(e));
    }
    if (*action == StampAction::kArrive) {
      if (drop_in && !out.group_id) {  // the arrivals of this stamp are one visit (組)
        store::VisitGroup g{NewId(now), org, facility->id, child.family_id, std::nullopt,
                            method == VisitMethod::kManual ? "manual" : "qr", *at_child, in.adults.value_or(1)};
        if (!IsKiosk(actor)) g.created_by = actor.user_id;
        TRY_STATUS(store::InsertVisitGroup(tx, g, now));
        out.group_id = g.id;
        out.adults = g.adults;
      }
      Visit v;
      v.group_id = out.group_id;
      v.adults = out.adults;
      v.id = NewId(now);
      v.organization_id = org;
      v.facility_id = facility->id;
      v.child_id = child.id;
      v.child_name = child.name;
      v.in_at = *at_child;
      v.method = method;
      const CivilDate day = DateAt(v.in_at, actor.time_zone);
      store::PlanQuery pq{org, child.id, facility->id, std::nullopt, day, day};
      const auto plans = TRY(store::ListPlans(tx, pq));
      v.review_reason = ArrivalReview(plans.empty() ? std::nullopt : std::optional(plans[0]), v.in_at,
                                      InstantAt(day, facility->closes_at, actor.time_zone));
      v.needs_review = v.review_reason.has_value();
      TRY_STATUS(store::InsertVisit(tx, v, now));
      for (auto& n : TRY(EnqueueStampNotice(tx, child, *facility, "arrived", v, actor.time_zone, now)))
        out.inbox.push_back(std::move(n));
      out.results.push_back({"arrived", v, child.family_id});
    } else {
      open->out_at = *at_child;
      if (in.pickup_by) open->pickup_by = TrimSpaces(*in.pickup_by);
      TRY_STATUS(store::UpdateVisit(tx, *open, now));
      for (auto& n : TRY(EnqueueStampNotice(tx, child, *facility, "departed", *open, actor.time_zone, now)))
        out.inbox.push_back(std::move(n));
      out.results.push_back({"departed", *open, child.family_id});
      departed = true;
      all_may_leave_alone = all_may_leave_alone && child.may_leave_alone;
    }
  }
  if (departed || out.family) out.pickup_choices = TRY(store::PickupPeople(tx, org, targets.children.at(0).family_id));
  out.pickup_alone = departed && all_may_leave_alone;
  auto stored = store::InsertStampOutcome(tx, org, in.client_id, StoreOutcome(out), now);
  if (!stored && stored.error().code == ErrorCode::kConflict)  // another process, same client_id
    return Fail(Error::Conflict(reason::kRecordedMeanwhile.WithText("this client_id was recorded meanwhile"), {{"client_id", reason::kRecordedMeanwhile}}));
  TRY_STATUS(stored);
  return out;
}

void Stamps::AfterStamp(const StampOutcome& outcome, const std::string& time_zone) const {
  bool written = false;
  for (const auto& r : outcome.results) {
    if (r.result == "duplicate") continue;
    written = true;
    const Visit& v = r.visit;
    ctx_.Publish({v.organization_id, "stamp", v.facility_id, r.family_id, std::nullopt,
             {{"result", r.result}, {"visit", VisitJson(v, time_zone)}}});
    ctx_.AnnounceVisitChange(v.organization_id, v.facility_id, time_zone, v.in_at);
  }
  if (written && ctx_.hooks.outbox_written) ctx_.hooks.outbox_written(outcome.inbox);
}

}  // namespace tadaima::service

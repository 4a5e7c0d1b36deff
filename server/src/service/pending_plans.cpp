// The staff's list of plans that wait for them (連絡（未確認）): absences and
// late changes not acknowledged yet (rules/plans.h, WaitsForStaff).
#include <charconv>

#include "base/field_errors.h"
#include "base/reasons.h"
#include "rules/permissions.h"
#include "service/filters.h"
#include "service/plans.h"
#include "store/plan_store.h"

namespace tadaima::service {
namespace {

constexpr int kPendingMaxDays = 62;  // the list's longest range (and default)

// The cursor after a line: its date, updated_at and id.
std::string PendingCursor(const Plan& p) { return p.date.ToString() + "." + std::to_string(p.updated_at) + "." + p.id; }

std::optional<store::PendingPlanQuery::After> ParsePendingCursor(const std::string& text) {
  constexpr size_t kDateLength = 10;
  if (text.size() < kDateLength + 4 || text[kDateLength] != '.') return std::nullopt;
  auto date = CivilDate::Parse(text.substr(0, kDateLength));
  const size_t dot = text.find('.', kDateLength + 1);
  if (!date || dot == std::string::npos || dot + 1 == text.size()) return std::nullopt;
  int64_t updated_at = 0;
  const char* first = text.data() + kDateLength + 1;
  const char* last = text.data() + dot;
  auto [end, ec] = std::from_chars(first, last, updated_at);
  if (ec != std::errc() || end != last || first == last) return std::nullopt;
  return store::PendingPlanQuery::After{*date, updated_at, text.substr(dot + 1)};
}

}  // namespace

Result<PendingPlanPage> Plans::ListPendingPlans(const Actor& actor, const PendingPlanFilter& f) {
  TRY_STATUS(RequireStaff(actor));
  FieldErrors errs;
  if (f.pending && *f.pending != "true")
    errs.Add("pending", reason::kPendingOnly);
  auto date = [&](const char* field, const std::optional<std::string>& text) -> std::optional<CivilDate> {
    if (!text) return std::nullopt;
    auto d = CivilDate::Parse(*text);
    if (!d) errs.Add(field, reason::kNotDate);
    return d;
  };
  const CivilDate from = date("from", f.from).value_or(ctx_.Today(actor));
  const CivilDate to = date("to", f.to).value_or(AddDays(from, kPendingMaxDays));
  if (!errs.Has("from") && !errs.Has("to")) {
    if (to < from) errs.Add("to", reason::kBeforeFrom);
    else if (to > AddDays(from, kPendingMaxDays)) errs.Add("to", reason::RangeTooLong(kPendingMaxDays));
  }
  store::PendingPlanQuery q;
  if (f.cursor && !f.cursor->empty()) {
    q.after = ParsePendingCursor(*f.cursor);
    if (!q.after) errs.Add("cursor", reason::kBadCursor);
  }
  TRY_STATUS(errs.ToStatus());
  q.organization_id = actor.organization_id;
  q.facility_id = f.facility_id;
  q.staff_user_id = FacilityScope(actor);
  q.from = from;
  q.to = to;
  q.limit = f.limit + 1;
  return db_.Transact(TxMode::kRead, [&](db::Tx& tx) -> Result<PendingPlanPage> {
    if (f.facility_id) TRY_STATUS(CheckFacilityFilter(tx, actor, *f.facility_id));
    PendingPlanPage page;
    page.from = from;
    page.to = to;
    for (auto& row : TRY(store::ListPendingPlans(tx, q)))
      page.items.push_back({std::move(row.plan), std::move(row.child), std::move(row.facility_name)});
    if (static_cast<int>(page.items.size()) > f.limit) {
      page.items.pop_back();
      page.next_cursor = PendingCursor(page.items.back().plan);
    }
    page.total = TRY(store::CountPendingPlans(tx, q));
    return page;
  });
}

}  // namespace tadaima::service

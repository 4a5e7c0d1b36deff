#include "rules/stamp.h"

#include "base/reasons.h"

namespace tadaima {

std::optional<StampDirection> ParseStampDirection(std::string_view text) {
  if (text == "auto") return StampDirection::kAuto;
  if (text == "in") return StampDirection::kIn;
  if (text == "out") return StampDirection::kOut;
  return std::nullopt;
}

bool ChecksDuplicates(VisitMethod method, int64_t window_ms) { return method == VisitMethod::kQr && window_ms > 0; }

Result<StampAction> DecideStamp(StampDirection direction, bool open_visit) {
  switch (direction) {
    case StampDirection::kAuto: return open_visit ? StampAction::kDepart : StampAction::kArrive;
    case StampDirection::kIn:
      if (open_visit) return Fail(Error::Conflict(reason::kAlreadyHere));
      return StampAction::kArrive;
    case StampDirection::kOut:
      if (!open_visit) return Fail(Error::Conflict(reason::kNotHere));
      return StampAction::kDepart;
  }
  return StampAction::kArrive;
}

Result<int64_t> StampTime(int64_t at, const std::optional<Visit>& last, int64_t tolerance_ms) {
  if (!last) return at;
  const int64_t last_at = last->out_at.value_or(last->in_at);
  if (at >= last_at) return at;
  if (last_at - at <= tolerance_ms) return last_at;
  return Fail(Error::Conflict(reason::kBeforeLastStamp));
}

std::optional<std::string> ArrivalReview(const std::optional<Plan>& plan, int64_t at, int64_t closes_at) {
  if (plan && plan->status == PlanStatus::kAbsent) return "absent_plan";
  if (at >= closes_at) return "after_closing";
  return std::nullopt;
}

}  // namespace tadaima

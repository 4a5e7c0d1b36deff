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

}  // namespace tadaima

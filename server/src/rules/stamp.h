// The scan → arrival/departure decision. Pure functions: the service looks
// up the child's visits and asks these what the stamp does.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "base/error.h"
#include "model/model.h"

namespace tadaima {

// What the stamp asks for: auto (arrive when not here, else depart), in, out.
enum class StampDirection { kAuto, kIn, kOut };
std::optional<StampDirection> ParseStampDirection(std::string_view text);

// Whether a stamp by `method` is checked against the facility's duplicate
// window: only QR scans (a card held twice), and only with a window.
bool ChecksDuplicates(VisitMethod method, int64_t window_ms);

enum class StampAction { kArrive, kDepart };

// The stamp's action for a child who has (`open_visit`) or has not an open
// visit at the facility: auto arrives or departs; in with an open visit is
// a conflict (already_here), out without one too (not_here).
Result<StampAction> DecideStamp(StampDirection direction, bool open_visit);

}  // namespace tadaima

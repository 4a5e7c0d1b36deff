// The scan → arrival/departure decision. Pure functions: the service looks
// up the child's visits and asks these what the stamp does.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
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

// When a stamp at `at` takes effect, given the child's last visit at the
// facility (open or not), so that stamps never go back in time: before the
// last stamp (its departure, or its arrival while open) by at most
// `tolerance_ms` (the server's clock stepped back, two kiosks' clocks
// disagree) it takes effect at that stamp; further before it is a conflict
// (before_last_stamp), for staff to correct by hand.
Result<int64_t> StampTime(int64_t at, const std::optional<Visit>& last, int64_t tolerance_ms);

// Why an arrival at `at` needs staff's review, if it does: the child's plan
// for that day at the facility is an absence (absent_plan), or it comes at or
// after the facility's closing time `closes_at` that day (after_closing).
std::optional<std::string> ArrivalReview(const std::optional<Plan>& plan, int64_t at, int64_t closes_at);

}  // namespace tadaima

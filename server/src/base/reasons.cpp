#include "base/reasons.h"

namespace tadaima::reason {
namespace {

std::string Num(long n) { return std::to_string(n); }

}  // namespace

Problem TooLong(long max) { return {"too_long", "must be at most " + Num(max) + " characters", {{"max", Num(max)}}}; }

Problem TooShort(long min) {
  return {"too_short", "must be at least " + Num(min) + " characters", {{"min", Num(min)}}};
}

Problem LengthRange(long min, long max) {
  return {"length_range", "must be " + Num(min) + " to " + Num(max) + " characters",
          {{"min", Num(min)}, {"max", Num(max)}}};
}

Problem OutOfRange(long min, long max) {
  return {"out_of_range", "must be from " + Num(min) + " to " + Num(max), {{"min", Num(min)}, {"max", Num(max)}}};
}

Problem RangeTooLong(long max_days) {
  return {"range_too_long", "must be at most " + Num(max_days) + " days after from", {{"max_days", Num(max_days)}}};
}

Problem NotAChoice(const std::vector<std::string>& choices) {
  std::string text = "must be ", joined;
  for (size_t i = 0; i < choices.size(); ++i) {
    text += (i == 0 ? "" : i + 1 == choices.size() ? " or " : ", ") + choices[i];
    joined += (i == 0 ? "" : ",") + choices[i];
  }
  return {"not_a_choice", text, {{"choices", joined}}};
}

std::vector<std::string_view> AllReasons() {
  std::vector<std::string_view> all = {
#define TADAIMA_REASON_ID(name, id, text) id,
      TADAIMA_REASONS(TADAIMA_REASON_ID)
#undef TADAIMA_REASON_ID
          "too_long",
      "too_short", "length_range", "out_of_range", "range_too_long", "not_a_choice"};
  for (auto c : {ErrorCode::kInvalidArgument, ErrorCode::kUnauthenticated, ErrorCode::kPermissionDenied,
                 ErrorCode::kNotFound, ErrorCode::kConflict, ErrorCode::kUnsupportedMediaType,
                 ErrorCode::kTooManyRequests, ErrorCode::kUnavailable, ErrorCode::kInternal})
    all.push_back(ErrorCodeName(c));
  return all;
}

}  // namespace tadaima::reason

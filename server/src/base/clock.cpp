#include "base/clock.h"

#include <chrono>
#include <string>

#include "base/reasons.h"
#include "base/time.h"

namespace tadaima {

int64_t Clock::SystemMs() {
  using namespace std::chrono;
  return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

Clock Clock::StartingAt(int64_t start_ms) {
  auto state = std::make_shared<State>();
  state->value.store(start_ms - SystemMs());
  return Clock(std::move(state));
}

Clock Clock::Frozen(int64_t at_ms) {
  auto state = std::make_shared<State>();
  state->frozen = true;
  state->value.store(at_ms);
  return Clock(std::move(state));
}

int64_t Clock::NowMs() const {
  if (!state_) return SystemMs();
  const int64_t value = state_->value.load(std::memory_order_acquire);
  return state_->frozen ? value : SystemMs() + value;
}

Result<int64_t> Clock::MoveTo(int64_t at_ms) const {
  if (!frozen()) return Fail(Error::InvalidArgument("only a test clock can be moved"));
  int64_t now = state_->value.load(std::memory_order_acquire);
  // Two moves at once: each either sees the other's time or replaces an earlier one.
  while (at_ms >= now) {
    if (state_->value.compare_exchange_weak(now, at_ms, std::memory_order_acq_rel)) return at_ms;
  }
  const Problem problem = reason::kClockBackwards.WithText("must not be before the clock's time " +
                                                           FormatInstant(now, "UTC"));
  return Fail(Error::Conflict(problem.WithText("the clock never runs backwards: at " + problem.text), {{"at", problem}}));
}

Result<int64_t> Clock::Advance(int64_t ms) const {
  if (!frozen()) return Fail(Error::InvalidArgument("only a test clock can be moved"));
  if (ms < 0) return Fail(Error::InvalidField("advance_ms", reason::kClockBackwards));
  const int64_t before = state_->value.fetch_add(ms, std::memory_order_acq_rel);
  return before + ms;
}

}  // namespace tadaima

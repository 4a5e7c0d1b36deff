// Clock: where the server reads the time. Copies share one state, so every
// part of the process that holds a copy (services, notification workers, jobs)
// reads the same time. Thread-safe.
//
// Three kinds:
// - the system clock (the default; production);
// - a clock that starts at a chosen instant and runs on in real time
//   (StartingAt; TADAIMA_CLOCK_START, for demos);
// - a test clock (Frozen; TADAIMA_TEST_CLOCK): it stands still at its instant
//   and moves only when MoveTo or Advance is called, never backwards.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>

#include "base/error.h"

namespace tadaima {

class Clock {
 public:
  // The system clock.
  Clock() = default;
  // A clock that reads start_ms now and runs on from there.
  static Clock StartingAt(int64_t start_ms);
  // A test clock standing at at_ms.
  static Clock Frozen(int64_t at_ms);

  // Milliseconds since the Unix epoch.
  int64_t NowMs() const;
  // Whether this is a test clock (MoveTo and Advance work on it).
  bool frozen() const { return state_ && state_->frozen; }

  // Moves a test clock to at_ms and returns the new time. Staying where it
  // is (at_ms == NowMs()) is a move too. Fails with conflict (naming the
  // field "at") when at_ms is before the clock's time: time never runs
  // backwards (leases, retries, ids and audit entries rely on it); with
  // invalid_argument when this is not a test clock.
  Result<int64_t> MoveTo(int64_t at_ms) const;
  // Moves a test clock on by ms and returns the new time. Fails with
  // invalid_argument (naming "advance_ms") when ms < 0, and when this is not
  // a test clock.
  Result<int64_t> Advance(int64_t ms) const;

  // The system's time in milliseconds since the Unix epoch.
  static int64_t SystemMs();

 private:
  struct State {
    bool frozen = false;
    // A running clock: the offset from the system time. A test clock: its time.
    std::atomic<int64_t> value{0};
  };
  explicit Clock(std::shared_ptr<State> state) : state_(std::move(state)) {}

  std::shared_ptr<State> state_;  // null: the system clock
};

}  // namespace tadaima

// Clock: where the server reads the time. Thread-safe.
//
// Production uses the system clock; tests and demos may start the clock at a
// chosen instant (TADAIMA_CLOCK_START) from which it runs on in real time.
#pragma once

#include <chrono>
#include <cstdint>

namespace tadaima {

class Clock {
 public:
  // Starts at the system time plus offset_ms.
  explicit Clock(int64_t offset_ms = 0) : offset_ms_(offset_ms) {}
  // Milliseconds since the Unix epoch.
  int64_t NowMs() const {
    using namespace std::chrono;
    return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count() +
           offset_ms_;
  }
  // A clock that reads start_ms now and runs on from there.
  static Clock StartingAt(int64_t start_ms) { return Clock(start_ms - Clock().NowMs()); }

 private:
  int64_t offset_ms_;
};

}  // namespace tadaima

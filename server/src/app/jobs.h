// BackgroundJobs: the jobs that depend on the time — closing visits left open
// after closing time (Visits::CloseDueVisits), sending the scheduled messages
// that are due (Messages::SendDue) and raising expected children who have not
// arrived (Plans::RaiseNotArrived).
//
// On a running clock they run on their own thread, at once and then every
// `interval`. On a test clock (Clock::frozen) there is no timer: they run
// once in Start and then whenever RunNow is called — after each move of the
// clock — so a test sees their effect at the time it chose and never races
// them. A failed job is logged; the next run tries again. Thread-safe.
#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "service/services.h"

namespace tadaima::app {

class BackgroundJobs {
 public:
  // REQUIRES: `services` outlives this object.
  BackgroundJobs(service::Services& services, std::chrono::seconds interval);
  ~BackgroundJobs();  // stops the thread; waits for a run in progress

  // Starts the timer thread, or (test clock) runs the jobs once before returning.
  void Start();
  // Runs every job once, on the caller's thread, after a run in progress ends.
  void RunNow();
  // Stops the timer thread after the run in progress (if any); again: nothing.
  void Stop();

 private:
  void Loop();

  service::Services& services_;
  const std::chrono::seconds interval_;
  std::mutex run_mu_;  // one run at a time
  std::mutex mu_;
  std::condition_variable cv_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace tadaima::app

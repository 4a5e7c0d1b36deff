// BackgroundJobs: the jobs that depend on the time — closing visits left open
// after closing time (Visits::CloseDueVisits), sending the scheduled messages
// that are due (Messages::SendDue) and raising expected children who have not
// arrived (Plans::RaiseNotArrived), and mailing the confirmations of
// pre-registrations (Registrations::MailConfirmations).
//
// On a running clock they run on their own thread, at once and then every
// `interval`. On a test clock (Clock::frozen) there is no timer: they run
// once in Start and then whenever RunNow is called — after each move of the
// clock — so a test sees their effect at the time it chose and never races
// them. A failed job is logged; the next run tries again.
//
// Apart from the clock, a fan-out thread writes the outbox rows of messages
// sent to many families (Messages::FanOut) whenever KickFanOut is called, and
// once at Start for what a crash left unwritten. Thread-safe.
#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "notify/senders.h"
#include "service/services.h"

namespace tadaima::app {

class BackgroundJobs {
 public:
  // REQUIRES: `services` outlives this object.
  // `smtp`: where the pre-registrations' confirmation mails go (empty url: none are sent).
  BackgroundJobs(service::Services& services, std::chrono::seconds interval, notify::SmtpOptions smtp = {});
  ~BackgroundJobs();  // stops the thread; waits for a run in progress

  // Starts the timer thread, or (test clock) runs the jobs once before returning.
  void Start();
  // Runs every job once, on the caller's thread, after a run in progress ends.
  void RunNow();
  // Stops the threads after the runs in progress (if any); again: nothing.
  void Stop();
  // Runs Messages::FanOut on the fan-out thread soon (now, unless it is running).
  void KickFanOut();

 private:
  void Loop();
  void FanOutLoop();

  service::Services& services_;
  const std::chrono::seconds interval_;
  const notify::SmtpOptions smtp_;
  std::unique_ptr<notify::Transfers> transfers_;  // guarded by run_mu_; made on first use
  std::mutex run_mu_;  // one run at a time
  std::mutex mu_;
  std::condition_variable cv_;
  bool stopping_ = false;
  bool fan_out_due_ = true;  // guarded by mu_
  std::condition_variable fan_out_cv_;
  std::thread thread_, fan_out_thread_;
};

}  // namespace tadaima::app

#include "app/jobs.h"

#include <spdlog/spdlog.h>

namespace tadaima::app {

BackgroundJobs::BackgroundJobs(service::Services& services, std::chrono::seconds interval, notify::SmtpOptions smtp)
    : services_(services), interval_(interval), smtp_(std::move(smtp)) {}

BackgroundJobs::~BackgroundJobs() { Stop(); }

void BackgroundJobs::Stop() {
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
  }
  cv_.notify_all();
  fan_out_cv_.notify_all();
  if (thread_.joinable()) thread_.join();
  if (fan_out_thread_.joinable()) fan_out_thread_.join();
}

void BackgroundJobs::KickFanOut() {
  {
    std::lock_guard lock(mu_);
    fan_out_due_ = true;
  }
  fan_out_cv_.notify_one();
}

void BackgroundJobs::FanOutLoop() {
  std::unique_lock lock(mu_);
  for (;;) {
    fan_out_cv_.wait(lock, [&] { return stopping_ || fan_out_due_; });
    if (stopping_) return;
    fan_out_due_ = false;
    lock.unlock();
    if (auto families = services_.messages.FanOut(); !families)
      spdlog::error("writing the notifications of messages failed: {}", families.error().message);
    else if (*families > 0)
      spdlog::info("wrote the notifications of messages to {} families", *families);
    lock.lock();
  }
}

void BackgroundJobs::Start() {
  fan_out_thread_ = std::thread([this] { FanOutLoop(); });
  if (services_.context.clock.frozen()) {
    RunNow();
    return;
  }
  thread_ = std::thread([this] { Loop(); });
}

void BackgroundJobs::RunNow() {
  std::lock_guard run(run_mu_);
  if (auto closed = services_.visits.CloseDueVisits(); !closed)
    spdlog::error("auto-close failed: {}", closed.error().message);
  else if (*closed > 0)
    spdlog::info("auto-closed {} visit(s) at closing time", *closed);
  if (auto sent = services_.messages.SendDue(); !sent)
    spdlog::error("scheduled messages failed: {}", sent.error().message);
  else if (*sent > 0)
    spdlog::info("sent {} scheduled message(s)", *sent);
  if (auto raised = services_.plans.RaiseNotArrived(); !raised)
    spdlog::error("not-arrived job failed: {}", raised.error().message);
  else if (*raised > 0)
    spdlog::info("raised {} not-arrived child(ren)", *raised);
  if (!smtp_.url.empty()) {
    if (!transfers_) transfers_ = std::make_unique<notify::Transfers>(smtp_, 2);
    // One run for the whole batch: a mail server that does not answer costs the jobs 30 s, not 30 s a mail.
    auto mailed = services_.registrations.MailConfirmations(
        smtp_.from, [this](const std::vector<std::pair<std::string, std::string>>& mails) {
          std::vector<notify::SendResult> results(mails.size());
          for (size_t i = 0; i < mails.size(); ++i)
            transfers_->AddMail(mails[i].first, mails[i].second, [&results, i](notify::SendResult r) { results[i] = std::move(r); });
          transfers_->Run(std::chrono::steady_clock::now() + std::chrono::seconds(30));
          return results;
        });
    if (!mailed) spdlog::error("pre-registration mails failed: {}", mailed.error().message);
    else if (*mailed > 0) spdlog::info("mailed {} pre-registration confirmation(s)", *mailed);
  }
  KickFanOut();  // a fan-out that failed is tried again
}

void BackgroundJobs::Loop() {
  std::unique_lock lock(mu_);
  while (!stopping_) {
    lock.unlock();
    RunNow();
    lock.lock();
    cv_.wait_for(lock, interval_, [&] { return stopping_; });
  }
}

}  // namespace tadaima::app

#include "base/clock.h"

#include <gtest/gtest.h>

#include <thread>
#include <vector>

namespace tadaima {
namespace {

constexpr int64_t kStart = 1'812'610'800'000;  // 2027-06-10T15:00:00+09:00

TEST(ClockTest, TheSystemClockIsTheSystemsTime) {
  Clock clock;
  const int64_t before = Clock::SystemMs();
  const int64_t now = clock.NowMs();
  EXPECT_GE(now, before);
  EXPECT_LE(now, Clock::SystemMs());
  EXPECT_FALSE(clock.frozen());
  EXPECT_FALSE(clock.MoveTo(now + 1000));
  EXPECT_FALSE(clock.Advance(1000));
}

TEST(ClockTest, StartingAtRunsOnInRealTime) {
  const int64_t system_before = Clock::SystemMs();
  Clock clock = Clock::StartingAt(kStart);
  const int64_t first = clock.NowMs();
  EXPECT_GE(first, kStart);
  EXPECT_LE(first - kStart, Clock::SystemMs() - system_before);
  // It follows the system clock: 5 ms later it reads about 5 ms more.
  const int64_t system_mid = Clock::SystemMs(), mid = clock.NowMs();
  while (Clock::SystemMs() < system_mid + 5) std::this_thread::yield();
  EXPECT_GE(clock.NowMs(), mid + 4);
  EXPECT_FALSE(clock.frozen());
  EXPECT_EQ(clock.MoveTo(kStart + 1000).error().code, ErrorCode::kInvalidArgument);
}

TEST(ClockTest, AFrozenClockStandsStill) {
  Clock clock = Clock::Frozen(kStart);
  EXPECT_TRUE(clock.frozen());
  EXPECT_EQ(clock.NowMs(), kStart);
  const int64_t system = Clock::SystemMs();
  while (Clock::SystemMs() < system + 2) std::this_thread::yield();
  EXPECT_EQ(clock.NowMs(), kStart);
}

TEST(ClockTest, MovesOnlyForwardAndAnswersTheNewTime) {
  Clock clock = Clock::Frozen(kStart);
  EXPECT_EQ(clock.MoveTo(kStart + 60'000), kStart + 60'000);
  EXPECT_EQ(clock.NowMs(), kStart + 60'000);
  EXPECT_EQ(clock.MoveTo(kStart + 60'000), kStart + 60'000);  // standing still is a move
  auto back = clock.MoveTo(kStart);
  ASSERT_FALSE(back);
  EXPECT_EQ(back.error().code, ErrorCode::kConflict);
  EXPECT_TRUE(back.error().fields.count("at"));
  EXPECT_EQ(clock.NowMs(), kStart + 60'000);

  EXPECT_EQ(clock.Advance(500), kStart + 60'500);
  EXPECT_EQ(clock.Advance(0), kStart + 60'500);
  auto negative = clock.Advance(-1);
  ASSERT_FALSE(negative);
  EXPECT_EQ(negative.error().code, ErrorCode::kInvalidArgument);
  EXPECT_TRUE(negative.error().fields.count("advance_ms"));
  EXPECT_EQ(clock.NowMs(), kStart + 60'500);
}

TEST(ClockTest, CopiesShareTheTime) {
  Clock clock = Clock::Frozen(kStart);
  Clock copy = clock;
  const Clock& held = copy;
  EXPECT_EQ(clock.Advance(1000), kStart + 1000);
  EXPECT_EQ(copy.NowMs(), kStart + 1000);
  EXPECT_EQ(held.MoveTo(kStart + 5000), kStart + 5000);
  EXPECT_EQ(clock.NowMs(), kStart + 5000);
}

TEST(ClockTest, ConcurrentMovesAddUpAndNeverGoBack) {
  Clock clock = Clock::Frozen(kStart);
  constexpr int kThreads = 8, kMoves = 1000;
  std::vector<std::thread> threads;
  std::atomic<bool> went_back{false};
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      Clock mine = clock;
      int64_t last = mine.NowMs();
      for (int i = 0; i < kMoves; ++i) {
        if (t % 2 == 0) {
          auto now = mine.Advance(1);
          if (!now || *now <= last) went_back = true;
          else last = *now;
        } else {
          // Moving to a time already passed fails; to the present or later succeeds.
          int64_t target = mine.NowMs();
          auto now = mine.MoveTo(target);
          if (now && *now < last) went_back = true;
          const int64_t read = mine.NowMs();
          if (read < last) went_back = true;
          last = read;
        }
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_FALSE(went_back);
  // Every Advance(1) counted once: the MoveTo calls never took time away.
  EXPECT_EQ(clock.NowMs(), kStart + (kThreads / 2) * kMoves);
}

}  // namespace
}  // namespace tadaima

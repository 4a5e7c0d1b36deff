// Metrics: request counts and latency by route, database time by query, in
// the Prometheus text format. Thread-safe.
#pragma once

#include <map>
#include <mutex>
#include <span>
#include <string>
#include <vector>

namespace tadaima::http {

class Metrics {
 public:
  void ObserveRequest(const std::string& method, const std::string& route, int status, double seconds);
  void ObserveQuery(const std::string& name, double seconds);
  // A notification attempt's result; for delivered ones, commit -> delivery time.
  void ObserveDelivery(const std::string& channel, const std::string& result, double seconds);
  void SetPendingNotifications(int64_t n);
  void SetLiveListeners(int64_t n);
  // The exposition text for GET /metrics.
  std::string Render() const;

 private:
  struct Histogram {
    std::vector<uint64_t> buckets;  // cumulative counts per bound
    uint64_t count = 0;
    double sum = 0;
  };
  static void Observe(Histogram& h, double seconds, std::span<const double> bounds);
  static void RenderHistogram(std::string& out, const std::string& name, const std::string& labels,
                              const Histogram& h, std::span<const double> bounds);

  mutable std::mutex mu_;
  std::map<std::string, uint64_t> requests_;         // labels -> count
  std::map<std::string, Histogram> request_latency_;  // labels -> histogram
  std::map<std::string, Histogram> query_latency_;
  std::map<std::string, uint64_t> deliveries_;             // channel, result -> count
  std::map<std::string, Histogram> delivery_latency_;      // channel -> histogram
  int64_t pending_notifications_ = 0;
  int64_t live_listeners_ = 0;
};

}  // namespace tadaima::http

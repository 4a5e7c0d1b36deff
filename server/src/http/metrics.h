// Metrics: request counts and latency by route, database time by query, in
// the Prometheus text format. Thread-safe.
#pragma once

#include <map>
#include <mutex>
#include <string>
#include <vector>

namespace tadaima::http {

class Metrics {
 public:
  void ObserveRequest(const std::string& method, const std::string& route, int status, double seconds);
  void ObserveQuery(const std::string& name, double seconds);
  // The exposition text for GET /metrics.
  std::string Render() const;

 private:
  struct Histogram {
    std::vector<uint64_t> buckets;  // cumulative counts per bound
    uint64_t count = 0;
    double sum = 0;
  };
  static void Observe(Histogram& h, double seconds);
  static void RenderHistogram(std::string& out, const std::string& name, const std::string& labels,
                              const Histogram& h);

  mutable std::mutex mu_;
  std::map<std::string, uint64_t> requests_;         // labels -> count
  std::map<std::string, Histogram> request_latency_;  // labels -> histogram
  std::map<std::string, Histogram> query_latency_;
};

}  // namespace tadaima::http

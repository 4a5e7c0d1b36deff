#include "http/metrics.h"

#include <fmt/format.h>

namespace tadaima::http {
namespace {

constexpr double kBounds[] = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5};

std::string Escape(const std::string& v) {
  std::string out;
  for (char c : v) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out;
}

}  // namespace

void Metrics::Observe(Histogram& h, double seconds) {
  if (h.buckets.empty()) h.buckets.assign(std::size(kBounds), 0);
  for (size_t i = 0; i < std::size(kBounds); ++i)
    if (seconds <= kBounds[i]) ++h.buckets[i];
  ++h.count;
  h.sum += seconds;
}

void Metrics::ObserveRequest(const std::string& method, const std::string& route, int status, double seconds) {
  std::string r = fmt::format("method=\"{}\",route=\"{}\"", Escape(method), Escape(route));
  std::lock_guard lock(mu_);
  ++requests_[fmt::format("{},status=\"{}\"", r, status)];
  Observe(request_latency_[r], seconds);
}

void Metrics::ObserveQuery(const std::string& name, double seconds) {
  std::lock_guard lock(mu_);
  Observe(query_latency_[fmt::format("query=\"{}\"", Escape(name))], seconds);
}

void Metrics::RenderHistogram(std::string& out, const std::string& name, const std::string& labels,
                              const Histogram& h) {
  for (size_t i = 0; i < std::size(kBounds); ++i)
    out += fmt::format("{}_bucket{{{},le=\"{}\"}} {}\n", name, labels, kBounds[i], h.buckets[i]);
  out += fmt::format("{}_bucket{{{},le=\"+Inf\"}} {}\n", name, labels, h.count);
  out += fmt::format("{}_sum{{{}}} {}\n{}_count{{{}}} {}\n", name, labels, h.sum, name, labels, h.count);
}

std::string Metrics::Render() const {
  std::lock_guard lock(mu_);
  std::string out;
  out += "# HELP tadaima_http_requests_total HTTP requests by route and status.\n";
  out += "# TYPE tadaima_http_requests_total counter\n";
  for (const auto& [labels, n] : requests_) out += fmt::format("tadaima_http_requests_total{{{}}} {}\n", labels, n);
  out += "# HELP tadaima_http_request_duration_seconds Time to answer a request, by route.\n";
  out += "# TYPE tadaima_http_request_duration_seconds histogram\n";
  for (const auto& [labels, h] : request_latency_)
    RenderHistogram(out, "tadaima_http_request_duration_seconds", labels, h);
  out += "# HELP tadaima_db_query_duration_seconds Database time by query.\n";
  out += "# TYPE tadaima_db_query_duration_seconds histogram\n";
  for (const auto& [labels, h] : query_latency_) RenderHistogram(out, "tadaima_db_query_duration_seconds", labels, h);
  return out;
}

}  // namespace tadaima::http

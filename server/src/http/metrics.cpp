#include "http/metrics.h"

#include <fmt/format.h>

namespace tadaima::http {
namespace {

constexpr double kBounds[] = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5};
// Commit to delivery: from a fast push to a retried e-mail after an outage.
constexpr double kDeliveryBounds[] = {0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 3600};

std::string Escape(const std::string& v) {
  std::string out;
  for (char c : v) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out;
}

}  // namespace

void Metrics::Observe(Histogram& h, double seconds, std::span<const double> bounds) {
  if (h.buckets.empty()) h.buckets.assign(bounds.size(), 0);
  for (size_t i = 0; i < bounds.size(); ++i)
    if (seconds <= bounds[i]) ++h.buckets[i];
  ++h.count;
  h.sum += seconds;
}

void Metrics::ObserveRequest(const std::string& method, const std::string& route, int status, double seconds) {
  std::string r = fmt::format("method=\"{}\",route=\"{}\"", Escape(method), Escape(route));
  std::lock_guard lock(mu_);
  ++requests_[fmt::format("{},status=\"{}\"", r, status)];
  Observe(request_latency_[r], seconds, kBounds);
}

void Metrics::ObserveQuery(const std::string& name, double seconds) {
  std::lock_guard lock(mu_);
  Observe(query_latency_[fmt::format("query=\"{}\"", Escape(name))], seconds, kBounds);
}

void Metrics::ObserveDelivery(const std::string& channel, const std::string& result, double seconds) {
  std::lock_guard lock(mu_);
  ++deliveries_[fmt::format("channel=\"{}\",result=\"{}\"", Escape(channel), Escape(result))];
  if (result == "delivered")
    Observe(delivery_latency_[fmt::format("channel=\"{}\"", Escape(channel))], seconds, kDeliveryBounds);
}

void Metrics::SetPendingNotifications(int64_t n) {
  std::lock_guard lock(mu_);
  pending_notifications_ = n;
}

void Metrics::SetLiveListeners(int64_t n) {
  std::lock_guard lock(mu_);
  live_listeners_ = n;
}

void Metrics::RenderHistogram(std::string& out, const std::string& name, const std::string& labels,
                              const Histogram& h, std::span<const double> bounds) {
  for (size_t i = 0; i < bounds.size(); ++i)
    out += fmt::format("{}_bucket{{{},le=\"{}\"}} {}\n", name, labels, bounds[i], h.buckets[i]);
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
    RenderHistogram(out, "tadaima_http_request_duration_seconds", labels, h, kBounds);
  out += "# HELP tadaima_db_query_duration_seconds Database time by query.\n";
  out += "# TYPE tadaima_db_query_duration_seconds histogram\n";
  for (const auto& [labels, h] : query_latency_)
    RenderHistogram(out, "tadaima_db_query_duration_seconds", labels, h, kBounds);
  out += "# HELP tadaima_notifications_pending Notifications waiting for delivery (all processes).\n";
  out += "# TYPE tadaima_notifications_pending gauge\n";
  out += fmt::format("tadaima_notifications_pending {}\n", pending_notifications_);
  out += "# HELP tadaima_notification_deliveries_total Delivery attempts by channel and result.\n";
  out += "# TYPE tadaima_notification_deliveries_total counter\n";
  for (const auto& [labels, n] : deliveries_)
    out += fmt::format("tadaima_notification_deliveries_total{{{}}} {}\n", labels, n);
  out += "# HELP tadaima_notification_delivery_seconds From the commit that made a notification to its delivery.\n";
  out += "# TYPE tadaima_notification_delivery_seconds histogram\n";
  for (const auto& [labels, h] : delivery_latency_)
    RenderHistogram(out, "tadaima_notification_delivery_seconds", labels, h, kDeliveryBounds);
  out += "# HELP tadaima_live_listeners Open live-event streams of this process.\n";
  out += "# TYPE tadaima_live_listeners gauge\n";
  out += fmt::format("tadaima_live_listeners {}\n", live_listeners_);
  return out;
}

}  // namespace tadaima::http

#include "http/router.h"

namespace tadaima::http {
namespace {

std::vector<std::string> Split(const std::string& path) {
  std::vector<std::string> out;
  size_t start = 1;
  while (start <= path.size()) {
    size_t end = path.find('/', start);
    if (end == std::string::npos) end = path.size();
    out.push_back(path.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

}  // namespace

void Router::Add(const std::string& method, const std::string& pattern, Handler handler) {
  AddAsync(method, pattern, [handler = std::move(handler)](Request& req, const Later&) -> std::optional<Response> {
    return handler(req);
  });
}

void Router::AddAsync(const std::string& method, const std::string& pattern, AsyncHandler handler) {
  routes_.push_back({method, pattern, Split(pattern), std::move(handler)});
}

Router::Outcome Router::Dispatch(Request& req, const Later& later, Response& out) const {
  auto segments = Split(req.path);
  std::string allowed;
  for (const auto& r : routes_) {
    if (r.segments.size() != segments.size()) continue;
    std::map<std::string, std::string> params;
    bool match = true;
    for (size_t i = 0; i < segments.size() && match; ++i) {
      const auto& p = r.segments[i];
      if (p.size() > 2 && p.front() == '{' && p.back() == '}') {
        if (segments[i].empty()) match = false;
        else params[p.substr(1, p.size() - 2)] = segments[i];
      } else if (p != segments[i]) {
        match = false;
      }
    }
    if (!match) continue;
    if (r.method != req.method) {
      allowed += (allowed.empty() ? "" : ", ") + r.method;
      continue;
    }
    req.path_params = std::move(params);
    req.route = r.pattern;
    auto now = r.handler(req, later);
    if (!now) return Outcome::kLater;
    out = std::move(*now);
    return Outcome::kAnswered;
  }
  if (allowed.empty()) return Outcome::kNoRoute;
  out = Response::Json(405, {{"error", {{"code", "invalid_argument"}, {"message", "method not allowed"}}}});
  out.headers.emplace_back("Allow", allowed);
  return Outcome::kAnswered;
}

std::vector<std::string> Router::Describe() const {
  std::vector<std::string> out;
  for (const auto& r : routes_) out.push_back(r.method + " " + r.pattern);
  return out;
}

}  // namespace tadaima::http

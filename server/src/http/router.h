// Router: a flat table of routes, one line each, matched segment by segment.
// A pattern segment "{name}" matches one path segment and binds it.
// Not thread-safe while adding; Dispatch is thread-safe once built.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "http/message.h"

namespace tadaima::http {

using Handler = std::function<Response(Request&)>;
// A handler that may answer later: a Response now, or nullopt after taking
// `later` (which it must then call once).
using AsyncHandler = std::function<std::optional<Response>(Request&, const Later& later)>;

class Router {
 public:
  void Add(const std::string& method, const std::string& pattern, Handler handler);
  void AddAsync(const std::string& method, const std::string& pattern, AsyncHandler handler);

  enum class Outcome { kNoRoute, kAnswered, kLater };
  // Finds the route for the request, fills path_params and route, and calls
  // it: kAnswered with `out` set, or kLater when the handler took `later`.
  // A path without that method answers 405 with Allow. kNoRoute leaves `out`.
  Outcome Dispatch(Request& req, const Later& later, Response& out) const;

  // "METHOD pattern" of every route, in the order added.
  std::vector<std::string> Describe() const;

 private:
  struct Route {
    std::string method;
    std::string pattern;
    std::vector<std::string> segments;
    AsyncHandler handler;
  };
  std::vector<Route> routes_;
};

}  // namespace tadaima::http

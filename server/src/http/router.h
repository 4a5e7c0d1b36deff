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

class Router {
 public:
  void Add(const std::string& method, const std::string& pattern, Handler handler);

  // Finds the route for the request, fills path_params and route, and calls it.
  // No matching path: 404; a path without that method: 405 with Allow.
  // Returns false (and leaves `out`) when no route path matches at all.
  bool Dispatch(Request& req, Response& out) const;

  // "METHOD pattern" of every route, in the order added.
  std::vector<std::string> Describe() const;

 private:
  struct Route {
    std::string method;
    std::string pattern;
    std::vector<std::string> segments;
    Handler handler;
  };
  std::vector<Route> routes_;
};

}  // namespace tadaima::http

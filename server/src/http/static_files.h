// StaticFiles serves the built front ends from a directory (web/dist):
// /admin/, /kiosk/ and /app/ are single-page apps whose unknown paths fall
// back to their index.html (no-cache); /assets/ holds content-hashed files
// (cached for a year). Paths that try to leave the root are refused.
#pragma once

#include <optional>
#include <string>

#include "http/message.h"

namespace tadaima::http {

class StaticFiles {
 public:
  explicit StaticFiles(std::string root) : root_(std::move(root)) {}
  // The response for a GET of `path`, or nullopt when it is not a front-end path.
  std::optional<Response> Serve(const std::string& path) const;
  const std::string& root() const { return root_; }

 private:
  std::string root_;
};

}  // namespace tadaima::http

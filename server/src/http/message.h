// Request and Response: the server's own HTTP types, free of Beast, so that
// only server.cpp compiles Beast's templates.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "base/error.h"

namespace tadaima::http {

struct Request {
  std::string method;  // upper case
  std::string path;    // decoded path without the query
  std::map<std::string, std::string> query;    // decoded; the last value wins
  std::map<std::string, std::string> headers;  // lower-case names
  std::string body;
  std::string remote_ip;
  std::string request_id;
  std::map<std::string, std::string> path_params;  // from the route pattern
  std::string route;  // the matched pattern ("/api/v1/families/{id}"), for logs and metrics

  // The header value or "".
  std::string Header(const std::string& lower_name) const;
  // The cookie value or "".
  std::string Cookie(const std::string& name) const;
  // The query parameter or nullopt.
  std::optional<std::string> Query(const std::string& name) const;
  bool IsStateChanging() const { return method != "GET" && method != "HEAD" && method != "OPTIONS"; }
};

// A response body sent piece by piece as it comes (Server-Sent Events). The
// server writes what Take() returns whenever the stream wakes it, and a
// comment line every 20 s while it is quiet, until the client goes away.
class BodyStream {
 public:
  virtual ~BodyStream() = default;
  // `wake` may be called from any thread when text is ready; nullptr detaches.
  virtual void OnReady(std::function<void()> wake) = 0;
  // The text ready now ("" when none).
  virtual std::string Take() = 0;
};

struct Response {
  int status = 200;
  std::string content_type = "application/json";
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
  std::shared_ptr<BodyStream> stream;  // set: `body` is ignored and the stream is sent

  static Response Json(int status, const nlohmann::json& body);
  static Response NoContent();
  // The API's error body with the status of its code.
  static Response FromError(const Error& e);
};

// How a handler answers later: it hands over a function that makes the
// response, and the server runs it on the connection's own executor. Call it
// exactly once, from any thread.
using Later = std::function<void(std::function<Response()> make)>;

int HttpStatusOf(ErrorCode code);

// Percent-decoding ("%E5%B1%B1" -> "山", '+' -> ' ' when `plus_is_space`).
std::string PercentDecode(std::string_view s, bool plus_is_space);

}  // namespace tadaima::http

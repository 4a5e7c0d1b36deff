// HttpServer: HTTP/1.1 on Boost.Beast with C++20 coroutines, running a
// handler for each request on a few threads.
//
// The handler may block (database calls); the server runs `threads` I/O
// threads so that others keep serving meanwhile. A handler may also answer
// later (see Later): then no thread waits for it. Requests larger than
// `body_limit` (uploads: `upload_limit`) answer 413; a connection idle or slow beyond `timeout` is closed.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "base/error.h"
#include "http/message.h"

namespace tadaima::http {

struct ServerOptions {
  std::string host = "127.0.0.1";
  uint16_t port = 8080;  // 0: any free port
  int threads = 4;
  size_t body_limit = 1 << 20;
  // Open connections at most; one more is answered 503 too_many_connections
  // and closed (0: what the file-descriptor limit leaves, see Listen).
  int max_connections = 0;
  std::chrono::seconds timeout{30};
  // POST to `upload_path` (the query aside) may send up to `upload_limit` (0: no such path).
  std::string upload_path;
  size_t upload_limit = 0;
};

class HttpServer {
 public:
  // `handler` answers now, or returns nullopt after taking `later`.
  using TopHandler = std::function<std::optional<Response>(Request&, const Later& later)>;
  HttpServer(ServerOptions options, TopHandler handler);
  ~HttpServer();

  // Raises the soft file-descriptor limit to the hard one, sizes
  // max_connections from it when unset, and binds the listening socket;
  // returns the port (useful with port 0).
  Result<uint16_t> Listen();
  // Serves until Stop() or SIGINT/SIGTERM. REQUIRES: Listen() succeeded.
  void Run();
  void Stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace tadaima::http

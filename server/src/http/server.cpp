#include "http/server.h"

#include <utility>  // before asio's awaitable (Boost 1.74 with g++ 12)

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <spdlog/spdlog.h>

#include <thread>
#include <vector>

namespace tadaima::http {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = asio::ip::tcp;

struct HttpServer::Impl {
  ServerOptions options;
  std::function<Response(Request&)> handler;
  asio::io_context ioc;
  tcp::acceptor acceptor{ioc};
  asio::signal_set signals{ioc, SIGINT, SIGTERM};

  Request Convert(const bhttp::request<bhttp::string_body>& in, const std::string& remote_ip) {
    Request r;
    r.method = std::string(in.method_string());
    std::string_view target(in.target().data(), in.target().size());
    auto q = target.find('?');
    r.path = PercentDecode(target.substr(0, q), false);
    if (q != std::string_view::npos) {
      std::string_view query = target.substr(q + 1);
      while (!query.empty()) {
        auto amp = query.find('&');
        std::string_view pair = query.substr(0, amp);
        auto eq = pair.find('=');
        if (!pair.empty())
          r.query[PercentDecode(pair.substr(0, eq), true)] =
              eq == std::string_view::npos ? "" : PercentDecode(pair.substr(eq + 1), true);
        if (amp == std::string_view::npos) break;
        query.remove_prefix(amp + 1);
      }
    }
    for (const auto& h : in) {
      std::string name(h.name_string());
      for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      r.headers[name] = std::string(h.value());
    }
    r.body = in.body();
    r.remote_ip = remote_ip;
    return r;
  }

  asio::awaitable<void> Write(beast::tcp_stream& stream, const Response& res, unsigned version, bool keep_alive,
                              beast::error_code& ec) {
    bhttp::response<bhttp::string_body> out{static_cast<bhttp::status>(res.status), version};
    out.set(bhttp::field::server, "tadaima");
    if (!res.content_type.empty()) out.set(bhttp::field::content_type, res.content_type);
    for (const auto& [k, v] : res.headers) out.insert(k, v);
    out.body() = res.body;
    out.keep_alive(keep_alive);
    out.prepare_payload();
    co_await bhttp::async_write(stream, out, asio::redirect_error(asio::use_awaitable, ec));
  }

  asio::awaitable<void> Session(tcp::socket socket) {
    beast::error_code ec;
    std::string remote_ip = socket.remote_endpoint(ec).address().to_string();
    beast::tcp_stream stream(std::move(socket));
    beast::flat_buffer buffer;
    for (;;) {
      stream.expires_after(options.timeout);
      bhttp::request_parser<bhttp::string_body> parser;
      parser.body_limit(options.body_limit);
      parser.header_limit(16 * 1024);
      co_await bhttp::async_read(stream, buffer, parser, asio::redirect_error(asio::use_awaitable, ec));
      if (ec == bhttp::error::end_of_stream || ec == beast::error::timeout || ec == asio::error::eof ||
          ec == asio::error::connection_reset)
        break;
      if (ec) {
        // A malformed or oversized request: answer once, then close.
        Error e = ec == bhttp::error::body_limit
                      ? Error{ErrorCode::kInvalidArgument, "request body too large", {}}
                      : Error::InvalidArgument("malformed HTTP request");
        Response res = Response::FromError(e);
        if (ec == bhttp::error::body_limit) res.status = 413;
        beast::error_code ignored;
        co_await Write(stream, res, 11, false, ignored);
        break;
      }
      auto msg = parser.release();
      Request req = Convert(msg, remote_ip);
      Response res = handler(req);
      stream.expires_after(options.timeout);
      co_await Write(stream, res, msg.version(), msg.keep_alive(), ec);
      if (ec || !msg.keep_alive()) break;
    }
    beast::error_code ignored;
    stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
  }

  asio::awaitable<void> Accept() {
    for (;;) {
      beast::error_code ec;
      tcp::socket socket = co_await acceptor.async_accept(asio::redirect_error(asio::use_awaitable, ec));
      if (ec) {
        if (!acceptor.is_open()) co_return;
        continue;
      }
      socket.set_option(tcp::no_delay(true), ec);
      asio::co_spawn(ioc, Session(std::move(socket)), asio::detached);
    }
  }
};

HttpServer::HttpServer(ServerOptions options, std::function<Response(Request&)> handler)
    : impl_(std::make_unique<Impl>()) {
  impl_->options = std::move(options);
  impl_->handler = std::move(handler);
}

HttpServer::~HttpServer() = default;

Result<uint16_t> HttpServer::Listen() {
  beast::error_code ec;
  auto address = asio::ip::make_address(impl_->options.host, ec);
  if (ec) return Fail(Error::InvalidArgument("cannot use listen address " + impl_->options.host));
  tcp::endpoint endpoint{address, impl_->options.port};
  auto& a = impl_->acceptor;
  a.open(endpoint.protocol(), ec);
  if (!ec) a.set_option(asio::socket_base::reuse_address(true), ec);
  if (!ec) a.bind(endpoint, ec);
  if (!ec) a.listen(asio::socket_base::max_listen_connections, ec);
  if (ec)
    return Fail(Error::Unavailable("cannot listen on " + impl_->options.host + ":" +
                                   std::to_string(impl_->options.port) + ": " + ec.message()));
  return a.local_endpoint().port();
}

void HttpServer::Run() {
  impl_->signals.async_wait([this](const beast::error_code&, int) { Stop(); });
  asio::co_spawn(impl_->ioc, impl_->Accept(), asio::detached);
  std::vector<std::thread> threads;
  for (int i = 1; i < impl_->options.threads; ++i) threads.emplace_back([this] { impl_->ioc.run(); });
  impl_->ioc.run();
  for (auto& t : threads) t.join();
}

void HttpServer::Stop() {
  asio::post(impl_->ioc, [this] {
    beast::error_code ignored;
    impl_->acceptor.close(ignored);
    impl_->ioc.stop();
  });
}

}  // namespace tadaima::http

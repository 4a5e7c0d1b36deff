#include "http/server.h"

#include <algorithm>
#include <utility>  // before asio's awaitable (Boost 1.74 with g++ 12)

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <spdlog/spdlog.h>

#include <sys/resource.h>

#include <atomic>
#include <thread>
#include <vector>

#include "base/reasons.h"

namespace tadaima::http {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = asio::ip::tcp;

struct HttpServer::Impl {
  ServerOptions options;
  TopHandler handler;
  // One io_context per thread, connections dealt out in turn: each context's
  // reactor runs its own connections, so the threads share the load instead
  // of one reactor thread running nearly every completion.
  std::vector<std::unique_ptr<asio::io_context>> contexts;
  size_t next_context = 0;
  asio::io_context& ioc() { return *contexts.front(); }
  std::unique_ptr<tcp::acceptor> acceptor;
  std::unique_ptr<asio::signal_set> signals;
  std::atomic<int> connections{0};  // sessions open now

  // Counts a session while it lives.
  struct Counted {
    std::atomic<int>& n;
    explicit Counted(std::atomic<int>& c) : n(c) { ++n; }
    ~Counted() { --n; }
  };

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

  // Sends a streamed body in chunks until the client goes away (or the server stops).
  asio::awaitable<void> Stream(beast::tcp_stream& stream, const Response& res, unsigned version) {
    bhttp::response<bhttp::empty_body> head{static_cast<bhttp::status>(res.status), version};
    head.set(bhttp::field::server, "tadaima");
    head.set(bhttp::field::content_type, res.content_type);
    for (const auto& [k, v] : res.headers) head.insert(k, v);
    head.chunked(true);
    head.keep_alive(false);
    bhttp::response_serializer<bhttp::empty_body> serializer{head};
    beast::error_code ec;
    stream.expires_after(options.timeout);
    co_await bhttp::async_write_header(stream, serializer, asio::redirect_error(asio::use_awaitable, ec));
    if (ec) co_return;
    // The wake-up lives on after this coroutine if a wake is still queued.
    struct Wake {
      explicit Wake(const asio::any_io_executor& ex) : timer(ex) {}
      asio::steady_timer timer;
      bool ready = false;
    };
    auto wake = std::make_shared<Wake>(stream.get_executor());
    res.stream->OnReady([wake, ex = stream.get_executor()] {
      asio::post(ex, [wake] {
        wake->ready = true;
        wake->timer.cancel();
      });
    });
    for (;;) {
      wake->ready = false;
      std::string text = res.stream->Take();
      if (text.empty()) {
        wake->timer.expires_after(std::chrono::seconds(20));
        beast::error_code ignored;
        co_await wake->timer.async_wait(asio::redirect_error(asio::use_awaitable, ignored));
        if (wake->ready) continue;
        text = ": ping\n\n";
      }
      stream.expires_after(options.timeout);
      co_await asio::async_write(stream, bhttp::make_chunk(asio::buffer(text)),
                                 asio::redirect_error(asio::use_awaitable, ec));
      if (ec) break;
    }
    res.stream->OnReady(nullptr);
  }

  asio::awaitable<void> Session(tcp::socket socket) {
    Counted counted(connections);
    beast::error_code ec;
    std::string remote_ip = socket.remote_endpoint(ec).address().to_string();
    beast::tcp_stream stream(std::move(socket));
    beast::flat_buffer buffer;
    for (;;) {
      stream.expires_after(options.timeout);
      bhttp::request_parser<bhttp::string_body> parser;
      parser.header_limit(16 * 1024);
      // The header is read under the larger limit (Beast checks Content-Length against it
      // there), then the request's own limit applies to what it declared or sends.
      parser.body_limit(std::max(options.body_limit, options.upload_limit));
      co_await bhttp::async_read_header(stream, buffer, parser, asio::redirect_error(asio::use_awaitable, ec));
      if (!ec) {
        const auto& head = parser.get();
        const bool upload = options.upload_limit > 0 && head.method() == bhttp::verb::post &&
                            head.target().substr(0, head.target().find('?')) == options.upload_path;
        const size_t limit = upload ? options.upload_limit : options.body_limit;
        parser.body_limit(limit);
        if (parser.content_length() && *parser.content_length() > limit) ec = bhttp::error::body_limit;
        else co_await bhttp::async_read(stream, buffer, parser, asio::redirect_error(asio::use_awaitable, ec));
      }
      if (ec == bhttp::error::end_of_stream || ec == beast::error::timeout || ec == asio::error::eof ||
          ec == asio::error::connection_reset)
        break;
      if (ec) {
        // A malformed or oversized request: answer once, then close.
        Error e = ec == bhttp::error::body_limit
                      ? Error::Of(ErrorCode::kInvalidArgument, "request body too large")
                      : Error::InvalidArgument("malformed HTTP request");
        Response res = Response::FromError(e);
        if (ec == bhttp::error::body_limit) res.status = 413;
        beast::error_code ignored;
        co_await Write(stream, res, 11, false, ignored);
        break;
      }
      auto msg = parser.release();
      Request req = Convert(msg, remote_ip);
      // An answer made later arrives through `signal`: its completion resumes us.
      asio::steady_timer signal(stream.get_executor(), asio::steady_timer::time_point::max());
      std::function<Response()> make_later;
      auto later = [&signal, &make_later](std::function<Response()> make) {
        asio::post(signal.get_executor(), [&signal, &make_later, make = std::move(make)]() mutable {
          make_later = std::move(make);
          signal.cancel();
        });
      };
      std::optional<Response> now = handler(req, later);
      if (!now) {
        // Each connection runs on its own strand, so the posted completion runs
        // either before this check or while we wait: it is never missed.
        if (!make_later) {
          beast::error_code ignored;
          co_await signal.async_wait(asio::redirect_error(asio::use_awaitable, ignored));
        }
        now = make_later();
      }
      Response& res = *now;
      if (res.stream) {
        co_await Stream(stream, res, msg.version());
        break;
      }
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
      // Each connection gets a strand: its coroutine and its completions never run at once.
      asio::io_context& target = *contexts[next_context++ % contexts.size()];
      tcp::socket socket =
          co_await acceptor->async_accept(asio::make_strand(target), asio::redirect_error(asio::use_awaitable, ec));
      if (ec) {
        if (!acceptor->is_open()) co_return;
        // Out of file descriptors (or another failure that repeats at once):
        // wait a little instead of spinning, so the open connections can finish.
        if (ec == asio::error::no_descriptors || ec == asio::error::no_buffer_space || ec == asio::error::no_memory) {
          spdlog::warn("accept: {}; {} connections open, waiting 100 ms", ec.message(), connections.load());
          asio::steady_timer pause(ioc(), std::chrono::milliseconds(100));
          co_await pause.async_wait(asio::redirect_error(asio::use_awaitable, ec));
        }
        continue;
      }
      socket.set_option(tcp::no_delay(true), ec);
      auto executor = socket.get_executor();
      if (connections.load() >= options.max_connections) {
        asio::co_spawn(executor, Refuse(std::move(socket)), asio::detached);
        continue;
      }
      asio::co_spawn(executor, Session(std::move(socket)), asio::detached);
    }
  }

  // Over max_connections: 503 too_many_connections, then close.
  asio::awaitable<void> Refuse(tcp::socket socket) {
    beast::tcp_stream stream(std::move(socket));
    stream.expires_after(std::chrono::seconds(5));
    Response res = Response::FromError(Error::Unavailable(reason::kTooManyConnections));
    res.headers.emplace_back("Retry-After", "5");
    beast::error_code ignored;
    co_await Write(stream, res, 11, false, ignored);
    stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
  }
};

HttpServer::HttpServer(ServerOptions options, TopHandler handler)
    : impl_(std::make_unique<Impl>()) {
  impl_->options = std::move(options);
  impl_->handler = std::move(handler);
  for (int i = 0; i < std::max(1, impl_->options.threads); ++i)
    impl_->contexts.push_back(std::make_unique<asio::io_context>());
  impl_->acceptor = std::make_unique<tcp::acceptor>(impl_->ioc());
  impl_->signals = std::make_unique<asio::signal_set>(impl_->ioc(), SIGINT, SIGTERM);
}

HttpServer::~HttpServer() = default;

namespace {

// The soft limit raised to the hard one; the limit now.
rlim_t RaiseDescriptorLimit() {
  rlimit lim{};
  if (getrlimit(RLIMIT_NOFILE, &lim) != 0) return 1024;
  if (lim.rlim_cur < lim.rlim_max) {
    rlimit raised = lim;
    raised.rlim_cur = lim.rlim_max;
    if (setrlimit(RLIMIT_NOFILE, &raised) == 0) lim = raised;
  }
  return lim.rlim_cur;
}

}  // namespace

Result<uint16_t> HttpServer::Listen() {
  // Descriptors beyond the connections: the database pool, files, mail and
  // push transfers, logs.
  constexpr rlim_t kReserved = 256;
  const rlim_t limit = RaiseDescriptorLimit();
  if (impl_->options.max_connections <= 0)
    impl_->options.max_connections =
        static_cast<int>(std::clamp<rlim_t>(limit > kReserved * 2 ? limit - kReserved : limit / 2, 16, 1'000'000));
  spdlog::info("file-descriptor limit {}, at most {} connections", static_cast<uint64_t>(limit),
               impl_->options.max_connections);
  beast::error_code ec;
  auto address = asio::ip::make_address(impl_->options.host, ec);
  if (ec) return Fail(Error::InvalidArgument("cannot use listen address " + impl_->options.host));
  tcp::endpoint endpoint{address, impl_->options.port};
  auto& a = *impl_->acceptor;
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
  impl_->signals->async_wait([this](const beast::error_code&, int) { Stop(); });
  asio::co_spawn(impl_->ioc(), impl_->Accept(), asio::detached);
  std::vector<std::thread> threads;
  for (size_t i = 1; i < impl_->contexts.size(); ++i) {
    auto& context = *impl_->contexts[i];
    threads.emplace_back([&context] {
      auto work = asio::make_work_guard(context);  // idle until connections arrive
      context.run();
    });
  }
  impl_->ioc().run();
  for (auto& t : threads) t.join();
}

void HttpServer::Stop() {
  asio::post(impl_->ioc(), [this] {
    beast::error_code ignored;
    impl_->acceptor->close(ignored);
    for (auto& context : impl_->contexts) context->stop();
  });
}

}  // namespace tadaima::http

#include "http/static_files.h"

#include <filesystem>
#include <fstream>
#include <sstream>

namespace tadaima::http {
namespace {

const char* ContentType(const std::string& ext) {
  if (ext == ".html") return "text/html; charset=utf-8";
  if (ext == ".js" || ext == ".mjs") return "text/javascript; charset=utf-8";
  if (ext == ".css") return "text/css; charset=utf-8";
  if (ext == ".json") return "application/json";
  if (ext == ".webmanifest") return "application/manifest+json";
  if (ext == ".svg") return "image/svg+xml";
  if (ext == ".png") return "image/png";
  if (ext == ".ico") return "image/x-icon";
  if (ext == ".wasm") return "application/wasm";
  if (ext == ".woff2") return "font/woff2";
  if (ext == ".mp3") return "audio/mpeg";
  if (ext == ".wav") return "audio/wav";
  if (ext == ".txt") return "text/plain; charset=utf-8";
  return "application/octet-stream";
}

std::optional<std::string> ReadFile(const std::filesystem::path& p) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(p, ec)) return std::nullopt;
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace

std::optional<Response> StaticFiles::Serve(const std::string& path) const {
  static const char* kApps[] = {"admin", "kiosk", "app", "register"};
  if (path.find("..") != std::string::npos || path.find('\0') != std::string::npos) return std::nullopt;
  std::filesystem::path root(root_);
  auto respond = [](const std::filesystem::path& file, const std::string& body, bool immutable) {
    Response r;
    r.content_type = ContentType(file.extension().string());
    r.body = body;
    r.headers.emplace_back("Cache-Control", immutable ? "public, max-age=31536000, immutable" : "no-cache");
    r.headers.emplace_back("X-Content-Type-Options", "nosniff");
    return r;
  };
  if (path.rfind("/assets/", 0) == 0) {
    auto file = root / path.substr(1);
    if (auto body = ReadFile(file)) return respond(file, *body, true);
    return Response::FromError(Error::NotFound("no such file"));
  }
  for (const char* app : kApps) {
    std::string prefix = std::string("/") + app;
    if (path != prefix && path.rfind(prefix + "/", 0) != 0) continue;
    if (path == prefix) {
      Response r;
      r.status = 308;
      r.content_type.clear();
      r.headers.emplace_back("Location", prefix + "/");
      return r;
    }
    auto file = root / path.substr(1);
    if (path.back() != '/')
      if (auto body = ReadFile(file)) return respond(file, *body, false);
    auto index = root / app / "index.html";
    if (auto body = ReadFile(index)) {
      auto r = respond(index, *body, false);
      r.headers.emplace_back("Content-Security-Policy",
                             "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; img-src 'self' data: blob:; "
                             "media-src 'self' blob:; "
                             "style-src 'self' 'unsafe-inline'; frame-ancestors 'none'");
      return r;
    }
    return Response::FromError(Error::NotFound("the front end is not built (run make build)"));
  }
  return std::nullopt;
}

}  // namespace tadaima::http

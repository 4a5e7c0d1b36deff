// Error values and the Result alias used throughout the server.
//
// Expected failures (bad input, missing rows, conflicts) travel as Error values
// inside std::expected; exceptions are reserved for what cannot be handled.
// The HTTP layer maps ErrorCode to a status in one place (http/errors.cpp).
#pragma once

#include <expected>
#include <map>
#include <string>
#include <utility>

namespace tadaima {

enum class ErrorCode {
  kInvalidArgument,   // 400
  kUnauthenticated,   // 401
  kPermissionDenied,  // 403
  kNotFound,          // 404
  kConflict,          // 409
  kTooManyRequests,   // 429
  kUnavailable,       // 503
  kInternal,          // 500
};

struct Error {
  ErrorCode code = ErrorCode::kInternal;
  std::string message;
  // Field path ("guardians[0].email") -> what is wrong with it.
  std::map<std::string, std::string> fields;

  static Error InvalidArgument(std::string message,
                               std::map<std::string, std::string> fields = {}) {
    return {ErrorCode::kInvalidArgument, std::move(message), std::move(fields)};
  }
  static Error InvalidField(const std::string& field, const std::string& problem) {
    return {ErrorCode::kInvalidArgument, field + ": " + problem, {{field, problem}}};
  }
  static Error Unauthenticated(std::string message) {
    return {ErrorCode::kUnauthenticated, std::move(message), {}};
  }
  static Error PermissionDenied(std::string message) {
    return {ErrorCode::kPermissionDenied, std::move(message), {}};
  }
  static Error NotFound(std::string message) {
    return {ErrorCode::kNotFound, std::move(message), {}};
  }
  // A row named in the request body that does not exist or is not the caller's.
  static Error NotFoundField(const std::string& field, const std::string& problem) {
    return {ErrorCode::kNotFound, field + ": " + problem, {{field, problem}}};
  }
  static Error Conflict(std::string message, std::map<std::string, std::string> fields = {}) {
    return {ErrorCode::kConflict, std::move(message), std::move(fields)};
  }
  static Error TooManyRequests(std::string message) {
    return {ErrorCode::kTooManyRequests, std::move(message), {}};
  }
  static Error Unavailable(std::string message) {
    return {ErrorCode::kUnavailable, std::move(message), {}};
  }
  static Error Internal(std::string message) {
    return {ErrorCode::kInternal, std::move(message), {}};
  }
};

const char* ErrorCodeName(ErrorCode code);

template <class T>
using Result = std::expected<T, Error>;
using Status = std::expected<void, Error>;

inline std::unexpected<Error> Fail(Error e) { return std::unexpected<Error>(std::move(e)); }

}  // namespace tadaima

// TRY(expr): evaluates a Result<T>; on error returns it from the enclosing
// function, otherwise yields the value. TRY_STATUS(expr) is the same for Status.
#define TRY(expr)                                                   \
  ({                                                                \
    auto tadaima_try_result_ = (expr);                              \
    if (!tadaima_try_result_)                                       \
      return ::std::unexpected(std::move(tadaima_try_result_).error()); \
    std::move(*tadaima_try_result_);                                \
  })

#define TRY_STATUS(expr)                                            \
  do {                                                              \
    auto tadaima_try_status_ = (expr);                              \
    if (!tadaima_try_status_)                                       \
      return ::std::unexpected(std::move(tadaima_try_status_).error()); \
  } while (0)

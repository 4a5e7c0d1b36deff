// Error values and the Result alias used throughout the server.
//
// Expected failures (bad input, missing rows, conflicts) travel as Error values
// inside std::expected; exceptions are reserved for what cannot be handled.
// The HTTP layer maps ErrorCode to a status in one place (http/message.cpp,
// Response::FromError).
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
  kUnsupportedMediaType,  // 415
  kTooManyRequests,   // 429
  kUnavailable,       // 503
  kInternal,          // 500
};

// What is wrong with one thing: a stable reason id (base/reasons.h), the
// English text for people, and the parameters the text shows ({"max": "100"}).
struct Problem {
  std::string reason;
  std::string text;
  std::map<std::string, std::string> params;

  // The same reason said otherwise ("桜 is already here").
  Problem WithText(std::string t) const { return {reason, std::move(t), params}; }

  bool operator==(const Problem&) const = default;
};

const char* ErrorCodeName(ErrorCode code);

// An error: its code (the HTTP status class), its reason (a catalogue id of
// base/reasons.h, or the code's name when nothing more specific applies), a
// message for people, and for bad input every bad field with its problem.
struct Error {
  ErrorCode code = ErrorCode::kInternal;
  std::string reason = "internal";
  std::string message;
  // Field path ("guardians[0].email") -> what is wrong with it.
  std::map<std::string, Problem> fields;

  // With a text only: the reason is the code's name (command line, start-up).
  static Error Of(ErrorCode code, std::string message, std::map<std::string, Problem> fields = {}) {
    return {code, ErrorCodeName(code), std::move(message), std::move(fields)};
  }
  static Error Of(ErrorCode code, const Problem& p) { return {code, p.reason, p.text, {}}; }

  static Error InvalidArgument(std::string message) { return Of(ErrorCode::kInvalidArgument, std::move(message)); }
  static Error InvalidArgument(const Problem& p) { return Of(ErrorCode::kInvalidArgument, p); }
  // Several bad fields (FieldErrors): the reason is the field's when there is
  // one, otherwise invalid_fields.
  static Error InvalidFields(std::string message, std::map<std::string, Problem> fields) {
    std::string reason = fields.size() == 1 ? fields.begin()->second.reason : "invalid_fields";
    return {ErrorCode::kInvalidArgument, std::move(reason), std::move(message), std::move(fields)};
  }
  // One bad field; the error's reason is the field's.
  static Error InvalidField(const std::string& field, const Problem& problem) {
    return {ErrorCode::kInvalidArgument, problem.reason, field + ": " + problem.text, {{field, problem}}};
  }
  static Error Unauthenticated(const Problem& p) { return Of(ErrorCode::kUnauthenticated, p); }
  static Error PermissionDenied(const Problem& p) { return Of(ErrorCode::kPermissionDenied, p); }
  static Error NotFound(std::string message) { return Of(ErrorCode::kNotFound, std::move(message)); }
  // A row named in the request body that does not exist or is not the caller's.
  static Error NotFoundField(const std::string& field, const Problem& problem) {
    return {ErrorCode::kNotFound, problem.reason, field + ": " + problem.text, {{field, problem}}};
  }
  static Error Conflict(const Problem& p, std::map<std::string, Problem> fields = {}) {
    return {ErrorCode::kConflict, p.reason, p.text, std::move(fields)};
  }
  static Error UnsupportedMediaType(const Problem& p) { return Of(ErrorCode::kUnsupportedMediaType, p); }
  static Error TooManyRequests(const Problem& p) { return Of(ErrorCode::kTooManyRequests, p); }
  static Error Unavailable(std::string message) { return Of(ErrorCode::kUnavailable, std::move(message)); }
  static Error Unavailable(const Problem& p) { return Of(ErrorCode::kUnavailable, p); }
  static Error Internal(std::string message) { return Of(ErrorCode::kInternal, std::move(message)); }
};


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

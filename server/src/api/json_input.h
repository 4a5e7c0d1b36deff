// Strict decoding of JSON request bodies: every field's type is checked,
// unknown fields are refused, and all problems are collected in FieldErrors
// under their paths ("guardians[0].email").
#pragma once

#include <initializer_list>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "base/field_errors.h"
#include "base/reasons.h"
#include "model/model.h"
#include "service/families.h"

namespace tadaima::api {

// The parsed body when it is a JSON object; invalid_argument otherwise.
Result<nlohmann::json> ParseObject(const std::string& body);

class JsonObject {
 public:
  // Records reason::kUnknownField for every key of `j` not in `allowed`, and
  // reason::kNotObject when `j` is not one.
  JsonObject(const nlohmann::json& j, std::string prefix, FieldErrors& errs, std::initializer_list<const char*> allowed);

  bool Has(const char* key) const;
  // A string field; absent (or null) -> nullopt; other types record an error.
  std::optional<std::string> String(const char* key);
  // A field that may be left out but not cleared: null records an error.
  std::optional<std::string> PatchString(const char* key);
  // Like String, but `required` records reason::kRequired when absent.
  std::string RequiredString(const char* key);
  // Absent -> nullopt; null -> an empty inner optional (clear the value).
  std::optional<std::optional<std::string>> NullableString(const char* key);
  std::optional<std::vector<std::string>> StringList(const char* key);
  // A whole number; absent -> nullopt; null and other types record an error.
  std::optional<int64_t> Integer(const char* key);
  // A time (CheckInstant, rules/validation.h); absent or bad -> nullopt (bad records an error).
  std::optional<int64_t> Instant(const char* key);
  // A boolean; absent -> nullopt; null and other types record an error.
  std::optional<bool> Bool(const char* key);
  // A nested object with its path prefix; absent or null -> nullopt.
  std::optional<std::pair<const nlohmann::json*, std::string>> Object(const char* key);
  bool IsNull(const char* key) const { return Has(key) && Get(key)->is_null(); }
  // Elements of an array field (absent -> empty), each with its path prefix.
  std::vector<std::pair<const nlohmann::json*, std::string>> Objects(const char* key);

 private:
  std::string Path(const char* key) const { return prefix_ + key; }
  const nlohmann::json* Get(const char* key) const;
  const nlohmann::json& j_;
  std::string prefix_;
  FieldErrors& errs_;
};

// Shapes several resources share.
// An audience object (API.md "Audiences") under `prefix` ("audience.").
Audience DecodeAudience(const nlohmann::json& j, const std::string& prefix, FieldErrors& errs);
// A guardian's and a child's fields (families, registrations); `in` allows kGuardianKeys / kChildKeys.
inline constexpr std::initializer_list<const char*> kGuardianKeys = {"name", "email", "relation", "name_kana", "phone"};
inline constexpr std::initializer_list<const char*> kChildKeys = {"name", "name_kana", "birth_date"};
service::GuardianInput DecodeGuardian(JsonObject& in);
service::ChildInput DecodeChild(JsonObject& in);

}  // namespace tadaima::api

#include "api/json_input.h"

#include <algorithm>
#include <set>
#include <utility>

#include "base/reasons.h"
#include "rules/validation.h"

namespace tadaima::api {

Result<nlohmann::json> ParseObject(const std::string& body) {
  // A key twice in one object would let the last one win unseen: the first
  // such key is the error, named by the keys of the objects around it
  // ("guardians.name"; array positions left out).
  struct Frame {
    std::string name;  // the key it is the value of ("" in an array or at the top)
    std::set<std::string> keys;
  };
  std::vector<Frame> frames;
  std::string last_key, duplicate;
  auto track = [&](int, nlohmann::json::parse_event_t event, nlohmann::json& parsed) {
    using Event = nlohmann::json::parse_event_t;
    if (event == Event::object_start || event == Event::array_start) {
      frames.push_back({std::exchange(last_key, ""), {}});
    } else if (event == Event::object_end || event == Event::array_end) {
      frames.pop_back();
      last_key.clear();
    } else if (event == Event::key && !frames.empty()) {
      last_key = parsed.get<std::string>();
      if (frames.back().keys.insert(last_key).second || !duplicate.empty()) return true;
      for (const auto& f : frames)
        if (!f.name.empty()) duplicate += f.name + ".";
      duplicate += last_key;
    }
    return true;
  };
  auto j = nlohmann::json::parse(body, track, false);
  if (j.is_discarded()) return Fail(Error::InvalidArgument(reason::kBadJson));
  if (!j.is_object()) return Fail(Error::InvalidArgument(reason::kBodyNotObject));
  if (!duplicate.empty()) return Fail(Error::InvalidField(duplicate, reason::kDuplicateKey));
  return j;
}

JsonObject::JsonObject(const nlohmann::json& j, std::string prefix, FieldErrors& errs,
                       std::initializer_list<const char*> allowed)
    : j_(j), prefix_(std::move(prefix)), errs_(errs) {
  if (!j.is_object()) {
    std::string path = prefix_.empty() ? "body" : prefix_.substr(0, prefix_.size() - 1);
    errs_.Add(path, reason::kNotObject);
    return;
  }
  std::set<std::string> ok(allowed.begin(), allowed.end());
  for (const auto& [key, _] : j.items())
    if (!ok.count(key)) errs_.Add(prefix_ + key, reason::kUnknownField);
}

const nlohmann::json* JsonObject::Get(const char* key) const {
  if (!j_.is_object()) return nullptr;
  auto it = j_.find(key);
  return it == j_.end() ? nullptr : &*it;
}

bool JsonObject::Has(const char* key) const { return Get(key) != nullptr; }

std::optional<std::string> JsonObject::String(const char* key) {
  const auto* v = Get(key);
  if (!v || v->is_null()) return std::nullopt;
  if (!v->is_string()) {
    errs_.Add(Path(key), reason::kNotString);
    return std::nullopt;
  }
  return v->get<std::string>();
}

std::optional<std::string> JsonObject::PatchString(const char* key) {
  const auto* v = Get(key);
  if (v && v->is_null()) {
    errs_.Add(Path(key), reason::kNotNull);
    return std::nullopt;
  }
  return String(key);
}

std::string JsonObject::RequiredString(const char* key) {
  if (!Has(key) || Get(key)->is_null()) {
    errs_.Add(Path(key), reason::kRequired);
    return "";
  }
  return String(key).value_or("");
}

std::optional<std::optional<std::string>> JsonObject::NullableString(const char* key) {
  const auto* v = Get(key);
  if (!v) return std::nullopt;
  if (v->is_null()) return std::optional<std::string>();
  return String(key);
}

std::optional<std::vector<std::string>> JsonObject::StringList(const char* key) {
  const auto* v = Get(key);
  if (!v || v->is_null()) return std::nullopt;
  if (!v->is_array()) {
    errs_.Add(Path(key), reason::kNotStringArray);
    return std::nullopt;
  }
  std::vector<std::string> out;
  for (size_t i = 0; i < v->size(); ++i) {
    if (!(*v)[i].is_string()) {
      errs_.Add(Path(key) + "[" + std::to_string(i) + "]", reason::kNotString);
      continue;
    }
    out.push_back((*v)[i].get<std::string>());
  }
  return out;
}

std::optional<int64_t> JsonObject::Integer(const char* key) {
  const auto* v = Get(key);
  if (!v) return std::nullopt;
  if (!v->is_number_integer()) {
    errs_.Add(Path(key), reason::kNotInteger);
    return std::nullopt;
  }
  return v->get<int64_t>();
}

std::optional<bool> JsonObject::Bool(const char* key) {
  const auto* v = Get(key);
  if (!v) return std::nullopt;
  if (!v->is_boolean()) {
    errs_.Add(Path(key), reason::kNotBoolean);
    return std::nullopt;
  }
  return v->get<bool>();
}

std::optional<std::pair<const nlohmann::json*, std::string>> JsonObject::Object(const char* key) {
  const auto* v = Get(key);
  if (!v || v->is_null()) return std::nullopt;
  if (!v->is_object()) {
    errs_.Add(Path(key), reason::kNotObject);
    return std::nullopt;
  }
  return std::pair{v, Path(key) + "."};
}

std::optional<int64_t> JsonObject::Instant(const char* key) {
  auto text = String(key);
  std::optional<int64_t> ms;
  if (text) errs_.Check(Path(key), CheckInstant(*text, ms));
  return ms;
}

std::vector<std::pair<const nlohmann::json*, std::string>> JsonObject::Objects(const char* key) {
  std::vector<std::pair<const nlohmann::json*, std::string>> out;
  const auto* v = Get(key);
  if (!v || v->is_null()) return out;
  if (!v->is_array()) {
    errs_.Add(Path(key), reason::kNotArray);
    return out;
  }
  for (size_t i = 0; i < v->size(); ++i)
    out.emplace_back(&(*v)[i], Path(key) + "[" + std::to_string(i) + "].");
  return out;
}

Audience DecodeAudience(const nlohmann::json& j, const std::string& prefix, FieldErrors& errs) {
  JsonObject in(j, prefix, errs, {"facility_ids", "family_ids", "child_ids", "grades", "age_months"});
  Audience a;
  a.facility_ids = in.StringList("facility_ids");
  a.family_ids = in.StringList("family_ids");
  a.child_ids = in.StringList("child_ids");
  a.grades = in.StringList("grades");
  if (auto age = in.Object("age_months")) {
    JsonObject range(*age->first, age->second, errs, {"min", "max"});
    if (auto min = range.Integer("min")) a.age_months_min = static_cast<int>(std::clamp<int64_t>(*min, -1, 100'000));
    if (auto max = range.Integer("max")) a.age_months_max = static_cast<int>(std::clamp<int64_t>(*max, -1, 100'000));
  }
  return a;
}

service::GuardianInput DecodeGuardian(JsonObject& in) {
  return {in.RequiredString("name"), in.String("email"), in.String("relation"), in.String("name_kana"),
          in.String("phone")};
}

service::ChildInput DecodeChild(JsonObject& in) {
  return {in.RequiredString("name"), in.String("name_kana"), in.RequiredString("birth_date")};
}

}  // namespace tadaima::api

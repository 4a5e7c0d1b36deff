// FieldErrors collects what is wrong with each field of a request, so that
// one answer names every bad field at once.
#pragma once

#include <map>
#include <optional>
#include <string>

#include "base/error.h"

namespace tadaima {

class FieldErrors {
 public:
  // Records `problem` for `field` unless the field already has one.
  void Add(const std::string& field, const Problem& problem) { fields_.emplace(field, problem); }
  void Check(const std::string& field, const std::optional<Problem>& problem) {
    if (problem) Add(field, *problem);
  }
  bool empty() const { return fields_.empty(); }
  bool Has(const std::string& field) const { return fields_.count(field) > 0; }

  // An invalid_argument error naming every field, or OK when there is none
  // (its reason: Error::InvalidFields).
  Status ToStatus() const {
    if (fields_.empty()) return {};
    std::string message = "invalid ";
    bool first = true;
    for (const auto& [field, _] : fields_) {
      message += (first ? "" : ", ") + field;
      first = false;
    }
    return Fail(Error::InvalidFields(message, fields_));
  }

 private:
  std::map<std::string, Problem> fields_;
};

}  // namespace tadaima

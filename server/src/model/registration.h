// A public pre-registration (事前登録): what a family sent through the public
// form, waiting for staff review, and what the review found. Plain structs.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/time.h"

namespace tadaima {

enum class RegistrationStatus { kPending, kApproved, kRejected };

struct RegisteredGuardian {
  std::string name;
  std::optional<std::string> name_kana, relation, email, phone;
};

struct RegisteredChild {
  std::string name;
  std::optional<std::string> name_kana;
  CivilDate birth_date;
};

struct Registration {
  std::string id;
  std::string organization_id;
  RegistrationStatus status = RegistrationStatus::kPending;
  std::string family_name;
  std::optional<std::string> address;
  std::string phone;
  std::optional<std::string> email;
  std::vector<RegisteredGuardian> guardians;
  std::vector<RegisteredChild> children;
  int64_t created_at = 0;
  std::optional<int64_t> decided_at;
  std::optional<std::string> decided_by, decided_by_name, reject_reason;
  std::optional<std::string> family_id;  // the family it became or was merged into
};

// A family (or another pending registration) that may be the same household.
struct RegistrationDuplicate {
  std::optional<std::string> family_id, registration_id;
  std::string family_name;
  std::string why;  // "same_child" or "same_phone"
};

}  // namespace tadaima

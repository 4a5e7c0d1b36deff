// Families, their children and guardians. Staff register and change them
// (facility staff: families enrolled at their facilities); a guardian reads
// their own family and changes their own details. A guardian gets a login and
// an initial password, shown once. Rows the actor may not see answer
// not_found. Thread-safe.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "service/context.h"

namespace tadaima::service {

struct GuardianInput {
  std::string name;
  std::optional<std::string> email, relation;
};
struct ChildInput {
  std::string name;
  std::optional<std::string> name_kana;
  std::string birth_date;
};
struct FamilyInput {
  std::string name;
  std::optional<std::string> address, phone;
  std::vector<GuardianInput> guardians;
  std::vector<ChildInput> children;
  std::vector<std::string> facility_ids;
};
struct FamilyPatch {
  Patch<std::string> name;
  Patch<std::optional<std::string>> address, phone;
};
struct ChildPatch {
  Patch<std::string> name, birth_date;
  Patch<std::optional<std::string>> name_kana;
};
struct GuardianPatch {
  Patch<std::string> name;
  Patch<std::optional<std::string>> email, relation;
};

// A guardian with the initial password issued with it (shown once).
struct IssuedLogin {
  User guardian;
  std::string initial_password;
};
struct CreatedFamily {
  Family family;
  std::vector<IssuedLogin> logins;  // one per guardian, in order
};
struct FamilyPage {
  std::vector<Family> items;
  std::optional<std::string> next_cursor;
};

class Families : AreaService {
 public:
  explicit Families(Context& ctx) : AreaService(ctx) {}

  Result<CreatedFamily> CreateFamily(const Actor& actor, const FamilyInput& in);
  // Searches name and kana (q); ordered by id, paged.
  Result<FamilyPage> ListFamilies(const Actor& actor, const std::string& q, const std::string& cursor, int limit);
  Result<Family> GetFamily(const Actor& actor, const std::string& id);
  Result<Family> UpdateFamily(const Actor& actor, const std::string& id, const FamilyPatch& in);
  Result<Child> AddChild(const Actor& actor, const std::string& family_id, const ChildInput& in);
  Result<Child> GetChild(const Actor& actor, const std::string& id);
  Result<Child> UpdateChild(const Actor& actor, const std::string& id, const ChildPatch& in);
  Result<IssuedLogin> InviteGuardian(const Actor& actor, const std::string& family_id, const GuardianInput& in);
  Result<User> UpdateGuardian(const Actor& actor, const std::string& id, const GuardianPatch& in);
  Result<IssuedLogin> ResetGuardianPassword(const Actor& actor, const std::string& id);
};

}  // namespace tadaima::service

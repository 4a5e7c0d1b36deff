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
#include "store/audit_store.h"

namespace tadaima::service {

struct GuardianInput {
  std::string name;
  std::optional<std::string> email, relation, name_kana, phone;
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
  Patch<bool> may_leave_alone;  // the only key a guardian of the child may give
};
struct GuardianPatch {
  Patch<std::string> name;
  Patch<std::optional<std::string>> email, relation, name_kana, phone;
};

// The care texts as given: a key present replaces the stored text (blank clears it).
struct ChildCareInput {
  Patch<std::optional<std::string>> allergy, medical, notes;
};

// The facilities a family is enrolled at (any status): whose staff may see it.
std::vector<std::string> FacilityIdsOf(const Family& f);

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

  // The child's care texts (service/child_care.cpp): staff who may edit the
  // family (every read and change in the audit log) and the child's guardians,
  // who never see or give the staff's notes.
  Result<ChildCare> GetCare(const Actor& actor, const std::string& child_id);
  Result<ChildCare> PutCare(const Actor& actor, const std::string& child_id, const ChildCareInput& in);
  // Staff who may edit the family: who read or changed the child's records
  // (its care texts included), newest first, at most 200.
  Result<std::vector<store::AuditRecord>> ChildAudit(const Actor& actor, const std::string& child_id);
};

}  // namespace tadaima::service

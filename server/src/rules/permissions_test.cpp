#include "rules/permissions.h"

#include <gtest/gtest.h>

namespace tadaima {
namespace {

Actor Make(Role role, std::vector<std::string> facilities = {}, std::optional<std::string> family = {}) {
  Actor a;
  a.role = role;
  a.facility_ids = std::move(facilities);
  a.family_id = std::move(family);
  return a;
}

TEST(PermissionsTest, OrgAdminReadsEveryFamily) {
  EXPECT_TRUE(CanReadFamily(Make(Role::kOrgAdmin), "f1", {}));
  EXPECT_TRUE(CanEditFamily(Make(Role::kOrgAdmin), {}));
}

TEST(PermissionsTest, FacilityStaffReadsOnlyFamiliesOfItsFacilities) {
  Actor staff = Make(Role::kFacilityStaff, {"fa"});
  EXPECT_TRUE(CanReadFamily(staff, "f1", {"fb", "fa"}));
  EXPECT_FALSE(CanReadFamily(staff, "f1", {"fb"}));
  EXPECT_FALSE(CanReadFamily(staff, "f1", {}));
  EXPECT_TRUE(StaffCoversFacility(staff, "fa"));
  EXPECT_FALSE(StaffCoversFacility(staff, "fb"));
}

TEST(PermissionsTest, GuardianReadsOnlyItsFamilyAndEditsNothing) {
  Actor g = Make(Role::kGuardian, {}, "f1");
  EXPECT_TRUE(CanReadFamily(g, "f1", {}));
  EXPECT_FALSE(CanReadFamily(g, "f2", {"fa"}));
  EXPECT_FALSE(CanEditFamily(g, {"fa"}));
  EXPECT_FALSE(StaffCoversFacility(g, "fa"));
}

}  // namespace
}  // namespace tadaima

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

TEST(PermissionsTest, FacilityStaffManageMessagesOnlyWhollyWithinTheirFacilities) {
  EXPECT_TRUE(CanManageMessage(Make(Role::kOrgAdmin), {"fa", "fb"}));
  Actor staff = Make(Role::kFacilityStaff, {"fa", "fc"});
  EXPECT_TRUE(CanManageMessage(staff, {"fa"}));
  EXPECT_TRUE(CanManageMessage(staff, {"fa", "fc"}));
  EXPECT_FALSE(CanManageMessage(staff, {"fa", "fb"}));
  EXPECT_FALSE(CanManageMessage(staff, {}));
  EXPECT_FALSE(CanManageMessage(Make(Role::kGuardian, {}, "f1"), {"fa"}));
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

std::string ReasonOf(const Status& s) { return s ? "" : s.error().reason; }

TEST(PermissionsTest, RequireAnswersPermissionDeniedWithItsReason) {
  const Actor admin = Make(Role::kOrgAdmin), staff = Make(Role::kFacilityStaff, {"fa"});
  const Actor guardian = Make(Role::kGuardian, {}, "f1"), kiosk = Make(Role::kKiosk, {"fa"});
  const Actor orphan = Make(Role::kGuardian);  // a guardian account without a family
  EXPECT_TRUE(RequireStaff(admin) && RequireStaff(staff));
  EXPECT_EQ(ReasonOf(RequireStaff(guardian)), "staff_only");
  EXPECT_EQ(ReasonOf(RequireStaff(kiosk)), "staff_only");
  EXPECT_TRUE(RequireOrgAdmin(admin));
  EXPECT_EQ(ReasonOf(RequireOrgAdmin(staff)), "org_admin_only");
  EXPECT_TRUE(RequireGuardian(guardian));
  EXPECT_EQ(ReasonOf(RequireGuardian(orphan)), "guardians_only");
  EXPECT_EQ(ReasonOf(RequireGuardian(staff)), "guardians_only");
  EXPECT_TRUE(RequireGuardianOrStaff(guardian) && RequireGuardianOrStaff(staff));
  EXPECT_EQ(ReasonOf(RequireGuardianOrStaff(kiosk)), "guardians_and_staff_only");
  EXPECT_TRUE(RequireKiosk(kiosk));
  EXPECT_EQ(ReasonOf(RequireKiosk(admin)), "kiosks_only");
  EXPECT_EQ(RequireKiosk(admin).error().code, ErrorCode::kPermissionDenied);
}

TEST(PermissionsTest, StampsAtAFacilityByItsStaffOrItsKiosk) {
  const Actor staff = Make(Role::kFacilityStaff, {"fa"}), kiosk = Make(Role::kKiosk, {"fa"});
  EXPECT_TRUE(MayStamp(Make(Role::kOrgAdmin), "fb"));
  EXPECT_TRUE(MayStamp(staff, "fa"));
  EXPECT_TRUE(MayStamp(kiosk, "fa"));
  EXPECT_TRUE(IsKioskOf(kiosk, "fa"));
  EXPECT_FALSE(IsKioskOf(kiosk, "fb"));
  EXPECT_FALSE(IsKioskOf(staff, "fa"));
  EXPECT_EQ(ReasonOf(MayStamp(kiosk, "fb")), "kiosk_other_facility");
  EXPECT_EQ(ReasonOf(MayStamp(Make(Role::kGuardian, {}, "f1"), "fa")), "guardians_cannot_stamp");
  // Staff of another facility are not told it exists.
  EXPECT_EQ(MayStamp(staff, "fb").error().code, ErrorCode::kNotFound);
}

TEST(PermissionsTest, LiveEventsAndQueryScope) {
  EXPECT_TRUE(MayListenLive(Make(Role::kGuardian, {}, "f1")));
  EXPECT_TRUE(MayListenLive(Make(Role::kFacilityStaff, {"fa"})));
  EXPECT_EQ(ReasonOf(MayListenLive(Make(Role::kKiosk, {"fa"}))), "kiosk_no_live_events");
  Actor staff = Make(Role::kFacilityStaff, {"fa"});
  staff.user_id = "u1";
  EXPECT_EQ(FacilityScope(staff), "u1");
  EXPECT_FALSE(FacilityScope(Make(Role::kOrgAdmin)).has_value());
}

}  // namespace
}  // namespace tadaima

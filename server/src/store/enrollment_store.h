// Enrollments: a child (after_school, nursery) or a whole family (drop_in)
// registered at a facility, active or pending, and the questions asked of
// them — which children a facility has, whether a child is enrolled there.
//
// Contracts: every query a request makes takes the organization id and never
// returns another organization's rows; IsEnrolled is keyed by the facility
// (the caller has already found the facility in its organization). A child
// counts as enrolled at a facility when its own enrollment there is active,
// or its family's (one with no child) is.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "db/database.h"
#include "model/model.h"

namespace tadaima::store {

// A taken (facility, child) or (facility, family) comes back as kConflict.
Status InsertEnrollment(db::Tx& tx, const Enrollment& e, int64_t now);
// Writes e.status; a missing row (or another organization's) changes nothing and is no error.
Status SetEnrollmentStatus(db::Tx& tx, const Enrollment& e, int64_t now);
// Deletes the row; a missing one is no error.
Status DeleteEnrollment(db::Tx& tx, const Enrollment& e);
Result<std::optional<Enrollment>> FindEnrollment(db::Tx& tx, const std::string& organization_id,
                                                 const std::string& id);
struct EnrollmentQuery {
  std::string organization_id;
  std::optional<std::string> staff_user_id;  // facility_staff: only its facilities
  std::optional<std::string> facility_id;
  std::optional<EnrollmentStatus> status;
};
// Up to 2,000 enrollments, in creation order (created_at, then id).
Result<std::vector<Enrollment>> ListEnrollments(db::Tx& tx, const EnrollmentQuery& q);
// The enrollments of these families of the organization, in creation order
// (what the family loaders attach to each Family).
Result<std::vector<Enrollment>> ListEnrollmentsOfFamilies(db::Tx& tx, const std::string& organization_id,
                                                          const std::vector<std::string>& family_ids);

// Children active at the facility: enrolled themselves (after_school,
// nursery) or through their family (drop_in), by kana or name.
Result<std::vector<Child>> EnrolledChildren(db::Tx& tx, const std::string& organization_id,
                                            const std::string& facility_id);
// Whether `child_id` is active at the facility (as above).
Result<bool> IsEnrolled(db::Tx& tx, const std::string& facility_id, const std::string& child_id);

}  // namespace tadaima::store

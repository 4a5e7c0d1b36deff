// Enrollments: a child (or, at a drop-in room, a whole family) registered at
// a facility. Staff enroll at once; a guardian may ask to join a drop-in room
// (pending until staff approve). Thread-safe.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "service/context.h"

namespace tadaima::service {

// A drop-in room with the asking family's enrollment there, if any.
struct Room {
  Facility facility;
  std::optional<Enrollment> enrollment;
};

class Enrollments : AreaService {
 public:
  explicit Enrollments(Context& ctx) : AreaService(ctx) {}

  // Exactly one of child_id and family_id.
  Result<Enrollment> CreateEnrollment(const Actor& actor, const std::string& facility_id,
                                      const std::optional<std::string>& child_id,
                                      const std::optional<std::string>& family_id);
  Result<std::vector<Enrollment>> ListEnrollments(const Actor& actor, const std::optional<std::string>& facility_id,
                                                  const std::optional<std::string>& status);
  Result<Enrollment> ApproveEnrollment(const Actor& actor, const std::string& id);
  Status DeleteEnrollment(const Actor& actor, const std::string& id);

  // A guardian: every drop-in room of the organization, with the family's enrollment.
  Result<std::vector<Room>> MyRooms(const Actor& actor);
  // A guardian asks for the family to join a drop-in room (pending; not_drop_in otherwise).
  Result<Enrollment> EnrollInRoom(const Actor& actor, const std::string& facility_id);
};

}  // namespace tadaima::service

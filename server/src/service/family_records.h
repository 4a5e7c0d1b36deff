// What every use case that writes a family's people shares (Families, and
// Registrations when a pre-registration is approved): the checks of a
// guardian's and a child's fields, the family's search text, and new guardian
// logins with their initial passwords. Private to service/.
#pragma once

#include <string>

#include "base/field_errors.h"
#include "db/database.h"
#include "model/model.h"
#include "service/families.h"

namespace tadaima::service {

inline constexpr size_t kMaxGuardians = 10;
inline constexpr size_t kMaxChildren = 20;

// The normalized names of the family, its guardians and children (kana included).
std::string SearchTextOf(const Family& f);
// Records the problems of a guardian's fields under `prefix`; blank optional strings count as absent.
void CheckGuardian(const GuardianInput& g, const std::string& prefix, FieldErrors& errs);
// Validates a child's fields into `c` (name, kana, birth date not after today).
void ApplyChild(const ChildInput& in, const std::string& prefix, const CivilDate& today, FieldErrors& errs, Child& c);
// A guardian of the family with a new id, who must change the password first.
User GuardianFrom(const GuardianInput& in, const std::string& org, const std::string& family_id, int64_t now);
// A fresh initial password (shown once, on a letter or the screen).
std::string NewInitialPassword();
// Gives `u` a fresh login that no one has.
Status AssignLogin(db::Tx& tx, User& u);

// A new family of `in`, every field checked (problems recorded in `errs` under the
// input's paths: "name", "guardians[0].email"…); new ids from `now`; guardians
// without login or password yet.
Family NewFamilyFrom(const FamilyInput& in, const std::string& organization_id, int64_t now, const CivilDate& today,
                     FieldErrors& errs);
// Writes the new family `f` with its guardians (each given a fresh login) and
// children, enrolled at `facilities` (a drop-in room enrolls the family, any other
// facility each child).
Status InsertNewFamily(db::Tx& tx, Family& f, const std::vector<Facility>& facilities, int64_t now);

}  // namespace tadaima::service

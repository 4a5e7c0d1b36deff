// Families: the household rows, their children, and the whole Family
// aggregate as the loaders return it (guardians from the users table,
// enrollments through enrollment_store), plus the credential versions of
// families and children and the pick-up people a kiosk offers.
//
// Contracts: every query takes the organization id and never reads or writes
// another organization's rows (a foreign id reads as absent); updates of a
// missing row change nothing and are no error. Guardians come in creation
// order, children by birth date, enrollments in creation order.
#pragma once

#include <optional>

#include "db/database.h"
#include "model/model.h"

namespace tadaima::store {

Status InsertFamily(db::Tx& tx, const Family& f, const std::string& search_text, int64_t now);
Status UpdateFamily(db::Tx& tx, const Family& f, const std::string& search_text, int64_t now);
// The family with guardians, children and enrollments, when in the organization.
Result<std::optional<Family>> FindFamily(db::Tx& tx, const std::string& organization_id, const std::string& id);

struct FamilyQuery {
  std::string organization_id;
  std::optional<std::string> staff_user_id;  // facility_staff: only families enrolled at its facilities
  std::string search;                        // normalised (NormalizeForSearch); empty: all
  std::string after_id;                      // the cursor: ids greater than this
  int limit = 50;
};
// Families by id (creation order), whole aggregates.
Result<std::vector<Family>> ListFamilies(db::Tx& tx, const FamilyQuery& q);

// Increments the credential version of a child (or, with `family`, a family);
// returns the new version, or kNotFound when the organization has no such row.
Result<int> BumpCredentialVersion(db::Tx& tx, const std::string& organization_id, bool family, const std::string& id,
                                  int64_t now);

// The family's guardians as a kiosk offers them for pick-up: "母 山田 花子"
// (relation and name), or the name alone.
Result<std::vector<std::string>> PickupPeople(db::Tx& tx, const std::string& organization_id,
                                              const std::string& family_id);

Status InsertChild(db::Tx& tx, const Child& c, int64_t now);
Status UpdateChild(db::Tx& tx, const Child& c, int64_t now);
Result<std::optional<Child>> FindChild(db::Tx& tx, const std::string& organization_id, const std::string& id);

}  // namespace tadaima::store

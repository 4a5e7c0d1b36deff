// The care texts of a child (allergies, medical needs, staff notes): a table of
// their own, read only through these functions, so that no listing of
// children carries them by accident.
//
// Contracts: every query takes the organization id and never reads another
// organization's rows. A child without a row has no care texts.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "db/database.h"
#include "model/model.h"

namespace tadaima::store {

Result<std::optional<ChildCare>> FindCare(db::Tx& tx, const std::string& organization_id, const std::string& child_id);
// Inserts or replaces the child's row; updated_by is a user id.
Status PutCare(db::Tx& tx, const std::string& organization_id, const std::string& child_id, const ChildCare& care,
               const std::string& updated_by, int64_t now);

// Which texts each child has (only children with at least one appear).
struct CareMarkers {
  bool allergy = false, medical = false, notes = false;
};
Result<std::map<std::string, CareMarkers>> CareMarkersOf(db::Tx& tx, const std::string& organization_id,
                                                         const std::vector<std::string>& child_ids);

}  // namespace tadaima::store

// The ids a list may be filtered by (?facility_id=, ?child_id=): a filter may
// name only a row the actor could read by its own id; any other id — of
// another organization, or of a facility a facility_staff member does not
// cover — answers not_found naming the parameter, as the row itself would.
// One rule for foreign ids, filters included. Read-only; call inside the
// list's transaction.
#pragma once

#include <optional>
#include <string>

#include "base/error.h"
#include "base/time.h"
#include "db/database.h"
#include "model/model.h"

namespace tadaima::service {

// A facility of the actor's organization that staff cover (guardians: any of
// their organization's, whose names and hours they may read).
Status CheckFacilityFilter(db::Tx& tx, const Actor& actor, const std::string& facility_id);
// A child of the actor's organization the actor may read: its guardians, an
// org_admin, facility_staff of a facility where its family is enrolled.
Status CheckChildFilter(db::Tx& tx, const Actor& actor, const std::string& child_id);

// A date a list is asked for (?date=, ?from=): `fallback` when absent,
// invalid_argument not_date naming `field` when it is not YYYY-MM-DD.
Result<CivilDate> DateParam(const std::string& field, const std::optional<std::string>& text, const CivilDate& fallback);

}  // namespace tadaima::service

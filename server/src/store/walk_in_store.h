// Paper visitor forms (利用者票): visit groups of method 'paper' with their
// anonymous children (migration 0014).
//
// Contracts: every call takes the organization id and touches nothing of
// another organization; a form's client_id is unique (a second insert of it
// comes back as kConflict); lists are newest first.
#pragma once

#include <optional>

#include "db/database.h"
#include "model/walk_in.h"

namespace tadaima::store {

// Inserts the form and its children; `created_by` is the staff member.
Status InsertWalkIn(db::Tx& tx, const WalkIn& w, const std::optional<std::string>& client_id,
                    const std::string& created_by, int64_t now);
Result<std::optional<WalkIn>> FindWalkIn(db::Tx& tx, const std::string& organization_id, const std::string& id);
// The id of the form sent with `client_id`, if any.
Result<std::optional<std::string>> FindWalkInByClientId(db::Tx& tx, const std::string& organization_id,
                                                        const std::string& client_id);
// The facility's forms with visited_at in [from, to).
Result<std::vector<WalkIn>> ListWalkIns(db::Tx& tx, const std::string& organization_id,
                                        const std::string& facility_id, int64_t from, int64_t to);
Status SetWalkInFamily(db::Tx& tx, const std::string& organization_id, const std::string& id,
                       const std::optional<std::string>& family_id, int64_t now);
// Deletes the form and its children; false when there was none.
Result<bool> DeleteWalkIn(db::Tx& tx, const std::string& organization_id, const std::string& id);

}  // namespace tadaima::store

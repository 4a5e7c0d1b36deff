// Organizations (a municipality or an operator: every other row belongs to
// one) and their facilities with the settings each facility keeps.
//
// Contracts: every facility query takes the organization id and never reads
// or writes another organization's facility (a foreign id reads as absent);
// updating a missing facility changes nothing and is no error. A taken id
// comes back as kConflict.
#pragma once

#include <optional>

#include "db/database.h"
#include "model/model.h"

namespace tadaima::store {

Status InsertOrganization(db::Tx& tx, const Organization& org, int64_t now);
// The organization, or nullopt.
Result<std::optional<Organization>> FindOrganization(db::Tx& tx, const std::string& id);

Status InsertFacility(db::Tx& tx, const Facility& f, int64_t now);
Status UpdateFacility(db::Tx& tx, const Facility& f, int64_t now);
// The facility when it belongs to `organization_id`.
Result<std::optional<Facility>> FindFacility(db::Tx& tx, const std::string& organization_id,
                                             const std::string& id);
// Facilities of the organization by name, then id; when `user_id` is set only those
// the user works at (facility_staff).
Result<std::vector<Facility>> ListFacilities(db::Tx& tx, const std::string& organization_id,
                                             const std::optional<std::string>& user_id);

}  // namespace tadaima::store

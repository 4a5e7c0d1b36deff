// Organizations and facilities. Every query takes the organization id.
#pragma once

#include <optional>

#include "db/database.h"
#include "model/model.h"

namespace tadaima::store {

Status InsertOrganization(db::Tx& tx, const Organization& org, int64_t now);
Result<std::optional<Organization>> FindOrganization(db::Tx& tx, const std::string& id);

Status InsertFacility(db::Tx& tx, const Facility& f, int64_t now);
Status UpdateFacility(db::Tx& tx, const Facility& f, int64_t now);
// The facility when it belongs to `organization_id`.
Result<std::optional<Facility>> FindFacility(db::Tx& tx, const std::string& organization_id,
                                             const std::string& id);
// Facilities of the organization by name; when `user_id` is set only those
// the user works at (facility_staff).
Result<std::vector<Facility>> ListFacilities(db::Tx& tx, const std::string& organization_id,
                                             const std::optional<std::string>& user_id);

}  // namespace tadaima::store

// A course's applications and their children
// (sql/migrations/*/0010_calendar.sql).
//
// Contracts: every query takes the organization id, and rows of another
// organization are never returned or changed. A child holds at most one live
// (not cancelled) application per course: a second is a conflict naming
// course_application_children_once. Applications come in the order of
// applying (seq).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "db/database.h"
#include "model/event.h"

namespace tadaima::store {

Status InsertApplication(db::Tx& tx, const CourseApplication& a);
Result<std::optional<CourseApplication>> FindApplication(db::Tx& tx, const std::string& organization_id,
                                                         const std::string& id);
Result<std::optional<CourseApplication>> FindApplicationByClientId(db::Tx& tx, const std::string& organization_id,
                                                                   const std::string& client_id);
// The course's live applications (confirmed and waitlisted) by seq.
Result<std::vector<CourseApplication>> ListApplications(db::Tx& tx, const std::string& organization_id,
                                                        const std::string& event_id);
// The family's live applications among `event_ids`.
Result<std::vector<CourseApplication>> FamilyApplications(db::Tx& tx, const std::string& organization_id,
                                                          const std::string& family_id,
                                                          const std::vector<std::string>& event_ids);
// waitlisted -> confirmed, or (cancelled) a live one leaves, freeing its children.
Status SetApplicationStatus(db::Tx& tx, const std::string& organization_id, const std::string& id,
                            const std::string& status, int64_t now);
// Every live application of the course is cancelled (the course is).
Status CancelApplicationsOf(db::Tx& tx, const std::string& organization_id, const std::string& event_id,
                            int64_t now);
// The next seq of the course's applications.
Result<int64_t> NextApplicationSeq(db::Tx& tx, const std::string& event_id);

}  // namespace tadaima::store

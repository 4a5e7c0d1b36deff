// Visits (arrivals and departures) and the answers of stamp requests, by
// the client id a kiosk sends, which make a retried stamp return its first
// answer.
//
// Contracts: FindVisit, ListVisits and the stamp answers take the
// organization id and never return another organization's rows; the stamp
// path's lookups (FindLastVisit, FindVisitNear, HasVisitBetween) are keyed by
// child and facility, which the caller has found in its organization; the
// auto-close job's queries run across organizations and say so. Updates of a
// missing row change nothing and are no error. A visit carries its child's
// name, and at a drop-in room its group (組) and the group's adults.
#pragma once

#include <optional>

#include "db/database.h"
#include "model/model.h"

namespace tadaima::store {

Status InsertVisit(db::Tx& tx, const Visit& v, int64_t now);

// A visit (組) of children who came together with their adults, at a drop-in
// room (insert it before the visits that name it in group_id).
struct VisitGroup {
  std::string id, organization_id, facility_id;
  std::optional<std::string> family_id, created_by;
  std::string method = "qr";  // qr | manual
  int64_t arrived_at = 0;
  int adults = 0;
};
Status InsertVisitGroup(db::Tx& tx, const VisitGroup& g, int64_t now);
// Writes in_at, out_at, pickup_by, auto_closed and needs_review.
Status UpdateVisit(db::Tx& tx, const Visit& v, int64_t now);
// Locks the child's row until the transaction ends (PostgreSQL; SQLite's one
// writer needs no lock), so that concurrent stamps of one child take turns.
Status LockChild(db::Tx& tx, const std::string& child_id);
Result<std::optional<Visit>> FindVisit(db::Tx& tx, const std::string& organization_id, const std::string& id);
// The child's latest visit at the facility (by arrival), open or not: the
// child is here when it has no departure.
Result<std::optional<Visit>> FindLastVisit(db::Tx& tx, const std::string& child_id, const std::string& facility_id);
// A visit of the child at the facility that began or ended within `window_ms` of `at`.
Result<std::optional<Visit>> FindVisitNear(db::Tx& tx, const std::string& child_id, const std::string& facility_id,
                                           int64_t at, int64_t window_ms);

// Whether the child has a visit at the facility that began within [from_ms, to_ms).
Result<bool> HasVisitBetween(db::Tx& tx, const std::string& child_id, const std::string& facility_id, int64_t from_ms,
                             int64_t to_ms);

struct VisitQuery {
  std::string organization_id;
  std::optional<std::string> facility_id;
  std::optional<std::string> staff_user_id;  // facility_staff: only its facilities
  std::optional<std::string> child_id;
  int64_t from_ms = 0;                        // in_at >= from_ms
  int64_t to_ms = INT64_MAX;                  // in_at < to_ms
  bool needs_review_only = false;
  std::optional<std::pair<int64_t, std::string>> before;  // keyset cursor: (in_at, id) of the last row seen
  int limit = 50;
};
// Visits newest first.
Result<std::vector<Visit>> ListVisits(db::Tx& tx, const VisitQuery& q);

// Open visits of every organization with their facility's closing time and
// the organization's time zone (the auto-close job).
struct OpenVisit {
  Visit visit;
  int closes_at = 0;
  std::string time_zone;
};
Result<std::vector<OpenVisit>> ListOpenVisits(db::Tx& tx);
// Closes the visit at `out_at` when it is still open; false when it was not.
Result<bool> AutoCloseVisit(db::Tx& tx, const std::string& id, int64_t out_at, int64_t now);

// The answer recorded for the client id in the organization, if any. Client
// ids are unique across organizations: a second InsertStampOutcome for a
// recorded one comes back as kConflict.
Result<std::optional<std::string>> FindStampOutcome(db::Tx& tx, const std::string& organization_id,
                                                    const std::string& client_id);
Status InsertStampOutcome(db::Tx& tx, const std::string& organization_id, const std::string& client_id,
                          const std::string& outcome, int64_t now);

}  // namespace tadaima::store

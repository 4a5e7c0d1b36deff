// The calendar's entries, the closures they make, and the families' feed
// links (sql/migrations/*/0010_calendar.sql). A course's applications are in
// store/application_store.h.
//
// Contracts: every query takes the organization id, and rows of another
// organization are never returned or changed. Entries come by starts_at.
// Read entries carry their facility's name and, for courses, the confirmed
// seats and the waiting applications.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "db/database.h"
#include "model/event.h"

namespace tadaima::store {

// A taken client_id: conflict.
Status InsertEvent(db::Tx& tx, const CalendarEvent& e);
// Writes the fields a PATCH may change (title … apply_until) and updated_at.
Status UpdateEvent(db::Tx& tx, const CalendarEvent& e);
// scheduled -> cancelled; false when it was cancelled already.
Result<bool> CancelEvent(db::Tx& tx, const std::string& organization_id, const std::string& id, int64_t now);
Result<std::optional<CalendarEvent>> FindEvent(db::Tx& tx, const std::string& organization_id, const std::string& id);
Result<std::optional<CalendarEvent>> FindEventByClientId(db::Tx& tx, const std::string& organization_id,
                                                         const std::string& client_id);
// Takes the entry's row lock until the transaction ends (PostgreSQL; SQLite
// has one writer), so that two applications for one course are decided one
// after the other.
Status LockEvent(db::Tx& tx, const std::string& id);

// Orders closures and the plans of their days (PostgreSQL; SQLite has one
// writer): plans take it shared, a closure's change exclusively, so that a
// plan written while a closure of its day is added either is seen by the
// closure (and its family told) or sees the closure (and is refused).
Status LockClosures(db::Tx& tx, const std::string& organization_id, bool exclusive);

struct EventQuery {
  std::string organization_id;
  // Only these facilities' entries (and the organization's); nullopt: every facility's.
  std::optional<std::vector<std::string>> facility_ids;
  std::optional<std::string> kind;
  int64_t from = 0, to = 0;  // entries overlapping [from, to)
  int limit = 2'000;
};
Result<std::vector<CalendarEvent>> ListEvents(db::Tx& tx, const EventQuery& q);

// The scheduled closures at the facility (its own and the organization's)
// overlapping [from, to).
Result<std::vector<CalendarEvent>> ClosuresBetween(db::Tx& tx, const std::string& organization_id,
                                                   const std::string& facility_id, int64_t from, int64_t to);

// --- feeds
Result<std::optional<std::string>> FeedToken(db::Tx& tx, const std::string& organization_id,
                                             const std::string& family_id);
// The family's token, made `token` unless it has one (two first requests at once get the same).
Result<std::string> EnsureFeedToken(db::Tx& tx, const std::string& organization_id, const std::string& family_id,
                                    const std::string& token, int64_t now);
// Sets (or replaces) the family's token.
Status SetFeedToken(db::Tx& tx, const std::string& organization_id, const std::string& family_id,
                    const std::string& token, int64_t now);
// The family of a token: (organization id, family id).
Result<std::optional<std::pair<std::string, std::string>>> FeedFamily(db::Tx& tx, const std::string& token);

}  // namespace tadaima::store

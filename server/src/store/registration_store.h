// Pre-registrations (事前登録): the rows of the review queue, and what the
// review compares them with — the organization's children of given birth
// dates and its families' and guardians' phones. Every query is scoped by the
// organization.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "db/database.h"
#include "model/registration.h"
#include "rules/registration.h"

namespace tadaima::store {

// A registration with an e-mail address also waits for its confirmation mail.
Status InsertRegistration(db::Tx& tx, const Registration& r);

// Confirmation mails due at `now`, across organizations (the background job):
// each claimed until `lease_until`, its attempt counted.
struct DueMail {
  std::string id, organization_id, family_name, email;
  int attempts = 0;
  int64_t created_at = 0;
};
Result<std::vector<DueMail>> ClaimDueMails(db::Tx& tx, int64_t now, int64_t lease_until, int limit);
// sent | failed (next_at null), or pending again at next_at.
Status MarkMail(db::Tx& tx, const std::string& id, const std::string& status, std::optional<int64_t> next_at);
// With decided_by_name, when decided.
Result<std::optional<Registration>> FindRegistration(db::Tx& tx, const std::string& organization_id,
                                                     const std::string& id);
// Of one status, in the order they came (ids after `cursor`), at most `limit`.
Result<std::vector<Registration>> ListRegistrations(db::Tx& tx, const std::string& organization_id,
                                                    RegistrationStatus status, const std::string& cursor, int limit);
// Records the decision (status, decided_at/by, reject_reason, family_id) of a
// registration still pending; false when it was no longer pending.
Result<bool> DecideRegistration(db::Tx& tx, const Registration& r);
// Whether a registration was approved into the family.
Result<bool> FamilyCameFromRegistration(db::Tx& tx, const std::string& organization_id, const std::string& family_id);

Result<std::vector<KnownChild>> ChildrenBornOn(db::Tx& tx, const std::string& organization_id,
                                               const std::vector<CivilDate>& dates);
// Every family's phone and every guardian's, with the family's name.
Result<std::vector<KnownPhone>> KnownPhones(db::Tx& tx, const std::string& organization_id);

const char* RegistrationStatusName(RegistrationStatus s);
std::optional<RegistrationStatus> ParseRegistrationStatus(std::string_view name);

}  // namespace tadaima::store

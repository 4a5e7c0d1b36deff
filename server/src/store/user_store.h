// Users (staff and guardians share one table), the facilities a
// facility_staff member works at, and sign-in sessions.
//
// Contracts: logins are unique across all organizations (a taken one comes
// back as kConflict); FindUserByLogin is the one lookup across organizations
// (sign-in), every other user query takes the organization id or a user id
// the caller has already found. A user comes back with its facility ids
// (facility_staff only, sorted). Sessions are keyed by the hash of their
// token, never the token; an expired session reads as absent. Updates of a
// missing row change nothing and are no error.
#pragma once

#include <optional>

#include "db/database.h"
#include "model/model.h"

namespace tadaima::store {

// Inserts the user and, for facility_staff, its facility links.
// A taken login comes back as kConflict.
Status InsertUser(db::Tx& tx, const User& u, int64_t now);
// Updates name, role, email, relation and the facility links.
Status UpdateUser(db::Tx& tx, const User& u, int64_t now);
// Sets the password hash and whether it must be changed at the next sign-in.
Status SetPassword(db::Tx& tx, const std::string& user_id, const std::string& hash, bool must_change,
                   int64_t now);
// Whether any organization has a user with this login.
Result<bool> LoginExists(db::Tx& tx, const std::string& login);

// The user of this login in any organization (sign-in).
Result<std::optional<User>> FindUserByLogin(db::Tx& tx, const std::string& login);
// The user when it belongs to `organization_id`.
Result<std::optional<User>> FindUser(db::Tx& tx, const std::string& organization_id, const std::string& id);
// Staff (org_admin and facility_staff) of the organization, by name, then id.
Result<std::vector<User>> ListStaff(db::Tx& tx, const std::string& organization_id);

struct Session {
  std::string user_id;
  std::string csrf_token;
  int64_t expires_at = 0;
};

Status InsertSession(db::Tx& tx, const std::string& token_hash, const Session& s, int64_t now);
// The session and its user's actor, when the session exists and has not expired.
struct SessionActor {
  Session session;
  Actor actor;
};
Result<std::optional<SessionActor>> FindSession(db::Tx& tx, const std::string& token_hash, int64_t now);
// Ends the session; a missing one is no error.
Status DeleteSession(db::Tx& tx, const std::string& token_hash);
// Ends every session of the user except `keep_token_hash` (may be empty).
Status DeleteOtherSessions(db::Tx& tx, const std::string& user_id, const std::string& keep_token_hash);

}  // namespace tadaima::store

#include "store/user_store.h"

namespace tadaima::store {
namespace {

constexpr db::Query kInsertUser{
    "insert_user",
    "INSERT INTO users (id, organization_id, role, login, name, password_hash, must_change_password,"
    " family_id, email, relation, name_kana, phone, created_at, updated_at)"
    " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $12, $13, $11, $11)"};
constexpr db::Query kUpdateUser{
    "update_user",
    "UPDATE users SET name = $3, role = $4, email = $5, relation = $6, updated_at = $7, name_kana = $8, phone = $9"
    " WHERE organization_id = $1 AND id = $2"};
constexpr db::Query kSetPassword{
    "set_password",
    "UPDATE users SET password_hash = $2, must_change_password = $3, updated_at = $4 WHERE id = $1"};
constexpr db::Query kLoginExists{"login_exists", "SELECT 1 FROM users WHERE login = $1"};
constexpr db::Query kDeleteStaffFacilities{"delete_staff_facilities",
                                           "DELETE FROM staff_facilities WHERE user_id = $1"};
constexpr db::Query kInsertStaffFacility{"insert_staff_facility",
                                         "INSERT INTO staff_facilities (user_id, facility_id) VALUES ($1, $2)"};
constexpr db::Query kSelectStaffFacilities{
    "select_staff_facilities", "SELECT facility_id FROM staff_facilities WHERE user_id = $1 ORDER BY facility_id"};

#define TADAIMA_USER_COLUMNS \
  "u.id, u.organization_id, u.role, u.login, u.name, u.password_hash, u.must_change_password," \
  " u.family_id, u.email, u.relation, u.name_kana, u.phone"

constexpr db::Query kSelectUserByLogin{"select_user_by_login",
                                       "SELECT " TADAIMA_USER_COLUMNS " FROM users u WHERE u.login = $1"};
constexpr db::Query kSelectUser{
    "select_user", "SELECT " TADAIMA_USER_COLUMNS " FROM users u WHERE u.organization_id = $1 AND u.id = $2"};
constexpr db::Query kListStaff{
    "list_staff",
    "SELECT " TADAIMA_USER_COLUMNS " FROM users u WHERE u.organization_id = $1 AND u.role <> 'guardian'"
    " ORDER BY u.name, u.id"};

constexpr db::Query kInsertSession{
    "insert_session",
    "INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)"};
constexpr db::Query kSelectSession{
    "select_session",
    "SELECT s.user_id, s.csrf_token, s.expires_at, " TADAIMA_USER_COLUMNS ", o.time_zone"
    " FROM sessions s JOIN users u ON u.id = s.user_id JOIN organizations o ON o.id = u.organization_id"
    " WHERE s.token_hash = $1 AND s.expires_at > $2"};
constexpr db::Query kDeleteSession{"delete_session", "DELETE FROM sessions WHERE token_hash = $1"};
constexpr db::Query kDeleteOtherSessions{"delete_other_sessions",
                                         "DELETE FROM sessions WHERE user_id = $1 AND token_hash <> $2"};

User UserFrom(const db::Row& r, size_t o = 0) {
  User u;
  u.id = r.Text(o + 0);
  u.organization_id = r.Text(o + 1);
  u.role = ParseRole(r.Text(o + 2)).value_or(Role::kGuardian);
  u.login = r.Text(o + 3);
  u.name = r.Text(o + 4);
  u.password_hash = r.Text(o + 5);
  u.must_change_password = r.Bool(o + 6);
  u.family_id = r.OptText(o + 7);
  u.email = r.OptText(o + 8);
  u.relation = r.OptText(o + 9);
  u.name_kana = r.OptText(o + 10);
  u.phone = r.OptText(o + 11);
  return u;
}

Status LoadFacilities(db::Tx& tx, User& u) {
  if (u.role != Role::kFacilityStaff) return {};
  auto rs = TRY(tx.Exec(kSelectStaffFacilities, {u.id}));
  for (const auto& r : rs.rows) u.facility_ids.push_back(r.Text(0));
  return {};
}

Status WriteFacilities(db::Tx& tx, const User& u) {
  TRY(tx.Exec(kDeleteStaffFacilities, {u.id}));
  if (u.role != Role::kFacilityStaff) return {};
  for (const auto& f : u.facility_ids) TRY(tx.Exec(kInsertStaffFacility, {u.id, f}));
  return {};
}

}  // namespace

Status InsertUser(db::Tx& tx, const User& u, int64_t now) {
  TRY(tx.Exec(kInsertUser, {u.id, u.organization_id, RoleName(u.role), u.login, u.name, u.password_hash,
                            int64_t{u.must_change_password}, db::Opt(u.family_id), db::Opt(u.email),
                            db::Opt(u.relation), now, db::Opt(u.name_kana), db::Opt(u.phone)}));
  return WriteFacilities(tx, u);
}

Status UpdateUser(db::Tx& tx, const User& u, int64_t now) {
  TRY(tx.Exec(kUpdateUser, {u.organization_id, u.id, u.name, RoleName(u.role), db::Opt(u.email),
                            db::Opt(u.relation), now, db::Opt(u.name_kana), db::Opt(u.phone)}));
  return WriteFacilities(tx, u);
}

Status SetPassword(db::Tx& tx, const std::string& user_id, const std::string& hash, bool must_change,
                   int64_t now) {
  TRY(tx.Exec(kSetPassword, {user_id, hash, int64_t{must_change}, now}));
  return {};
}

Result<bool> LoginExists(db::Tx& tx, const std::string& login) {
  auto rs = TRY(tx.Exec(kLoginExists, {login}));
  return !rs.empty();
}

Result<std::optional<User>> FindUserByLogin(db::Tx& tx, const std::string& login) {
  auto rs = TRY(tx.Exec(kSelectUserByLogin, {login}));
  if (rs.empty()) return std::nullopt;
  User u = UserFrom(rs.rows[0]);
  TRY_STATUS(LoadFacilities(tx, u));
  return u;
}

Result<std::optional<User>> FindUser(db::Tx& tx, const std::string& organization_id, const std::string& id) {
  auto rs = TRY(tx.Exec(kSelectUser, {organization_id, id}));
  if (rs.empty()) return std::nullopt;
  User u = UserFrom(rs.rows[0]);
  TRY_STATUS(LoadFacilities(tx, u));
  return u;
}

Result<std::vector<User>> ListStaff(db::Tx& tx, const std::string& organization_id) {
  auto rs = TRY(tx.Exec(kListStaff, {organization_id}));
  std::vector<User> out;
  for (const auto& r : rs.rows) {
    out.push_back(UserFrom(r));
    TRY_STATUS(LoadFacilities(tx, out.back()));
  }
  return out;
}

Status InsertSession(db::Tx& tx, const std::string& token_hash, const Session& s, int64_t now) {
  TRY(tx.Exec(kInsertSession, {token_hash, s.user_id, s.csrf_token, now, s.expires_at}));
  return {};
}

Result<std::optional<SessionActor>> FindSession(db::Tx& tx, const std::string& token_hash, int64_t now) {
  auto rs = TRY(tx.Exec(kSelectSession, {token_hash, now}));
  if (rs.empty()) return std::nullopt;
  const auto& r = rs.rows[0];
  SessionActor out;
  out.session = {r.Text(0), r.Text(1), r.Int(2)};
  User u = UserFrom(r, 3);
  TRY_STATUS(LoadFacilities(tx, u));
  Actor& a = out.actor;
  a.user_id = u.id;
  a.organization_id = u.organization_id;
  a.time_zone = r.Text(15);
  a.role = u.role;
  a.name = u.name;
  a.login = u.login;
  a.family_id = u.family_id;
  a.facility_ids = u.facility_ids;
  a.must_change_password = u.must_change_password;
  return out;
}

Status DeleteSession(db::Tx& tx, const std::string& token_hash) {
  TRY(tx.Exec(kDeleteSession, {token_hash}));
  return {};
}

Status DeleteOtherSessions(db::Tx& tx, const std::string& user_id, const std::string& keep_token_hash) {
  TRY(tx.Exec(kDeleteOtherSessions, {user_id, keep_token_hash}));
  return {};
}

}  // namespace tadaima::store

#include "store/registration_store.h"

#include <nlohmann/json.hpp>

#include "store/rows.h"

namespace tadaima::store {
namespace {

#define TADAIMA_REGISTRATION_COLUMNS                                                                     \
  "r.id, r.organization_id, r.status, r.family_name, r.address, r.phone, r.email, r.people, r.created_at," \
  " r.decided_at, r.decided_by, u.name, r.reject_reason, r.family_id"

constexpr db::Query kInsertRegistration{
    "insert_registration",
    "INSERT INTO registrations (id, organization_id, status, family_name, address, phone, email, people, created_at,"
    " mail_status, mail_next_at)"
    " VALUES ($1, $2, 'pending', $3, $4, $5, $6, $7, $8, CASE WHEN CAST($6 AS TEXT) IS NULL THEN NULL ELSE 'pending' END,"
    " $8)"};
constexpr db::Query kClaimMails{
    "claim_registration_mails",
    // The outer mail_next_at test makes a second process that waited for the row's lock skip it.
    "UPDATE registrations SET mail_next_at = $2, mail_attempts = mail_attempts + 1"
    " WHERE mail_status = 'pending' AND mail_next_at <= $1 AND id IN (SELECT id FROM registrations"
    " WHERE mail_status = 'pending' AND mail_next_at <= $1 ORDER BY mail_next_at LIMIT $3)"
    " RETURNING id, organization_id, family_name, email, mail_attempts, created_at"};
constexpr db::Query kMarkMail{
    "mark_registration_mail", "UPDATE registrations SET mail_status = $2, mail_next_at = $3 WHERE id = $1"};
constexpr db::Query kSelectRegistration{
    "select_registration",
    "SELECT " TADAIMA_REGISTRATION_COLUMNS " FROM registrations r LEFT JOIN users u ON u.id = r.decided_by"
    " WHERE r.organization_id = $1 AND r.id = $2"};
constexpr db::Query kListRegistrations{
    "list_registrations",
    "SELECT " TADAIMA_REGISTRATION_COLUMNS " FROM registrations r LEFT JOIN users u ON u.id = r.decided_by"
    " WHERE r.organization_id = $1 AND r.status = $2 AND r.id > $3 ORDER BY r.id LIMIT $4"};
constexpr db::Query kDecideRegistration{
    "decide_registration",
    "UPDATE registrations SET status = $3, decided_at = $4, decided_by = $5, reject_reason = $6, family_id = $7"
    " WHERE organization_id = $1 AND id = $2 AND status = 'pending'"};
constexpr db::Query kFamilyFromRegistration{
    "family_from_registration",
    "SELECT 1 FROM registrations WHERE family_id = $2 AND organization_id = $1 AND status = 'approved' LIMIT 1"};
constexpr db::Query kChildrenBornOn{
    "children_born_on",
    "SELECT c.family_id, f.name, c.name, c.name_kana, c.birth_date FROM children c JOIN families f ON f.id = c.family_id"
    " WHERE c.organization_id = $1 AND " TADAIMA_IN_JSON("c.birth_date", 2) " ORDER BY c.family_id, c.id",
    "SELECT c.family_id, f.name, c.name, c.name_kana, c.birth_date FROM children c JOIN families f ON f.id = c.family_id"
    " WHERE c.organization_id = $1 AND " TADAIMA_IN_JSON_PG("c.birth_date", 2) " ORDER BY c.family_id, c.id"};
// The organization's families are read once per review page (a city's few
// thousand); the digits are compared by rules/registration.h.
constexpr db::Query kKnownPhones{
    "known_phones",
    "SELECT f.id, f.name, f.phone FROM families f WHERE f.organization_id = $1 AND f.phone IS NOT NULL"
    " UNION ALL SELECT f.id, f.name, u.phone FROM users u JOIN families f ON f.id = u.family_id"
    " WHERE u.organization_id = $1 AND u.role = 'guardian' AND u.phone IS NOT NULL"};

nlohmann::json PeopleJson(const Registration& r) {
  nlohmann::json guardians = nlohmann::json::array(), children = nlohmann::json::array();
  auto opt = [](const std::optional<std::string>& s) { return s ? nlohmann::json(*s) : nlohmann::json(nullptr); };
  for (const auto& g : r.guardians)
    guardians.push_back({{"name", g.name}, {"name_kana", opt(g.name_kana)}, {"relation", opt(g.relation)},
                         {"email", opt(g.email)}, {"phone", opt(g.phone)}});
  for (const auto& c : r.children)
    children.push_back({{"name", c.name}, {"name_kana", opt(c.name_kana)}, {"birth_date", c.birth_date.ToString()}});
  return {{"guardians", guardians}, {"children", children}};
}

std::optional<std::string> OptString(const nlohmann::json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end() || !it->is_string()) return std::nullopt;
  return it->get<std::string>();
}

Registration RegistrationFrom(const db::Row& row) {
  Registration r;
  r.id = row.Text(0);
  r.organization_id = row.Text(1);
  r.status = ParseRegistrationStatus(row.Text(2)).value_or(RegistrationStatus::kPending);
  r.family_name = row.Text(3);
  r.address = row.OptText(4);
  r.phone = row.Text(5);
  r.email = row.OptText(6);
  const auto people = nlohmann::json::parse(row.Text(7), nullptr, false);
  if (people.is_object()) {
    for (const auto& g : people.value("guardians", nlohmann::json::array()))
      r.guardians.push_back({g.value("name", ""), OptString(g, "name_kana"), OptString(g, "relation"),
                             OptString(g, "email"), OptString(g, "phone")});
    for (const auto& c : people.value("children", nlohmann::json::array()))
      r.children.push_back({c.value("name", ""), OptString(c, "name_kana"),
                            CivilDate::Parse(c.value("birth_date", "")).value_or(CivilDate{})});
  }
  r.created_at = row.Int(8);
  r.decided_at = IntOrNull(row, 9);
  r.decided_by = row.OptText(10);
  r.decided_by_name = row.OptText(11);
  r.reject_reason = row.OptText(12);
  r.family_id = row.OptText(13);
  return r;
}

}  // namespace

const char* RegistrationStatusName(RegistrationStatus s) {
  switch (s) {
    case RegistrationStatus::kApproved: return "approved";
    case RegistrationStatus::kRejected: return "rejected";
    default: return "pending";
  }
}

std::optional<RegistrationStatus> ParseRegistrationStatus(std::string_view name) {
  if (name == "pending") return RegistrationStatus::kPending;
  if (name == "approved") return RegistrationStatus::kApproved;
  if (name == "rejected") return RegistrationStatus::kRejected;
  return std::nullopt;
}

Status InsertRegistration(db::Tx& tx, const Registration& r) {
  TRY(tx.Exec(kInsertRegistration, {r.id, r.organization_id, r.family_name, db::Opt(r.address), r.phone,
                                    db::Opt(r.email), PeopleJson(r).dump(), r.created_at}));
  return {};
}

Result<std::vector<DueMail>> ClaimDueMails(db::Tx& tx, int64_t now, int64_t lease_until, int limit) {
  auto rs = TRY(tx.Exec(kClaimMails, {now, lease_until, int64_t{limit}}));
  std::vector<DueMail> out;
  for (const auto& r : rs.rows)
    out.push_back({r.Text(0), r.Text(1), r.Text(2), r.Text(3), static_cast<int>(r.Int(4)), r.Int(5)});
  return out;
}

Status MarkMail(db::Tx& tx, const std::string& id, const std::string& status, std::optional<int64_t> next_at) {
  TRY(tx.Exec(kMarkMail, {id, status, next_at ? db::Value(*next_at) : db::Value(nullptr)}));
  return {};
}

Result<std::optional<Registration>> FindRegistration(db::Tx& tx, const std::string& organization_id,
                                                     const std::string& id) {
  auto rs = TRY(tx.Exec(kSelectRegistration, {organization_id, id}));
  if (rs.empty()) return std::optional<Registration>();
  return std::optional<Registration>(RegistrationFrom(rs.rows[0]));
}

Result<std::vector<Registration>> ListRegistrations(db::Tx& tx, const std::string& organization_id,
                                                    RegistrationStatus status, const std::string& cursor, int limit) {
  auto rs = TRY(tx.Exec(kListRegistrations,
                        {organization_id, RegistrationStatusName(status), cursor, static_cast<int64_t>(limit)}));
  std::vector<Registration> out;
  for (const auto& row : rs.rows) out.push_back(RegistrationFrom(row));
  return out;
}

Result<bool> DecideRegistration(db::Tx& tx, const Registration& r) {
  auto rs = TRY(tx.Exec(kDecideRegistration, {r.organization_id, r.id, RegistrationStatusName(r.status),
                                              OptInt(r.decided_at), db::Opt(r.decided_by),
                                              db::Opt(r.reject_reason), db::Opt(r.family_id)}));
  return rs.affected == 1;
}

Result<bool> FamilyCameFromRegistration(db::Tx& tx, const std::string& organization_id, const std::string& family_id) {
  auto rs = TRY(tx.Exec(kFamilyFromRegistration, {organization_id, family_id}));
  return !rs.empty();
}

Result<std::vector<KnownChild>> ChildrenBornOn(db::Tx& tx, const std::string& organization_id,
                                               const std::vector<CivilDate>& dates) {
  std::vector<KnownChild> out;
  if (dates.empty()) return out;
  nlohmann::json list = nlohmann::json::array();
  for (const auto& d : dates) list.push_back(d.ToString());
  auto rs = TRY(tx.Exec(kChildrenBornOn, {organization_id, list.dump()}));
  for (const auto& row : rs.rows)
    out.push_back({row.Text(0), row.Text(1), row.Text(2), row.OptText(3),
                   CivilDate::Parse(row.Text(4)).value_or(CivilDate{})});
  return out;
}

Result<std::vector<KnownPhone>> KnownPhones(db::Tx& tx, const std::string& organization_id) {
  auto rs = TRY(tx.Exec(kKnownPhones, {organization_id}));
  std::vector<KnownPhone> out;
  for (const auto& row : rs.rows) out.push_back({row.Text(0), row.Text(1), row.Text(2)});
  return out;
}

}  // namespace tadaima::store

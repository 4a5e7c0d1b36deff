#include "store/application_store.h"

#include <map>

#include <nlohmann/json.hpp>

#include "store/rows.h"

namespace tadaima::store {
namespace {

#define TADAIMA_APPLICATION_COLUMNS                                                                            \
  "a.id, a.organization_id, a.event_id, a.family_id, f.name, a.status, a.seats, a.seq, a.client_id,"          \
  " a.created_by_id, a.created_by_name, a.created_at, a.updated_at"
#define TADAIMA_APPLICATION_FROM " FROM course_applications a JOIN families f ON f.id = a.family_id"

constexpr db::Query kInsertApplication{
    "insert_course_application",
    "INSERT INTO course_applications (id, organization_id, event_id, family_id, status, seats, seq, client_id,"
    " created_by_id, created_by_name, created_at, updated_at, confirmed_at)"
    " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11, CASE WHEN $5 = 'confirmed' THEN CAST($11 AS BIGINT) END)"};
constexpr db::Query kInsertApplicationChild{
    "insert_course_application_child",
    "INSERT INTO course_application_children (application_id, event_id, child_id) VALUES ($1, $2, $3)"};
constexpr db::Query kFindApplication{
    "find_course_application",
    "SELECT " TADAIMA_APPLICATION_COLUMNS TADAIMA_APPLICATION_FROM " WHERE a.organization_id = $1 AND a.id = $2"};
constexpr db::Query kFindApplicationByClientId{
    "find_course_application_by_client_id",
    "SELECT " TADAIMA_APPLICATION_COLUMNS TADAIMA_APPLICATION_FROM
    " WHERE a.organization_id = $1 AND a.client_id = $2"};
constexpr db::Query kListApplications{
    "list_course_applications",
    "SELECT " TADAIMA_APPLICATION_COLUMNS TADAIMA_APPLICATION_FROM
    " WHERE a.organization_id = $1 AND a.event_id = $2 AND a.status <> 'cancelled' ORDER BY a.seq"};
constexpr db::Query kFamilyApplications{
    "family_course_applications",
    "SELECT " TADAIMA_APPLICATION_COLUMNS TADAIMA_APPLICATION_FROM
    " WHERE a.organization_id = $1 AND a.family_id = $2 AND a.status <> 'cancelled' AND "
    TADAIMA_IN_JSON("a.event_id", 3) " ORDER BY a.seq",
    "SELECT " TADAIMA_APPLICATION_COLUMNS TADAIMA_APPLICATION_FROM
    " WHERE a.organization_id = $1 AND a.family_id = $2 AND a.status <> 'cancelled' AND "
    TADAIMA_IN_JSON_PG("a.event_id", 3) " ORDER BY a.seq"};
constexpr db::Query kChildrenOfApplications{
    "children_of_course_applications",
    "SELECT ac.application_id, c.id, c.name, c.name_kana, c.birth_date FROM course_application_children ac"
    " JOIN children c ON c.id = ac.child_id WHERE " TADAIMA_IN_JSON("ac.application_id", 1)
    " ORDER BY ac.application_id, c.birth_date, c.id",
    "SELECT ac.application_id, c.id, c.name, c.name_kana, c.birth_date FROM course_application_children ac"
    " JOIN children c ON c.id = ac.child_id WHERE " TADAIMA_IN_JSON_PG("ac.application_id", 1)
    " ORDER BY ac.application_id, c.birth_date, c.id"};
constexpr db::Query kSetApplicationStatus{
    "set_course_application_status",
    "UPDATE course_applications SET status = $3, updated_at = $4,"
    " confirmed_at = CASE WHEN $3 = 'confirmed' THEN CAST($4 AS BIGINT) ELSE confirmed_at END,"
    " cancelled_at = CASE WHEN $3 = 'cancelled' THEN CAST($4 AS BIGINT) ELSE cancelled_at END"
    " WHERE organization_id = $1 AND id = $2 AND status <> 'cancelled'"};
constexpr db::Query kFreeApplicationChildren{
    "free_course_application_children",
    "UPDATE course_application_children SET active = 0 WHERE application_id = $1"};
constexpr db::Query kLiveApplicationsOf{
    "live_course_applications_of",
    "SELECT id FROM course_applications WHERE organization_id = $1 AND event_id = $2 AND status <> 'cancelled'"};
constexpr db::Query kNextSeq{
    "next_course_application_seq", "SELECT COALESCE(MAX(seq), 0) + 1 FROM course_applications WHERE event_id = $1"};

CourseApplication ApplicationFrom(const db::Row& r) {
  CourseApplication a;
  a.id = r.Text(0);
  a.organization_id = r.Text(1);
  a.event_id = r.Text(2);
  a.family_id = r.Text(3);
  a.family_name = r.Text(4);
  a.status = r.Text(5);
  a.seats = static_cast<int>(r.Int(6));
  a.seq = r.Int(7);
  a.client_id = r.OptText(8);
  a.created_by_id = r.Text(9);
  a.created_by_name = r.Text(10);
  a.created_at = r.Int(11);
  a.updated_at = r.Int(12);
  return a;
}

Status LoadChildren(db::Tx& tx, std::vector<CourseApplication>& apps) {
  if (apps.empty()) return {};
  std::map<std::string, CourseApplication*> by_id;
  nlohmann::json ids = nlohmann::json::array();
  for (auto& a : apps) {
    by_id[a.id] = &a;
    ids.push_back(a.id);
  }
  for (const auto& r : TRY(tx.Exec(kChildrenOfApplications, {ids.dump()})).rows)
    if (auto it = by_id.find(r.Text(0)); it != by_id.end())
      it->second->children.push_back(
          {r.Text(1), r.Text(2), r.OptText(3), CivilDate::Parse(r.Text(4)).value_or(CivilDate{})});
  return {};
}

Result<std::vector<CourseApplication>> Many(db::Tx& tx, const db::Query& q, const db::Params& params) {
  std::vector<CourseApplication> out;
  for (const auto& r : TRY(tx.Exec(q, params)).rows) out.push_back(ApplicationFrom(r));
  TRY_STATUS(LoadChildren(tx, out));
  return out;
}

Result<std::optional<CourseApplication>> One(db::Tx& tx, const db::Query& q, const db::Params& params) {
  auto all = TRY(Many(tx, q, params));
  if (all.empty()) return std::optional<CourseApplication>();
  return std::optional<CourseApplication>(std::move(all[0]));
}

}  // namespace

Status InsertApplication(db::Tx& tx, const CourseApplication& a) {
  TRY(tx.Exec(kInsertApplication, {a.id, a.organization_id, a.event_id, a.family_id, a.status, int64_t{a.seats}, a.seq,
                                   db::Opt(a.client_id), a.created_by_id, a.created_by_name, a.created_at}));
  for (const auto& c : a.children) TRY(tx.Exec(kInsertApplicationChild, {a.id, a.event_id, c.id}));
  return {};
}

Result<std::optional<CourseApplication>> FindApplication(db::Tx& tx, const std::string& organization_id,
                                                         const std::string& id) {
  return One(tx, kFindApplication, {organization_id, id});
}

Result<std::optional<CourseApplication>> FindApplicationByClientId(db::Tx& tx, const std::string& organization_id,
                                                                   const std::string& client_id) {
  return One(tx, kFindApplicationByClientId, {organization_id, client_id});
}

Result<std::vector<CourseApplication>> ListApplications(db::Tx& tx, const std::string& organization_id,
                                                        const std::string& event_id) {
  return Many(tx, kListApplications, {organization_id, event_id});
}

Result<std::vector<CourseApplication>> FamilyApplications(db::Tx& tx, const std::string& organization_id,
                                                          const std::string& family_id,
                                                          const std::vector<std::string>& event_ids) {
  if (event_ids.empty()) return std::vector<CourseApplication>{};
  return Many(tx, kFamilyApplications, {organization_id, family_id, nlohmann::json(event_ids).dump()});
}

Status SetApplicationStatus(db::Tx& tx, const std::string& organization_id, const std::string& id,
                            const std::string& status, int64_t now) {
  const auto rs = TRY(tx.Exec(kSetApplicationStatus, {organization_id, id, status, now}));
  if (status == "cancelled" && rs.affected > 0) TRY(tx.Exec(kFreeApplicationChildren, {id}));
  return {};
}

Status CancelApplicationsOf(db::Tx& tx, const std::string& organization_id, const std::string& event_id,
                            int64_t now) {
  for (const auto& r : TRY(tx.Exec(kLiveApplicationsOf, {organization_id, event_id})).rows)
    TRY_STATUS(SetApplicationStatus(tx, organization_id, r.Text(0), "cancelled", now));
  return {};
}

Result<int64_t> NextApplicationSeq(db::Tx& tx, const std::string& event_id) {
  return TRY(tx.Exec(kNextSeq, {event_id})).rows.at(0).Int(0);
}

}  // namespace tadaima::store

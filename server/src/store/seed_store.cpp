#include "store/seed_store.h"

namespace tadaima::store {
namespace {

constexpr db::Query kInsertVisitHistory{
    "insert_visit_history",
    "WITH RECURSIVE days(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM days WHERE n < CAST($1 AS INTEGER))"
    " INSERT INTO visits (id, organization_id, facility_id, child_id, in_at, out_at, pickup_by, method, auto_closed,"
    " needs_review, created_at, updated_at)"
    " SELECT e.child_id || '-h' || CAST(n AS TEXT), e.organization_id, e.facility_id, e.child_id,"
    " CAST($2 AS BIGINT) - CAST(n AS BIGINT) * 86400000, CAST($2 AS BIGINT) - CAST(n AS BIGINT) * 86400000 + 10800000,"
    " NULL, 'qr', 0, 0, CAST($2 AS BIGINT), CAST($2 AS BIGINT)"
    " FROM enrollments e CROSS JOIN days WHERE e.organization_id = $3 AND e.child_id IS NOT NULL"};

}  // namespace

Result<int64_t> InsertVisitHistory(db::Tx& tx, const std::string& organization_id, int days, int64_t now) {
  auto rs = TRY(tx.Exec(kInsertVisitHistory, {int64_t{days}, now, organization_id}));
  return rs.affected;
}

}  // namespace tadaima::store

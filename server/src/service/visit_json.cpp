#include "service/visit_json.h"

#include "base/time.h"

namespace tadaima::service {

nlohmann::json VisitJson(const Visit& v, const std::string& time_zone) {
  return {{"id", v.id},
          {"facility_id", v.facility_id},
          {"child", {{"id", v.child_id}, {"name", v.child_name}}},
          {"in_at", FormatInstant(v.in_at, time_zone)},
          {"out_at", v.out_at ? nlohmann::json(FormatInstant(*v.out_at, time_zone)) : nullptr},
          {"pickup_by", v.pickup_by ? nlohmann::json(*v.pickup_by) : nullptr},
          {"left_alone", v.left_alone},
          {"method", v.method == VisitMethod::kManual ? "manual" : "qr"},
          {"auto_closed", v.auto_closed},
          {"needs_review", v.needs_review},
          {"review_reason", v.review_reason ? nlohmann::json(*v.review_reason) : nullptr},
          {"group_id", v.group_id ? nlohmann::json(*v.group_id) : nullptr},
          {"adults", v.group_id ? nlohmann::json(v.adults) : nullptr}};
}

}  // namespace tadaima::service

// The one JSON mapping of a visit, wherever it leaves the server: the API's
// answers and the live events. Instants in the organization's time zone.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "model/model.h"

namespace tadaima::service {

nlohmann::json VisitJson(const Visit& v, const std::string& time_zone);

}  // namespace tadaima::service

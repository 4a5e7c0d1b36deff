// The visit list as a CSV file (入退館記録) for spreadsheets: one line per
// visit, in Japanese, dates and times in the organization's time zone.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "model/model.h"

namespace tadaima::report {

// `facility_names`: facility id -> name (an unknown id is written as is).
std::string VisitsCsv(const std::vector<Visit>& visits, const std::map<std::string, std::string>& facility_names,
                      const std::string& time_zone);

}  // namespace tadaima::report

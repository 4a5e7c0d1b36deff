// A survey's results as files for the office: one row a responding family
// (family, answered at, answered by, then a column per question), as CSV and
// as a workbook with the counts on a second sheet. Times in the
// organization's zone.
#pragma once

#include <string>
#include <vector>

#include "base/error.h"
#include "model/survey.h"

namespace tadaima::report {

// UTF-8 with a byte-order mark (`bom`), CRLF line ends.
std::string SurveyCsv(const Survey& s, const std::vector<SurveyResponse>& responses, const std::string& time_zone,
                      bool bom = true);
// Sheet 回答: the rows (numbers as numbers); sheet 集計: each option's count.
Result<std::string> SurveyXlsx(const Survey& s, const std::vector<SurveyResponse>& responses,
                               const std::string& time_zone);

}  // namespace tadaima::report

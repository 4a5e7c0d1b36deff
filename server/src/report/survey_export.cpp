#include "report/survey_export.h"

#include "base/time.h"
#include "report/csv.h"
#include "report/xlsx.h"
#include "rules/surveys.h"

namespace tadaima::report {
namespace {

// "2027-06-10 15:04" in the zone.
std::string LocalTime(int64_t ms, const std::string& time_zone) {
  const std::string t = FormatInstant(ms, time_zone);  // 2027-06-10T15:04:05+09:00
  return t.substr(0, 10) + " " + t.substr(11, 5);
}

std::vector<std::string> Header(const Survey& s) {
  std::vector<std::string> h{"世帯", "回答日時", "回答者"};
  for (const auto& q : s.questions) h.push_back(q.text);
  return h;
}

}  // namespace

std::string SurveyCsv(const Survey& s, const std::vector<SurveyResponse>& responses, const std::string& time_zone,
                      bool bom) {
  std::string out = bom ? kCsvBom : "";
  out += CsvRow(Header(s));
  for (const auto& r : responses) {
    if (!r.answers) continue;
    std::vector<std::string> row{r.family_name, r.answered_at ? LocalTime(*r.answered_at, time_zone) : "",
                                 r.answered_by_name.value_or("")};
    for (const auto& q : s.questions) row.push_back(r.answers->contains(q.id) ? AnswerText((*r.answers)[q.id]) : "");
    out += CsvRow(row);
  }
  return out;
}

Result<std::string> SurveyXlsx(const Survey& s, const std::vector<SurveyResponse>& responses,
                               const std::string& time_zone) {
  XlsxSheet answers{"回答", {}, 1, false, {16, 18, 14}};
  std::vector<XlsxCell> header;
  for (const auto& h : Header(s)) header.emplace_back(h);
  answers.rows.push_back(std::move(header));
  for (const auto& r : responses) {
    if (!r.answers) continue;
    std::vector<XlsxCell> row{r.family_name, r.answered_at ? LocalTime(*r.answered_at, time_zone) : "",
                              r.answered_by_name.value_or("")};
    for (const auto& q : s.questions) {
      auto it = r.answers->find(q.id);
      if (it == r.answers->end()) row.emplace_back(std::monostate{});
      else if (it->is_number()) row.emplace_back(it->get<double>());
      else row.emplace_back(AnswerText(*it));
    }
    answers.rows.push_back(std::move(row));
  }

  XlsxSheet counts{"集計", {{std::string("質問"), std::string("選択肢"), std::string("回答数")}}, 1, false, {40, 24, 10}};
  const auto tallies = TallySurvey(s.questions, responses);
  for (size_t i = 0; i < s.questions.size(); ++i) {
    const auto& t = tallies[i];
    if (t.counts.empty()) {
      counts.rows.push_back({s.questions[i].text, std::string("（回答数）"), static_cast<double>(t.answered)});
      continue;
    }
    for (const auto& [option, n] : t.counts) counts.rows.push_back({s.questions[i].text, option, static_cast<double>(n)});
  }
  return WriteXlsx({answers, counts});
}

}  // namespace tadaima::report
